"""Erasure reaches every place a candidate's words can live: an override reason that names
them (redacted, the decision kept, the log still verifying), the SQLite WAL even while
another connection reads (checkpoint retried, and reported when it cannot finish), and
files a crash left in the files folder. Unique markers are searched byte by byte in the
database file, its WAL, the files folder and the decision log's files."""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("skillmix.assess")

from .conftest import auth  # noqa: E402


def _blobs(store) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    out = {str(p): p.read_bytes() for p in store.sqlite_paths()}
    out.update({str(p): p.read_bytes() for p in store.files.all_files()})
    root = store.files.root
    for p in root.parent.glob(root.name + ".decisions.*"):
        out[str(p)] = p.read_bytes()
    return out


def _assert_gone(store, *needles: str) -> None:  # type: ignore[no-untyped-def]
    for where, blob in _blobs(store).items():
        for needle in needles:
            assert needle.encode() not in blob, (needle, where)


def _candidate(client, keys, demo, uploader, marker: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    resume = (demo / "resume.txt").read_bytes().replace(b"Alex Rivera", b"Perpetua Vandermolen")
    resume += f"\nPROJECTS\n- {marker}: community work on TikTok.\n".encode()
    cid = uploader(data=resume, filename="cv.txt")["candidate_id"]
    card = client.post("/v1/assess", headers=auth(keys["admin"]),
                       json={"candidate_id": cid}).json()["scorecard"]
    return cid, card["data"]["decision"] if "data" in card else card["decision"]


def _reader(store):  # type: ignore[no-untyped-def]
    """Another connection holding a read snapshot (what a concurrent request does)."""
    con = sqlite3.connect(store.engine.url.database, check_same_thread=False)
    con.execute("BEGIN")
    con.execute("SELECT count(*) FROM documents").fetchall()
    return con


def test_erase_redacts_override_reason_and_keeps_decision(client, keys, store, demo, uploader) -> None:
    marker = "ov" + secrets.token_hex(6)
    cid, run = _candidate(client, keys, demo, uploader, "cv" + secrets.token_hex(4))
    h = auth(keys["admin"])
    reason = f"Spoke to {marker} on +1 555 0100, {marker}@mail.example"
    resp = client.post("/v1/decisions/overrides", headers=auth(keys["write"]),
                       json={"run_id": run, "candidate_id": cid, "decision": "advance",
                             "reason": reason})
    assert resp.status_code == 201, resp.text
    assert marker in client.get("/v1/decisions", headers=h).text

    assert client.delete(f"/v1/candidates/{cid}", headers=h).status_code == 200
    listing = client.get("/v1/decisions", headers=h)
    assert marker not in listing.text
    overrides = [d for d in listing.json()["decisions"] if d["kind"] == "override"]
    assert [(d["decision"], d["reason"]) for d in overrides] == [("advance", None)]
    assert client.get("/v1/decisions/verify", headers=h).json()["entries"] == 2
    _assert_gone(store, marker)


def test_erase_with_concurrent_reader_retries_the_checkpoint(client, keys, store, demo, uploader) -> None:
    if not store.is_sqlite:
        pytest.skip("the WAL is SQLite's")
    marker = "wal" + secrets.token_hex(6)
    cid, _ = _candidate(client, keys, demo, uploader, marker)
    con = _reader(store)
    threading.Timer(1.0, con.close).start()  # the reader finishes while erasure retries
    started = time.monotonic()
    resp = client.delete(f"/v1/candidates/{cid}", headers=auth(keys["admin"]))
    assert resp.status_code == 200, resp.text
    assert resp.json()["erased"]["compacted"] is True
    assert time.monotonic() - started < 20
    _assert_gone(store, marker, "Perpetua")


def test_erase_reports_incomplete_compaction_then_finishes(keys, store, demo) -> None:
    if not store.is_sqlite:
        pytest.skip("the WAL is SQLite's")
    from skillmix.store import erase_candidate
    from skillmix.service import Workspace, WorkspaceSettings

    ws = Workspace(store, WorkspaceSettings(sandbox=False))
    marker = "held" + secrets.token_hex(6)
    got = ws.ingest(f"Perpetua V\n{marker} social media manager, SEO.\n".encode(),
                    filename="a.txt", kind="resume", actor="t")
    con = _reader(store)
    try:
        report = erase_candidate(store, got.stored.candidate_id, actor="t", compact_attempts=2)
        assert report.compacted is False
    finally:
        con.close()
    assert store.compact() is True
    _assert_gone(store, marker)


def test_erase_sweeps_files_a_crash_left(client, keys, store, demo, uploader) -> None:
    marker = "orph" + secrets.token_hex(6)
    root = store.files.root
    (root / "zz").mkdir(parents=True, exist_ok=True)
    orphan = root / "zz" / "doc_0000orphan.txt"
    orphan.write_bytes(f"Orphaned résumé of {marker}".encode())
    staged = root / "zz" / "doc_0000staged.pdf.part"
    staged.write_bytes(f"half an upload of {marker}".encode())
    old = time.time() - 3600
    os.utime(staged, (old, old))
    cid, _ = _candidate(client, keys, demo, uploader, "x" + secrets.token_hex(4))
    resp = client.delete(f"/v1/candidates/{cid}", headers=auth(keys["admin"]))
    assert resp.json()["erased"]["orphans"] == 2
    assert not orphan.exists() and not staged.exists()
    _assert_gone(store, marker)


def test_store_startup_sweep_publishes_committed_and_removes_the_rest(store, keys) -> None:
    from fastapi.testclient import TestClient

    from skillmix.server import create_app
    from skillmix.store import repo
    from skillmix.service import Workspace, WorkspaceSettings

    ws = Workspace(store, WorkspaceSettings(sandbox=False))
    got = ws.ingest(b"Social media manager. SEO, Python.\n", filename="a.txt",
                    kind="resume", actor="t")
    files = store.files.all_files()
    assert len(files) == 1 and not files[0].name.endswith(".part")
    # a crash after the commit but before the rename leaves only the staged copy
    os.replace(files[0], files[0].with_name(files[0].name + ".part"))
    fresh = store.files.root / "ab" / "doc_abcrashed.txt.part"
    fresh.parent.mkdir(parents=True, exist_ok=True)
    fresh.write_bytes(b"uncommitted upload")
    with TestClient(create_app(store)):
        pass
    names = [p.name for p in store.files.all_files()]
    assert names == [files[0].name], names
    assert repo.read_original(store, got.stored.id) == b"Social media manager. SEO, Python.\n"


def test_store_files_and_database_are_owner_only(tmp_path: Path) -> None:
    from skillmix.store import Store
    from skillmix.service import Workspace, WorkspaceSettings

    store = Store(f"sqlite:///{tmp_path / 'new.sqlite'}")
    Workspace(store, WorkspaceSettings(sandbox=False)).ingest(
        b"Social media manager. SEO.\n", filename="a.txt", kind="resume", actor="t")
    paths = store.files.all_files() + store.sqlite_paths() + [store.files.root]
    assert len(paths) >= 3
    for p in paths:
        assert p.stat().st_mode & 0o077 == 0, (p, oct(p.stat().st_mode))
    store.dispose()
