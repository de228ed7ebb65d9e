"""An about-the-company section asks nothing of the hire, unless the job runs on inside it.

Read from the first blind run of gold_fresh42 (12 unseen LinkedIn postings): "About
AdRoll:" praised its own "display, social, and email advertising" and machine learning,
credited as required skills. The shared gold's "Company Description" runs on into the job
("We are launching a search for Brand Ambassadors ... Discover and participate in Facebook
... groups"), so a section that turns to the hire anywhere keeps its sentences' own reading.
"""

from __future__ import annotations

from skillmix.extract import get_extractor


def _counted(text: str) -> set[str]:
    ext = get_extractor("builtin").extract(text, kind="posting")
    return {m.skill_id for m in ext.mentions if m.counts}


ABOUT_END = (
    "Responsibilities\n"
    "- Write release notes for the product.\n"
    "- Maintain the help centre.\n\n"
    "About AdRoll:\n"
    "Make display, social, and email advertising work together and optimize your marketing "
    "efforts. Powered by machine learning, the platform analyzes real-time advertising data.\n"
)


def test_an_about_section_at_the_end_is_the_companys() -> None:
    found = _counted(ABOUT_END)
    assert "advertising" not in found and "machine-learning" not in found


def test_an_about_section_that_turns_to_the_hire_keeps_its_asks() -> None:
    text = ABOUT_END.replace("Powered by machine learning",
                             "In this role you will run Facebook campaigns. Powered by machine learning")
    assert "facebook" in _counted(text)


def test_a_company_description_running_into_the_job() -> None:
    text = ("Company Description\n"
            "Acme runs summer camps for students.\n"
            "We are seeking Brand Ambassadors to drive enrollments.\n"
            "Discover and participate in Facebook and other local social media groups\n")
    assert "facebook" in _counted(text)


def test_a_role_description_heading_ends_the_company_section() -> None:
    text = ("Company Description\n"
            "Make display and email advertising work together, with Acme.\n"
            "Role Description\n"
            "Discover and participate in Facebook and other local social media groups\n")
    found = _counted(text)
    assert "facebook" in found and "advertising" not in found


def test_a_why_join_us_that_names_the_hire_keeps_its_asks() -> None:
    """Remotive's Android developer: "Why Join Us? ... we're looking to expand our team with
    talented Mobile Developers who have specialized experience in Android development"."""
    text = ("Who We Are:\nTekton Labs designs software for companies.\n"
            "Why Join Us?\nAs we grow, we're looking to expand our team with talented Mobile "
            "Developers who have specialized experience in Android development.\n"
            "What We're Looking For:\n- Kotlin\n")
    assert "android" in _counted(text) or "mobile-app-development" in _counted(text)


def test_a_tech_stack_heading_is_the_jobs() -> None:
    text = ("About Our Customer\nThe customer offers a cloud-based procurement solution.\n"
            "Project Tech Stack\nPowerShell, Python, SQL Server, Elasticsearch\n"
            "Responsibilities\n- Keep the servers running.\n")
    assert "elasticsearch" in _counted(text)


def test_about_the_internship_is_the_job() -> None:
    """The review's case: "About the Internship" was filed as the company's (its "about"),
    and with a Qualifications heading present every duty under it became incidental."""
    text = ("About the Internship\nCreate and schedule Instagram posts. Manage our Facebook page.\n"
            "Qualifications\n- A marketing student.\n")
    assert {"instagram", "facebook"} <= _counted(text)


def test_a_company_section_naming_the_role_keeps_its_asks() -> None:
    text = ("Who We Are\nAcme builds testing tools. The QA Engineer is responsible for manual "
            "testing and automated testing.\nQualifications\n- Two years of QA.\n")
    assert "software-testing" in _counted(text) or "test-automation" in _counted(text)
