"""Issue #13's examples, read as a recruiter reads them, on the real documents they come
from (shared LiveCareer résumés, gold documents and job-board postings; skipped when
``../shared/data`` is absent) and, for the few lines no shared document holds, on
small texts of the same shape."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from skillmix.extract import get_extractor
from skillmix.extract.context import years_in
from skillmix.io import read_corpus, read_document

pytestmark = pytest.mark.shared


def _extract(doc):
    return get_extractor("builtin").extract(doc)


def _at(doc, needle: str):
    """The document's counting and non-counting mentions inside the line holding
    ``needle`` (from the needle to the end of its line)."""
    i = doc.text.find(needle)
    assert i >= 0, f"{needle!r} not in {doc.source}"
    end = doc.text.find("\n", i)
    end = len(doc.text) if end < 0 else end
    return [m for m in _extract(doc).mentions if i <= m.start < end]


def _counting(doc, needle: str) -> dict[str, object]:
    return {m.skill_id: m for m in _at(doc, needle) if m.counts}


@functools.lru_cache(maxsize=None)
def _resume(root: str, category: str, rid: str):
    return read_document(Path(root) / "resumes" / "livecareer" / category / f"{rid}.pdf", kind="resume")


@functools.lru_cache(maxsize=None)
def _gold(root: str, name: str):
    kind = "resume" if name.startswith("resume") else "posting"
    return read_document(Path(root) / "gold" / "docs" / f"{name}.txt", kind=kind)


@functools.lru_cache(maxsize=None)
def _posting(root: str, corpus: str, needle: str):
    for p in read_corpus(Path(root) / "postings" / corpus):
        doc = p.document if hasattr(p, "document") else p
        if needle in doc.text:
            return doc
    raise AssertionError(f"no posting of {corpus} holds {needle!r}")


# ------------------------------------------------------------------ missed duties


def test_examples_past_tense_content_duty(shared_data):
    doc = _resume(str(shared_data), "DIGITAL-MEDIA", "18905648")
    found = _counting(doc, "Created content and strategized")
    assert "content-creation" in found
    assert doc.text[found["content-creation"].start:found["content-creation"].end] == "Created content"


def test_examples_led_a_team_keeps_team_size(shared_data):
    doc = _resume(str(shared_data), "CONSULTANT", "20314980")
    found = _counting(doc, "Led a team of 5")
    assert found["team-leadership"].quantity == 5
    assert found["team-leadership"].quantity_kind == "team_size"


def test_examples_managed_a_team_of_four(shared_data):
    doc = _resume(str(shared_data), "DIGITAL-MEDIA", "31929166")
    found = _counting(doc, "Managed a team of 4")
    assert found["people-management"].quantity == 4


def test_examples_mentored_junior_staff(shared_data):
    doc = _resume(str(shared_data), "APPAREL", "56025640")
    assert "mentoring" in _counting(doc, "Mentored junior")


def test_examples_directed_a_department_and_led_agencies(shared_data):
    doc = _resume(str(shared_data), "DIGITAL-MEDIA", "94492380")
    found = _counting(doc, "Directed the Digital Marketing department")
    assert {"team-leadership", "people-management"} <= set(found)
    assert found["people-management"].quantity == 10
    assert "agency-management" in _counting(doc, "lead five social agencies")


def test_examples_engagement_and_email_duties(shared_data):
    doc = _gold(str(shared_data), "resume-DIGITAL-MEDIA-11270462")
    assert "community-engagement" in _counting(doc, "engaging followers in conversation")
    assert "email-marketing" in _counting(doc, "e-Blasts (via Constant Contact)")
    doc = _gold(str(shared_data), "resume-DIGITAL-MEDIA-59011090")
    found = _counting(doc, "Creates and schedules weekly content")
    assert {"content-creation", "social-media-scheduling"} <= set(found)
    doc = _gold(str(shared_data), "resume-PUBLIC-RELATIONS-12545844")
    assert "social-media-management" in _counting(doc, "Managed social media accounts")


def test_examples_posting_duties_on_comments_and_messages(shared_data):
    doc = _posting(str(shared_data), "remotive_2025-04.jsonl", "Respond to comments")
    found = _counting(doc, "Respond to comments")
    assert {"social-inbox-management", "community-engagement"} <= set(found)
    assert all(m.requirement == "required" for m in found.values())
    doc = _posting(str(shared_data), "linkedin_2024-04_sample.csv", "Answer comments and inbox messages")
    assert "social-inbox-management" in _counting(doc, "Answer comments and inbox messages")


# ------------------------------------------------------------------ look-alikes


def test_examples_company_name_is_not_a_skill(shared_data):
    doc = _posting(str(shared_data), "linkedin_2024-04_sample.csv", "Betsy Bash")
    assert "shell-scripting" not in {m.skill_id for m in _extract(doc).mentions}


def test_examples_operating_system_x_is_not_the_platform(shared_data):
    doc = _gold(str(shared_data), "resume-INFORMATION-TECHNOLOGY-26768723")
    assert "x-twitter" not in {m.skill_id for m in _extract(doc).mentions}


def test_examples_heading_does_not_join_the_next_line(shared_data):
    doc = _gold(str(shared_data), "resume-DIGITAL-MEDIA-59011090")
    assert "marketing-communications" not in _counting(doc, "Minor in Marketing")


def test_examples_go_no_go_is_not_the_language(shared_data):
    doc = _posting(str(shared_data), "linkedin_2024-04_sample.csv", "go/no-go")
    assert "golang" not in {m.skill_id for m in _extract(doc).mentions}


def test_examples_company_self_description_is_not_required(shared_data):
    doc = _posting(str(shared_data), "remotive_2025-04.jsonl", "data science & analytics")
    at = doc.text.find("data science & analytics")
    m = next(m for m in _extract(doc).mentions if m.start == at)
    assert m.skill_id == "data-science"
    assert m.requirement == "mentioned" and m.usage == "incidental" and not m.counts


def test_examples_example_lists_are_one_group(shared_data):
    doc = _posting(str(shared_data), "remotive_2025-04.jsonl", "Hootsuite, Buffer")
    found = {m.skill_id: m for m in _at(doc, "(Hootsuite, Buffer")}
    assert found["hootsuite"].group is not None
    assert found["hootsuite"].group == found["buffer"].group
    doc = _posting(str(shared_data), "remotive_2025-04.jsonl", "Canva, Adobe")
    found = {m.skill_id: m for m in _at(doc, "Canva, Adobe")}
    assert found["canva"].group == found["adobe-creative-cloud"].group is not None


# ------------------------------------------------------------------ lines of the same shape


def test_examples_threads_of_email_and_x_window():
    ex = get_extractor("builtin")
    text = ("Resolved threads of email from customers. Maintained the X Window System on "
            "Mac OS X workstations.")
    ids = {m.skill_id for m in ex.extract(text, kind="resume").mentions}
    assert not {"threads", "x-twitter"} & ids
    text = "Grew the brand's presence on Instagram, Threads and X."
    ids = {m.skill_id for m in ex.extract(text, kind="resume").mentions if m.counts}
    assert {"threads", "x-twitter", "instagram"} <= ids


def test_examples_consumer_notes_and_list_years():
    ex = get_extractor("builtin")
    found = {m.skill_id: m for m in ex.extract("Skills: Snapchat (personal), Excel (5 years)",
                                               kind="resume").mentions}
    assert found["snapchat"].usage == "consumer" and not found["snapchat"].counts
    assert found["snapchat"].years is None
    assert found["microsoft-excel"].years == 5 and found["microsoft-excel"].counts
    found = {m.skill_id: m for m in ex.extract("I scroll Reddit daily.", kind="resume").mentions}
    assert found["reddit"].usage == "consumer"


def test_a_ceiling_of_years_is_no_floor():
    """Years are a minimum; "less than", "under", "up to" and "no more than" say a maximum."""
    for text in ("less than 2 years of SQL", "Under 3 years experience", "up to 2 years in SEO",
                 "no more than two years PQE", "in under three\nyears"):
        assert years_in(text) == [], text
    assert years_in("2+ years of SQL") == [(0, 2.0)]


def test_list_years_after_a_skill_are_that_skills_alone():
    """A figure right after its item's skill ("SQL – 3 yrs") is not every member's; one
    leading a list ("5 years of Python, SQL and Tableau") still is."""
    ex = get_extractor("builtin")

    def years(text: str) -> dict[str, float | None]:
        return {m.skill_id: m.years for m in ex.extract(text, kind="resume").mentions}

    got = years("Skills: Snapchat (personal), Excel (5 years), SQL – 3 yrs, Tableau")
    assert got == {"snapchat": None, "microsoft-excel": 5, "sql": 3, "tableau": None}
    assert years("Social media marketing – 5 years, content creation – 3 years") == {
        "social-media-marketing": 5, "content-creation": 3}
    assert set(years("5 years of Python, SQL and Tableau").values()) == {5}
    got = years("Graphic designer with more than ten years in print packaging design, "
                "advertising, marketing and brand development.")
    assert got["advertising"] == got["branding"] == 10


def test_examples_years_without_the_word_years():
    assert years_in("3-5 experience in marketing") == [(0, 3.0)]
    ex = get_extractor("builtin")
    found = {m.skill_id: m for m in ex.extract(
        "Requirements: 3-5 experience in social media marketing.", kind="posting").mentions}
    assert found["social-media-marketing"].years == 3
