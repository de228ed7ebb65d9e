"""Flattened job-board text glues list items together ("JavaScript.ReactNodeTypescript",
"GraphQLHTML5/CSS3", "doing:Leading projectsPlanning architecture", "· " bullets): each item
is read on its own, no skill spans two items, and "desirable" in one item does not make
every item of the list preferred. Real LinkedIn postings from bench/data/gold_fresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmix.extract import get_extractor
from skillmix.extract.engine import glue_points
from skillmix.io import read_document

FRESH = Path(__file__).resolve().parents[2] / "bench" / "data" / "gold_fresh" / "docs"


def _mentions(name: str):
    doc = read_document(FRESH / f"{name}.txt", kind="posting", sandbox=False)
    return doc, get_extractor("builtin").extract(doc)


def test_glued_stack_list_is_read_item_by_item():
    doc, ext = _mentions("posting-linkedin-3819416106")
    found = {m.skill_id for m in ext.mentions if m.counts}
    assert {"javascript", "react", "typescript", "graphql", "html", "css"} <= found
    # no mention runs across two glued items ("projectsPlanning")
    for m in ext.mentions:
        assert not any(m.start < g < m.end for g in glue_points(doc.text)), m.surface


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("with JavaScript.ReactNodeTypescript", ["React", "Node", "Typescript"]),
        ("doing:Leading projectsPlanning architecture", ["Leading", "Planning"]),
    ],
)
def test_glue_points(text, parts):
    ex = get_extractor("builtin")
    got = [text[g:g + len(p)] for g, p in zip(glue_points(text, ex._known), parts)]
    assert got == parts


def test_known_names_stay_whole_and_caps_split_only_between_names():
    ex = get_extractor("builtin")
    text = "LinkedIn, YouTube, ASP.NET, Node.js and GraphQLHTML5 but not PowerBIX"
    points = [text[g:g + 5] for g in glue_points(text, ex._known)]
    assert points == ["HTML5"]


def test_middle_dot_bullets_end_items():
    _, ext = _mentions("posting-linkedin-3829280858")
    # "Necessary and desirable qualifications" heads the list; the duties before it and
    # the qualification items stay required
    req = {m.skill_id: m.requirement for m in ext.mentions if m.counts}
    assert req.get("devops") == "required"
    assert req.get("budget-management") == "required"


def test_a_known_camel_case_name_glued_to_the_next_item_is_parted_after_it():
    # gold_fresh42's Equiniti posting: "... in Word, Excel and PowerPointMust be able to ..."
    doc = read_document(FRESH.parents[1] / "gold_fresh42" / "docs"
                        / "posting-linkedinpub-3901688307.txt", kind="posting", sandbox=False)
    ext = get_extractor("builtin").extract(doc)
    assert "microsoft-powerpoint" in {m.skill_id for m in ext.mentions if m.counts}
    known = get_extractor("builtin")._known
    text = "find informationSuperior skills; Use HubSpotManage the CRM"
    assert [text[i:i + 6] for i in glue_points(text, known)] == ["Superi", "Manage"]
    # a long mixed-case run is no name: parted nowhere, and quickly (the look-back is
    # bounded; unbounded, 60 KB of it took 28 s)
    assert glue_points("skills.Manage the CRM " + "aBc" * 20000, known)[:1] == [7]
    # a camel-case name on its own, or in a text with no glue, stays whole
    assert glue_points("Use HubSpot and PowerPoint daily", known) == []
    assert glue_points("Use HubSpotManage the CRM", known) == []


@pytest.mark.parametrize(("text", "present"), [
    ("Demonstrated capability in Word, Excel and PowerPoint.", False),
    ("Demonstrated ability to lead cross-functional projects.", False),
    ("Demonstrate product capabilities to prospective clients.", True),
])
def test_demonstrated_capability_is_proof_not_a_demo(text: str, present: bool) -> None:
    ext = get_extractor("builtin").extract(text, kind="posting")
    assert ("technical-demos" in {m.skill_id for m in ext.mentions if m.counts}) is present
