"""Posting sections: heading vocabulary (data/headings.csv), boilerplate, EEO paragraphs,
checked on real postings whose headings were read by hand."""

from __future__ import annotations

import pytest

from skillmix.io import detect_sections, guess_kind, read_corpus


def _kinds(text, kind="posting"):
    return [(s.kind, s.heading, s.boilerplate) for s in detect_sections(text, kind)]


def test_sections_posting_vocabulary():
    text = "\n".join([
        "We make podcasts.",
        "What you'll do:",
        "- Edit audio",
        "WHAT WE'RE LOOKING FOR",
        "- 2 years of Audition",
        "Minimum Qualifications",
        "- BA",
        "Preferred qualifications:",
        "- Descript",
        "Bonus points",
        "- Video",
        "Perks & Benefits",
        "- Remote",
        "EEO Statement",
        "We are an equal opportunity employer.",
    ])
    assert _kinds(text) == [
        ("responsibilities", "What you'll do:", False),
        ("requirements", "WHAT WE'RE LOOKING FOR", False),
        ("requirements", "Minimum Qualifications", False),
        ("preferred", "Preferred qualifications:", False),
        ("preferred", "Bonus points", False),
        ("benefits", "Perks & Benefits", True),
        ("legal", "EEO Statement", True),
    ]


def test_sections_eeo_paragraph_without_heading():
    text = (
        "Requirements\n- SQL\n\nAcme is proud to be an Equal Opportunity Employer. We do not "
        "discriminate on the basis of race, religion, sexual orientation, gender identity or "
        "national origin.\n\nApply today."
    )
    secs = detect_sections(text, "posting")
    assert [(s.kind, s.boilerplate) for s in secs] == [("requirements", False), ("legal", True)]
    legal = secs[1]
    assert text[legal.start:legal.end].startswith("Acme is proud")
    assert text[legal.start:legal.end].endswith("national origin.")


def test_sections_sentences_are_not_headings():
    text = "Our requirements are simple.\nWe offer great benefits to everyone who joins the team today.\nSkills."
    assert detect_sections(text, "posting") == ()


def test_sections_guess_kind():
    assert guess_kind("We are looking for a Social Media Manager.\nResponsibilities\n- Post daily\nRequirements\n- 2 years") == "posting"
    assert guess_kind("Jane Doe\nExperience\nSocial Media Manager Jan 2020 - Present\nEducation\nBA 2015") == "resume"


@pytest.fixture(scope="module")
def remotive(shared_data):
    return {p.id: p for p in read_corpus(shared_data / "postings/remotive_2025-04.jsonl")}


@pytest.mark.shared
def test_sections_remotive_mission_lane(remotive):
    doc = remotive["1990927"].document  # Business Analyst, Mission Lane
    assert [(s.kind, s.heading) for s in doc.sections] == [
        ("responsibilities", "The impact you’ll make in this role:"),
        ("responsibilities", "As a Business Analyst on the Collections & Recoveries team, you will:"),
        ("requirements", "You’ll thrive in this role if you have:"),
        ("benefits", "Compensation"),
        ("company", "About Mission Lane:"),
        ("legal", ""),
    ]
    assert doc.section_at(doc.text.index("A/B testing")).kind == "requirements"
    assert doc.section_at(doc.text.index("401(k) match")).boilerplate
    legal = doc.section_at(doc.text.index("committed to a workplace"))
    assert legal.kind == "legal" and legal.boilerplate


@pytest.mark.shared
def test_sections_remotive_mixbook(remotive):
    doc = remotive["1991078"].document  # Senior Analytics Engineer, Mixbook
    assert [(s.kind, s.heading) for s in doc.sections] == [
        ("company", "About Mixbook"),
        ("responsibilities", "What You'll Do"),
        ("requirements", "What You'll Need"),
        ("preferred", "Bonus Points"),
    ]
    assert doc.section_at(doc.text.index("LookML - you")).kind == "requirements"
    assert doc.section_at(doc.text.index("Background in B2C eCommerce")).kind == "preferred"


