"""Erasing a candidate removes that candidate's files only: a finished market run, whose
outputs share the files folder, keeps every file and its report, after the erasure and
after a restart (both sweep the folder for files a crash left)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "extract" / "golden"
DEMO = Path(__file__).resolve().parents[2] / "src" / "skillmix" / "demo"


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The repo's three LinkedIn postings (test data), one JSON line each."""
    path = tmp_path / "linkedin.jsonl"
    with path.open("w") as fh:
        for src in sorted(GOLDEN.glob("linkedin_*.txt")):
            title, _, text = src.read_text(encoding="utf-8").partition("\n")
            fh.write(json.dumps({"id": src.stem, "title": title.strip(), "description": text,
                                 "company": "", "location": "", "date": "2024-01-15",
                                 "url": ""}) + "\n")
    return path


def _app(store, corpus: Path):  # type: ignore[no-untyped-def]
    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    return create_app(store, settings=WorkspaceSettings(market_corpora={"linkedin": str(corpus)}))


def _upload(client, headers, path: Path) -> dict:  # type: ignore[no-untyped-def, type-arg]
    resp = client.post("/v1/documents", headers=headers, data={"kind": "resume"},
                       files={"file": (path.name, path.read_bytes(), "text/plain")})
    assert resp.status_code == 201, resp.text
    return resp.json()["document"]  # type: ignore[no-any-return]


def _finished_run(client, headers) -> str:  # type: ignore[no-untyped-def]
    resp = client.post("/v1/market/runs", headers=headers, json={"corpus": "linkedin"})
    assert resp.status_code == 202, resp.text
    job_id = resp.json()["job"]["id"]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = client.get(f"/v1/market/runs/{job_id}", headers=headers).json()["job"]
        if job["status"] in ("done", "failed"):
            assert job["status"] == "done", job["error"]
            return job_id  # type: ignore[no-any-return]
        time.sleep(0.2)
    raise AssertionError(f"market run {job_id} did not finish")


def _run_files(store, job_id: str) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    root = store.files.root / "market" / job_id
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_erase_keeps_market_runs_and_other_candidates_files(store, keys, corpus) -> None:
    from fastapi.testclient import TestClient

    h = auth(keys["admin"])
    with TestClient(_app(store, corpus)) as client:
        gone = _upload(client, h, DEMO / "resume.txt")
        kept = _upload(client, h, DEMO / "consumer_resume.txt")
        job_id = _finished_run(client, h)
        before = _run_files(store, job_id)
        assert len(before) > 5 and "report/report.html" in before
        report = client.get(f"/v1/market/runs/{job_id}/report", headers=h)
        assert report.status_code == 200, report.text
        assert report.json()["report"]["headline"]["postings"] == 3

        resp = client.delete(f"/v1/candidates/{gone['candidate_id']}", headers=h)
        assert resp.status_code == 200, resp.text
        erased = resp.json()["erased"]
        assert erased["files"] == 1 and erased["orphans"] == 0, erased

        assert _run_files(store, job_id) == before
        again = client.get(f"/v1/market/runs/{job_id}/report", headers=h)
        assert again.status_code == 200, again.text
        assert again.json()["report"] == report.json()["report"]
        assert client.get(f"/v1/market/runs/{job_id}/report.html", headers=h).status_code == 200
        other = client.get(f"/v1/documents/{kept['id']}/file", headers=h)
        assert other.content == (DEMO / "consumer_resume.txt").read_bytes()
        assert client.get(f"/v1/documents/{gone['id']}/file", headers=h).status_code == 404

    # a restart sweeps the folder too, with no grace for staged files
    with TestClient(_app(store, corpus)) as client:
        assert _run_files(store, job_id) == before
        assert client.get(f"/v1/market/runs/{job_id}/report", headers=h).status_code == 200
