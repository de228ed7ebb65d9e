"""Group commit (skillmix.store.commit): units of work queued by many threads are written
in shared transactions, in one unbroken decision-log chain; a unit that cannot be written
fails alone and its batch-mates commit."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select


def _log(store):  # type: ignore[no-untyped-def]
    from skillmix.fairness.log import DecisionLog
    from skillmix.store.decisions import DbLogSink, store_anchor

    return DecisionLog(DbLogSink(store), anchor=store_anchor(store))


def _candidate(store, n: int) -> str:  # type: ignore[no-untyped-def]
    from skillmix.store.models import CandidateRow

    with store.session(write=True) as sess:
        sess.add(CandidateRow(id=f"cand_{n:016x}"))
    return f"cand_{n:016x}"


def _unit(log, cand: str, n: int, *, hold=None, fail: bool = False):  # type: ignore[no-untyped-def]
    from skillmix.store.commit import Unit
    from skillmix.store.subjects import scorecard_rows

    fields = log.run_fields("scoring", inputs=[f"doc {n}"], outputs={"n": n}, actor="t")

    def build(entry):  # type: ignore[no-untyped-def]
        if hold is not None:
            hold()
        if fail:
            raise ValueError("a unit that cannot be built")
        return scorecard_rows(cand, "profile:x", {"n": n, "decision": entry.id}, actor="t")

    return Unit(log=log, fields=fields, build=build, candidates=(cand,))


def _batched(store, units, monkeypatch):  # type: ignore[no-untyped-def]
    """Write ``units`` from one thread each, the first batch held until all are queued;
    returns (results or errors in unit order, the sizes of the batches written)."""
    from skillmix.store.commit import GroupCommit

    sizes: list[int] = []
    real = GroupCommit._transaction

    def counted(self, batch):  # type: ignore[no-untyped-def]
        sizes.append(len(batch))
        return real(self, batch)

    monkeypatch.setattr(GroupCommit, "_transaction", counted)
    out: list[object] = [None] * len(units)

    def run(i: int) -> None:
        try:
            out[i] = store.writer.write(units[i])
        except Exception as err:  # noqa: BLE001 - what the test checks
            out[i] = err

    first = threading.Thread(target=run, args=(0,))
    first.start()
    others = [threading.Thread(target=run, args=(i,)) for i in range(1, len(units))]
    for t in others:
        t.start()
    for t in [first, *others]:
        t.join(60)
    return out, sizes


def _wait_for_queue(store, n: int):  # type: ignore[no-untyped-def]
    def hold() -> None:
        deadline = time.monotonic() + 30
        while len(store.writer._queue) < n and time.monotonic() < deadline:
            time.sleep(0.01)
    return hold


def test_group_commit_threads_share_transactions_in_one_chain(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from skillmix.store.models import AuditRow, ScorecardRow

    log = _log(store)
    cands = [_candidate(store, i) for i in range(4)]
    n = 12
    hold = _wait_for_queue(store, n - 1)
    units = [_unit(log, cands[i % 4], i, hold=hold if i == 0 else None) for i in range(n)]
    out, sizes = _batched(store, units, monkeypatch)
    assert all(getattr(r, "kind", None) == "scorecard" for r in out), out
    assert sizes[0] == 1 and max(sizes) == n - 1  # the others waited and went in one batch
    assert sorted(r.data["n"] for r in out) == list(range(n))  # type: ignore[attr-defined]
    assert log.verify() == n
    seqs = [e.seq for e in log.entries()]
    assert seqs == list(range(1, n + 1))
    with store.session() as sess:
        assert sess.scalar(select(func.count()).select_from(ScorecardRow)) == n
        assert sess.scalar(select(func.count()).select_from(AuditRow)
                           .where(AuditRow.action == "candidate.assess")) == n
    assert log.anchor.head().count == n  # moved to the last batch's last entry


def test_group_commit_bad_units_fail_alone(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from skillmix.errors import SkillmixError

    log = _log(store)
    cand = _candidate(store, 1)
    hold = _wait_for_queue(store, 5)
    units = [_unit(log, cand, 0, hold=hold), _unit(log, cand, 1),
             _unit(log, "cand_erased00000000", 2), _unit(log, cand, 3, fail=True),
             _unit(log, cand, 4), _unit(log, cand, 5)]
    out, sizes = _batched(store, units, monkeypatch)
    assert isinstance(out[2], SkillmixError) and out[2].code == "S101"
    assert isinstance(out[3], ValueError)
    good = [r for i, r in enumerate(out) if i not in (2, 3)]
    assert all(getattr(r, "kind", None) == "scorecard" for r in good), out
    assert len(sizes) > 2  # the failed batch was written again one unit at a time
    assert log.verify() == 4
    assert sorted(e.outputs["n"] for e in log.entries()) == [0, 1, 4, 5]


def test_group_commit_head_file_failure_reaches_every_waiter(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Committed, but the log's head file cannot move: each request of the batch gets the
    error (as a request written alone did) and no thread is left waiting."""
    log = _log(store)
    cand = _candidate(store, 1)

    def broken(entry):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(log, "anchored", broken)
    hold = _wait_for_queue(store, 3)
    units = [_unit(log, cand, 0, hold=hold), _unit(log, cand, 1), _unit(log, cand, 2),
             _unit(log, cand, 3)]
    out, sizes = _batched(store, units, monkeypatch)
    assert all(isinstance(r, OSError) for r in out), out
    assert sizes == [1, 3]
    assert not store.writer._writing and not store.writer._queue
    from skillmix.store.models import DecisionLogRow

    with store.session() as sess:  # committed (a check reports the missing head file)
        assert sess.scalar(select(func.count()).select_from(DecisionLogRow)) == 4
