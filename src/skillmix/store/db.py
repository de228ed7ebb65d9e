"""Engines for the store: SQLite by default (WAL, foreign keys, secure delete), PostgreSQL by URL.

Why these SQLite settings: WAL lets the web server read while an upload writes;
``foreign_keys`` makes the ON DELETE CASCADE of the schema real; ``secure_delete`` overwrites
freed pages with zeros, so an erased candidate's text does not linger in the database file
(erasure also checkpoints the WAL, see :mod:`skillmix.store.erase`); ``synchronous=FULL``
syncs the WAL at every commit, so a committed result and its decision-log entry survive a
power loss. Why not ``NORMAL`` (no sync until a checkpoint): the server writes results in
group commits (:mod:`skillmix.store.commit`), one commit and so one sync per batch of
requests, and the load benchmark showed no difference between the two beyond run-to-run
noise (docs/serve.md, Durability).

Why explicit ``BEGIN``: the sqlite3 module would open a transaction only at the first
write, so a unit of work that reads and then writes could find, at that write, that another
process committed since its read (``database is locked`` at once, no waiting). skillmix
begins every transaction itself: ``BEGIN IMMEDIATE`` for a write unit of work (it takes the
database's write lock first, waiting up to the busy timeout, so writers queue in the
database, never in process memory) and a plain ``BEGIN`` (a consistent snapshot) for reads.
A connection with the ``AUTOCOMMIT`` isolation level (checkpoints, VACUUM) begins nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..errors.config_codes import C101, C102

__all__ = ["DEFAULT_URL", "WRITE_OPTION", "default_files_dir", "is_sqlite", "make_engine",
           "normalise_url"]

#: execution option that makes a SQLite transaction ``BEGIN IMMEDIATE`` (see the module doc)
WRITE_OPTION = "skillmix_write"

#: used when neither ``--db`` nor ``SKILLMIX_DB_URL`` says otherwise
DEFAULT_URL = "sqlite:///skillmix.sqlite"


def normalise_url(url: str | os.PathLike[str] | None) -> str:
    """Turn ``None`` (:attr:`skillmix.config.Settings.database_url`, else the default), a
    bare file path or a URL into an SQLAlchemy URL.

    ``postgresql://`` URLs use the psycopg 3 driver (the ``postgres`` extra).
    """
    if url is None:
        from ..config import current_settings

        url = current_settings().database_url or DEFAULT_URL
    text = os.fspath(url)
    if "://" not in text:
        text = "sqlite:///" + str(Path(text).expanduser())
    if text.startswith("postgres://"):
        text = "postgresql://" + text[len("postgres://"):]
    if text.startswith("postgresql://"):
        text = "postgresql+psycopg://" + text[len("postgresql://"):]
    try:
        make_url(text)
    except ArgumentError as err:
        raise C101(f"not a database URL: {text!r} ({err}).",
                   hint="Use sqlite:///path.sqlite or postgresql://user@host/db.") from err
    return text


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def default_files_dir(url: str) -> Path:
    """Where uploaded files go when not given: :attr:`skillmix.config.Settings.files_dir`,
    else next to an SQLite file, else ``./skillmix-files``."""
    from ..config import current_settings

    configured = current_settings().files_dir
    if configured is not None:
        return configured
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        db = Path(parsed.database)  # type: ignore[arg-type]
        return db.with_name(db.name + ".files")
    return Path("skillmix-files")


def make_engine(url: str) -> Engine:
    """An engine with the settings the store relies on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise C102("an in-memory SQLite database cannot be shared by the server.",
                       hint="Give a file path, e.g. sqlite:///skillmix.sqlite.")
        db_path = Path(parsed.database)  # type: ignore[arg-type]
        db_path.parent.mkdir(parents=True, exist_ok=True)
        try:  # created owner-only: it holds résumés (SQLite gives its WAL the same mode)
            os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               json_serializer=_json_text, json_deserializer=_json_value)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None  # transactions are begun by _begin below
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA secure_delete=ON")
            cur.execute("PRAGMA synchronous=FULL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:  # type: ignore[no-untyped-def]
            opts = conn.get_execution_options()
            if opts.get("isolation_level") == "AUTOCOMMIT":
                return
            conn.exec_driver_sql("BEGIN IMMEDIATE" if opts.get(WRITE_OPTION) else "BEGIN")

        return engine
    if parsed.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as err:
            from ..errors import MissingExtraError

            raise MissingExtraError.for_module("psycopg", "postgres") from err
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20,
                         json_serializer=_json_text, json_deserializer=_json_value)


def _json_text(value: object) -> str:
    """JSON columns encoded with orjson when present (results are large: a ranking of 20
    with its explanations is ~100 KB; the standard library took several ms per row)."""
    from ..jsonio import dumps

    return dumps(value).decode("utf-8")


def _json_value(text: object) -> object:
    from ..jsonio import loads

    if not isinstance(text, (str, bytes, bytearray)):
        return text  # SQLite hands back a bare number stored in a JSON column as a number
    return loads(bytes(text) if isinstance(text, bytearray) else text)
