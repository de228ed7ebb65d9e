"""The social media classifier's rules on postings whose answer is not in doubt."""

from __future__ import annotations

import pytest

from skillmix.extract import get_extractor
from skillmix.io import detect_sections
from skillmix.market import ClassifierRules, SocialMediaClassifier, market_taxonomy_spec
from skillmix.records import Document, Posting


def classify(title: str, text: str, rules: ClassifierRules | None = None):
    doc = Document(id="p", text=text, source="<test>", media_type="text/plain", kind="posting",
                   title=title, sections=detect_sections(text, "posting"))
    posting = Posting(document=doc, id="p", title=title)
    ext = get_extractor(market_taxonomy_spec()).extract(posting)
    return SocialMediaClassifier(rules).classify(posting, ext)


def test_classify_duty_without_social_title_requires() -> None:
    v = classify("Marketing Coordinator",
                 "Responsibilities:\nManage our social media channels and post on Instagram.\n"
                 "Requirements:\n2 years of social media marketing experience.")
    assert v.requires and not v.title_mentions
    assert v.evidence and all(e.sentence for e in v.evidence)


def test_classify_follow_us_is_incidental() -> None:
    v = classify("Software Engineer", "Requirements:\nPython and AWS.\n"
                 "Follow us on LinkedIn, Twitter and Instagram for company news.")
    assert not v.requires and v.strength == "none"


def test_classify_company_self_description_is_incidental() -> None:
    v = classify("Junior Business Analyst",
                 "We specialize in online reputation management, web development and social "
                 "media marketing.\nRequirements:\nSQL and Excel.")
    assert not v.requires


@pytest.mark.parametrize("title", ["Social Worker", "Qualified Social Workers x2",
                                   "Social Security Claims Clerk"])
def test_classify_other_professions_do_not_count(title: str) -> None:
    v = classify(title, "Provide social care to adults.\nRequirements:\nA social work degree.")
    assert not v.requires and not v.title_mentions


def test_classify_title_makes_core() -> None:
    v = classify("Social Media Manager", "Lead the team.")
    assert v.requires and v.strength == "core" and v.title_mentions


def test_classify_negated_mention_does_not_count() -> None:
    v = classify("Receptionist", "Answer phones and greet visitors.\n"
                 "No social media marketing experience needed.")
    assert not v.requires


def test_classify_threshold_is_data() -> None:
    text = "Requirements:\nExperience managing social media accounts."
    base = ClassifierRules.load()
    assert classify("Assistant", text, base).requires
    import dataclasses

    strict = dataclasses.replace(base, threshold=50.0)
    assert not classify("Assistant", text, strict).requires


def test_classify_areas_are_label_areas() -> None:
    v = classify("Growth Marketer", "Requirements:\nExperience with SEO, Google Analytics and "
                 "social media marketing.\nStrong stakeholder management.")
    rules = ClassifierRules.load()
    assert v.areas and set(v.areas) <= set(rules.label_areas)
    assert "technology" in v.areas or "data_analytics" in v.areas
