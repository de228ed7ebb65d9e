"""A taxonomy neighbour of another field earns a required skill nothing.

From a recruiter trial (session 17): against a DevOps posting that asks for Python, an
accountant's "qualitative and quantitative analysis" (data analysis, Python's related
skill) gave Python half credit and his fifteen years of accounting roles counted as
years of technology: fit 47.5 for a résumé with none of the posting's 13 required
skills. A neighbour counts only within its field (the same taxonomy area, or a platform
beside its practice)."""

from __future__ import annotations

from skillmix.assess import assess, profile_from_posting
from skillmix.extract import as_document

POSTING = """DevOps Engineer
Requirements
- 3+ years of experience with Python.
- Experience building REST APIs.
"""

ACCOUNTANT = """Lead Accountant
Experience
Lead Accountant, Acme Corp, 01/2010 - 12/2024
- Execute qualitative and quantitative analysis techniques to minimize risks.
- Perform trend analysis on revenues and forecast future costs.
"""

ENGINEER = """Backend Engineer
Experience
Backend Engineer, Acme Corp, 01/2018 - 12/2024
- Led software engineering for the billing services.
"""


def _card(resume_text: str, extractor, today):
    posting = as_document(POSTING, kind="posting")
    prof = profile_from_posting(extractor.extract(posting), posting)
    assert "python" in prof.required
    resume = as_document(resume_text, kind="resume")
    return assess(resume, prof, today=today)


def _tech(card):
    return next(a for a in card.areas if a.area == "technology")


def test_data_analysis_earns_python_neither_credit_nor_years(extractor, today) -> None:
    card = _card(ACCOUNTANT, extractor, today)
    tech = _tech(card)
    assert tech.years == 0 and tech.points == 0
    assert not any(p.skill_id == "python" for p in card.points)
    # the neighbour is there: the résumé evidences data analysis in a dated role
    resume = as_document(ACCOUNTANT, kind="resume")
    assert "data-analysis" in {m.skill_id for m in extractor.extract(resume).mentions if m.counts}


def test_a_neighbour_of_the_same_field_still_counts(extractor, today) -> None:
    # no Python in the résumé: software engineering, Python's neighbour in the same area,
    # earns it transferable credit and the role's years of technology
    resume = as_document(ENGINEER, kind="resume")
    found = {m.skill_id for m in extractor.extract(resume).mentions if m.counts}
    assert "python" not in found and "software-engineering" in found
    card = _card(ENGINEER, extractor, today)
    assert any(p.skill_id == "python" and p.points > 0 for p in card.points)
    tech = _tech(card)
    assert tech.years > 5 and tech.points > 0


def test_same_field() -> None:
    from skillmix.taxonomy import load_taxonomy

    tax = load_taxonomy("builtin")
    assert tax.same_field("python", "software-engineering")
    assert not tax.same_field("python", "data-analysis")
    platform = next(s for s in tax.skills.values() if s.area == "platforms")
    practice = next(s for s in tax.skills.values() if s.area == "marketing_communications")
    assert tax.same_field(platform.id, practice.id)
