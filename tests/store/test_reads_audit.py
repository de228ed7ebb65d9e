"""The audit row of a read (:func:`skillmix.store.reads.audit_read`) keeps erasure's promise
even when the erasure commits between the read and its row: a read of one object of the
erased candidate is refused and leaves no row; a listing's row names them as the scrub
would have left it. And the scrub itself, on a listing's ids: only the erased one goes.
Runs on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import pytest

from skillmix.errors import NotFoundError
from skillmix.service import Viewer, Workspace, WorkspaceSettings, read_candidates
from skillmix.store import erase_candidate, repo
from skillmix.store.erase import scrub_detail
from skillmix.store.reads import audit_read

RESUME = (b"Pat Example\npat@example.com\n\nEXPERIENCE\nSocial Media Manager, Acme, 2019 - "
          b"Present\n- Ran Instagram and TikTok campaigns; SEO and copywriting.\n")


@pytest.fixture
def workspace(store) -> Workspace:  # type: ignore[no-untyped-def]
    return Workspace(store, WorkspaceSettings(sandbox=False))


def _candidate(ws: Workspace, name: str) -> str:
    got = ws.ingest(RESUME, filename=f"{name}.txt", kind="resume", actor="k", candidate_name=name)
    assert got.stored.candidate_id is not None
    return got.stored.candidate_id


def test_reads_audit_refuses_a_read_whose_candidate_was_erased_since(workspace) -> None:  # type: ignore[no-untyped-def]
    store = workspace.store
    cid = _candidate(workspace, "Gone")
    before = len(repo.list_audit(store, limit=1000))
    erase_candidate(store, cid, actor="admin")  # commits after the read, before its row
    with pytest.raises(NotFoundError, match="S101"):
        audit_read(store, "reader", "candidate.read", "candidate", cid, shown=[cid], via="api")
    entries = repo.list_audit(store, limit=1000)
    assert len(entries) == before + 1  # only the erasure's own entry
    assert not [e for e in entries if e.action == "candidate.read"]


def test_reads_audit_listing_after_an_erasure_reads_as_scrubbed(workspace) -> None:  # type: ignore[no-untyped-def]
    store = workspace.store
    gone, kept = _candidate(workspace, "Gone"), _candidate(workspace, "Kept")
    erase_candidate(store, gone, actor="admin")
    audit_read(store, "reader", "candidate.list", "candidate", "", shown=[gone, kept],
               via="web", candidates=[gone, kept])
    (entry,) = repo.list_audit(store, action="candidate.list")
    assert entry.actor == "reader" and entry.object_id == ""
    assert entry.detail == {"via": "web", "candidates": ["erased", kept]}


def test_reads_audit_listing_before_an_erasure_loses_only_the_erased(workspace) -> None:  # type: ignore[no-untyped-def]
    store = workspace.store
    gone, kept = _candidate(workspace, "Gone"), _candidate(workspace, "Kept")
    shown = read_candidates(workspace, Viewer("reader", "web"))
    assert {c.id for c in shown} == {gone, kept}
    erase_candidate(store, gone, actor="admin")
    (entry,) = repo.list_audit(store, action="candidate.list")
    assert sorted(entry.detail["candidates"]) == sorted(["erased", kept])
    assert entry.actor == "reader" and entry.detail["via"] == "web"


def test_reads_audit_scrub_detail_replaces_only_erased_items() -> None:
    detail = {"candidates": ["cand_a", "cand_b"], "ranking": "rank_a", "top": 5,
              "cand_a": 1, "skill": "seo"}
    assert scrub_detail(detail, ["cand_a", "rank_a"]) == {
        "candidates": ["erased", "cand_b"], "ranking": "erased", "top": 5, "skill": "seo"}


def test_scrub_reads_plain_strings_as_json_would() -> None:
    # the fast path (a string JSON leaves as it is is searched as it is) gives the answer
    # the JSON text gives, quotes, backslashes and control characters included
    from skillmix.store.erase import _names

    ids = ["cand_1", "doc_9"]
    values = ["cand_1", "shown: cand_1, cand_2", 'a"cand_1', "line\ncand_1", "c\\and_1", "cand_2",
              7, None, ["cand_1"], {"k": "doc_9"}, "doc_9x", ""]
    assert [_names(v, ids, True) for v in values] == [_names(v, ids, False) for v in values]
    detail = {"via": "web", "candidates": ["cand_1", "cand_2", "cand_3"], "candidate": "cand_1",
              "cand_1": 3, "note": 'quoted "cand_1"'}
    assert scrub_detail(detail, ["cand_1"]) == {
        "via": "web", "candidates": ["erased", "cand_2", "cand_3"], "candidate": "erased",
        "note": "erased"}
