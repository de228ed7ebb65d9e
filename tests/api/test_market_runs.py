"""Market runs over HTTP: 202 with a job id, poll until done, read the report; only
corpora the server registered can be named."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


POSTINGS = [
    ("Social Media Manager", "Own our Instagram and TikTok channels. Required: 3+ years of "
     "community management, copywriting and Google Analytics. Handle complaints publicly."),
    ("Marketing Engineer", "Build integrations with the Meta Marketing API and automate paid "
     "social campaigns in Python. Manage our social media presence with the brand team."),
    ("Backend Developer", "Python, PostgreSQL, Kubernetes. Design scalable REST APIs."),
    ("Customer Care Lead", "Lead the team that answers customers on Twitter and Facebook; "
     "de-escalate negative comments; report sentiment to product."),
    ("Accountant", "Prepare monthly accounts and reconcile ledgers in Excel."),
    ("Data Analyst", "SQL and Tableau; analyse social listening data from Brandwatch to give "
     "product insight."),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    with path.open("w") as fh:
        for i, (title, text) in enumerate(POSTINGS):
            fh.write(json.dumps({"id": f"p{i}", "title": title, "description": text,
                                 "company": "Acme", "location": "Remote",
                                 "date": f"2025-0{1 + i % 3}-15", "url": ""}) + "\n")
    return path


@pytest.fixture
def market_client(store, corpus):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    app = create_app(store, settings=WorkspaceSettings(market_corpora={"tiny": str(corpus)}))
    with TestClient(app) as c:
        yield c


def _wait(client, headers, job_id: str, seconds: float = 120) -> dict:  # type: ignore[no-untyped-def, type-arg]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(f"/v1/market/runs/{job_id}", headers=headers).json()["job"]
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"market run {job_id} did not finish")


def test_market_run_202_poll_report(market_client, keys) -> None:
    h = auth(keys["write"])
    assert market_client.get("/v1/market/corpora", headers=h).json()["corpora"] == ["tiny"]
    resp = market_client.post("/v1/market/runs", headers=h, json={"corpus": "tiny", "preset": "generic"})
    assert resp.status_code == 202, resp.text
    job = resp.json()["job"]
    assert job["status"] in ("queued", "running", "done")
    assert resp.headers["location"] == job["poll"] == f"/v1/market/runs/{job['id']}"
    done = _wait(market_client, h, job["id"])
    assert done["status"] == "done", done["error"]
    assert done["result"]["summary"]["postings"] == len(POSTINGS)
    assert "out" not in done["result"]["summary"]
    report = market_client.get(f"/v1/market/runs/{job['id']}/report", headers=h).json()["report"]
    assert report["headline"]["postings"] == len(POSTINGS)
    assert 1 <= report["headline"]["requires_social"] < len(POSTINGS)
    html = market_client.get(f"/v1/market/runs/{job['id']}/report.html", headers=h)
    assert html.status_code == 200 and "<svg" in html.text
    assert "script-src 'none'" in html.headers["content-security-policy"]
    runs = market_client.get("/v1/market/runs", headers=h).json()["runs"]
    assert [r["id"] for r in runs] == [job["id"]]


def test_market_unknown_corpus_or_path_is_refused(market_client, keys, corpus) -> None:
    h = auth(keys["write"])
    for name in ("nope", str(corpus), "/etc/passwd"):
        resp = market_client.post("/v1/market/runs", headers=h, json={"corpus": name})
        assert resp.status_code == 404 and resp.json()["code"] == "K190"


def test_market_report_before_done_is_404(market_client, keys) -> None:
    h = auth(keys["read"])
    assert market_client.get("/v1/market/runs/job_nope/report", headers=h).status_code == 404


def test_market_jobs_left_running_fail_on_restart(store, corpus) -> None:
    from fastapi.testclient import TestClient

    from skillmix.server import create_app
    from skillmix.store import repo

    job = repo.create_job(store, "market", {"corpus": "tiny"}, actor="t")
    repo.start_job(store, job.id)
    with TestClient(create_app(store)):
        pass
    after = repo.get_job(store, job.id)
    assert after.status == "failed" and after.error.startswith("[K194]")


def test_market_run_takes_column_names(store, keys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    path = tmp_path / "own.jsonl"
    with path.open("w") as fh:
        for title, text in POSTINGS:
            fh.write(json.dumps({"Headline": title, "Ad": text, "Firm": "Acme"}) + "\n")
    app = create_app(store, settings=WorkspaceSettings(market_corpora={"own": str(path)}))
    h = auth(keys["write"])
    with TestClient(app) as client:
        bad = client.post("/v1/market/runs", headers=h, json={"corpus": "own", "columns": {"salary": "Ad"}})
        assert bad.status_code == 400 and bad.json()["code"] == "C024"
        # the header is checked before the run is queued, by the run's own check
        unread = client.post("/v1/market/runs", headers=h, json={"corpus": "own"})
        assert unread.status_code == 400 and unread.json()["code"] == "K103"
        assert "corpus 'own'" in unread.json()["error"] and str(path) not in unread.text
        missing = client.post("/v1/market/runs", headers=h,
                              json={"corpus": "own", "columns": {"description": "Ad Copy"}})
        assert missing.status_code == 422 and missing.json()["code"] == "D115"
        assert "'Ad Copy'" in missing.json()["error"] and str(path) not in missing.text
        preset = client.post("/v1/market/runs", headers=h, json={"corpus": "own", "preset": "nope"})
        assert preset.status_code == 400 and preset.json()["code"] == "C025"
        assert client.get("/v1/market/runs", headers=h).json()["runs"] == []
        resp = client.post("/v1/market/runs", headers=h,
                           json={"corpus": "own", "columns": {"description": "Ad", "title": "Headline"}})
        assert resp.status_code == 202, resp.text
        done = _wait(client, h, resp.json()["job"]["id"])
        assert done["status"] == "done", done["error"]
        assert done["result"]["summary"]["postings"] == len(POSTINGS)


def test_background_run_names_the_corpus_not_the_server_path(store, keys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What a run records for the client (failed rows, a failed run) names the corpus as
    the client knows it; the server's path stays on the server."""
    from fastapi.testclient import TestClient

    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings
    from skillmix.service.market import run_market_job
    from skillmix.store import repo

    path = tmp_path / "secret-folder" / "jobs.jsonl"
    path.parent.mkdir()
    rows = [json.dumps({"title": t, "description": d}) for t, d in POSTINGS[:2]]
    path.write_text(rows[0] + "\n{not json\n" + rows[1] + "\n", encoding="utf-8")
    app = create_app(store, settings=WorkspaceSettings(market_corpora={"jobs": str(path)}))
    h = auth(keys["write"])
    with TestClient(app) as client:
        resp = client.post("/v1/market/runs", headers=h, json={"corpus": "jobs"})
        assert resp.status_code == 202, resp.text
        done = _wait(client, h, resp.json()["job"]["id"])
        assert done["status"] == "done", done["error"]
        failures = done["result"]["summary"]["failures"]
        assert len(failures) == 1 and "secret-folder" not in json.dumps(failures)
        assert "corpus 'jobs'" in failures[0]["source"]

        ws = app.state.workspace
        gone = repo.create_job(store, "market", {"corpus": "jobs"}, actor="t")
        path.unlink()  # the file went away after the run was queued
        run_market_job(ws, gone.id, path, None, None, "jobs")
        after = repo.get_job(store, gone.id)
        assert after.status == "failed" and "corpus 'jobs'" in after.error
        assert "secret-folder" not in after.error


def test_hide_path_replaces_a_relative_path_and_its_resolved_form(tmp_path, monkeypatch) -> None:
    from skillmix.service.market import _hide_path

    monkeypatch.chdir(tmp_path)
    rel = Path("data") / "jobs.csv"
    text = f"[D115] {rel.resolve()}: no column 'Ad'; also {rel}"
    out = _hide_path(text, rel, "corpus 'jobs'")
    assert str(tmp_path) not in out and out.count("corpus 'jobs'") == 2