@pytest.mark.shared
def test_sections_linkedin_flattened_headings(shared_data):
    posts = {p.id: p for p in read_corpus(shared_data / "postings/linkedin_2024-04_sample.csv")}
    doc = posts["3752057112"].document  # Social Media Manager, Betsy Bash: "About UsBetsy Bash..."
    assert doc.text.startswith("About Us\nBetsy Bash is a boutique agency")
    assert [(s.kind, s.heading) for s in doc.sections][:2] == [("company", "About Us"), ("requirements", "About You")]
    doc = posts["2954591060"].document  # Social Media Coordinator, Naked Wardrobe
    assert [(s.kind, s.heading) for s in doc.sections] == [("responsibilities", "Responsibilities:")]
    assert doc.section_at(doc.text.index("Execute content scheduling")).kind == "responsibilities"


def test_sections_applicant_privacy_notice_is_legal_boilerplate():
    # Remotive postings end with the employer's notice to applicants under its own heading
    text = "\n".join([
        "Nice to haves:",
        "- Experience with HubSpot",
        "Candidate Privacy Policy",
        "Orion is committed to protecting your privacy. This notice explains what information",
        "we collect during our application and recruitment process.",
        "Ramp Applicant Privacy Notice",
    ])
    kinds = _kinds(text)
    assert kinds[0] == ("preferred", "Nice to haves:", False)
    assert ("legal", "Candidate Privacy Policy", True) in kinds
    assert ("legal", "Ramp Applicant Privacy Notice", True) in kinds


# --- a heading glued onto the end of the line before it (résumé sites that flatten layout)

def _kinds_at(text: str) -> list[tuple[str, str]]:
    from skillmix.io.sections import detect_sections

    return [(s.kind, text[s.start:s.start + 17]) for s in detect_sections(text, "resume")]


def test_a_heading_glued_onto_a_line_end_opens_its_section():
    from skillmix.io.roles import parse_roles
    from skillmix.io.sections import detect_sections

    # the Kaggle résumé layout: skills, then "Education Details" glued on, then dated degrees
    text = ("KEY SKILLS: • C Language • Web programing • Tally • Dbms Education Details\n"
            "June 2017 to June 2019 Mba Finance/hr India Mlrit\n"
            "June 2014 to June 2017 Bcom Computer Hyderabad Osmania university\n")
    assert ("education", "Education Details") in _kinds_at(text)
    assert parse_roles(text, detect_sections(text, "resume")) == ()  # degrees are no roles
    for glued in ("Secured First place in B.Tech.Education Details",
                  "Typewriting • TORA • SPSSEducation Details"):
        assert ("education", "Education Details") in _kinds_at(glued + "\nMBA, 2017\n")


def test_words_that_only_look_like_a_heading_at_a_line_end_stay_text():
    for line in ("2014-15 ASU Scholastic Award",  # no exact heading
                 "Taught three classes a week in Special Education",
                 "He moved to the Education Details team\nand led it"):  # no date follows
        assert all(kind != "education" for kind, _ in _kinds_at(line + "\n"))


def test_an_eeo_notice_glued_to_the_duties_starts_at_its_own_item() -> None:
    """Flattened LinkedIn text: the duty list ran into the notice without a full stop, so
    the notice's "sentence" held every duty and they were all skipped as boilerplate (the
    'Managing brand strategy and messaging through website, social media ...' duty of a
    marketing coordinator)."""
    duties = "".join(f"- Duty number {i} for the marketing team and its agents" for i in range(12))
    text = ("Job description " + "Work with agents on listings. " * 20 + duties
            + "- Managing brand strategy and messaging through website, social media, videos"
            + "- Manage Contacts & Vendors for Event Planning & SponsorshipsOur company is committed "
            "to creating a diverse environment and is proud to be an equal opportunity employer. "
            "All qualified applicants will receive consideration for employment without regard "
            "to race, color, religion, gender, national origin, disability or veteran status.")
    legal = [s for s in detect_sections(text, "posting") if s.kind == "legal"]
    assert legal and text[legal[0].start:].startswith("Our company is committed")


