"""The article's intern mistake: consumer familiarity earns nothing and raises a flag."""

from __future__ import annotations

import pytest

from skillmix.assess import assess
from skillmix.extract import as_document

CONSUMER_LINES = (
    "\n\nINTERESTS\n"
    "Avid Instagram user and big fan of TikTok. I love Snapchat and spend time on YouTube "
    "in my free time.\n"
)


def test_consumer_demo_resume_gets_intern_flag(consumer_resume, today):
    card = assess(consumer_resume, today=today)
    # only the retail job's real customer service counts ("Helped customers find books")
    assert card.fit < 10
    assert all(a.coverage < 0.05 for a in card.areas if a.area != "customer_service")
    flag = next(f for f in card.red_flags if f.rule == "consumer_familiarity")
    assert flag.severity == "high"
    assert {"instagram", "tiktok"} <= set(flag.skill_ids)
    for e in flag.evidence:
        assert consumer_resume.text[e.start:e.end] == e.surface
    assert flag.question


def test_consumer_mentions_do_not_raise_coverage_real(real_resumes, today):
    changed = 0
    for doc in real_resumes:
        base = as_document(doc.text, "resume")
        plus = as_document(doc.text + CONSUMER_LINES, "resume")
        a, b = assess(base, today=today), assess(plus, today=today)
        assert b.fit == pytest.approx(a.fit, abs=1e-6), doc.source
        for x, y in zip(a.areas, b.areas):
            assert y.coverage == pytest.approx(x.coverage, abs=1e-9)
        if any(f.rule == "consumer_familiarity" for f in b.red_flags):
            changed += 1
    # the flag fires for résumés without professional platform evidence
    assert changed >= 1


def test_consumer_vs_professional_same_platforms(today):
    consumer = as_document(
        "SUMMARY\nAvid Instagram user; I love TikTok.\n", "resume")
    professional = as_document(
        "SUMMARY\nManaged the brand's Instagram and TikTok accounts for clients, "
        "growing followers 40%.\n", "resume")
    c, p = assess(consumer, today=today), assess(professional, today=today)
    plat = lambda card: next(a for a in card.areas if a.area == "platforms")  # noqa: E731
    assert plat(c).coverage == 0 and plat(p).coverage > 0
    assert p.fit > c.fit
    assert any(f.rule == "consumer_familiarity" for f in c.red_flags)
    assert not any(f.rule == "consumer_familiarity" for f in p.red_flags)
