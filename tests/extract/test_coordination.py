"""A skill named once for two conjuncts ("verbal and written communication", "social media
and email marketing") is credited for both, only through a skill's own names, never across
a list's comma or a line, with the whole coordination as its evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmix.extract import get_extractor


def _found(text: str, kind: str = "resume") -> dict[str, str]:
    ext = get_extractor("builtin").extract(text, kind=kind)
    return {m.skill_id: m.surface for m in ext.mentions if m.counts}


@pytest.mark.parametrize(
    ("text", "skill", "surface"),
    [
        ("Planned social media and email marketing for 12 brands.", "social-media-marketing",
         "social media and email marketing"),
        ("Data analysis and visualization in Tableau.", "data-visualization",
         "Data analysis and visualization"),
        ("Content creation and curation for our clients.", "content-curation",
         "Content creation and curation"),
    ],
)
def test_the_elided_skill_is_credited_with_the_coordination_as_evidence(text, skill, surface):
    found = _found(text)
    assert found.get(skill) == surface
    # the skill spelled out in full is still there on its own span
    assert len(found) >= 2


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a comma before the conjunction: list items, not shared modifiers
        ("Led product management, digital marketing, and digital strategy.", "marketing-strategy"),
        # a line break ends the coordination
        ("Social media and\nEmail marketing", "social-media-marketing"),
        # only a skill's names compose, not a looser evidence phrase ("market trends")
        ("Kept up-to-date with regional market and industry trends.", "market-research"),
        # words of the sentence are not conjuncts
        ("Strong and email marketing background.", "strong-marketing"),
    ],
)
def test_no_credit_outside_a_real_coordination(text, absent):
    assert absent not in _found(text)


@pytest.mark.parametrize(
    ("text", "skill", "surface"),
    [
        # a slash written as the conjunction (LiveCareer résumés, Remotive postings)
        ("Exceptional leadership/communication skills", "team-leadership",
         "leadership/communication skills"),
        ("Excellent Written/ Verbal Communication", "written-communication",
         "Written/ Verbal Communication"),
        ("Support program / project management routines.", "program-management",
         "program / project management"),
        ("6+ years of social media strategy/management and digital marketing",
         "social-media-management", "social media strategy/management"),
        ("Adobe Photoshop/Illustrator", "adobe-illustrator", "Adobe Photoshop/Illustrator"),
    ],
)
def test_a_slash_coordinates_like_and(text, skill, surface):
    ext = get_extractor("builtin").extract(text, kind="resume")
    assert surface in {m.surface for m in ext.mentions if m.counts and m.skill_id == skill}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "and/or": the slash is part of the conjunction, not a second one
        ("Excellent oral and/or customer skills", "oral-communication"),
        # a slash between a word and a list's comma is no coordination
        ("Leadership, communication skills", "team-leadership"),
    ],
)
def test_a_slash_coordinates_nothing_else(text, absent):
    assert absent not in _found(text)


@pytest.mark.parametrize(
    ("line", "skill"),
    [
        # skills-list lines of LiveCareer résumés: neither conjunct is a name on its own
        ("Budget Development & Management", "budget-management"),
        ("Social Media & Influencer Strategy", "social-media-strategy"),
        ("Strategic & Tactical Planning", "business-strategy"),
        ("Audience modeling/targeting", "audience-targeting"),
    ],
)
def test_a_list_line_coordinates_two_words_into_a_name(line, skill):
    ext = get_extractor("builtin").extract(f"Skills\n{line}\nExcel", kind="resume")
    assert line in {m.surface for m in ext.mentions if m.counts and m.skill_id == skill}


@pytest.mark.parametrize(
    ("line", "absent"),
    [
        # the far conjunct's neighbour is shared, not a word further on
        ("Web & Print Content Development", "web-development"),
        # a long line is a sentence, not a list item
        ("Responsible for budget development & management of the marketing department",
         "budget-management"),
    ],
)
def test_a_list_line_shares_only_the_next_word(line, absent):
    assert absent not in _found(f"Skills\n{line}\nExcel")


def test_a_posting_line_from_the_gold(shared_data: Path):
    """LinkedIn posting 3527189387 asks for social media marketing and strategy through
    coordinations only; the gold credits both."""
    path = shared_data / "gold" / "docs" / "posting-linkedin-3527189387.txt"
    if not path.exists():
        pytest.skip("gold document not in shared data")
    found = _found(path.read_text(encoding="utf-8"), kind="posting")
    assert {"social-media-marketing", "social-media-strategy"} <= found.keys()
