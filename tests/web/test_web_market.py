"""The market pages: start a run from the form, watch it finish, read the report with its
charts (SVG drawn by skillmix.market.charts, inside the page's CSP)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

ROWS = [
    ("Social Media Manager", "Run our Instagram and TikTok; community management, copywriting, Google Analytics."),
    ("Growth Engineer", "Automate paid social campaigns through the Meta Marketing API in Python."),
    ("Payroll Clerk", "Process payroll and reconcile accounts."),
    ("Support Lead", "Answer customers on Twitter and Facebook and de-escalate complaints."),
]


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
