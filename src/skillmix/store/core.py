"""The :class:`Store`: one database (engine + sessions + migrations) and one files folder.

Everything else in :mod:`skillmix.store` takes a Store and works inside
:meth:`Store.session`, which commits on success, rolls back on error and turns database
failures into coded :class:`~skillmix.errors.StoreError` (the API answers 500 with the code).
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import SkillmixError
from ..errors.store_codes import S001, S002, S003
from .db import WRITE_OPTION, default_files_dir, is_sqlite, make_engine, normalise_url
from .files import FileStore
from .models import AuditRow

if TYPE_CHECKING:
    from .commit import GroupCommit

__all__ = ["Store", "add_audit", "new_id"]


def new_id(prefix: str) -> str:
    """A random, unguessable id such as ``cand_3f9a0c1d2e4b5a6f`` (no content in it)."""
    return f"{prefix}_{secrets.token_hex(8)}"


def add_audit(sess: Session, actor: str, action: str, object_type: str = "",
              object_id: str = "", **detail: Any) -> None:
    """Append one audit entry in ``sess`` (ids, action names and counts only; never text)."""
    sess.add(AuditRow(actor=actor, action=action, object_type=object_type,
                      object_id=object_id, detail=detail))


class Store:
    """A skillmix workspace's persistence.

    ``url``: an SQLAlchemy URL, a SQLite file path, or ``None`` for ``$SKILLMIX_DB_URL`` or
    ``sqlite:///skillmix.sqlite``. ``files_dir``: where originals are kept (default: next to
    the SQLite file). ``migrate``: bring the schema to the newest revision on open.
    """

    def __init__(self, url: str | os.PathLike[str] | None = None, *,
                 files_dir: str | os.PathLike[str] | None = None, migrate: bool = True) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        self.files = FileStore(files_dir if files_dir is not None else default_files_dir(self.url))
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._write_engine = self.engine.execution_options(**{WRITE_OPTION: True})
        self._writer = sessionmaker(self._write_engine, expire_on_commit=False)
        # This process's write units of work queue here, so at most one of them waits for
        # the database's lock: on SQLite in its busy handler (which sleeps up to 100 ms
        # between tries, long after the lock came free), on PostgreSQL for the chain-head
        # row while holding a pooled connection (forty such waiters emptied the pool and
        # made reads wait for a connection). Not needed for correctness (the database
        # serialises writers across processes); it keeps waits short and connections free.
        self._write_gate = threading.RLock()
        # SQLite also across processes: a writer waiting in SQLite's busy handler polls
        # with sleeps and can miss the lock for seconds while another process's writers
        # take it in turn; a file lock beside the database wakes the next waiter instead.
        self._gate_file = (Path(f"{self.engine.url.database}-writers.lock")
                           if self.is_sqlite else None)
        self._gate_depth = threading.local()
        self._group: Any = None  # the GroupCommit, made on first use (see .commit)
        self._group_lock = threading.Lock()
        if migrate:
            self.migrate()

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def display_url(self) -> str:
        """The URL without its password, for logs and ``/health``."""
        return self.engine.url.render_as_string(hide_password=True)

    def migrate(self) -> None:
        from .migrate import upgrade

        try:
            upgrade(self.engine)
        except SQLAlchemyError as err:
            raise S001(f"cannot migrate {self.display_url}: {_short(err)}.",
                       hint="Check the database URL and that the server is up.") from err

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises.

        ``write=True`` for a unit of work that reads and then writes, such as an append to
        the decision log: on SQLite it begins with ``BEGIN IMMEDIATE`` (writers queue for
        the lock before they read, see :mod:`.db`); on PostgreSQL rows that must not change
        under it are locked with ``SELECT ... FOR UPDATE``."""
        gate = self._write_gate if write else None
        fd = None
        if gate is not None:
            gate.acquire()
            fd = self._lock_file()
        sess = (self._writer if write else self._factory)()
        try:
            yield sess
            sess.commit()
        except SkillmixError:
            sess.rollback()
            raise
        except SQLAlchemyError as err:
            sess.rollback()
            raise S002(f"database error: {_short(err)}.",
                       hint="Retry; if it persists, check the database server.") from err
        finally:
            sess.close()
            if gate is not None:
                self._unlock_file(fd)
                gate.release()

    @contextmanager
    def connection(self, *, write: bool = False) -> Iterator[Connection]:
        """:meth:`session` on a SQLAlchemy Core connection: for the use cases' hot paths,
        whose reads and writes go through prebuilt Core statements (the ORM session's
        bookkeeping cost more than their queries)."""
        gate = self._write_gate if write else None
        fd = None
        if gate is not None:
            gate.acquire()
            fd = self._lock_file()
        try:
            with (self._write_engine if write else self.engine).connect() as conn:
                with conn.begin():
                    yield conn
        except SkillmixError:
            raise
        except SQLAlchemyError as err:
            raise S002(f"database error: {_short(err)}.",
                       hint="Retry; if it persists, check the database server.") from err
        finally:
            if gate is not None:
                self._unlock_file(fd)
                gate.release()

    def _lock_file(self) -> int | None:
        """Take the SQLite writers' file lock (once per thread: write sessions may nest)."""
        depth = getattr(self._gate_depth, "n", 0)
        self._gate_depth.n = depth + 1
        if self._gate_file is None or depth:
            return None
        try:
            import fcntl

            fd = os.open(self._gate_file, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)
            return fd
        except (ImportError, OSError):  # pragma: no cover - non-POSIX: the busy handler waits
            return None

    def _unlock_file(self, fd: int | None) -> None:
        self._gate_depth.n = getattr(self._gate_depth, "n", 1) - 1
        if fd is not None:
            os.close(fd)  # releases the flock

    def audit(self, sess: Session, actor: str, action: str, object_type: str = "",
              object_id: str = "", **detail: Any) -> None:
        """Append one audit entry (ids, action names and counts only; never text)."""
        add_audit(sess, actor, action, object_type, object_id, **detail)

    def compact(self, *, attempts: int = 20, wait_s: float = 0.25) -> bool:
        """Push freed pages out of the SQLite WAL, or VACUUM PostgreSQL tables, so deleted
        rows leave no readable copy behind (used after an erasure and at start-up).

        Why retry: ``wal_checkpoint(TRUNCATE)`` cannot empty the WAL while a reader holds
        an older snapshot, and says so only in its result (``busy``). Each attempt waits
        at most 100 ms for readers (not the 30 s busy timeout); True when the WAL was
        emptied, False when readers kept it busy through every attempt (the caller
        reports it; the next compaction finishes the job)."""
        try:
            if not self.is_sqlite:
                with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.execute(text("VACUUM"))
                return True
            for attempt in range(max(1, attempts)):
                with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.exec_driver_sql("PRAGMA busy_timeout=100")
                    try:
                        busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                    finally:
                        conn.exec_driver_sql("PRAGMA busy_timeout=30000")
                if not busy and self._wal_empty():
                    return True
                if attempt + 1 < attempts:
                    time.sleep(wait_s)
            return False
        except SQLAlchemyError as err:
            raise S003(f"cannot compact the database: {_short(err)}.") from err

    def _wal_empty(self) -> bool:
        wal = Path(f"{self.engine.url.database}-wal")
        try:
            return wal.stat().st_size == 0
        except FileNotFoundError:
            return True

    @property
    def writer(self) -> "GroupCommit":
        """This process's group-commit writer for the results of use cases
        (:mod:`skillmix.store.commit`)."""
        with self._group_lock:
            if self._group is None:
                from .commit import GroupCommit

                self._group = GroupCommit(self)
            return self._group

    def dispose(self) -> None:
        self.engine.dispose()

    def sqlite_paths(self) -> list[Path]:
        """The SQLite database file and its WAL/SHM companions (empty for PostgreSQL)."""
        if not self.is_sqlite:
            return []
        db = Path(self.engine.url.database or "")
        return [p for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]


def _short(err: BaseException) -> str:
    msg = str(getattr(err, "orig", None) or err).strip().splitlines()
    return msg[0][:300] if msg else type(err).__name__
