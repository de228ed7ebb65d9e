"""Group commit: the results of many use cases, their decision-log entries and audit rows
written in one transaction.

Why: every assessment and ranking ends in a write that must hold the decision log's chain
head (the database's write lock on SQLite, the head row's lock on PostgreSQL) while it
seals its entry on the predecessor's hash. Written one use case per transaction, each
write took the lock, waited for the GIL between its statements (the process's other
request threads hold it for up to the switch interval each time) and committed alone, so
the lock was held far longer than the work under it and writers queued across processes.
Here the units of work of one process queue for one writer at a time
(:class:`GroupCommit`): it takes everything queued, locks the head once, seals the entries
one after the other (one unbroken chain, in the order they are written), inserts every row
with one statement per table and commits once. Under load a batch holds many units; a
lone unit is written at once by the thread that made it.

What stays true: each unit's result, entry, audit row and cache rows commit together or
not at all (a batch commits whole, and a crash loses whole batches); a unit whose
candidates were erased since it read them fails alone with ``[S101]`` (on PostgreSQL the
candidates are locked against erasure, ``FOR SHARE``, until the batch commits); when a
batch fails for any other reason its units are written again one per transaction, so one
bad unit cannot fail the others. The head file of the log is moved once per batch, to the
batch's last entry. Nothing waits for a batch longer than the batch before it takes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Collection, Generic, Mapping, Sequence, TypeVar

from sqlalchemy import Table, bindparam, insert, select, update

from ..errors.store_codes import S101
from .models import (
    table_of,
    AuditRow,
    CandidateRow,
    DecisionHeadRow,
    DecisionLogRow,
    DerivedRow,
    RankingMemberRow,
    RankingRow,
    ScorecardRow,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from ..fairness.log import DecisionLog, LogEntry
    from .core import Store

__all__ = ["GroupCommit", "Rows", "Unit", "live_candidates"]

T = TypeVar("T")

#: tables in the order a batch inserts into them (parents before children)
ORDER: tuple[Table, ...] = tuple(table_of(m) for m in (
    RankingRow, RankingMemberRow, ScorecardRow, DerivedRow, AuditRow))
_LOG = table_of(DecisionLogRow)
_HEAD = table_of(DecisionHeadRow)
_CANDIDATES = table_of(CandidateRow)
#: the most units one transaction writes
BATCH = 64
_MOVE_HEAD = update(_HEAD).where(_HEAD.c.id == 1).values(seq=bindparam("seq"),
                                                       hash=bindparam("hash"))
_LIVE = (select(_CANDIDATES.c.id).where(_CANDIDATES.c.id.in_(bindparam("ids", expanding=True)))
         .with_for_update(read=True))
_HEAD_ROW = select(_HEAD.c.hash, _HEAD.c.seq).where(_HEAD.c.id == 1).with_for_update()


@dataclass(frozen=True, slots=True)
class Rows(Generic[T]):
    """What one unit writes besides its log entry: ``rows`` as (table, values) in any
    order, and the ``result`` the use case returns once they are committed."""

    rows: Sequence[tuple[Table, Mapping[str, Any]]]
    result: T


@dataclass(frozen=True, slots=True)
class Unit(Generic[T]):
    """One use case's write: its decision-log entry's fields, sealed on the chain by
    ``log`` at write time, and ``build(entry)``, the rows that go with that entry (a
    result records its entry's id). ``candidates`` must still exist when it is written."""

    log: "DecisionLog"
    fields: Mapping[str, Any]
    build: Callable[["LogEntry"], Rows[T]]
    candidates: tuple[str, ...] = ()


class _Job:
    """A unit waiting to be written, and what came of it."""

    __slots__ = ("unit", "finished", "result", "error")

    def __init__(self, unit: Unit[Any]) -> None:
        self.unit = unit
        self.finished = False
        self.result: Any = None
        self.error: BaseException | None = None

    def fail(self, err: BaseException) -> None:
        self.error, self.finished = err, True


class GroupCommit:
    """The writer of one :class:`~skillmix.store.core.Store` in this process (see the module
    docstring). :meth:`write` returns a unit's result once it is committed.

    Leader and followers, no thread of its own: a request thread whose unit finds nobody
    writing writes it, with every unit queued by then; units that arrive meanwhile wait and
    the first of them writes the next batch. So a lone unit is written by its own thread at
    once, with no hand-over to another thread and back."""

    def __init__(self, store: "Store") -> None:
        self.store = store
        self._cv = threading.Condition()
        self._queue: list[_Job] = []
        self._writing = False

    def write(self, unit: Unit[T]) -> T:
        job = _Job(unit)
        with self._cv:
            self._queue.append(job)
            while not job.finished:
                if self._writing:
                    self._cv.wait()
                    continue
                self._writing = True
                batch, self._queue = self._queue[:BATCH], self._queue[BATCH:]
                self._cv.release()
                try:
                    self._write(batch)
                except BaseException as err:  # noqa: BLE001 - no waiter may be left waiting
                    for other in batch:
                        if not other.finished:
                            other.fail(err)
                finally:
                    self._cv.acquire()
                    self._writing = False
                    self._cv.notify_all()
        if job.error is not None:
            raise job.error
        return job.result  # type: ignore[no-any-return]

    def _write(self, batch: list[_Job]) -> None:
        try:
            written = self._transaction(batch)
        except BaseException as err:  # noqa: BLE001 - handed to the waiting request threads
            if len(batch) == 1:
                if not batch[0].finished:
                    batch[0].fail(err)
                return
            for job in batch:  # one unit alone cannot fail the others
                if not job.finished:
                    self._write([job])
            return
        failed: BaseException | None = None
        try:
            for log, entry in {id(j.unit.log): (j.unit.log, e) for j, e, _ in written}.values():
                log.anchored(entry)  # the batch's last entry of each log
        except Exception as err:  # noqa: BLE001 - committed, but the head file could not move
            failed = err  # each request reports it, as one written alone did
        for job, _entry, result in written:
            if failed is not None:
                job.fail(failed)
            else:
                job.result, job.finished = result, True

    def _transaction(self, batch: list[_Job]) -> list[tuple[_Job, "LogEntry", Any]]:
        written: list[tuple[_Job, "LogEntry", Any]] = []
        with self.store.connection(write=True) as conn:
            live = live_candidates(conn, {c for j in batch for c in j.unit.candidates})
            todo = []
            for job in batch:
                gone = [c for c in job.unit.candidates if c not in live]
                if gone:  # erased while the result was being computed
                    job.fail(S101(f"no candidate {gone[0]!r}."))
                else:
                    todo.append(job)
            if not todo:
                return []
            prev, seq = _locked_head(conn)
            entries: list[dict[str, Any]] = []
            rows: dict[Table, list[Mapping[str, Any]]] = {t: [] for t in ORDER}
            for job in todo:
                entry = job.unit.log.seal(job.unit.fields, prev, seq + 1)
                prev, seq = entry.hash, int(entry.seq or seq + 1)
                entries.append({"id": entry.id, "at": entry.at, "entry": entry.to_dict()})
                made = job.unit.build(entry)
                for table, values in made.rows:
                    rows[table].append(values)
                written.append((job, entry, made.result))
            conn.execute(insert(_LOG), entries)
            for table in ORDER:
                if rows[table]:
                    insert_rows(conn, table, rows[table])
            conn.execute(_MOVE_HEAD, {"seq": seq, "hash": prev})
        return written


def insert_rows(conn: "Connection", table: Table, rows: list[Mapping[str, Any]]) -> None:
    """One INSERT for all ``rows`` of ``table`` (a test replaces it to crash mid-batch)."""
    conn.execute(insert(table), rows)


def live_candidates(conn: "Connection", ids: Collection[str]) -> set[str]:
    """Which of ``ids`` are candidates, locked against deletion until the transaction ends
    (``FOR SHARE`` on PostgreSQL; SQLite's write transaction excludes other writers)."""
    found: set[str] = set()
    wanted = sorted(ids)
    for i in range(0, len(wanted), 500):
        found.update(conn.execute(_LIVE, {"ids": wanted[i:i + 500]}).scalars())
    return found


def _locked_head(conn: "Connection") -> tuple[str, int]:
    """The chain head (hash, position), locked until the transaction ends; made from the
    entries when a database lost it (as :mod:`skillmix.store.decisions` does)."""
    row = conn.execute(_HEAD_ROW).first()
    if row is not None:
        return str(row[0]), int(row[1])
    from ..fairness.log import tail_of

    digest, seq = tail_of(conn.execute(select(_LOG.c.entry).order_by(_LOG.c.seq)).scalars())
    conn.execute(insert(_HEAD).values(id=1, seq=seq, hash=digest))
    return digest, seq