def test_an_inline_pay_section_ends_where_a_glued_sentence_starts():
    # gold_fresh44's flattened LinkedIn posting: one line from "Pay:" to the end, so every
    # requirement after the pay was read as benefits and dropped
    line = ("Pay: $40K-$64K/year, based on base pay and bonuses.High school diploma/GED "
            "required; 2+ years sales experience. Comfortable working with Outlook, Word, "
            "Excel.Experienced working in a Customer Relationship Management (CRM) system.")
    (pay,) = [s for s in detect_sections("Hours: full time\n" + line, "posting") if s.boilerplate]
    text = "Hours: full time\n" + line
    assert text[pay.start:pay.end] == "Pay: $40K-$64K/year, based on base pay and bonuses."
    # a line that is all pay stays one section
    (whole,) = detect_sections("Pay: $40K-$64K/year, based on base pay and bonuses.", "posting")
    assert whole.end == len("Pay: $40K-$64K/year, based on base pay and bonuses.")
    # a benefits list glues its items the same way, and stays benefits
    text = ("Benefits: Medical.Dental.Vision.Free LinkedIn Learning and Excel training."
            "Tuition reimbursement")
    (benefits,) = detect_sections(text, "posting")
    assert benefits.boilerplate and benefits.end == len(text)



@pytest.mark.parametrize(("line", "kind", "heading"), [
    # data/postings/linkedin_2024_public.csv 3829184899 and 3813135937: a heading that
    # opens a line, glued to its text or parted from it by a list mark
    ("What We OfferFlexible working hours and the ability to work hybrid in Phoenix, "
     "Arizona.A dynamic, innovative, and supportive team environment.Regular training and "
     "development opportunities.", "benefits", "What We Offer"),
    ("Benefits · Salary: $40 - $45K per year· Three weeks paid vacation· Commission on new "
     "business· Monthly cell phone stipend", "benefits", "Benefits"),
    ("Key ResponsibilitiesDevelop and implement social media strategies", "responsibilities",
     "Key Responsibilities"),
])
def test_a_heading_glued_to_the_start_of_its_line(line, kind, heading):
    text = "Social Media Manager\n\nWe sell tea online.\n" + line + "\n"
    got = [(s.kind, s.heading) for s in detect_sections(text, "posting")]
    assert (kind, heading) in got


@pytest.mark.parametrize("line", [
    "Benefitsplus is our partner.",  # no capital after the heading: a word
    "Experience With Adobe Photoshop is a plus.",  # a space, not glue
    "Salary negotiable.",
])
def test_a_line_that_only_begins_like_a_heading(line):
    text = "Designer\n\nWe sell tea online.\n" + line + "\n"
    assert detect_sections(text, "posting") == ()


def test_headings_glued_to_their_lines_tell_a_posting():
    # data/postings/linkedin_2024_public.csv 3829184899, flattened by the job board: every
    # heading is glued to its text, and the posting was read as "unknown"
    text = ("Social Media Manager/Specialist\n\n"
            "Position: Social Media Manager/SpecialistLocation: HybridType: Full-time\n"
            "Key ResponsibilitiesDevelop and implement a comprehensive social media strategy "
            "to increase our brand visibility.Create, curate, and manage all published content.\n"
            "QualificationsBachelor's degree in Marketing, Communications, or a related field."
            "Proven working experience in social media marketing.\n"
            "What We OfferFlexible working hours and the ability to work hybrid in Phoenix.\n")
    assert guess_kind(text) == "posting"


def test_a_title_that_begins_like_a_heading_is_a_title():
    text = ("Benefits – Payroll Analyst\nYou will run payroll reports in Excel and SQL.\n"
            "You will build Tableau dashboards.\n")
    assert detect_sections(text, "posting") == ()
