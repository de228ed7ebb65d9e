"""A hiring manager's round trip in a real Chromium: sign in, upload a real résumé and a
posting, see the skills highlighted with their evidence, open the scorecard, rank, erase
the candidate. Screenshots of every page go to test-artifacts/web/. No CSP violations
may be reported by the browser along the way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def _real_resume(demo: Path) -> Path:
    """A real résumé PDF from the shared data when present, else the demo résumé."""
    shared = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
    pdfs = sorted((shared / "resumes" / "livecareer" / "DIGITAL-MEDIA").glob("*.pdf"))
    return pdfs[0] if pdfs else demo / "resume.txt"


def test_web_browser_round_trip(watched_page, live_server, admin_token, demo, shot, store) -> None:
    context, page, problems = watched_page

    page.goto(live_server + "/")
    assert page.url.endswith("/login")
    shot(page, "01-login")
    page.fill("input[name=api_key]", admin_token)
    page.click("button[type=submit]")
    page.wait_for_url(live_server + "/")
    shot(page, "02-home-empty")

    resume = _real_resume(demo)
    page.set_input_files("#upload-resume input[name=file]", str(resume))
    page.fill("#upload-resume input[name=name]", "Browser Candidate")
    page.click("#upload-resume button[type=submit]")
    page.wait_for_url("**/documents/**")
    marks = page.locator("#doctext mark.skill")
    assert marks.count() >= 3
    assert page.locator("#skills li.ev").count() >= 3
    # each counted credit says how likely careful readers credit such evidence
    assert page.locator("#skills li.ev.counted .tag.conf").count() >= 1
    first = page.locator("button.skill-toggle").first
    skill = first.get_attribute("data-skill")
    first.click()
    assert page.locator(f"#doctext mark.focus[data-skill='{skill}']").count() >= 1
    shot(page, "03-resume-highlighted")
    page.click("#to-candidate")
    page.wait_for_url("**/candidates/**")
    candidate_url = page.url
    shot(page, "04-candidate")

    page.goto(live_server + "/")
    page.set_input_files("#upload-posting input[name=file]", str(demo / "posting.html"))
    page.fill("#upload-posting input[name=title]", "Social Media Engineer")
    page.click("#upload-posting button[type=submit]")
    page.wait_for_url("**/documents/**")
    assert page.locator("#doctext mark.skill").count() >= 3
    shot(page, "05-posting-highlighted")
    page.click("#to-posting")
    page.wait_for_url("**/postings/**")
    posting_url = page.url

    page.goto(candidate_url)
    page.click("#assess-form button[type=submit]")
    page.wait_for_url("**/scorecards/**")
    fit = float(page.locator("#fit").inner_text().split()[0])
    assert 0 <= fit <= 100
    assert page.locator("#areas tr").count() >= 4
    assert "Browser Candidate" not in page.locator("h1").inner_text()  # blind by default
    shot(page, "06-scorecard")

    page.goto(posting_url)
    shot(page, "07-posting")
    page.click("#rank-form button[type=submit]")
    page.wait_for_url("**/rankings/**")
    assert page.locator("#ranking > li").count() == 1
    assert "Browser Candidate" not in page.content()  # blind ranking hides names
    shot(page, "08-ranking")

    page.goto(live_server + "/profiles")
    shot(page, "09-profiles")
    page.click("#profiles a >> nth=0")
    page.wait_for_url("**/profiles/**")
    page.fill("#profile-form input[name=new_id]", "browser-profile")
    page.click("#profile-form button[type=submit]")
    assert page.locator("#saved").count() == 1
    shot(page, "10-profile-editor")

    page.goto(candidate_url)
    page.once("dialog", lambda d: d.accept())
    page.click("#erase-form button[type=submit]")
    page.wait_for_selector("#erased")
    shot(page, "11-erased")
    page.goto(live_server + "/")
    assert "Browser Candidate" not in page.locator("#candidates").inner_text()
    shot(page, "12-home-after-erase")
    seen = len(problems)
    assert page.goto(candidate_url).status == 404
    del problems[seen:]  # the 404 just asked for

    page.goto(live_server + "/api")
    shot(page, "13-api")
    context.close()
    assert problems == [], problems
    assert not store.files.all_files() or all(
        "Browser Candidate".encode() not in p.read_bytes() for p in store.files.all_files())
