"""A résumé heading's keyword must be its head noun: "Project Management" in a skills list
is a skill, not a Projects heading (22 of 722 LiveCareer résumés had it switch the rest of
their skills, or of a role, into a "projects" section that role parsing skips)."""

from __future__ import annotations

import pytest

from skillmix.io.sections import detect_sections


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(s.heading.strip(), s.kind) for s in detect_sections(text, "resume")]


@pytest.mark.parametrize("line", [
    "Project Management", "Procore Project Management", "Employment Law", "Educational Leadership",
    "Lead projects that included:", "Project Owner:", "Headliner Award, Ketchum",
    "Project Planning and Development",
])
def test_a_keyword_that_modifies_a_skill_opens_no_section(line: str) -> None:
    text = f"Skills\nBudgeting\n{line}\nTeam leadership\n"
    assert _kinds(text) == [("Skills", "skills")]


@pytest.mark.parametrize("line, kind", [
    ("Projects", "projects"), ("Key Projects", "projects"), ("Project Highlights", "projects"),
    ("Summary of Skills", "skills"), ("Skills and Abilities", "skills"), ("Skills Used", "skills"),
    ("Board & Leadership Experience", "experience"), ("37 Years of Experience", "experience"),
    ("Certifications and Credentials", "certifications"), ("CPR Certification, 2012", "certifications"),
    ("Project Management Certificate", "certifications"),
    # the review's real and usual headings the first list of followers dropped
    ("Education and Coursework", "education"), ("Awards and Recognition", "certifications"),
    ("PROJECT WORK", "projects"), ("Education Background", "education"),
    ("Experience (Continued)", "experience"), ("Certifications & Licensure", "certifications"),
    ("Skills Set", "skills"), ("Awards Received", "certifications"),
])
def test_a_keyword_that_heads_the_line_opens_its_section(line: str, kind: str) -> None:
    text = f"Summary\nA marketer.\n{line}\nSomething\n"
    assert _kinds(text)[-1] == (line, kind)


def test_posting_headings_keep_their_contains_rule() -> None:
    """Only résumé headings need a head noun; a posting's "About the company" and "What you
    will do" still open their sections."""
    text = "About the company\nWe sell.\nWhat you will do\nWrite posts.\n"
    assert [s.kind for s in detect_sections(text, "posting")] == ["company", "responsibilities"]
