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
    out = _hide_path(text, [rel], "corpus 'jobs'")
    assert str(tmp_path) not in out and out.count("corpus 'jobs'") == 2


# ------------------------------------------------------- presets and server paths

#: the header of an Adzuna export (its description is "FullDescription")
ADZUNA_HEADER = "Id,Title,FullDescription,LocationRaw,Company,Category,SourceName\n"


@pytest.fixture
def exports(tmp_path: Path) -> dict[str, Path]:
    """A small Adzuna-shaped CSV and a LinkedIn-shaped one, in a folder whose name must
    never reach a client."""
    folder = tmp_path / "server-only"
    folder.mkdir()
    adzuna = folder / "adzuna.csv"
    adzuna.write_text(ADZUNA_HEADER + "".join(
        f'{i},"{t}","{d}",London,Acme,IT Jobs,example\n' for i, (t, d) in enumerate(POSTINGS)),
        encoding="utf-8")
    linkedin = folder / "linkedin.csv"
    linkedin.write_text("job_id,company_name,title,description,location\n" + "".join(
        f'{i},Acme,"{t}","{d}",Remote\n' for i, (t, d) in enumerate(POSTINGS)), encoding="utf-8")
    return {"adzuna": adzuna, "linkedin": linkedin}


@pytest.fixture
def exports_client(store, exports):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    app = create_app(store, settings=WorkspaceSettings(
        market_corpora={k: str(v) for k, v in exports.items()}))
    with TestClient(app) as c:
        yield c


def _no_server_path(text: str, *paths: Path) -> None:
    for p in paths:
        assert str(p) not in text
    assert "server-only" not in text and "_tmp" not in text and "part-0" not in text
    assert "--column" not in text and "field_columns" not in text and "--out" not in text


def test_market_run_wrong_preset_is_refused_before_it_is_queued(exports_client, keys, exports) -> None:
    """A preset of another export is refused like a named column the header lacks: 422
    D115 naming the corpus, before a job exists (it was 202, then a failed run)."""
    h = auth(keys["write"])
    for corpus, preset, column in (("adzuna", "linkedin", "'description'"),
                                   ("linkedin", "adzuna", "'FullDescription'")):
        resp = exports_client.post("/v1/market/runs", headers=h,
                                   json={"corpus": corpus, "preset": preset})
        assert resp.status_code == 422, resp.text
        body = resp.json()
        assert body["code"] == "D115" and f"corpus {corpus!r}" in body["error"]
        assert f"preset {preset!r}" in body["error"] and column in body["error"]
        assert "Pick the preset" in body["error"]
        _no_server_path(resp.text, *exports.values())
    assert exports_client.get("/v1/market/runs", headers=h).json()["runs"] == []
    ok = exports_client.post("/v1/market/runs", headers=h, json={"corpus": "adzuna", "preset": "adzuna"})
    assert ok.status_code == 202, ok.text
    assert _wait(exports_client, h, ok.json()["job"]["id"])["status"] == "done"


def test_market_runs_and_reports_carry_no_server_path(exports_client, keys, exports, store) -> None:
    h = auth(keys["write"])
    resp = exports_client.post("/v1/market/runs", headers=h, json={"corpus": "linkedin"})
    job = _wait(exports_client, h, resp.json()["job"]["id"])
    assert job["status"] == "done", job["error"]
    root = store.files.root
    for url in (f"/v1/market/runs/{job['id']}", "/v1/market/runs",
                f"/v1/market/runs/{job['id']}/report"):
        text = exports_client.get(url, headers=h).text
        assert str(root) not in text and '"out"' not in text, url
        _no_server_path(text, *exports.values())
    assert "run" in job["result"]["report"] and "out" not in job["result"]["report"]["run"]


def test_market_failed_run_error_names_the_corpus_with_client_advice(exports_client, keys, exports, store) -> None:
    """A run that fails on its columns after it was queued (the file changed) says so by
    the corpus's name, with advice for a web or API client, and no path: not the corpus's,
    not the run folder's, not a partition's."""
    from skillmix.service.market import run_market_job
    from skillmix.store import repo

    ws = exports_client.app.state.workspace
    job = repo.create_job(store, "market", {"corpus": "linkedin", "preset": "linkedin"}, actor="t")
    exports["linkedin"].write_text(exports["adzuna"].read_text("utf-8"), encoding="utf-8")
    run_market_job(ws, job.id, exports["linkedin"], "linkedin", None, "linkedin")
    got = exports_client.get(f"/v1/market/runs/{job.id}", headers=auth(keys["read"])).json()["job"]
    assert got["status"] == "failed" and got["error"].startswith("[D115] corpus 'linkedin': ")
    assert "Pick the preset" in got["error"]
    _no_server_path(got["error"], *exports.values(), store.files.root)


def test_market_client_error_hides_partition_paths(tmp_path: Path) -> None:
    """What a worker raises names its partition file inside the run folder; the client
    reads the corpus's name and the API's advice instead."""
    from skillmix.errors.document_codes import D115
    from skillmix.io.codes import doc_error
    from skillmix.service.market import _for_client

    out = tmp_path / "files" / "market" / "job_1"
    part = out / "_tmp" / "part-000000.9d05t2ox.csv"
    err = doc_error(D115, str(part), f"no column 'description' among ['Id'] in {part}")
    shown = _for_client(err, "corpus 'adzuna'", [tmp_path / "adzuna.csv", out]).render()
    assert shown.startswith("[D115] corpus 'adzuna': ") and str(tmp_path) not in shown
    assert "in corpus 'adzuna'" in shown and "--column" not in shown and "Pick the preset" in shown


def test_market_report_of_a_run_whose_files_are_gone(exports_client, keys, store) -> None:
    """K120 (the run's folder emptied) names the run, not the folder, and says what a
    client can do."""
    import shutil

    h = auth(keys["write"])
    resp = exports_client.post("/v1/market/runs", headers=h, json={"corpus": "linkedin"})
    job = _wait(exports_client, h, resp.json()["job"]["id"])
    shutil.rmtree(store.files.root / "market" / job["id"])
    got = exports_client.get(f"/v1/market/runs/{job['id']}/report", headers=h)
    assert got.json()["code"] == "K120", got.text
    error = got.json()["error"]
    assert error.startswith(f"[K120] market run {job['id']!r}: ") and "new run" in error
    assert str(store.files.root) not in got.text and "skillmix market" not in got.text
