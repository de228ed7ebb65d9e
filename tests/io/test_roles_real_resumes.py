"""Work history of real LiveCareer résumés, checked against what a person reads in them.

Expected roles were written down by hand from each PDF's text (titles, employers, dates);
the résumé builder anonymises employers as "Company Name".
"""

from __future__ import annotations

from datetime import date

import pytest

from skillmix.io import read_document

pytestmark = pytest.mark.shared

CM = "Company Name"


def _roles(doc):
    return [(r.title, r.employer, r.start, r.end, r.current) for r in doc.roles]


def test_roles_title_then_dates_line_layout(shared_data):
    # "Digital Media Sales Consultant Mar 2012 to Current" / "Company Name , City , State"
    doc = read_document(shared_data / "resumes/livecareer/DIGITAL-MEDIA/10515955.pdf")
    assert doc.kind == "resume" and doc.pages == 3
    assert _roles(doc) == [
        ("Digital Media Sales Consultant", CM, date(2012, 3, 1), None, True),
        ("Recruitment Advertising Representative", CM, date(2011, 1, 1), date(2012, 2, 1), False),
        ("Automotive Multi-media Account Executive", CM, date(2007, 1, 1), date(2011, 1, 1), False),
        ("Recruitment Advertising Representative", CM, date(2005, 1, 1), date(2007, 1, 1), False),
        ("Classified Private Party Rep", CM, date(2001, 1, 1), date(2005, 1, 1), False),
        ("Special Occasions Representative", CM, date(2000, 1, 1), date(2001, 1, 1), False),
        ("Classified Commercial Representative", CM, date(1997, 1, 1), date(2000, 1, 1), False),
        ("Classified Private Party Rep", CM, date(1995, 1, 1), date(1997, 1, 1), False),
    ]
    # Bullets belong to their role: skills there can be credited with its duration.
    assert doc.role_at(doc.text.index("monster.com")) == 1
    assert doc.role_at(doc.text.index("Help with weddings")) == 4
    assert doc.roles[1].months(date(2024, 1, 1)) == 14
    # Education's "1994-1997" is not a job.
    assert all(r.start != date(1994, 1, 1) for r in doc.roles)
    assert [s.kind for s in doc.sections] == [
        "summary", "summary", "certifications", "experience", "education", "other", "skills",
    ]
    assert "Excellent communication skills" in doc.text  # words are not glued together


def test_roles_dates_line_then_title_employer_layout(shared_data):
    # "04/2011 to 12/2011" / "Assistant Director of Polar Expeditions Company Name , City , State"
    doc = read_document(shared_data / "resumes/livecareer/PUBLIC-RELATIONS/10926726.pdf")
    assert _roles(doc) == [
        ("Assistant Director of Polar Expeditions", CM, date(2011, 4, 1), date(2011, 12, 1), False),
        ("Designer", CM, date(2007, 3, 1), date(2012, 1, 1), False),
        ("Executive Assistant/Loan Closer", CM, date(2004, 3, 1), date(2009, 1, 1), False),
        ("Public Relations Associate", CM, date(2000, 4, 1), date(2003, 6, 1), False),
        ("Image Coordinator", CM, date(1999, 8, 1), date(2000, 3, 1), False),
        ("Assistant", CM, date(1998, 4, 1), date(1999, 8, 1), False),
    ]
    for role in doc.roles:
        assert doc.text[role.span_start:].startswith(role.start.strftime("%m/%Y"))


def test_roles_title_comma_dates_employer_layout(shared_data):
    # "IT Administrator , 06/2011 to 03/2013 Company Name , City , State"
    doc = read_document(shared_data / "resumes/livecareer/INFORMATION-TECHNOLOGY/10553553.pdf")
    assert _roles(doc) == [
        ("Information Technology Manager", CM, date(2013, 3, 1), None, True),
        ("IT Administrator", CM, date(2011, 6, 1), date(2013, 3, 1), False),
        ("Network Administrator", CM, date(2010, 2, 1), date(2011, 5, 1), False),
        ("Information Technology Consultant", CM, date(2008, 10, 1), date(2011, 5, 1), False),
        ("Network Administrator", CM, date(2008, 10, 1), date(2011, 5, 1), False),
        ("Network Administrator", CM, date(2008, 10, 1), date(2009, 12, 1), False),
        ("College of Education Computer Technician", CM, date(2006, 7, 1), date(2008, 6, 1), False),
    ]
    assert doc.role_at(doc.text.index("Deploy and manage VMware architecture")) == 1
    exp = next(s for s in doc.sections if s.kind == "experience")
    assert doc.roles[-1].span_end <= exp.end


