"""Erasing a candidate leaves no trace of their text anywhere: not in any table, not in the
database files (SQLite file, WAL), not in the stored files; the audit log keeps only that
an erasure happened. Runs on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from skillmix.errors import NotFoundError
from skillmix.store import erase_candidate, repo
from skillmix.store.models import AuditRow
from skillmix.service import Workspace, WorkspaceSettings


def _resume(marker: str, name: str) -> bytes:
    return (f"{name}\n{marker}@example.com | (555) 010-9999\n\nSUMMARY\n"
            f"Social media manager. Ran the {marker} campaign on Instagram and TikTok.\n\n"
            "EXPERIENCE\nSocial Media Manager, Acme Corp, Jan 2019 - Present\n"
            f"- Built {marker} dashboards in Python and SQL over the Meta Marketing API.\n"
            "- Led community management and customer service for 2M followers.\n\n"
            "SKILLS\nSEO, copywriting, Google Analytics, Hootsuite, A/B testing\n").encode()


def all_text_in_database(store) -> str:  # type: ignore[no-untyped-def]
    """Every value of every row of every table, as one string."""
    parts = []
    with store.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                parts.append(" ".join(str(v) for v in row))
    return "\n".join(parts)


def raw_bytes(store) -> bytes:  # type: ignore[no-untyped-def]
    blobs = [p.read_bytes() for p in store.sqlite_paths()]
    blobs += [p.read_bytes() for p in store.files.all_files()]
    return b"\n".join(blobs)


@pytest.fixture
def workspace(store) -> Workspace:  # type: ignore[no-untyped-def]
    return Workspace(store, WorkspaceSettings(sandbox=False))


def test_erase_removes_every_trace(workspace: Workspace) -> None:
    store = workspace.store
    marker = "zq" + secrets.token_hex(6)
    name = "Quillon Marrowby"
    keep = workspace.ingest(_resume("keepme" + secrets.token_hex(4), "Other Person"),
                            filename="other.txt", kind="resume", actor="t")
    gone = workspace.ingest(_resume(marker, name), filename=f"{marker}.txt", kind="resume",
                            actor="t", candidate_name=name)
    cid = gone.stored.candidate_id
    assert cid is not None
    assert marker in all_text_in_database(store)
    if store.is_sqlite:
        store.compact()
        assert marker.encode() in raw_bytes(store)

    report = erase_candidate(store, cid, actor="t")

    assert report.rows["documents"] == 1 and report.files == 1
    dump = all_text_in_database(store)
    for needle in (marker, name, gone.stored.id, f"{marker}.txt"):
        assert needle not in dump
    if store.is_sqlite:
        blob = raw_bytes(store)
        for needle in (marker, name, "Quillon"):
            assert needle.encode() not in blob
    assert not any(marker in p.name for p in store.files.all_files())
    # the other candidate is untouched
    assert repo.get_document(store, keep.stored.id).document.text.startswith("Other Person")
    with pytest.raises(NotFoundError):
        repo.get_candidate(store, cid)


def test_erase_audit_keeps_only_the_erasure(workspace: Workspace) -> None:
    store = workspace.store
    got = workspace.ingest(_resume("audit" + secrets.token_hex(4), "A Person"),
                           filename="a.txt", kind="resume", actor="k1")
    cid = got.stored.candidate_id
    before = [e for e in repo.list_audit(store) if e.object_id in (cid, got.stored.id)]
    assert {e.action for e in before} >= {"candidate.create", "document.upload"}
    erase_candidate(store, cid, actor="k1")
    entries = repo.list_audit(store)
    about = [e for e in entries if cid in (e.object_id, str(e.detail))
             or got.stored.id in (e.object_id, str(e.detail))]
    assert [e.action for e in about] == ["candidate.erase"]
    # earlier entries are still there (append-only), but say nothing about whom
    assert sum(1 for e in entries if e.object_id == "erased") >= 2


def test_erase_unknown_candidate_is_404(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError):
        erase_candidate(workspace.store, "cand_nope", actor="t")


def test_erase_keeps_audit_rows_append_only(workspace: Workspace) -> None:
    store = workspace.store
    got = workspace.ingest(_resume("rows" + secrets.token_hex(4), "B Person"),
                           filename="b.txt", kind="resume", actor="k")
    with store.session() as sess:
        n_before = len(sess.scalars(select(AuditRow)).all())
    erase_candidate(store, got.stored.candidate_id, actor="k")
    with store.session() as sess:
        assert len(sess.scalars(select(AuditRow)).all()) == n_before + 1


def test_erase_store_paths_are_real(workspace: Workspace, tmp_path: Path) -> None:
    if workspace.store.is_sqlite:
        assert workspace.store.sqlite_paths()[0].exists()


@pytest.mark.postgres
def test_erase_postgres_heap_files_forget_the_text(tmp_path: Path) -> None:
    """On the CI's throwaway PostgreSQL server (whose data folder ``.ci/services.sh``
    exports), erased text is gone from the table files after the erasure's VACUUM.
    The server's write-ahead log still holds it until PostgreSQL recycles the segment."""
    import os

    from skillmix.store import Store

    url, data = os.environ.get("SKILLMIX_TEST_PG_URL"), os.environ.get("SKILLMIX_TEST_PG_DATA")
    if not url or not data or not os.access(data, os.R_OK | os.X_OK):
        pytest.skip("needs SKILLMIX_TEST_PG_URL and a readable SKILLMIX_TEST_PG_DATA")
    reset = pytest.importorskip("sqlalchemy").create_engine
    from skillmix.store.db import normalise_url

    engine = reset(normalise_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    store = Store(url, files_dir=tmp_path / "files")
    ws = Workspace(store, WorkspaceSettings(sandbox=False))
    marker = "pg" + secrets.token_hex(8)
    got = ws.ingest(_resume(marker, "Pg Person"), filename="p.txt", kind="resume", actor="t")

    def heap_hits() -> list[str]:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("CHECKPOINT")
        hits = []
        for path in (Path(data) / "base").rglob("*"):
            if path.is_file() and marker.encode() in path.read_bytes():
                hits.append(str(path))
        return hits

    assert heap_hits(), "the text should be on disk before the erasure"
    erase_candidate(store, got.stored.candidate_id, actor="t")
    assert heap_hits() == []
    store.dispose()
