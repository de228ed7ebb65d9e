"""summarise(): professional vs consumer evidence, years from dated roles, seniority."""

from __future__ import annotations

from datetime import date

import pytest

from skillmix.assess import seniority_of, summarise
from skillmix.assess.evidence import UNKNOWN_END_MONTHS
from skillmix.extract import as_document
from skillmix.records import Document, Role


def _union_months(roles, idxs, today, until=None):
    """Months covered by roles ``idxs``; current roles run to ``until`` (the document's
    date, see current_until) when given, never before their own start."""
    months = set()
    for i in idxs:
        r = roles[i]
        if r.start is None:
            continue
        first = r.start.year * 12 + r.start.month - 1
        span = r.months(max(until, r.start) if (r.current and until) else today)
        if r.end is None and not r.current:  # one date only: capped, not run to today
            span = min(span, UNKNOWN_END_MONTHS)
        months.update(range(first, first + span))
    return len(months)


def test_evidence_years_come_from_dated_roles(demo_resume, extractor, today):
    ev = summarise(extractor.extract(demo_resume), demo_resume, today=today)
    assert demo_resume.roles, "the demo résumé has a dated work history"
    checked = 0
    for se in ev.skills.values():
        if se.roles:
            expected = _union_months(demo_resume.roles, se.roles, today) / 12
            assert se.years_from_roles == pytest.approx(expected)
            checked += 1
    assert checked >= 5
    # a skill used in both roles is credited with both, overlaps counted once
    fb = ev.skills["facebook"]
    assert set(fb.roles) == {0, 1}
    assert fb.years_from_roles == pytest.approx(
        sum(r.months(today) for r in demo_resume.roles) / 12)
    assert ev.total_years == pytest.approx(fb.years_from_roles)
    # the current role makes recency zero; the older role's skills are older
    assert ev.skills["python"].recency_months == 0
    assert ev.skills["social-customer-care"].recency_months > 60


def test_evidence_skills_list_counts_as_listed_not_professional(demo_resume, extractor, today):
    ev = summarise(extractor.extract(demo_resume), demo_resume, today=today)
    docker = ev.skills["docker"]  # only in the SKILLS section
    assert docker.level == "listed" and docker.roles == () and docker.years == 0


def test_evidence_consumer_mentions_do_not_count(consumer_resume, extractor, today):
    ev = summarise(extractor.extract(consumer_resume), consumer_resume, today=today)
    # the retail job's duty ("Helped customers find books") is real customer service;
    # nothing about the platforms counts
    counting = {se.skill_id: se for se in ev.counting()}
    assert set(counting) == {"customer-service"}
    assert counting["customer-service"].level == "professional"
    names = {se.skill_id for se in ev.consumer_only()}
    assert {"instagram", "tiktok", "snapchat"} <= names
    for se in ev.consumer_only():
        assert se.level == "consumer" and se.years == 0
        for m in se.consumer_mentions:
            assert consumer_resume.text[m.start:m.end] == m.surface


def test_evidence_overlapping_roles_counted_once(extractor, today):
    text = (
        "EXPERIENCE\n"
        "SEO Lead, Acme    Jan 2020 - Dec 2021\n"
        "- Managed SEO for the company's sites.\n"
        "SEO Consultant, Self-employed    Jan 2021 - Dec 2022\n"
        "- Ran SEO audits for clients.\n"
    )
    doc = as_document(text, "resume")
    assert len(doc.roles) == 2
    ev = summarise(extractor.extract(doc), doc, today=today)
    assert ev.skills["seo"].years_from_roles == pytest.approx(3.0)  # 2020-2022, not 4


def test_evidence_role_without_end_is_not_run_to_today(extractor, today):
    text = "EXPERIENCE\nSEO Manager, Acme    04/2013\n- Managed SEO for clients.\n"
    role = Role(title="SEO Manager", employer="Acme", start=date(2013, 4, 1),
                end=None, current=False, span_start=11, span_end=len(text))
    doc = Document(id="x", text=text, source="<t>", media_type="text/plain", kind="resume",
                   roles=(role,))
    ev = summarise(extractor.extract(doc), doc, today=today)
    assert role.months(today) > 100  # what running it to today would give
    assert ev.skills["seo"].years_from_roles == pytest.approx(UNKNOWN_END_MONTHS / 12)


def test_evidence_explicit_year_claims(extractor, today):
    doc = as_document("SUMMARY\nMarketer with 8 years of SEO experience.\n", "resume")
    ev = summarise(extractor.extract(doc), doc, today=today)
    assert ev.skills["seo"].years_claimed == 8
    assert ev.skills["seo"].years == 8


def test_evidence_real_resumes_spans_and_years(real_resumes, extractor, today):
    for doc in real_resumes:
        ev = summarise(extractor.extract(doc), doc, today=today)
        for se in ev.skills.values():
            for m in se.mentions + se.consumer_mentions:
                assert doc.text[m.start:m.end] == m.surface
            assert se.years_from_roles <= ev.total_years + 1e-9
            if se.roles:
                assert se.years_from_roles == pytest.approx(
                    _union_months(doc.roles, se.roles, today, ev.current_until) / 12)


@pytest.mark.parametrize(
    "title, level",
    [
        ("Marketing Intern", 0),
        ("Social Media Coordinator", 1),
        ("Social Media Specialist", 2),
        ("Senior Marketing Engineer", 3),
        ("Assistant Manager", 3),
        ("Director of Social Media", 4),
        ("VP, Marketing", 5),
        ("", None),
    ],
)
def test_evidence_seniority_from_titles(title, level):
    assert seniority_of(title)[0] == level
