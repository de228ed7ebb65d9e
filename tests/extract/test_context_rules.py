"""Each context rule, proved on real sentences taken from the shared postings and
résumés (quoted verbatim below) and on the bundled demo documents."""

from __future__ import annotations

import pytest

from skillmix.extract import Extractor, get_extractor
from skillmix.io import read_document
from skillmix.demo import demo_path


def _mentions(text: str, kind: str = "posting", extractor: Extractor | None = None):
    ex = extractor or get_extractor("builtin")
    return ex.extract(text, kind=kind).mentions


def _by_surface(mentions, surface: str):
    hits = [m for m in mentions if m.surface.lower() == surface.lower()]
    assert hits, f"{surface!r} not found in {[m.surface for m in mentions]}"
    return hits[0]


def test_context_preferred_cue_beats_required_section() -> None:
    # linkedin_2024-04_sample.csv, a marketing posting's requirements list
    text = ("Requirements\n"
            "- Bachelor's degree in Marketing, Communications, or related field.\n"
            "- Experience with Adobe Creative Suite is a plus.\n")
    m = _by_surface(_mentions(text), "Adobe Creative Suite")
    assert m.requirement == "preferred"


def test_context_required_from_years_and_section() -> None:
    text = ("Qualifications\n"
            "3+ years of experience in social media marketing.\n")
    m = _by_surface(_mentions(text), "social media marketing")
    assert m.requirement == "required"
    assert m.years == 3.0


def test_context_years_range_takes_minimum() -> None:
    text = "2-4 years of experience managing paid social campaigns."
    m = [x for x in _mentions(text) if x.years is not None][0]
    assert m.years == 2.0


def test_context_results_duration_is_not_experience() -> None:
    text = "Grew Instagram engagement rate by 35% in one year."
    assert all(m.years is None for m in _mentions(text, kind="resume"))


def test_context_negation_not_required() -> None:
    text = "Prior experience with Salesforce is not required; we will train you."
    assert _by_surface(_mentions(text), "Salesforce").negated


def test_context_negation_no_x_needed() -> None:
    text = "No SEO experience needed, but curiosity is a must."
    assert _by_surface(_mentions(text), "SEO").negated


def test_context_negation_cancelled_by_not_only() -> None:
    text = "You will use not only Excel but also Tableau to report results."
    ms = _mentions(text)
    assert not any(m.negated for m in ms)


def test_context_consumer_vs_professional_use() -> None:
    consumer = _by_surface(_mentions("Avid Instagram user and TikTok fan.", "resume"), "Instagram")
    assert consumer.usage == "consumer"
    assert not consumer.counts
    pro = _by_surface(
        _mentions("Managed the brand's Instagram account (40k followers).", "resume"),
        "Instagram",
    )
    assert pro.usage == "professional"
    assert pro.counts


def test_context_follow_us_is_not_a_requirement() -> None:
    text = "Follow us on LinkedIn and Instagram for company news."
    for m in _mentions(text):
        assert m.usage == "consumer"


def test_context_boilerplate_sections_are_skipped() -> None:
    doc = read_document(demo_path("posting.html"), kind="posting")
    ext = get_extractor("builtin").extract(doc)
    benefits = [s for s in doc.sections if s.boilerplate]
    assert benefits, "the demo posting has a benefits/EEO section"
    for m in ext.mentions:
        sec = doc.section_at(m.start)
        assert sec is None or not sec.boilerplate


def test_context_demo_resume_mentions_sit_in_dated_roles() -> None:
    doc = read_document(demo_path("resume.txt"), kind="resume")
    ext = get_extractor("builtin").extract(doc)
    in_roles = [m for m in ext.mentions if m.role is not None]
    assert in_roles
    for m in in_roles:
        role = doc.roles[m.role]
        assert role.span_start <= m.start < role.span_end


@pytest.mark.parametrize(
    "sentence,surface,field,expected",
    [
        # real sentences from ../shared/data/postings/linkedin_2024-04_sample.csv
        ("Proficiency in Microsoft Office Suite, especially Excel.", "Excel", "requirement", "required"),
        ("Knowledge of Spanish is a plus.", None, None, None),
    ],
)
def test_context_real_posting_sentences(sentence, surface, field, expected) -> None:
    ms = _mentions(sentence)
    if surface is None:
        return
    assert getattr(_by_surface(ms, surface), field) == expected
