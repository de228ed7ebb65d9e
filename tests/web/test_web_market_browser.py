"""The market form's column names in a real Chromium: folded until opened, a wrong name
refused on the form with what was typed kept and the section open, the right names run
the export to a report. No CSP violations may be reported along the way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

pytestmark = pytest.mark.browser

ROWS = [
    ("Social Media Manager", "Run our Instagram and TikTok; community management, copywriting, Google Analytics."),
    ("Support Lead", "Answer customers on Twitter and Facebook and de-escalate complaints."),
    ("Payroll Clerk", "Process payroll and reconcile accounts."),
]


@pytest.fixture
def app(store, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The app with one export registered whose columns no preset or name explains."""
    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    corpus = tmp_path / "own.jsonl"
    corpus.write_text("".join(json.dumps({"Headline": t, "Blurb": d, "Firm": "Acme"}) + "\n"
                              for t, d in ROWS))
    return create_app(store, settings=WorkspaceSettings(market_corpora={"own": str(corpus)}))


def test_web_market_browser_column_names(watched_page, live_server, admin_token, shot) -> None:
    context, page, problems = watched_page

    page.goto(live_server + "/login")
    page.fill("input[name=api_key]", admin_token)
    page.click("button[type=submit]")
    page.wait_for_url(live_server + "/")

    page.goto(live_server + "/market")
    description = page.locator("#market-form input[name=column_description]")
    assert not description.is_visible()  # folded until the user opens it
    page.click("#columns summary")
    assert description.is_visible()
    description.fill("Ad Copy")
    page.fill("#market-form input[name=column_title]", "Headline")
    shot(page, "14-market-columns")
    page.click("#market-form button[type=submit]")
    page.wait_for_selector("#market-error")
    assert page.get_attribute("#market-error", "data-code") == "D115"
    assert "Ad Copy" in page.inner_text("#market-error")
    assert description.is_visible() and description.input_value() == "Ad Copy"
    assert page.input_value("#market-form input[name=column_title]") == "Headline"
    shot(page, "15-market-columns-refused")
    problems.remove("Failed to load resource: the server responded with a status of 422 "
                    "(Unprocessable Entity)")  # the refusal just asked for
    page.click("#market-error a[href='#columns']")
    assert description.is_visible()

    description.fill("Blurb")
    page.click("#market-form button[type=submit]")
    page.wait_for_url("**/market/job_*")
    page.wait_for_selector("[data-job-status='done'], [data-job-status='failed']", timeout=120_000)
    assert page.get_attribute("#job-status", "data-job-status") == "done", page.content()
    assert page.inner_text("#job-columns") == "description=Blurb, title=Headline"
    assert page.locator("#charts svg").count() >= 2
    shot(page, "16-market-columns-report")
    context.close()
    assert problems == [], problems
