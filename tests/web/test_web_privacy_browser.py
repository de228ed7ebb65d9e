"""Privacy in a real Chromium: after **Sign out**, the Back button does not show the résumé
from the browser's cache (pages are sent ``Cache-Control: no-store``), and a blind ranking
or scorecard has nothing to click that reveals the candidate's name."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MARKER = "Harbor Foods marketing lead"


def _sign_in(page, live_server: str, token: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server + "/login")
    page.fill("input[name=api_key]", token)
    page.click("button[type=submit]")
    page.wait_for_url(live_server + "/")


def _upload_resume(page, tmp_path, name: str) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "resume.txt"
    path.write_text(f"{name}\n\nSummary\n{MARKER} who runs Instagram and TikTok campaigns.\n\n"
                    "Experience\nSocial Media Manager, Harbor Foods, Jan 2019 - Current\n"
                    "Ran paid social campaigns, SEO and community management.\n", "utf-8")
    page.set_input_files("#upload-resume input[name=file]", str(path))
    page.fill("#upload-resume input[name=name]", name)
    page.click("#upload-resume button[type=submit]")
    page.wait_for_url("**/documents/**")
    return page.url


def test_web_browser_back_after_sign_out_shows_no_resume(watched_page, live_server, admin_token,
                                                         tmp_path, shot) -> None:
    context, page, _ = watched_page
    _sign_in(page, live_server, admin_token)
    doc_url = _upload_resume(page, tmp_path, "Dana Digital")
    assert MARKER in page.content()
    page.click("header form.logout button[type=submit]")
    page.wait_for_url("**/login")
    page.go_back()
    page.wait_for_load_state()
    shot(page, "privacy-back-after-sign-out")
    assert MARKER not in page.content() and "Dana Digital" not in page.content()
    assert page.url.endswith("/login"), page.url
    page.goto(doc_url)
    assert page.url.endswith("/login") and MARKER not in page.content()
    context.close()


def test_web_browser_blind_ranking_reveals_no_name(watched_page, live_server, admin_token,
                                                  demo, tmp_path, shot) -> None:
    context, page, problems = watched_page
    _sign_in(page, live_server, admin_token)
    _upload_resume(page, tmp_path, "Dana Digital")
    page.click("#to-candidate")
    page.wait_for_url("**/candidates/**")
    candidate_url = page.url
    page.goto(live_server + "/")
    page.set_input_files("#upload-posting input[name=file]", str(demo / "posting.html"))
    page.click("#upload-posting button[type=submit]")
    page.wait_for_url("**/documents/**")
    page.click("#to-posting")
    page.wait_for_url("**/postings/**")
    page.click("#rank-form button[type=submit]")  # blind is checked by default
    page.wait_for_url("**/rankings/**")
    shot(page, "privacy-blind-ranking")
    ranking = page.locator("#ranking")
    assert "Candidate " in ranking.inner_text() and "Dana" not in page.content()
    assert ranking.locator("a").count() == 0  # nothing to click through to a name

    page.goto(candidate_url)
    page.click("#assess-form button[type=submit]")  # blind by default
    page.wait_for_url("**/scorecards/**")
    shot(page, "privacy-blind-scorecard")
    assert "Dana" not in page.content()
    assert page.locator("main a[href^='/candidates/']").count() == 0
    context.close()
    assert problems == [], problems
