"""Wordings from a recruiter trial on unseen LiveCareer résumés and Adzuna postings
(session 17): each was credited as a skill it only looks like, or gave years it does not
claim. Each rule is tested both ways on the real wording."""

from __future__ import annotations

import pytest

from skillmix.extract import get_extractor
from skillmix.extract.guards import parse_form_guards
from skillmix.errors import SkillmixError

ROLE = "Experience\nMarketing Manager, Acme, 2016 - 2020\n- "


def _mentions(line: str, kind: str) -> tuple:  # type: ignore[type-arg]
    """The mentions of ``line`` as a résumé's role bullet or a posting's requirement."""
    text = ROLE + line if kind == "resume" else "Analyst\nRequirements\n- " + line
    return get_extractor("builtin").extract(text, kind=kind).mentions


def _credited(line: str, kind: str = "resume") -> set[str]:
    return {m.skill_id for m in _mentions(line, kind) if m.counts}


def _years(line: str, skill: str, kind: str = "resume") -> list[float | None]:
    return [m.years for m in _mentions(line, kind) if m.skill_id == skill]


@pytest.mark.parametrize("line,skill,credited", [
    ("Product Line Manager for the consumer division.", "people-management", False),
    ("Line manager to a team of six account executives.", "people-management", True),
    ("Resolved operational and performance issues on the production machines.",
     "performance-management", False),
    ("Addressed employee performance issues with coaching and written plans.",
     "performance-management", True),
    ('Presenter, "Real Talk: The Media and its Influence on African American Boys," Detroit.',
     "media-relations", False),
    ("Developed proactive relationships with government, the media and other stakeholders.",
     "media-relations", True),
    ("Executed measurable social media outreach and networking events.", "media-relations", False),
    ("Led media outreach to trade journalists.", "media-relations", True),
    ("Implemented a Client Relationship Management (CRM) system.", "relationship-building", False),
    # the phrase is CRM's label in other words, so its abbreviation names CRM (session 18)
    ("Implemented a Client Relationship Management (CRM) system.", "crm", True),
    ("Briefed the executive leadership team (ELT) monthly.", "etl", False),
    ("Responsible for client relationship management for 40 accounts.",
     "relationship-building", True),
    ("Developed 2015 marketing plan to generate $1M across the largest 750 plan sponsors.",
     "sponsorship-management", False),
    ("Planned sponsorships for 12 regional events.", "sponsorship-management", True),
    # session 18's trial
    ("Developing an automated script for retrieving data from an outside server.",
     "scriptwriting", False),
    ("Developed narration scripts for training videos.", "scriptwriting", True),
    ("Website evaluation and competitive benchmarking.", "social-media-benchmarking", False),
    ("Website evaluation and competitive benchmarking.", "competitive-analysis", True),
    ("Planned social media and public relations for the launch.", "media-relations", False),
    ("Handled all media and public relations inquiries.", "media-relations", True),
    ("Scheduled appointments on behalf of staff members.", "people-management", False),
    ("Managed building access and supplied key cards to employees and visitors.",
     "people-management", False),
    ("Managed, trained and supervised staff of 12.", "people-management", True),
    ("Directed, oversaw, reviewed and evaluated the work of staff.", "people-management", True),
    ("Worked as a team leader for the night shift.", "teamwork", False),
    ("Worked as a team to close the books each month.", "teamwork", True),
    ("Developed secure FTP scripts for file transfers.", "scriptwriting", False),
    ("Assigned lunch duty to the staff.", "delegation", False),
    ("Assigned lunch duty to the staff.", "people-management", False),
    ("Assigned tasks to a team of six associates.", "delegation", True),
])
def test_lookalikes_from_the_trial(line, skill, credited) -> None:
    assert (skill in _credited(line)) is credited


def test_an_age_is_no_experience() -> None:
    line = "Supervise a team of mentors who support young people over the age of 16 years of age."
    assert set(_years(line, "team-leadership", "posting")) == {None}
    assert _years("Must be 18 years old and have 2 years of Python.", "python", "posting") == [2.0]
    assert _years('Promoted home entertainment films such as "The 40 Year Old Virgin" with '
                  "public relations.", "public-relations") == [None]


def test_a_posting_asks_no_more_than_twenty_years() -> None:
    # Adzuna 2013: "3-4 years" lost its dash in the export
    assert _years("34 years of experience in web development", "web-development", "posting") == [None]
    assert _years("5+ years of experience in web development", "web-development", "posting") == [5.0]
    # a résumé's own years keep the reader's cap
    assert _years("34 years of experience in web development", "web-development") == [34.0]