def test_roles_title_line_above_dates_layout(shared_data):
    # "Systems Engineer" / "January 2013 to May 2014 Company Name , City , State", with
    # "Technologies: ..." lines inside roles that must not end the experience section.
    doc = read_document(shared_data / "resumes/livecareer/DIGITAL-MEDIA/11005406.pdf")
    assert _roles(doc) == [
        ("Sprint ISP Management to the vendor", CM, date(2014, 5, 1), None, True),
        ("Systems Engineer", CM, date(2013, 1, 1), date(2014, 5, 1), False),
        ("IT Director", CM, date(2007, 9, 1), date(2013, 1, 1), False),
        ("Kansas State Government contractor", CM, date(2001, 1, 1), date(2007, 1, 1), False),
    ]
    tech = doc.text.index("Technologies: F5")
    assert doc.role_at(tech) == 1
    assert doc.section_at(tech).kind == "skills"  # the one-line "Technologies:" section


def test_roles_from_plain_text_variants():
    from skillmix.io import detect_sections, parse_roles

    text = "\n".join([
        "Work Experience",
        "Social Media Manager | Brightline | March 2020 - Current",
        "- Ran TikTok",
        "Content Lead at Pixel Co (Jan 2018 – Feb 2020)",
        "- Wrote copy",
        "Acme Corp, Boston, MA",
        "Community Intern 2016 - 2017",
        "- Moderated forums",
        "Education",
        "BA 2012 - 2016",
    ])
    roles = parse_roles(text, detect_sections(text, "resume"))
    assert [(r.title, r.employer, r.start, r.end, r.current) for r in roles] == [
        ("Social Media Manager", "Brightline", date(2020, 3, 1), None, True),
        ("Content Lead", "Pixel Co", date(2018, 1, 1), date(2020, 2, 1), False),
        ("Community Intern", "Acme Corp", date(2016, 1, 1), date(2017, 1, 1), False),
    ]
    assert text[roles[2].span_start:roles[2].span_end] == "Acme Corp, Boston, MA\nCommunity Intern 2016 - 2017\n- Moderated forums"


def test_long_heading_with_bare_years_and_bracketed_notes():
    """A heading longer than 90 characters whose bare years close it after a separator is
    a role (it was dropped as prose); a closing note in brackets describes the employer and
    stays on a title, balanced; years closing a sentence are still no role."""
    from skillmix.io import detect_sections, parse_roles

    text = "\n".join([
        "EXPERIENCE",
        "Senior Software Engineer, Threadline Inc. (social commerce startup), Seattle, WA | 2020 - Present",
        "- Designed and built the public REST API.",
        "Data Analyst (Intern) | Lone Star Credit Union | 2016 - 2017",
        "- Built dashboards.",
        "Helped drive a 10% increase in customer satisfaction (as measured by a customer survey in (2003-2007).",
    ])
    roles = parse_roles(text, detect_sections(text, "resume"))
    assert [(r.title, r.employer, r.start, r.current) for r in roles] == [
        ("Senior Software Engineer", "Threadline Inc.", date(2020, 1, 1), True),
        ("Data Analyst (Intern)", "Lone Star Credit Union", date(2016, 1, 1), False),
    ]


def test_a_long_title_after_the_dates_still_opens_a_role(shared_data):
    # "Company Name October 1993 to January 2012 Shipping and Receiving Clerk/Scheduling
    # Clerk/Inventory Control Clerk/Customer Service" / "Representative/Payroll
    # Administrator": the title runs long and wraps; the dates still open the role, so the
    # 1983-1992 supervision is that role's, not the current one's
    doc = read_document(shared_data / "resumes/livecareer/PUBLIC-RELATIONS/10554045.pdf")
    assert [(r.start, r.end, r.current) for r in doc.roles] == [
        (date(2012, 1, 1), None, True),
        (date(1993, 10, 1), date(2012, 1, 1), False),
        (date(1983, 1, 1), date(1992, 6, 1), False),
    ]
    assert doc.roles[1].title.startswith("Shipping and Receiving Clerk")
    assert doc.role_at(doc.text.index("Supervised a support staff")) == 2


def test_the_title_is_the_side_that_names_a_job(shared_data):
    # "Engineering Supervisor 11/2014 to Current Company Name City , State Assist
    # management ...": the duty after the employer is no title
    doc = read_document(shared_data / "resumes/livecareer/ENGINEERING/19612167.pdf")
    assert ("Engineering Supervisor", date(2014, 11, 1)) in [(r.title, r.start) for r in doc.roles]
    # "Company Name City , State Consultant 01/2010 to Current Publicly traded (ADBE) ...":
    # the company's description after the dates is no title either
    doc = read_document(shared_data / "resumes/livecareer/CONSULTANT/95429627.pdf")
    assert [(r.title, r.start.year) for r in doc.roles][:4] == [
        ("Consultant", 2010), ("Controller", 2008), ("Controller", 2007), ("Accountant", 2005)]


def test_an_award_line_with_dates_is_no_role():
    from skillmix.io import detect_sections, parse_roles

    text = ("Experience\nCompany Name January 2015 to Current Marketing Manager\nLed campaigns.\n"
            "Won Employee Of The Year March 2019 to June 2020 for growing our Instagram following "
            "by 40 percent through targeted campaigns and more\n")
    assert len(parse_roles(text, detect_sections(text, "resume"))) == 1
