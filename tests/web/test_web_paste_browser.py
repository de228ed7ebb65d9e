"""The posting paste box in a real Chromium: what the browser itself sends for a textarea
(a multipart field with no file name, CRLF line ends, UTF-8) becomes a posting with its
skills marked; whitespace only is refused as an empty file is. Screenshots under
test-artifacts/web/; no CSP violations."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

TEXT = ("Social Media Engineer – Café Nord\n\n"
        "Required: 3+ years of Python and SQL; build integrations with the Meta Marketing API.\n"
        "Preferred: Google Analytics and A/B testing; run our Instagram and LinkedIn channels.\n")


def test_web_paste_browser_posting(watched_page, live_server, admin_token, shot, store) -> None:
    from skillmix.store import repo

    context, page, problems = watched_page
    page.goto(live_server + "/login")
    page.fill("input[name=api_key]", admin_token)
    page.click("button[type=submit]")
    page.wait_for_url(live_server + "/")
    shot(page, "paste-01-home")

    page.fill("#paste-posting input[name=title]", "Social Media Engineer")
    page.fill("#paste-posting input[name=company]", "Café Nord")
    page.fill("#paste-posting textarea[name=text]", TEXT)
    page.click("#paste-posting button[type=submit]")
    page.wait_for_url("**/documents/**")
    assert page.locator("#doctext mark.skill").count() >= 4
    assert "Café Nord" in page.locator("#doctext").inner_text()  # UTF-8 kept
    shot(page, "paste-02-posting-highlighted")
    page.click("#to-posting")
    page.wait_for_url("**/postings/**")
    assert page.locator("h1").inner_text() == "Social Media Engineer"
    (posting,) = repo.list_postings(store)
    assert posting.company == "Café Nord"
    assert "\r" not in repo.get_document(store, posting.documents[0]).document.text

    page.goto(live_server + "/")
    seen = len(problems)
    page.fill("#paste-posting input[name=title]", "Blank")
    page.fill("#paste-posting textarea[name=text]", "   \n  ")
    page.click("#paste-posting button[type=submit]")
    page.wait_for_selector("p.error")
    assert page.get_attribute("p.error", "data-code") == "D113"
    shot(page, "paste-03-whitespace-refused")
    assert [p for p in problems[seen:] if "status of 422" not in p] == []
    del problems[seen:]  # the refusal just asked for
    context.close()
    assert problems == [], problems
    assert len(repo.list_postings(store)) == 1
