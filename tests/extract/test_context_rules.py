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


# Sentences quoted verbatim from ../shared/data/postings (LinkedIn April 2024 sample and
# the Remotive April 2025 feed); the tests do not need the shared folder itself.


def test_context_preferred_cue() -> None:
    text = "Experience with e-commerce platforms or projects is preferred"
    assert _by_surface(_mentions(text), "e-commerce").requirement == "preferred"


@pytest.mark.parametrize(("text", "surface", "level"), [
    # LinkedIn and Remotive wordings: "ideally", "preferably", "bonus" look ahead
    ("- At least 7 years of experience in product marketing, preferably in technology and "
     "software marketplaces.", "product marketing", "required"),
    ("- 5+ years of experience in software development or site reliability engineering, "
     "ideally in high-scale, high-availability environments.", "site reliability engineering",
     "required"),
    ("- Deep understanding and practical experience with at least one major cloud platform: "
     "AWS, Azure, (preferably GCP).", "Azure", "required"),
    ("- Deep understanding and practical experience with at least one major cloud platform: "
     "AWS, Azure, (preferably GCP).", "GCP", "preferred"),
    ("Ideally, you have run SEO for a marketplace.", "SEO", "preferred"),
    # cues that look back still cover the whole sentence
    ("Experience with Figma is a plus", "Figma", "preferred"),
])
def test_context_preferred_cue_scope(text: str, surface: str, level: str) -> None:
    assert _by_surface(_mentions(text), surface).requirement == level


def test_context_preferred_but_not_required_is_optional_not_negated() -> None:
    m = _by_surface(_mentions("Experience with SQL preferred but not required"), "SQL")
    assert m.requirement == "preferred"
    assert not m.negated


def test_context_required_with_years() -> None:
    text = "6+ years of social media strategy/management and digital marketing is a must"
    ms = _mentions(text)
    m = _by_surface(ms, "social media strategy")
    assert m.requirement == "required"
    assert m.years == 6.0


def test_context_years_attach_to_the_skill() -> None:
    text = "3+ years of hands-on experience managing Paid Social campaigns"
    m = _by_surface(_mentions(text), "Paid Social campaigns")
    assert m.years == 3.0 and m.requirement == "required"


def test_context_years_range_takes_minimum() -> None:
    text = ("A strong writer with  2\u20133 years of experience creating content for "
            "marketing, SEO, or B2B brands, particularly in the social media marketing space")
    m = _by_surface(_mentions(text), "SEO")
    assert m.years == 2.0


def test_context_results_duration_is_not_experience() -> None:
    # demo résumé (bundled): a result achieved in one year is not a year of experience
    text = "grew engagement rate by 35% in one year."
    assert all(m.years is None for m in _mentions(text, kind="resume"))


def test_context_negation_not_required() -> None:
    # the shape of "Previous experience in the insurance industry ... is a plus but not
    # required", without the "plus": a plain non-requirement
    text = "Salesforce experience not required; we provide full training"
    assert _by_surface(_mentions(text), "Salesforce").negated


def test_context_negation_no_x_needed() -> None:
    text = "No SEO experience needed, but curiosity is a must."
    assert _by_surface(_mentions(text), "SEO").negated


def test_context_negation_cancelled_by_not_only() -> None:
    text = "You will use not only Excel but also Tableau to report results."
    assert not any(m.negated for m in _mentions(text))


def test_context_familiarity_in_posting_is_a_weak_requirement_not_consumer() -> None:
    text = ("Familiarity with tools such as Google Ads Manager, Facebook Ads Manager, "
            "and Google Analytics")
    ms = _mentions(text)
    assert ms and all(m.usage != "consumer" for m in ms)


def test_context_follow_us_is_incidental() -> None:
    text = ("To follow the latest SonderMind news, get to know our clients, and learn about "
            "what it\u2019s like to work at SonderMind, you can follow us on   Instagram   ,   "
            "Linkedin   , and   Twitter")
    ms = _mentions(text)
    assert {m.surface for m in ms} >= {"Instagram", "Twitter"}
    assert all(m.usage == "consumer" and not m.counts for m in ms)
    in_requirements = _mentions("Requirements\nFollow us on Instagram!")
    assert [m.requirement for m in in_requirements] == ["mentioned"]


def test_context_consumer_vs_professional_use_in_resumes() -> None:
    # the bundled consumer résumé (fictional) and the article's "intern" mistake
    consumer = _by_surface(
        _mentions("Recent graduate and avid Instagram user.", "resume"), "Instagram"
    )
    assert consumer.usage == "consumer" and not consumer.counts
    pro = _by_surface(
        _mentions("Managed the company's TikTok and Instagram accounts (120k followers) "
                  "with the content team", "resume"),
        "Instagram",
    )
    assert pro.usage == "professional" and pro.counts


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




def test_context_consumer_framing_counts_in_postings_too() -> None:
    # a posting that wants the "intern" profile: consumer framing, not professional use
    m = _by_surface(_mentions("Are you an avid Instagram user? Join us!"), "Instagram")
    assert m.usage == "consumer"
    # ... while a posting's "familiarity with" is a (weak) requirement
    m = _by_surface(_mentions("Familiarity with Hootsuite"), "Hootsuite")
    assert m.usage != "consumer"


def test_interests_are_pastimes_not_professional_use() -> None:
    """"Interests"/"Hobbies": a professional cue word there ("Trail running") proves no
    professional use, and a platform there is a consumer's familiarity (the intern mistake);
    the same items in a skills list keep their reading."""
    got = {m.skill_id: m.usage for m in _mentions(
        "INTERESTS\nTrail running, film photography, TikTok\n", kind="resume")}
    assert got == {"photography": "unspecified", "tiktok": "consumer"}
    got = {m.skill_id: m.usage for m in _mentions("SKILLS\nfilm photography, TikTok\n", kind="resume")}
    assert got["tiktok"] != "consumer"
