"""A ranking or an assessment whose documents, settings and code did not change reuses the
newest stored result's payload (a run of its own: new row, new decision entry, new audit
row); anything that changes the inputs computes it again; erasure leaves nothing to reuse."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")


def _ws(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    from skillmix.service import Workspace, WorkspaceSettings
    from skillmix.store import Store

    return Workspace(Store(db_url, files_dir=tmp_path / "files"), WorkspaceSettings(sandbox=False))


def _resume(ws, i: int) -> str:  # type: ignore[no-untyped-def]
    text = f"Person {i}\nSocial media manager: SEO, Hootsuite, paid social, Python {i}.\n"
    return ws.ingest(text.encode(), filename=f"r{i}.txt", kind="resume", actor="k").stored.candidate_id


def test_result_reuse_ranking_same_inputs_reused_changed_inputs_computed(db_url: str,
                                                                       tmp_path: Path) -> None:
    from skillmix.service import decision_log, erase, rank_posting

    ws = _ws(db_url, tmp_path)
    a, b = _resume(ws, 1), _resume(ws, 2)
    post = ws.ingest(b"Social media manager. Requirements: SEO, Python.\n", filename="p.txt",
                     kind="posting", actor="k").stored.posting_id
    first = rank_posting(ws, post, actor="k")
    again = rank_posting(ws, post, actor="k2")
    assert "reused_from" not in first.data and again.data["reused_from"] == first.id
    assert again.id != first.id and again.data["ranking"] == first.data["ranking"]
    assert again.data["decision"] != first.data["decision"]
    log = decision_log(ws)
    runs = {e.id: e for e in log.entries(kind="run")}
    one, two = runs[first.data["decision"]], runs[again.data["decision"]]
    assert (one.inputs, one.outputs, one.config) == (two.inputs, two.outputs, two.config)
    assert two.actor == "k2"
    assert "reused_from" not in rank_posting(ws, post, top=1, actor="k").data  # top changed
    assert "reused_from" not in rank_posting(ws, post, blind=False, actor="k").data
    c = _resume(ws, 3)  # a new candidate joins the pool
    third = rank_posting(ws, post, actor="k")
    assert "reused_from" not in third.data and third.data["pool"] == 3
    erase(ws, c, actor="k")  # the rankings that listed them go
    after = rank_posting(ws, post, actor="k")
    assert "reused_from" not in after.data and after.data["pool"] == 2
    assert set(dict(after.data["candidates"]).values()) == {a, b}
    assert log.verify() == len(list(log.entries()))
    ws.store.dispose()


def test_result_reuse_assessment(db_url: str, tmp_path: Path) -> None:
    from skillmix.service import assess_candidate

    ws = _ws(db_url, tmp_path)
    a = _resume(ws, 1)
    first = assess_candidate(ws, a, actor="k")
    again = assess_candidate(ws, a, actor="k")
    assert again.data["reused_from"] == first.id
    assert again.data["scorecard"] == first.data["scorecard"]
    other = assess_candidate(ws, a, profile="social-media-analyst", actor="k")
    assert "reused_from" not in other.data  # another target
    # a newer résumé for the same candidate is another input
    ws.ingest(b"Person 1\nSocial media analyst: SQL, Tableau, SEO.\n", filename="n.txt",
              kind="resume", actor="k", candidate_id=a)
    assert "reused_from" not in assess_candidate(ws, a, actor="k").data
    ws.store.dispose()


def test_result_reuse_needs_the_original(db_url: str, tmp_path: Path) -> None:
    """A reused result whose original row is gone (deleted by hand) is not reused again:
    the ranking is computed anew, and its payload is whole."""
    from sqlalchemy import delete

    from skillmix.service import rank_posting
    from skillmix.store.models import RankingRow

    ws = _ws(db_url, tmp_path)
    _resume(ws, 1)
    post = ws.ingest(b"Social media manager. Requirements: SEO, Python.\n", filename="p.txt",
                     kind="posting", actor="k").stored.posting_id
    first = rank_posting(ws, post, actor="k")
    again = rank_posting(ws, post, actor="k")
    assert again.data["reused_from"] == first.id
    assert dict(again.data["ranking"]) == dict(first.data["ranking"])  # read from the original
    with ws.store.session(write=True) as sess:
        sess.execute(delete(RankingRow).where(RankingRow.id == first.id))
    third = rank_posting(ws, post, actor="k")
    assert "reused_from" not in third.data
    assert third.data["ranking"]["results"] and third.data["pool"] == 1
    ws.store.dispose()
