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
