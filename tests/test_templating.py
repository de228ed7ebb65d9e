"""Report pages come from autoescaping templates that extend one layout."""

from __future__ import annotations

import dataclasses
import datetime
from importlib import resources

from skillmix.templating import render_page, template_environment

HOSTILE = '<script>alert("x")</script>'


def test_templating_escapes_by_default_and_pages_share_the_layout():
    env = template_environment()
    assert env.autoescape is True
    for name in ("scorecard_report.html", "audit_report.html", "market_report.html"):
        source = env.loader.get_source(env, name)[0]
        assert source.startswith('{% extends "layout.html" %}'), name
    page = render_page("layout.html")
    assert page.startswith("<!doctype html>")


def test_templating_scorecard_escapes_resume_text():
    from skillmix.assess import assess, scorecard_html

    doc = str(resources.files("skillmix.demo") / "resume.txt")
    card = assess(doc, today=datetime.date(2026, 11, 1))
    card = dataclasses.replace(card, source=HOSTILE, profile=HOSTILE)
    html = scorecard_html(card)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert f"{card.fit:.1f}" in html


def test_templating_audit_escapes_categories_and_p_values():
    from skillmix.fairness import audit_selection
    from skillmix.fairness.audit import Outcome
    from skillmix.fairness.demographics import Demographic
    from skillmix.fairness.report import render_html

    outcomes, demo = [], []
    for i in range(40):
        cid = f"c{i}"
        outcomes.append(Outcome(cid, score=float(i), selected=i < 20))
        demo.append(Demographic(cid, "Male" if i < 20 else "Female", HOSTILE if i % 2 else "White"))
    html = render_html([audit_selection(outcomes, demo)], title=HOSTILE)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;0.001" in html  # a p-value below 0.001 is text, not a broken tag


def test_templating_web_base_extends_the_shared_layout():
    from pathlib import Path

    import skillmix.web

    base = Path(skillmix.web.__file__).parent / "templates" / "base.html"
    assert base.read_text(encoding="utf-8").startswith('{% extends "layout.html" %}')
