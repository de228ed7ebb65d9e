"""The market pages: start a run from the form, watch it finish, read the report with its
charts (SVG drawn by skillmix.market.charts, inside the page's CSP)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from .conftest import MARKET_ROWS as ROWS  # noqa: E402


def test_web_market_run_and_report(store, admin_token, signin, tmp_path: Path) -> None:
    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    corpus = tmp_path / "jobs.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "title": t, "description": d,
                                          "date": "2025-03-01"}) + "\n"
                              for i, (t, d) in enumerate(ROWS)))
    app = create_app(store, settings=WorkspaceSettings(market_corpora={"jobs": str(corpus)}))
    with TestClient(app) as c:
        csrf = signin(c, admin_token)
        assert 'option>jobs<' in c.get("/market").text
        assert c.post("/market", data={"corpus": "jobs"}).status_code == 401  # no CSRF
        resp = c.post("/market", data={"csrf": csrf, "corpus": "jobs", "preset": "generic"},
                      follow_redirects=False)
        assert resp.status_code == 303
        run_url = resp.headers["location"]
        deadline = time.monotonic() + 120
        while True:
            page = c.get(run_url)
            if 'data-job-status="done"' in page.text or 'data-job-status="failed"' in page.text:
                break
            assert time.monotonic() < deadline, "market run did not finish"
            time.sleep(0.2)
        html = page.text
        assert 'data-job-status="done"' in html, html
        assert html.count("<svg") >= 2 and "Top skills by demand" in html
        assert "<script" not in html.replace('<script src="/static/app.js" defer></script>', "")
        report = c.get(run_url + "/report.html")
        assert report.status_code == 200 and "script-src 'none'" in report.headers["content-security-policy"]


# ------------------------------------------------------------------ column names

#: an export whose columns neither a preset nor their names explain
OWN = [{"Headline": t, "Blurb": d, "Firm": "Acme"} for t, d in ROWS]


@pytest.fixture
def own_client(store, admin_token, signin, tmp_path: Path):  # type: ignore[no-untyped-def]
    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    corpus = tmp_path / "own.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in OWN))
    app = create_app(store, settings=WorkspaceSettings(market_corpora={"own": str(corpus)}))
    with TestClient(app) as c:
        c.csrf = signin(c, admin_token)  # type: ignore[attr-defined]
        c.corpus = corpus  # type: ignore[attr-defined]
        yield c


def _input(html: str, field: str) -> str:
    found = re.search(rf'name="column_{field}" value="([^"]*)"', html)
    assert found is not None, field
    return found.group(1)


def test_web_market_form_reads_own_columns_only_when_named(own_client, store) -> None:
    from skillmix.store import repo

    form = own_client.get("/market").text
    assert 'id="columns"' in form and 'id="columns" open' not in form  # folded until needed
    assert _input(form, "description") == "" and _input(form, "url") == ""
    refused = own_client.post("/market", data={"csrf": own_client.csrf, "corpus": "own"},
                              follow_redirects=False)
    assert refused.status_code == 400
    html = refused.text
    assert 'data-code="K103"' in html and "corpus &#39;own&#39;" in html
    assert 'href="#columns"' in html and 'id="columns" open' in html  # points to the section
    assert str(own_client.corpus) not in html  # the server's path stays on the server
    assert repo.list_jobs(store, "market") == []  # refused before a job was queued

    resp = own_client.post("/market", follow_redirects=False, data={
        "csrf": own_client.csrf, "corpus": "own", "column_description": "Blurb",
        "column_title": " headline ", "column_company": ""})  # trimmed; case may differ
    assert resp.status_code == 303, resp.text
    job_id = resp.headers["location"].rsplit("/", 1)[1]
    deadline = time.monotonic() + 120
    while repo.get_job(store, job_id).status not in ("done", "failed"):
        assert time.monotonic() < deadline, "market run did not finish"
        time.sleep(0.2)
    job = repo.get_job(store, job_id)
    assert job.status == "done", job.error
    assert job.params["columns"] == {"description": "Blurb", "title": "headline"}
    assert job.result["summary"]["postings"] == len(OWN)
    page = own_client.get(f"/market/{job_id}").text
    assert "description=Blurb, title=headline" in page


def test_web_market_form_refuses_bad_columns_keeping_them(own_client, store) -> None:
    from skillmix.store import repo

    typed = {"csrf": own_client.csrf, "corpus": "own", "preset": "", "column_description": "Ad Copy",
             "column_title": "Headline", "column_date": "When <b>"}
    resp = own_client.post("/market", data=typed)
    assert resp.status_code == 422
    html = resp.text
    assert 'data-code="D115"' in html and "no column &#39;Ad Copy&#39;" in html
    assert "&#39;Headline&#39;, &#39;Blurb&#39;, &#39;Firm&#39;" in html  # the header, to pick from
    assert _input(html, "description") == "Ad Copy" and _input(html, "title") == "Headline"
    assert _input(html, "date") == "When &lt;b&gt;"  # kept, escaped
    assert 'id="columns" open' in html and "<option selected>own</option>" in html

    resp = own_client.post("/market", data={**typed, "column_description": "Blurb",
                                            "column_salary": "Firm"})  # no input sends that
    assert resp.status_code == 400
    assert 'data-code="C024"' in resp.text and "&#39;salary&#39;" in resp.text
    assert _input(resp.text, "description") == "Blurb"
    assert repo.list_jobs(store, "market") == []


def test_web_market_run_failed_on_columns_links_back_filled_in(own_client, store) -> None:
    """A run that failed on its columns in the background (the file changed after it was
    queued) links to the form, filled in as it was sent, with the column names open."""
    from skillmix.store import repo

    params = {"corpus": "own", "preset": None, "columns": {"title": "Headline"}}
    job = repo.create_job(store, "market", params, actor="t")
    repo.finish_job(store, job.id, error="[K103] own.jsonl: no column reads as a job description.")
    page = own_client.get(f"/market/{job.id}").text
    link = re.search(r'<a href="([^"]+)" id="retry-columns">', page)
    assert link is not None, page
    url = link.group(1).replace("&amp;", "&")
    assert url == "/market?corpus=own&column_title=Headline#columns"
    form = own_client.get(url.split("#")[0]).text
    assert _input(form, "title") == "Headline" and 'id="columns" open' in form

    other = repo.create_job(store, "market", params, actor="t")
    repo.finish_job(store, other.id, error="[K199] market run failed: RuntimeError: boom")
    assert 'id="retry-columns"' not in own_client.get(f"/market/{other.id}").text


def test_web_market_form_refuses_a_preset_of_another_export(store, admin_token, signin, tmp_path: Path) -> None:
    """Corpus adzuna with the linkedin preset comes back on the form (422 D115, the corpus
    named, the form as typed), as a wrong column name does; no run is queued."""
    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings
    from skillmix.store import repo

    corpus = tmp_path / "server-only" / "adzuna.csv"
    corpus.parent.mkdir()
    corpus.write_text("Id,Title,FullDescription,Company\n" + "".join(
        f'{i},"{t}","{d}",Acme\n' for i, (t, d) in enumerate(ROWS)), encoding="utf-8")
    app = create_app(store, settings=WorkspaceSettings(market_corpora={"adzuna": str(corpus)}))
    with TestClient(app) as c:
        csrf = signin(c, admin_token)
        resp = c.post("/market", data={"csrf": csrf, "corpus": "adzuna", "preset": "linkedin"})
        assert resp.status_code == 422
        html = resp.text
        assert 'data-code="D115"' in html and "corpus &#39;adzuna&#39;" in html
        assert "preset &#39;linkedin&#39;" in html and "Pick the preset" in html
        assert "<option selected>linkedin</option>" in html
        assert "server-only" not in html and "--column" not in html
        assert repo.list_jobs(store, "market") == []


def test_web_market_run_page_shows_no_server_path(own_client, store) -> None:
    """A run recorded with a server path in its error (before errors were written without
    them) shows the run's name on its page and in the list instead."""
    from skillmix.store import repo

    folder = store.files.root / "market"
    job = repo.create_job(store, "market", {"corpus": "own"}, actor="t")
    repo.finish_job(store, job.id, error=(
        f"[D115] {folder / job.id / '_tmp' / 'part-000000.9d05t2ox.csv'}: corpus columns do "
        f"not fit the mapping: no column 'description' among ['Id']."))
    for url in (f"/market/{job.id}", "/market"):
        html = own_client.get(url).text
        assert str(folder) not in html and "_tmp" not in html, url
    assert f"[D115] market run &#39;{job.id}&#39;: corpus columns" in own_client.get(f"/market/{job.id}").text
