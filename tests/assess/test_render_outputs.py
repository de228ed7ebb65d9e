"""Scorecard outputs: JSON, table rows, one-page Markdown and HTML."""

from __future__ import annotations

import json

from skillmix.assess import assess, scorecard_html, scorecard_markdown, scorecard_rows
from skillmix.extract import as_document


def test_render_json_is_complete(demo_resume, today):
    card = assess(demo_resume, today=today)
    data = json.loads(json.dumps(card.to_dict()))
    assert data["fit"] == card.fit
    assert data["points"][0]["evidence"][0]["surface"]
    assert data["formula"].startswith("fit = ")
    assert data["today"] == today.isoformat()


def test_render_markdown_and_rows(consumer_resume, demo_resume, today):
    cards = [assess(demo_resume, today=today), assess(consumer_resume, today=today)]
    md = scorecard_markdown(cards[1])
    assert f"fit {cards[1].fit:.1f}" in md
    assert "intern" in md and "Ask:" in md
    rows = scorecard_rows(cards)
    assert [r["fit"] for r in rows] == [f"{c.fit:.1f}" for c in cards]
    assert rows[1]["flags"] == len(cards[1].red_flags) > 0


def test_render_html_escapes_resume_text(today):
    doc = as_document(
        "SUMMARY\nManaged <script>alert(1)</script> Instagram campaigns for clients.\n", "resume")
    html = scorecard_html(assess(doc, today=today))
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert html.startswith("<!doctype html>")


def test_render_markdown_makes_resume_html_inert(today):
    doc = as_document(
        "EXPERIENCE\nSocial Media Manager <img src=x onerror=alert(2)>, Acme 2019 - Present\n"
        "- Managed Instagram <b>campaigns</b> & Python <script>x()</script> tools\n", "resume")
    md = scorecard_markdown(assess(doc, today=today))
    assert "Instagram" in md and "campaigns" in md
    for raw in ("<img", "<script", "<b>"):
        assert raw not in md
    assert "&lt;img src=x onerror=alert(2)>" in md and "&lt;/b>" in md
    linked = as_document("EXPERIENCE\nSocial Media Manager, Acme 2019 - Present\n"
                         "- Managed Instagram ![x](https://tracker.example/p.png) campaigns\n",
                         "resume")
    md = scorecard_markdown(assess(linked, today=today))
    assert "![x](" not in md and "\\!\\[x\\](https://tracker.example/p.png)" in md


def test_render_markdown_quotes_resume_text_unescaped(today):
    """The trial's scorecard quoted "promotion, &amp; execution": Markdown carries a bare
    ``&``, ``>`` and a ``<`` that opens no tag as written; only an ``&`` that would read
    as an entity is escaped."""
    doc = as_document(
        "EXPERIENCE\nSocial Media Manager, Acme 2019 - Present\n"
        "- Responsible for all social media strategy, budgets, promotion, & execution on "
        "Instagram and Facebook\n", "resume")
    md = scorecard_markdown(assess(doc, today=today))
    assert "budgets, promotion, & execution on Instagram" in md
    assert "&amp;" not in md


def test_render_markdown_escapes_only_what_markdown_reads():
    from skillmix.assess.render import _md

    assert _md("Grew reach > 40% with <5% churn & more") == "Grew reach > 40% with <5% churn & more"
    assert _md("wrote &copy; and &#169; notices") == "wrote &amp;copy; and &amp;#169; notices"
    assert _md("<script>x()</script> <!-- c --> <https://x.io>") == (
        "&lt;script>x()&lt;/script> &lt;\\!-- c --> &lt;https://x.io>")


def test_platform_work_counts_towards_social_media_platforms(today):
    from skillmix.assess import profile_from_posting
    from skillmix.extract import get_extractor

    posting = as_document("Social Media Coordinator\nRequirements\n"
                          "- 3+ years managing social media channels for a brand\n", "posting")
    prof = profile_from_posting(get_extractor("builtin").extract(posting), posting)
    resume = as_document("EXPERIENCE\nSocial Media Coordinator, Acme 2019 - 2023\n"
                         "- Ran the brand's Instagram and TikTok accounts for clients\n", "resume")
    card = assess(resume, prof, today=today)
    missing = " ".join(f.message for f in card.red_flags if "required" in f.message)
    assert "social media platforms" not in missing


def test_years_claimed_without_dates_are_named_in_the_flag(today):
    claimed = as_document("SUMMARY\n10+ years of social media marketing and community "
                          "management.\n\nEXPERIENCE\nSocial Media Director, Company Name\n"
                          "- Managed Instagram and TikTok for clients\n", "resume")
    flags = [f.message for f in assess(claimed, today=today).red_flags
             if f.message.startswith("Relevant experience")]
    assert flags and "claims 10 years without the dates" in flags[0]
    silent = as_document("EXPERIENCE\nSocial Media Director, Company Name\n"
                         "- Managed Instagram and TikTok for clients\n", "resume")
    flags = [f.message for f in assess(silent, today=today).red_flags
             if f.message.startswith("Relevant experience")]
    assert flags and "claims" not in flags[0]
