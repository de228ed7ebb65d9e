"""A registered company name is no skill, and a sentence describing one is the employer's.

From LiveCareer BUSINESS-DEVELOPMENT/29825044 (gold_fresh19, read after its blind run):
"DIRECTOR OF BUSINESS DEVELOPMENT, PRIVACY DATA SYSTEMS, LLC" credited data privacy, and
"... Privacy Data Systems, LLC is a software development company that provides ..."
credited software engineering to the candidate.
"""

from __future__ import annotations

import pytest

from skillmix.extract import get_extractor


def _mentions(text: str) -> list[tuple[str, str]]:
    ext = get_extractor("builtin").extract(text, kind="resume")
    return [(m.skill_id, m.usage) for m in ext.mentions if not m.negated]


@pytest.mark.parametrize(("text", "skill"), [
    ("DIRECTOR OF BUSINESS DEVELOPMENT, PRIVACY DATA SYSTEMS, LLC\n", "data-privacy"),
    ("Account Executive, Salesforce, Inc. 2019 to 2021\n", "salesforce"),
])
def test_a_registered_name_is_no_skill(text: str, skill: str) -> None:
    assert skill not in {s for s, _ in _mentions(text)}


def test_names_without_a_legal_form_still_count() -> None:
    got = {s for s, _ in _mentions("Used Salesforce and HubSpot daily; wrote the data privacy policy.\n")}
    assert {"salesforce", "hubspot", "data-privacy"} <= got


def test_a_sentence_describing_a_registered_employer_is_incidental() -> None:
    text = ("Previous - Director Sales & Marketing Privacy Data Systems, LLC is a software "
            "development company that provides SenditCertified, a secure messaging product.\n"
            "Led software development for the mobile app.\n")
    got = _mentions(text)
    assert ("software-engineering", "incidental") in got
    assert ("software-engineering", "professional") in got  # the candidate's own duty


def test_a_note_in_brackets_on_a_role_heading_describes_the_employer() -> None:
    text = ("EXPERIENCE\nSenior Software Engineer, Threadline Inc. (social commerce startup), "
            "Seattle, WA | 2020 - Present\n- Integrated the TikTok Shop API for catalog sync.\n")
    got = _mentions(text)
    assert ("social-commerce", "incidental") in got
    # brackets on a dated line that is no role heading keep their skills
    got = _mentions("SKILLS\nMicrosoft Office 1993-2007 (to include PowerPoint, Word, Excel)\n")
    assert ("microsoft-excel", "unspecified") in got