def test_a_skill_may_list_several_guards_but_guard_a_form_once() -> None:
    text = ("version: 1\nforms:\n  people-management:\n    - form: direct reports\n"
            "      support: [reports]\n    - form: line manager\n      deny_before: [product]\n")
    guards = parse_form_guards(text)
    assert guards[("people-management", "line manager")].deny_before == ("product",)
    assert guards[("people-management", "direct reports")].support == ("reports",)
    with pytest.raises(SkillmixError):
        parse_form_guards(text + "    - form: Line Manager\n")


def test_a_guards_yes_no_fields_are_read_strictly() -> None:
    text = "version: 1\nforms:\n  advertising:\n    form: advertising\n    names: {}\n"
    assert parse_form_guards(text.format("false"))[("advertising", "advertising")].names is False
    assert parse_form_guards(text.format("true"))[("advertising", "advertising")].names is True
    with pytest.raises(SkillmixError, match="names must be true or false"):
        parse_form_guards(text.format('"false"'))


def test_a_postings_asked_years_skip_figures_read_wrong() -> None:
    from skillmix.assess.posting import years_asked
    from skillmix.extract import as_document

    doc = as_document("Web Developer\nRequirements\n- 34 years of experience in web development\n"
                      "- 2+ years of experience with SQL\n", "posting")
    assert years_asked(doc) == [2.0]


def _groups(text: str) -> dict[str, int | None]:
    ext = get_extractor("builtin").extract(text, kind="posting")
    return {m.surface: m.group for m in ext.mentions}


def test_or_joins_two_alternatives() -> None:
    # Remotive 1993866: "Python, Go, or Node.js is a plus" had no group at all
    got = _groups("DevOps Engineer\nRequirements\n- 5+ years of experience with Linux.\n"
                  "- Python, Go, or Node.js is a plus.\n- Experience with AWS or GCP or Azure.\n")
    assert got["Linux"] is None and got["Python"] is None
    assert got["Go"] is not None and got["Go"] == got["Node.js"]
    assert got["AWS"] is not None and got["AWS"] == got["GCP"] == got["Azure"] != got["Go"]
    # only the two "or" joins (the review): SQL and Python stay required on their own
    got = _groups("Analyst\nRequirements\n- Experience with SQL, Python, Tableau or Looker.\n")
    assert got["SQL"] is None and got["Python"] is None and got["Tableau"] == got["Looker"] is not None
    # the skills that end right before "or" and start right after it; "OR" joins too
    got = _groups("Analyst\nRequirements\n- Salesforce, client relationship management or "
                  "HubSpot.\n- Python OR Java.\n")
    assert got["relationship management"] == got["HubSpot"] is not None and got["Salesforce"] is None
    assert got["Python"] == got["Java"] is not None
    # "and" joins requirements; an "or" that leads to no skill makes no group
    got = _groups("Analyst\nRequirements\n- SQL, Python and Tableau.\n"
                  "- A degree in Marketing, Communications, or a related field.\n")
    assert set(got.values()) == {None}
    # a résumé's "or" is no requirement
    ext = get_extractor("builtin").extract("Skills: Python or Go", kind="resume")
    assert {m.group for m in ext.mentions} == {None}


def test_a_range_of_ages_gives_no_years() -> None:
    assert _years("Teach Python to children ages 8-12 years.", "python") == [None]
    assert _years("Taught Excel to students aged 16 to 19 years.", "microsoft-excel") == [None]
    assert _years("Minimum age 18 years; 3-5 years of experience with SQL.", "sql", "posting") == [3.0]


def test_a_wrapped_list_item_is_one_phrase() -> None:
    """Session 18's trial: a PDF wraps a skills line inside its last item ("Budgeting,
    Team" / "Building/Training"); the name across the wrap is read. A new line that
    starts a new item ("Minor in Marketing" / "Communication Club") still splits."""
    ext = get_extractor("builtin")
    text = "Skills\nBudgeting, Social\nMedia Marketing, Vendor Relations\nBudgeting, Team\nBuilding/Training\n"
    found = {m.skill_id for m in ext.extract(text, kind="resume").mentions if m.counts}
    assert {"social-media-marketing", "team-building"} <= found
    split = "Education\nMinor in Marketing\nCommunication Club\n"
    found = {m.skill_id for m in ext.extract(split, kind="resume").mentions if m.counts}
    assert "marketing-communications" not in found
    # a line that ends its item with a full stop is no wrap
    stop = "Skills\nBudgeting, Social.\nMedia Marketing, Vendor Relations\n"
    found = {m.skill_id for m in ext.extract(stop, kind="resume").mentions if m.counts}
    assert "social-media-marketing" not in found


@pytest.mark.parametrize("line,skill,credited", [
    ("Managed a talented and committed group of employees.", "people-management", True),
    ("Supervised a highly trained and experienced group of 15 employees.", "people-management",
     True),
    ("Submitted quality measures to CMS via the web portal.", "content-management-systems", False),
])
def test_review_findings_on_resumes(line, skill, credited) -> None:
    assert (skill in _credited(line)) is credited
