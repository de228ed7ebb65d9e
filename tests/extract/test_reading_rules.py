"""Rules added after reading résumés and postings nobody had tuned on (LiveCareer PDFs and
LinkedIn postings outside every gold set): each test is a wording from such a document."""

from __future__ import annotations

import pytest

from skillmix.extract import get_extractor


def _credited(text: str, kind: str = "resume") -> dict[str, str]:
    ext = get_extractor("builtin").extract(text, kind=kind)
    return {m.skill_id: m.usage for m in ext.mentions if m.counts}


def test_a_wrapped_pdf_line_does_not_end_the_duty() -> None:
    text = ("Dominican Student Conference, Officer of Logistics and Finances · Managed and "
            "balanced the conference's $26,000+\nbudget. Individually raised funds")
    assert "budget-management" in _credited(text)
    # a short line is a heading, and a capitalised next line starts anew
    from skillmix.extract.context import sentence_ends

    assert sentence_ends("Skills\nmarketing, sales") == [7]
    assert sentence_ends("A line long enough to be wrapped by the PDF writer\nBudget") == [51]
    assert sentence_ends("A line long enough to be wrapped by the PDF writer\nbudget") == []


def test_power_user_is_no_consumer_claim() -> None:
    got = _credited("Power user of MS Excel, Power BI, JIRA, Salesforce")
    assert {"microsoft-excel", "power-bi", "jira", "salesforce"} <= set(got)
    ext = get_extractor("builtin").extract("I am a regular user of Instagram", kind="resume")
    assert [m.usage for m in ext.mentions if m.skill_id == "instagram"] == ["consumer"]


def test_two_names_sharing_a_word_are_both_credited() -> None:
    got = _credited("Advertising campaign management")
    assert {"advertising", "campaign-management"} <= set(got)
    # what the second adds is only "skills": no second credit
    assert "communication-skills" not in _credited("Strong Executive Communication Skills")


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Recruited more than 60 partners across eight categories", "hiring", False),
    ("Recruited and trained 12 sales reps", "hiring", True),
    ("Oversee staff related issues related to computer upgrades", "people-management", False),
    ("Edit and proof both print and online articles", "proofreading", True),
    ("Curate extra content from member submissions", "content-curation", True),
    ("Spoke publicly at interviews, press conferences, and presentations", "spokesperson", True),
    ("Garnered first national and international coverage", "media-relations", True),
    ("Managed online and print advertising budgets up to $100,000.", "budget-management", True),
    ("Answer Service Desk requests and tickets in a timely manner", "ticketing-systems", True),
    ("Keynote slides (songs and announcements)", "public-speaking", False),
    ("overseeing the launch of the web-based version", "event-marketing", False),
    ("advising on customer targeting strategy", "customer-service", False),
    ("craft short term/long term email marketing communication strategy", "email-marketing",
     True),
    ("Generated data to track trends related to Honda's brand on social media",
     "trend-analysis", True),
    ("Creative process of tags, pictures, hashtags, and topics for Twitter", "hashtag-strategy",
     True),
])
def test_duties_read_as_a_recruiter_reads_them(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill"), [
    ("Full Stack Engineer", "full-stack-development"),
    ("clarify their requirements (if needed) to develop sound solutions", "requirements-gathering"),
    ("Assisting junior developers and other team members", "mentoring"),
    ("Excellent communication skills with the ability to influence and inspire "
     "cross-functional teams.", "influencing-without-authority"),
    ("Aid in planning and implementation of conference sponsorships", "sponsorship-management"),
])
def test_posting_paraphrases(text: str, skill: str) -> None:
    assert skill in _credited(text, kind="posting")


def test_visa_sponsorship_is_no_sponsorship_work() -> None:
    assert "sponsorship-management" not in _credited(
        "We do not offer visa sponsorship for this role.", kind="posting")


def test_an_abbreviation_defined_in_brackets_is_no_skill() -> None:
    got = _credited("Collaborate with the company's executive leadership team (ELT) to develop "
                    "organizational goals", kind="posting")
    assert "etl" not in got
    assert "etl" in _credited("Experience with ETL and ELT pipelines", kind="posting")
    assert "seo" in _credited("Search Engine Optimization (SEO) and SEM", kind="posting")


def test_a_case_sensitive_name_in_capitals_inside_ordinary_text() -> None:
    assert "java" in _credited("Knowledge and experience in Python, C++, or JAVA is a plus.",
                               kind="posting")
    assert "microsoft-excel" not in _credited("EXCEL IN SALES AND MARKETING", kind="posting")


@pytest.mark.parametrize(("text", "skill"), [
    ("Develops and directs software system tests, programming", "software-testing"),
    ("Construct and adapt data models to support analysis work.", "data-modeling"),
    ("Leverage cloud environments to ensure a robust and scalable infrastructure.",
     "scalable-systems"),
    ("Write technical reports and give feedback by emails and presentations.",
     "technical-writing"),
])
def test_engineering_paraphrases(text: str, skill: str) -> None:
    assert skill in _credited(text, kind="posting")


def test_a_brand_in_camel_case_is_no_glued_text_and_an_aside_no_clause() -> None:
    text = ("Responsible for leading the SkillRamp (formerly ExecuTrain Southwest) sales team "
            "in growing IT training revenues.")
    assert "team-leadership" in _credited(text)
    assert "budget-management" in _credited("Responsible for $1M annual IT budget including "
                                             "staffing, operations and purchasing.")


def test_a_company_named_in_its_own_description_asks_nothing_of_the_hire() -> None:
    text = ("MCA’s commitment to design excellence, client service, ingenuity, communication, "
            "collaboration, and integrity is what brings us together.")
    assert "customer-service" not in _credited(text, kind="posting")
    assert "marketing-automation" not in _credited(
        "Conduit Tech is a fast growing startup that provides marketing automation software.",
        kind="posting")
    assert "social-media-management" in _credited("Manage our social media accounts.",
                                                  kind="posting")


# Session 5: wordings from the second blind gold set (bench/data/gold_fresh2), read after
# its one measurement; each rule is a general form, checked on the shared gold too.
@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Managed team of 2 of web professionals", "team-leadership", True),
    ("Manage and allocate workflow through layoffs, train and lead virtual website team "
     "overseas", "team-leadership", True),
    ("train and lead virtual website team overseas", "remote-team-management", True),
    ("Presented findings and recommendations to executives and other stakeholders.",
     "presentation-skills", True),
    ("Presented findings and recommendations to executives and other stakeholders.",
     "executive-communication", True),
    ("Consult stakeholders on the development of web content", "stakeholder-management", True),
    ("This individual has the ability to resolve team conflicts", "conflict-resolution", True),
    ("Developed the Urban Biker brand through traditional marketing", "branding", True),
    ("Maintain company brand standards of neat, clean and organized sales floor",
     "branding", False),
    ("Worked collaboratively with vendors to keep projects on task", "vendor-management", True),
    ("Conducted analysis of business unit website and social media traffic data",
     "data-analysis", True),
    ("Analyzed performance of all marketing programs to identify the best opportunities",
     "marketing-analytics", True),
    ("Wrote, designed and produced weekly marketing material.", "copywriting", True),
    ("Organized and participated in training labs for potential surgeon customers.",
     "training-delivery", True),
    ("Host Your Design Market product launch parties", "event-hosting", True),
    ("Identified and resolved system and account issues.", "problem-solving", True),
    ("Created and sent out mass marketing campaigns via email and newsletter distribution.",
     "email-marketing", True),
    ("Applies statistical techniques and design of experiments to determine cause",
     "statistical-analysis", True),
    ("Applies statistical techniques and design of experiments to determine cause",
     "ab-testing", False),
    ("Verified and kept records on incoming and outgoing shipments", "data-cleaning", False),
    ("Leadership: Served as key contributing member to Senior Leadership team.",
     "customer-service", False),
    ("Basic knowledge of Photoshop.", "adobe-photoshop", True),
    ("Developed website content, meta descriptions and page titles in support of SEO.",
     "on-page-seo", True),
])
def test_second_blind_set_wordings(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


def test_a_slash_joins_alternatives_not_a_phrase() -> None:
    got = _credited("Experience in content/marketing calendars, scheduling and community "
                    "moderation", kind="posting")
    assert "content-marketing" not in got
    # short forms keep their slash
    assert "ab-testing" in _credited("Ran A/B tests on landing pages")


@pytest.mark.parametrize("text", [
    "Global fashion brand, Naked Wardrobe, is searching to hire a highly creative Social "
    "Media Coordinator.",
    "We are looking to hire and train a sales team.",
])
def test_the_employers_aim_is_no_duty_of_the_hire(text: str) -> None:
    assert "hiring" not in _credited(text, kind="posting")


def test_a_companys_services_and_solutions_ask_nothing_of_the_hire() -> None:
    got = _credited("With a focus on helping businesses grow, we find solutions to improve "
                    "customer service. Our HR services include recruitment, onboarding, and "
                    "performance management.", kind="posting")
    assert not {"customer-service", "performance-management", "problem-solving"} & set(got)


# Session 5: frequent uncovered duties in the whole shared corpora (LiveCareer résumés,
# LinkedIn and Remotive postings outside every gold set), counted by verb and object.
@pytest.mark.parametrize(("text", "skill", "kind"), [
    ("Write clean, maintainable, and testable code, adhering to best practices.",
     "software-engineering", "posting"),
    ("Work closely with business stakeholders, government agencies, and IT teams",
     "stakeholder-management", "posting"),
    ("Identify potential customers through research and networking.", "lead-generation",
     "posting"),
    ("Create detailed, comprehensive and well-structured test plans and test cases.",
     "software-testing", "posting"),
    ("Researched, calmed and rapidly resolved client conflicts to prevent loss of key accounts.",
     "conflict-resolution", "resume"),
    ("Answered incoming telephone calls with professional and knowledgeable responses.",
     "customer-service", "resume"),
    ("Provided technical direction to a staff of six financial service staff members.",
     "team-leadership", "resume"),
    ("Instructed cooks and other workers in the preparation of food.", "training-delivery",
     "resume"),
    ("Featured Speaker: Keiser Power Summit - Toronto Feb 2015", "public-speaking", "resume"),
])
def test_frequent_corpus_duties(text: str, skill: str, kind: str) -> None:
    assert skill in _credited(text, kind=kind)


# Session 5: wordings from the third blind gold set (bench/data/gold_fresh3), read after
# its one measurement.
@pytest.mark.parametrize(("text", "skill", "present", "kind"), [
    ("Experience with ticket tracking software", "ticketing-systems", True, "resume"),
    ("Trained employees for upgrade from Office 2003 to Office 2010.", "microsoft-office",
     True, "resume"),
    ("Created effective messaging using language, graphics and marketing collateral",
     "marketing-communications", True, "resume"),
    ("Developed extensive pricing guidelines for agency services.", "pricing-strategy", True,
     "resume"),
    ("Defined project and company vision, strategies and tactics.", "vision-setting", True,
     "resume"),
    ("Accurately translate user and business needs into functional frontend code",
     "requirements-gathering", True, "posting"),
    ("Teach theatre courses (including online courses)", "training-delivery", True, "posting"),
    ("Improved customer service resulting in 43% increase in repeated sales.",
     "customer-retention", True, "resume"),
    ("Understanding of media planning (e.g., CPM, reach/frequency, etc.)",
     "reach-and-impressions", True, "posting"),
    ("Cold Called clients", "lead-generation", True, "resume"),
    ("Must be able to work effectively and cross-functionally across all teams",
     "cross-functional-collaboration", True, "posting"),
    ("Intermediate level use of the Google Suite", "google-workspace", True, "posting"),
    ("develop, execute and monitor SEO plan and linking strategy.", "link-building", True,
     "posting"),
    # precision
    ("Understanding of digital shopper marketing, CRM/data-driven marketing, audience "
     "modeling", "audience-growth", False, "posting"),
    ("I've built and led teams within communications and marketing agencies",
     "agency-management", False, "resume"),
    ("Served as technical lead staff member for the training and education center.",
     "team-leadership", False, "resume"),
    ("3D, Approach, Art, AGENCY, AutoCAD, Drafting, fast, floor plans, Graphic",
     "content-creation", False, "resume"),
    ("Managed a $6+ million dollar P&L with staff in LA, Seattle, Chicago and New York",
     "budget-management", False, "resume"),
    ("Troubleshooting, managing and ensuring that networks are up", "relationship-building",
     False, "resume"),
    ("We strongly believe in diversity and inclusion.", "diversity-inclusion", False,
     "posting"),
    ("GTC promotes a respectful campus culture that reflects appreciation for diversity and "
     "inclusion at all levels.", "diversity-inclusion", False, "posting"),
    # kept
    ("A 20% optimization in marketing cost by re-allocating $2M budget to profitable areas.",
     "budget-management", True, "resume"),
    ("Wrote, designed and produced weekly marketing material.", "copywriting", True, "resume"),
])
def test_third_blind_set_wordings(text: str, skill: str, present: bool, kind: str) -> None:
    assert (skill in _credited(text, kind=kind)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # forms whose credits the four development gold sets mostly refuse
    ("Support all management, leads and sales team at all times", "team-leadership", False),
    ("Leads a team of 4 designers", "team-leadership", True),
    ("Collaborate with internal teams to create captivating marketing materials",
     "graphic-design", False),
    ("Created flyers and posters for campus events", "graphic-design", True),
    ("The experience I gained in portfolio management reflects in allocating investments",
     "program-management", False),
    ("Portfolio management of 12 marketing projects and programs", "program-management", True),
    ("Seeking opportunity to work in a collaborative environment", "teamwork", False),
])
def test_forms_the_readers_refuse(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill"), [
    ("Excellent presentation and problem-solving skills.", "presentation-skills"),
    ("Excellent presentation, organizational and problem-solving skills.",
     "presentation-skills"),
    ("work with other engineers to meet these same goals on the assigned projects",
     "teamwork"),
])
def test_a_shared_generic_head_and_peers(text: str, skill: str) -> None:
    assert skill in _credited(text)


# Session 5: plain errors seen in the fourth blind gold set (bench/data/gold_fresh4),
# after its one measurement.
@pytest.mark.parametrize(("text", "skill", "present", "kind"), [
    ("No direct reports initially; this role reports to the VP.", "people-management", False,
     "posting"),
    ("Manage 4 direct reports.", "people-management", True, "posting"),
    ("Writing custom Lightning Components in Java Script within the LWC framework",
     "javascript", True, "posting"),
    ("Writing custom Lightning Components in Java Script within the LWC framework", "java",
     False, "posting"),
    ("Hands on technical experience in Visual Studio postman SOAP UI APEX", "ui-design", False,
     "posting"),
    ("Provides supervision and leadership to a team of 20 to 60 customer service "
     "representatives", "team-leadership", True, "resume"),
    ("Siebel, CRM Dynamics, Excel", "microsoft-dynamics-365", True, "resume"),
])
def test_fourth_blind_set_plain_errors(text: str, skill: str, present: bool, kind: str) -> None:
    assert (skill in _credited(text, kind=kind)) is present


def test_joining_a_remote_team_is_no_managing_it() -> None:
    assert "remote-team-management" not in _credited("Come join our remote team of designers.",
                                                     kind="posting")
    assert "remote-team-management" in _credited("Experience managing remote teams across time "
                                                 "zones.", kind="posting")


@pytest.mark.parametrize(("text", "skill", "present"), [
    # ad metrics need an ad beside them (a bank's "CTR Processor", a "CPL" designation)
    ("CTR Processor 01/2004 , 04/2004 Company Name City , State", "ad-performance-analysis",
     False),
    ("Reduced CPL by 300% for one account in less than 6 months.", "ad-performance-analysis",
     True),
    ("Used Hootsuite to maximize clickthrough rate (CTR) and increase reach",
     "ad-performance-analysis", True),
    # positioning is a market's, not a camera's or a patient's
    ("worked with UN security for reporters and managed camera positioning",
     "brand-positioning", False),
    ("Supported patient comfort by taking care in positioning", "brand-positioning", False),
    ("Presented changes to fine tune targeting and positioning of vCloud Air.",
     "brand-positioning", True),
    # press, legal and daily briefings are no creative briefs
    ("Assist with organization of press briefings, media training, photography",
     "creative-briefs", False),
    ("Conduct legal research and draft legal documents, including complaints, motions, briefs",
     "creative-briefs", False),
    ("Wrote creative briefs for the design agency", "creative-briefs", True),
    # someone else's title
    ("Managed email and agenda during UNGA week for head of communications of the UN",
     "team-leadership", False),
    ("Head of Social Media, Acme Corp, 2019 - 2022, led a team of six", "team-leadership", True),
])
def test_ambiguous_forms_need_their_context(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("We offer a friendly work environment that supports mentorship, continued education, and "
     "training while providing enhanced growth opportunities to maximize your potential.",
     "mentoring", False),
    ("At HireBus, we're on a mission to transform the way small businesses hire top talent.",
     "hiring", False),
    # the hire's own work still counts, "you" or not
    ("You will mentor junior designers and hire top talent for the studio.", "mentoring", True),
    ("We offer social media management to clients; you will manage our social media accounts.",
     "social-media-management", True),
])
def test_what_the_company_offers_or_is_asks_nothing(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # an object glued to a hyphen is half of an adjective: "solution-oriented", "post-trial"
    ("effectively communicating with all levels of management while demonstrating "
     "professionalism and solution-oriented thinking", "technical-demos", False),
    ("Drafting pretrial and post-trial motions", "content-creation", False),
    ("Created an asset-level pro-forma and financial model", "content-creation", False),
    ("Demonstrated the solution to prospective clients", "technical-demos", True),
    # treatment plans are clinical
    ("Craft individualized treatment plans and goals for clients and groups.", "scriptwriting",
     False),
    ("Wrote scripts for weekly video segments", "scriptwriting", True),
])
def test_objects_that_are_not_objects(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # conjuncts share a generic head, whatever names them: "analytical ... skills"
    ("Independent self-starter with analytical and statistical skills", "critical-thinking",
     True),
    ("Strong analytical and problem-solving ability.", "critical-thinking", True),
    ("Excellent written, verbal, quantitative, and presentation skills; collaborative and "
     "organized.", "communication-skills", True),
    ("Excellent written, verbal, quantitative, and presentation skills; collaborative and "
     "organized.", "written-communication", True),
    # a wrapped PDF line is the same sentence, a new capitalised line a new item
    ("Brings strong presentation, analytical and problem solving\nskills.", "presentation-skills",
     True),
    ("Team leader managing 65 chefs and stewards\nMenu Writing and costing\nSkills trainer",
     "written-communication", False),
    # a looser phrase still needs its own words away from a generic head
    ("market and industry trends", "market-research", False),
])
def test_a_coordination_shares_a_generic_head(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # a family before brackets names each item through it
    ("Experience with Node.js, TypeScript, AWS (Lambda, CDK, SQS, EKS), and MySQL", "aws-lambda",
     True),
    ("Experience with Node.js, TypeScript, AWS (Lambda, CDK, SQS, EKS), and MySQL", "kubernetes",
     True),
    ("Google (Ads, Analytics) reporting", "google-analytics", True),
    # a bracket that is no family's list
    ("Salary (USD, yearly) and a lambda function in the spreadsheet", "aws-lambda", False),
])
def test_a_family_names_its_bracketed_items(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # a receptionist directs calls and visitors, not people
    ("Answer telephones and direct calls to appropriate staff.", "team-leadership", False),
    ("Screened all visitors and directed them to the correct employee or office.",
     "team-leadership", False),
    ("Directed a staff of 12 in the newsroom", "people-management", True),
    # developers develop features; customer needs are no service
    ("Develop new features, fix bugs, Writing and maintaining code in React", "content-writing",
     False),
    ("Actively analyze competitive companies to improve understanding of customer needs.",
     "customer-service", False),
])
def test_routing_features_and_needs(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # verbs in a series take no object from each other
    ("Monitor, review and report on all department activity and results.", "review-management",
     False),
    ("Implements, monitors, reviews and evaluates personnel security investigations",
     "review-management", False),
    ("Monitored and responded to online reviews on Yelp and Google", "review-management", True),
    # a product, and visiting groups
    ("Learning Theory Articulate Storyline, Microsoft Office Suite", "communication-skills",
     False),
    ("Articulate and persuasive communicator", "communication-skills", True),
    ("expanding our networks through international delegations", "delegation", False),
])
def test_series_products_and_groups(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # a hyphenated compound's first word is no verb
    ("Edited Website content including newsletter and blog posting production", "video-editing",
     False),
    ("Managed post-production for TV spots", "video-editing", True),
    # an employer described after its website, or by pronoun
    ("Company Website: http://www.clickpoint.com/it/ Clickpoint is a Digital Marketing Company "
     "that supports clients in their online marketing strategy with Return on Investment focus.",
     "roi-measurement", False),
    ("Its services include communications strategy through digital creative execution, media "
     "planning and mobile applications.", "media-planning", False),
    ("Assistance to the heads of financial transactions", "team-leadership", False),
])
def test_compounds_and_employers(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # "direct" before a sales channel is its adjective, in a job title above all
    ("Direct Sales Representative\nDecember 2007 to January 2008 Company Name", "people-management",
     False),
    ("Direct Sales Manager", "people-management", False),
    ("Directed sales representatives in three regions.", "people-management", True),
    ("Direct the sales team of 12 across three regions.", "team-leadership", True),
    ("Direct marketing staff of 5.", "people-management", True),
])
def test_a_sales_channel_is_no_directing(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # an applicant privacy notice is the employer's duty to the applicant, not a skill
    ("Please review our Candidate Privacy Notice here.", "data-privacy", False),
    ("By submitting your application to us, you acknowledge that your personal data will be "
     "processed in accordance with our Global Job Candidate Privacy Notice.", "data-privacy", False),
    ("Any data provided as a part of this application will be stored in accordance with our "
     "Privacy Policy.", "data-privacy", False),
    ("Tenable is committed to protecting the privacy and security of your personal data.",
     "data-privacy", False),
    ("For job applicants in California, the United Kingdom, and the European Union, please "
     "review this applicant privacy notice before applying to this job.", "data-privacy", False),
    # privacy work asked of the hire stays
    ("Ensure data privacy and security compliance within AI and data science pipelines.",
     "data-privacy", True),
    ("Review the privacy policies of our vendors and draft our own.", "data-privacy", True),
    ("Improve conversion by applying A/B testing to our landing pages.", "ab-testing", True),
])
def test_an_applicant_privacy_notice_asks_nothing(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is present


@pytest.mark.parametrize(("text", "skill", "present", "kind"), [
    # a plural role noun is a group of other people, not the writer's skill
    ("Interfaced daily with Project Managers to ensure final invoices were in compliance.",
     "project-management", False, "resume"),
    ("Working with a team of Graphics and Labeling Specialists, Technical Writers and Software "
     "Developers, to facilitate the translation", "software-engineering", False, "resume"),
    ("Collaborate with front-end developers to integrate user-facing elements with server-side "
     "logic.", "front-end-development", False, "posting"),
    # the writer's own role, and the people a posting hires, stay
    ("Project Manager for David A Mintz Inc., a lighting firm", "project-management", True,
     "resume"),
    ("We are a fully remote company looking for talented senior backend engineers to join our "
     "team.", "back-end-development", True, "posting"),
    ("Supervised 5 external computer consultants and vendors.", "people-management", True,
     "resume"),
])
def test_a_plural_role_noun_is_other_people(text: str, skill: str, present: bool,
                                            kind: str) -> None:
    assert (skill in _credited(text, kind=kind)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # an -ed form right before its object that does not open the clause is a participle
    ("Performs other assigned duties as needed.", "delegation", False),
    ("Complete assigned tasks in a timely manner.", "delegation", False),
    ("Developed and implemented training procedures for all newly hired personnel.", "hiring",
     False),
    ("Worked as part of a team as well as independently on assigned projects.", "delegation",
     False),
    # the writer's own clause keeps its verb, glued title lines included
    ("Assigned tasks to five staff members and tracked progress.", "delegation", True),
    ("Successfully delegated tasks to a team of 4.", "delegation", True),
    ("Scheduled and led department meetings.", "facilitation", True),
    ("Company Name City , State Manager Directed staff in providing specialized services to "
     "clients.", "people-management", True),
])
def test_a_participle_before_its_object_is_no_duty(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # consumer use is a platform's; familiarity with a tool or a passion for a practice is a
    # (weak) claim of the skill
    ("Familiar with social media and influencer management tools, such as Hootsuite, Buffer, "
     "SocialBro, TrendKite and BuzzSumo.", "hootsuite", True),
    ("Passion for data-driven decision making", "decision-making", True),
    ("Familiar with Facebook, Instagram and Snapchat.", "instagram", False),
    ("I scroll Reddit daily.", "reddit", False),
    # an incidental cue still makes every skill of its sentence no claim
    ("Follow us on Instagram for our latest photography and graphic design.", "graphic-design",
     False),
])
def test_consumer_use_is_a_platforms(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # "thinker" and "thinking" are generic heads a coordination shares
    ("Experienced digital marketer equal parts analytical and creative thinker",
     "critical-thinking", True),
    ("Exceptional analytical and conceptual thinking skills.", "critical-thinking", True),
    ("The ideal candidate is an experienced strategic thinker and self-starter.",
     "strategic-thinking", True),
    ("Ability to think logically and creatively.", "critical-thinking", True),
    ("A creative thinker with a passion for design.", "critical-thinking", False),
])
def test_thinkers_share_their_head(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # working with other functions, however the verb is modified
    ("Will work directly with the sales team and customers to collect and build new "
     "collateral.", "cross-functional-collaboration", True),
    ("Worked directly with client sales, art and bindery departments to meet client "
     "deadlines.", "cross-functional-collaboration", True),
    ("Confer with other supervisors to coordinate operations and activities within or between "
     "departments.", "cross-functional-collaboration", True),
    ("Consistent success collaborating with team members on daily operations.",
     "cross-functional-collaboration", False),
    ("Work directly with customers to resolve issues.", "cross-functional-collaboration", False),
])
def test_other_functions_however_worked_with(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Interfaced directly with vendors on signage development, and numerous other projects.",
     "vendor-management", True),
    ("I worked hand in hand with vendors", "vendor-management", True),
    ("Reviews and approves rental contracts for vendors.", "vendor-management", True),
    ("Worked closely with vendors to reduce costs.", "vendor-management", True),
    ("Maintained documentation of SLAs, vendor contracts, and online alerts.",
     "vendor-management", False),
])
def test_vendors_however_worked_with(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present", "kind"), [
    ("Assist in the hiring process of call center representatives.", "hiring", True, "resume"),
    ("Organize interviews for potential employees.", "hiring", True, "resume"),
    ("Hired and managed system administrators and supervised outside consultants.", "hiring",
     True, "resume"),
    ("Provided individualized support during the hiring process.", "hiring", False, "resume"),
    # the employer hiring is no duty, and what the employer sells is its own
    ("We are hiring a Social Media Manager to run our Instagram account.", "hiring", False,
     "posting"),
    ("At G-P, we assist organizations in building exceptional global teams in days, not "
     "months, streamlining the hiring, onboarding, and management process.", "team-building",
     False, "posting"),
])
def test_hiring_and_the_employer_hiring(text: str, skill: str, present: bool, kind: str) -> None:
    assert (skill in _credited(text, kind=kind)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Train Assistant Planners on the basics of account management, media planning.",
     "training-delivery", True),
    ("Tutored students in English, History, Spanish, and Regents Exam preparation.",
     "training-delivery", True),
    ("Successful completion of accredited advanced practitioner training or physician "
     "assistant training program.", "training-delivery", False),
])
def test_training_people_of_every_role(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # what the company is doing for itself asks nothing of the hire
    ("As our business continues to grow, we are focused on building world-class retail, "
     "finance, operations, logistics, data science, performance marketing, and customer "
     "success-driven teams.", "data-science", False),
    ("Since our inception in 2017, Resident has become one of the fastest-growing omnichannel "
     "retailers in North America.", "multichannel-marketing", False),
    ("We are dedicated to building a diverse and talented team.", "team-building", False),
    ("We are passionate about SEO and you will own our SEO strategy.", "seo", True),
    # the object of "across" is not the verb's, unless working across functions is the skill
    ("Strong experience managing multiple projects across teams in Asana.", "people-management",
     False),
    ("Work closely with partners across Product, Credit, Finance, Engineering and Operations.",
     "cross-functional-collaboration", True),
    ("Lead teams across three regions.", "team-leadership", True),
])
def test_the_company_growing_and_objects_across(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Handle customer service inquiries via social media, email, and web platforms.",
     "social-customer-care", True),
    ("Handle customer complaints in the store.", "social-customer-care", False),
    ("Management of remote employees", "remote-team-management", True),
    ("Managed 12 remote employees across three time zones.", "remote-team-management", True),
    ("Join our remote team of engineers.", "remote-team-management", False),
    ("Translated documents and promotional material from English to Spanish.", "localisation",
     True),
    ("Collaborate with product managers to conceptualize, architect, and implement projects.",
     "software-architecture", True),
    ("Develop relationships with strategic suppliers across North America.",
     "vendor-management", True),
    ("Skills/Knowledge Acquired: Double Click for Publishers, Google Analytics, WordPress",
     "google-ad-manager", True),
])
def test_duties_read_on_unseen_documents(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present", "kind"), [
    ("Adheres to QC procedures established in the department.", "team-building", False,
     "posting"),
    ("Conducted in-person and online user trainings to assist employees.", "training-delivery",
     True, "resume"),
    ("Established a new marketing department.", "team-building", True, "resume"),
    ("Own and execute the direct events strategy in partnership with the Field & Events team "
     "leaders.", "team-leadership", False, "posting"),
])
def test_passives_and_leaders_of_others(text: str, skill: str, present: bool, kind: str) -> None:
    assert (skill in _credited(text, kind=kind)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Work with the art directors to help bring a concept to life.", "art-direction", False),
    ("Regular communication with our recruiting team, hiring managers and a formal interview "
     "process.", "hiring", False),
    ("Partner with hiring managers to source candidates.", "hiring", True),
    ("Our flexible structure provides better work-life balance, we attract the best talent.",
     "hiring", False),
    ("Own the lifecycle, including lead capture and lead nurturing, onboarding, club "
     "engagement.", "training-delivery", False),
    ("Lead onboarding sessions for new hires.", "training-delivery", True),
])
def test_roles_and_sales_leads_are_nouns(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # an employer described in the third person, as a résumé introduces each job
    ("eDataSource is an email analytics firm, providing competitive intelligence for brand "
     "marketers.", "competitive-analysis", False),
    ("Viewpoint created digital marketing technologies, including a rich media ad server.",
     "marketing-technology", False),
    ("Brightcove (NASDAQ: BCOV) makes the leading Online Video Platform.", "content-creation",
     False),
    # the candidate's own duties in the third person stay theirs
    ("Effectively builds loyalty and long-term relationships with customers.",
     "relationship-building", True),
    ("Evaluated digital marketing technologies for the sales team.", "marketing-technology",
     True),
    # competitors watched, analysed or kept up with
    ("Keeping up to date with products and competitors", "competitive-analysis", True),
    ("Track and communicate competitive factors, trends, and issues affecting purchase "
     "decisions.", "competitive-analysis", True),
    ("Closely monitored competitor activity and developed strategies to respond.",
     "competitive-analysis", True),
])
def test_employers_described_and_competitors_watched(text: str, skill: str,
                                                     present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize("text", [
    "Ability to work both independently and collaboratively",
    "Demonstrated track record of success as a high impact, hands-on, collaborative team member",
    "Demonstrates positivity and enthusiasm while being reliable and team-centered.",
])
def test_teamwork_stated_in_a_posting(text: str) -> None:
    assert "teamwork" in _credited(text, kind="posting")


@pytest.mark.parametrize(("text", "present"), [
    ("Strong proposal writer", True),
    ("Quick and clear writer and an amazing communicator.", True),
    ("Exceptional writer", True),
    # a job title or a software part, not a claim of writing skill
    ("Staff Writer Company Name , City , State", False),
    ("Navision Report Writer I & II", False),
    ("Media file writer components, scalable encoder architecture.", False),
])
def test_a_writer_of_some_quality_writes_well(text: str, present: bool) -> None:
    assert ("written-communication" in _credited(text)) is present


def _credited_posting(text: str, company: str | None = None) -> set[str]:
    from skillmix.extract.engine import as_document

    doc = as_document(text, "posting").replace(metadata={"company": company} if company else {})
    return {m.skill_id for m in get_extractor("builtin").extract(doc).mentions if m.counts}


def test_the_company_named_as_the_subject_describes_itself() -> None:
    # Remotive posting 1987788: the name is learnt from its own "is the ... platform" line
    text = ("Attentive® is the AI-powered mobile marketing platform transforming the way brands "
            "personalize consumer engagement.\n"
            "With a top-rated customer success team recognized on G2, Attentive partners with "
            "marketers to optimize SMS and email campaigns.\n"
            "- Lead the development of email campaigns and SMS marketing for Attentive's "
            "customers.\n")
    got = _credited_posting(text)
    assert "mobile-marketing" not in got
    # the duty that names the company further on is the job's
    assert {"email-marketing", "sms-marketing"} <= got
    # the company field names it too: "Using Okendo, Shopify brands can grow ..."
    text = ("Using Okendo, Shopify brands can grow faster by cultivating brand advocacy.\n"
            "- Own and iterate on Okendo's content strategy and brand advocacy programs.\n")
    assert "customer-advocacy" in _credited_posting(text)
    assert "content-strategy" in _credited_posting(text, company="Okendo")
    only_about = "Using Okendo, Shopify brands can grow faster by cultivating brand advocacy."
    assert "customer-advocacy" in _credited_posting(only_about)
    assert "customer-advocacy" not in _credited_posting(only_about, company="Okendo")
    # an opening phrase before the name must not hide it, nor turn a duty's aside into
    # the company speaking
    rules_text = ("Attentive® is the AI-powered mobile marketing platform.\n"
                  "Attentive’s growth, Forbes says, comes from SMS marketing.\n"
                  "- Own the email marketing roadmap, Attentive's top priority.\n")
    from skillmix.extract.context import ContextRules

    rules = ContextRules(rules_text, [])
    assert [rules._company_subject(line) for line in rules_text.splitlines()] == [
        True, True, False]
    # a role named like a company is no company
    text = ("The Social Media Manager is a key player on the marketing team.\n"
            "The Social Media Manager creates content and manages our social media accounts.\n")
    assert "social-media-management" in _credited_posting(text)


@pytest.mark.parametrize(("text", "present"), [
    ("Expand visibility among target audience yielding hits in national press.", False),
    ("Analyzed results and adjusted target segments accordingly.", False),
    ("Targeted millennial audiences with paid social campaigns.", True),
    ("Target key audiences through paid social.", True),
])
def test_target_before_its_noun_is_a_compound(text: str, present: bool) -> None:
    assert ("audience-targeting" in _credited(text)) is present


def test_speaking_on_behalf_of_brands_is_a_spokesperson() -> None:
    text = ("Represented parent company at the Annual Hospitality Industry Investment Conference "
            "and spoke on behalf of hotel brands at industry conferences.")
    assert "spokesperson" in _credited(text)
    assert "spokesperson" not in _credited("Wrote letters on behalf of the Hospital Administrator.")


@pytest.mark.parametrize(("text", "skill"), [
    ("- First Interview: Conduct a phone or video interview to further evaluate candidate "
     "skills, experience, and cultural fit.", "hiring"),
    ("- Second Interview: In-depth interview with the hiring manager and other team members "
     "to discuss product strategy.", "product-strategy"),
    ("- Step 1: Video Call: Talent Acquisition", "hiring"),
])
def test_the_hiring_process_asks_nothing_of_the_hire(text: str, skill: str) -> None:
    assert skill not in _credited(text, kind="posting")


def test_interviewing_as_a_duty_still_counts() -> None:
    assert "hiring" in _credited("- Interview and hire new sales representatives.",
                                 kind="posting")


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("Managed a variety of special projects for the Department", "people-management", False),
    ("Processed and managed payroll for over 500 union employees.", "people-management", False),
    ("Effectively managed kitchen staff in producing food for banquets.", "event-marketing",
     False),
    ("Managed a staff of 12 for the marketing department.", "people-management", True),
])
def test_after_for_stands_whom_the_work_serves(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "present"), [
    ("Wrote press releases, bylined articles, briefing documents.", False),
    ("Prepared talking points and briefings for the Deputy Premier.", False),
    ("Developed brand creative briefs for the agency.", True),
])
def test_a_briefing_is_no_creative_brief(text: str, present: bool) -> None:
    assert ("creative-briefs" in _credited(text)) is present


@pytest.mark.parametrize(("text", "present"), [
    ("Managed office budget, client budget and supervised a team of eight.", True),
    ("Managed a crew of five flight attendants;", True),
    ("Manage projects individually or as a part of a team.", False),
])
def test_supervising_a_team_is_leading_it(text: str, present: bool) -> None:
    assert ("team-leadership" in _credited(text)) is present


@pytest.mark.parametrize(("text", "kind", "present"), [
    # functions the writer works across are departments
    ("Collaborated with sales, account management, customer support, and other stakeholders "
     "to establish product priorities.", "resume", False),
    ("- Bridge the gap between Product, Engineering, Customer Service, Print Shop Operations, "
     "and Finance to keep teams in sync and drive execution.", "posting", False),
    ("- Collaborate with marketing, customer support, and product teams to enhance the "
     "overall customer experience.", "posting", False),
    # the writer's own work, and a skills list, still count
    ("Worked with customers, providing customer service, sales and marketing support",
     "resume", True),
    ("Skills: Sales, Marketing, Customer Service, Teamwork", "resume", True),
    ("Provided customer service to clients across sales, marketing and finance teams",
     "resume", True),
])
def test_departments_worked_across_are_no_skills(text: str, kind: str, present: bool) -> None:
    assert ("customer-service" in _credited(text, kind)) is present


@pytest.mark.parametrize(("text", "present"), [
    ("Ability to communicate effectively verbally and in writing.", True),
    ("Promoted agency products to customers in person, on the telephone and in writing.", True),
    ("Assisted in writing and editing admission correspondences to applicants.", True),
    ("Good experience in writing Class Library using C# , LINQ to SQL queries", False),
    ("- Craftsmanship: You take pride in writing high-quality, peer-reviewed, and "
     "production-ready code that makes a real impact.", False),
    ("Succeeded in writing and implementing vulnerability management for existing systems.",
     False),
])
def test_in_writing_is_written_communication_beside_speech(text: str, present: bool) -> None:
    assert ("written-communication" in _credited(text)) is present


@pytest.mark.parametrize(("text", "present"), [
    ("Manage and optimize the performance of our external advertising agency.", True),
    ("Direct and help manage various regional public relations agencies.", True),
    ("will manage consultants, agencies, and vendors.", True),
    ("Manage incoming troubleshooting calls from four state agencies.", False),
    ("Managed 45 federal government agencies ensuring their billing was accurate.", False),
    ("Coordinated with an outside agency to mail correspondences to applicants.", False),
    ("Experience working for marketing or advertising agencies", False),
    ("Aegis Media is a multinational media agency that helps clients build relationships.",
     False),
])
def test_managing_an_agency_is_agency_management(text: str, present: bool) -> None:
    assert ("agency-management" in _credited(text)) is present


@pytest.mark.parametrize(("text", "present"), [
    ("Identified and pursued new business for the agency.", True),
    ("Participated on new business pitch and developed RFPs.", True),
    ("Built financial model for new business unit, including a $450k yearly budget.", False),
    ("Create new business process flows and functional designs.", False),
])
def test_a_new_business_unit_is_no_business_development(text: str, present: bool) -> None:
    assert ("business-development" in _credited(text)) is present


def test_what_we_operate_with_or_strive_for_is_the_company_s() -> None:
    text = ("Whether we’re rethinking how users interact with data or building new "
            "capabilities, we operate with the customer obsession and teamwork that turn "
            "ideas into impact.")
    assert "teamwork" not in _credited(text, "posting")
    text = ("With a focus on excellence and customer satisfaction, we strive to push the "
            "boundaries of technology.")
    assert "customer-satisfaction" not in _credited(text, "posting")
    assert "teamwork" in _credited("- Strong teamwork and communication skills", "posting")


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("I was hired into this position as the direct assistant to the Vice President.",
     "hiring", False),
    ("Interviewed, hired and trained entire staff", "hiring", True),
    ("Administered medication to patients presenting serious risk of danger.",
     "presentation-skills", False),
    ("Researching and organizing event elements, including venues, guest speakers, "
     "influencers, etc.", "public-speaking", False),
    ("Invited as guest speaker for Staff Development Days.", "public-speaking", True),
    ("Responded to requests for information from media or designated appropriate "
     "spokesperson or information source.", "spokesperson", False),
    ("College spokesperson and liaison to media;", "spokesperson", True),
    ("create meaningful relations with media and public personas", "personas", False),
    ("Develop a deep understanding of our target personas and their needs.", "personas",
     True),
    ("Compiled statistics for site Safety Report.", "statistical-analysis", False),
    ("Recorded patients' medical history, vital statistics and test results.",
     "statistical-analysis", False),
    ("Coursework in International Finance, Statistics and Microeconomics",
     "statistical-analysis", True),
    ("Responsible for every aspect of coordinating photo shoots with talent.",
     "photography", False),
    ("Directed photo shoot for Deputy portraits.", "photography", True),
    ("Worked directly with the art director in design concepts.", "art-direction", False),
    ("Function as Art Director of visual and digital content.", "art-direction", True),
    ("RPA process planned to automate structured data entry and maintenance.",
     "schema-markup", False),
])
def test_words_that_name_someone_else_or_something_else(text: str, skill: str,
                                                        present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    ("About us: GetResponse is a SaaS company recognized for its industry-leading email "
     "marketing and marketing automation software.", "email-marketing", False),
    (" The Audience Strategy team are experts when it comes to social/digital, print, OOH, "
     "paid media, content, copywriting.", "digital-advertising", False),
    ("The Platform Engineering team is responsible for DevOps processes.", "devops", True),
    ("- Comfort working both independently and as part of a distributed team.",
     "remote-team-management", False),
    ("- Drive organic growth by leveraging our current book of business and relationships.",
     "organic-social-media", False),
])
def test_what_the_company_and_its_teams_are(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, "posting")) is present


def test_an_employer_described_without_its_name() -> None:
    text = ("International business and information technology consulting firm specializing in "
            "business re-engineering, custom software development, change management, systems "
            "integration")
    assert "change-management" not in _credited(text)
    text = ("Global Services, the company also provides consulting and software development "
            "services to Microsoft Dynamics enterprise clients.")
    assert "software-engineering" not in _credited(text)
    assert "change-management" in _credited("Led change management for a 400-person merger.")


def test_team_building_is_a_noun() -> None:
    text = ("Put together a leadership retreat where the Ambassadors showed leadership skills, "
            "team building activities and demonstrated excellent community service.")
    assert "audience-growth" not in _credited(text)


def test_a_one_letter_word_glued_to_the_item_before_it_parts_them() -> None:
    # a LinkedIn posting whose list lost its line breaks (gold_fresh21, 2147609789)
    text = ("What We Are Looking For:Bachelor’s degree in a business concentrationNo "
            "professional experience is needed.Impressive communication and interpersonal "
            "skillsA natural problem solverLegally authorized to work in the United States")
    got = _credited(text, kind="posting")
    assert {"communication-skills", "interpersonal-skills", "problem-solving"} <= set(got)
    # a one-letter word after a space is no glue
    assert "communication-skills" in _credited("Type A personality wanted. Excellent "
                                                 "communication skills.", kind="posting")


def test_a_name_across_two_items_does_not_hide_the_name_inside_it() -> None:
    # a designer's PDF skills column, one item a line (gold_fresh22, DESIGNER-42384185):
    # "Adobe Lightroom" across the line break is two items, and "Lightroom" stays
    assert "adobe-lightroom" in _credited("Adobe\nLightroom\nStrong knowledge of Joomla")


def test_mentoring_received_is_no_mentoring() -> None:
    # a florist's résumé (gold_fresh27, TEACHER-37660306)
    text = ("I am a certified professional floral designer mentored by an AIFD founding "
            "member. I have participated in many shows.")
    assert "mentoring" not in _credited(text)
    assert "mentoring" not in _credited("Was mentored under the chief editor.")
    assert "mentoring" in _credited("Mentored by senior staff, I mentored two interns.")
    assert "mentoring" in _credited("Mentored junior staff and new hires.")


def test_hard_copies_are_no_copy() -> None:
    # a mechanical designer (gold_fresh26, DESIGNER-39776400)
    text = ("Made revisions to update the electronic drawing files and created hard copies "
            "for production use")
    assert "copywriting" not in _credited(text)
    assert "copywriting" in _credited("Created copy and taglines for seasonal campaigns")


def test_screening_candidates_is_no_event() -> None:
    # an HR manager posting (gold_fresh26, LinkedIn 3715891138)
    text = ("Oversee full-cycle recruitment processes, including sourcing, screening, "
            "interviewing, and offer negotiation, to ensure a seamless candidate experience.")
    assert "event-marketing" not in _credited(text, kind="posting")
    assert "event-marketing" in _credited("Planned film premieres and galas")


def test_individuals_in_need_are_no_need_of_the_employer() -> None:
    # "we offer ... to individuals in need" is the company's offer, not what it needs of
    # the hire (gold_fresh27, LinkedIn 3827268681)
    text = ("Through strategic partnerships with top 100, Fortune 500 companies, we offer "
            "complimentary financial plans to individuals in need.")
    assert "partnership-management" not in _credited(text, kind="posting")
    got = _credited("We need someone to build strategic partnerships.", kind="posting")
    assert "partnership-management" in got


@pytest.mark.parametrize(("text", "kind", "skill", "present"), [
    # session 13, read from the misses of the blind sets fresh14-31 (wordings from their
    # documents); each negative is a wording the rule must leave alone
    ("- Strong ability to communicate and influence at the C-level.", "posting",
     "executive-communication", True),
    ("Engage with executives to discuss opportunities, prioritization, tradeoffs, and risks.",
     "posting", "executive-communication", True),
    ("Oversee marketing budget and costs, presenting to the board of directors regularly",
     "resume", "executive-communication", True),
    ("This position reports to the Senior Leadership team.", "posting",
     "executive-communication", False),
    ("- Collaborate across marketing, operations, and product teams to ensure customer "
     "feedback shapes our roadmap", "posting", "cross-functional-collaboration", True),
    ("Recruited, trained and managed an agent sales force for AT&T's GBS", "resume",
     "hiring", True),
    ("Involved in hiring staff following organizational hiring procedures", "posting",
     "hiring", True),
    ("Hiring team members at the store.", "resume", "hiring", True),
    ("Coordinate interviews with hiring team members.", "posting", "hiring", True),
    ("Train customers and service partners on the operation and maintenance of energy "
     "storage systems.", "posting", "training-delivery", True),
    ("Developed and implemented training procedures for all newly hired personnel.",
     "resume", "training-delivery", True),
    ("Assist in preparation of annual budget, quarterly forecasts, long-term plan",
     "posting", "budget-management", True),
    ("Retain and ensure proper handling and care of 150 existing client accounts.",
     "resume", "customer-retention", True),
    ("Retained top staff through a mentoring program.", "resume", "customer-retention", False),
    ("Handling employee grievances by analyzing case and preparing preliminary "
     "investigation report.", "resume", "conflict-resolution", True),
    # what the session's blind sets fresh32/33 showed after their blind run
    ("Salary and Benefits: Competitive base salary and incentive plan", "posting",
     "performance-management", False),
    ("Developed, administered and corrected tests and quizzes in a timely manner.", "resume",
     "software-testing", False),
    ("Wrote test cases and ran regression tests.", "resume", "software-testing", True),
    ("Documentum DCM and Documentum D2, MS Access, VBA", "resume", "campaign-manager-360",
     False),
    ("Trafficked display campaigns in DCM and DV360.", "resume", "campaign-manager-360", True),
    ("Direct general inquiries to appropriate contacts and/or departments", "resume",
     "team-leadership", False),
    ("answered phones and directed individuals/calls to staff members.", "resume",
     "people-management", False),
    ("Planned, organized and directed the day-to-day finance department", "resume",
     "team-leadership", True),
])
def test_session_13_readings(text: str, kind: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind=kind)) is present


def test_a_number_range_is_no_clause_break() -> None:
    from skillmix.extract.duties import _CLAUSE_BREAK

    assert _CLAUSE_BREAK.search(" approximately 12 - 25 Application ") is None
    assert _CLAUSE_BREAK.search(" 12 \u2013 25 ") is None
    assert _CLAUSE_BREAK.search(" the team - 25 people ") is not None
    assert _CLAUSE_BREAK.search(" 2019 - present ") is not None


def test_a_list_item_glued_on_with_a_dash_ends_the_sentence_before_it() -> None:
    # a LinkedIn posting whose line breaks were dropped (gold_fresh34, LinkedIn
    # 3610596223): "is a plus" made every qualification after it preferred
    from skillmix.extract import get_extractor
    from skillmix.extract.context import sentence_ends

    text = ("**Qualifications:**- P&C License- Previous experience in the insurance industry, "
            "particularly in underwriting, is a plus but not required.- Strong analytical "
            "skills.- Excellent communication and interpersonal skills.- Proficiency in "
            "Microsoft Office Suite (Word, Excel, PowerPoint).")
    ext = get_extractor("builtin").extract(text, kind="posting")
    levels = {m.skill_id: m.requirement for m in ext.mentions if m.counts}
    assert levels["communication-skills"] == "required"
    assert levels["microsoft-excel"] == "required"
    cut = [text[:e][-8:] for e in sentence_ends(text)]
    assert cut[:3] == ["ons:**- ", "icense- ", "uired.- "]
    # a hyphenated word, a spaced range and a capitalised compound are no items
    assert sentence_ends("Full-Time role in e-Commerce, Monday - Friday, X-Ray") == []


@pytest.mark.parametrize(("text", "present"), [
    # review of session 13: presenting to the board counts however the results are named,
    # a reporting line does not, and account executives are sales people
    ("Present quarterly results to the Board of Directors.", True),
    ("Prepare and present financial reports to senior management, board members", True),
    ("The Executive Director reports to the Board of Directors.", False),
    ("Presented qualified providers to account executives and business development "
     "representatives.", False),
])
def test_executive_communication_is_with_executives(text: str, present: bool) -> None:
    assert ("executive-communication" in _credited(text, kind="posting")) is present


# --- session 15: from a user's trial (a résumé and a posting written the way people write)

@pytest.mark.parametrize(("text", "negated"), [
    ("Not familiar with Salesforce.", True),
    ("Unfamiliar with Salesforce but quick to learn.", True),
    ("I have not used Salesforce yet.", True),
    ("Onboarded 12 interns with no experience in Salesforce.", False),  # theirs, not mine
    ("Familiar with Salesforce and HubSpot.", False),
    ("Not only familiar with Salesforce but certified.", False),
])
def test_the_writers_own_lack_is_a_negation(text: str, negated: bool) -> None:
    ext = get_extractor("builtin").extract(f"SUMMARY\n{text}\n", kind="resume")
    assert [m.negated for m in ext.mentions if m.skill_id == "salesforce"] == [negated]


@pytest.mark.parametrize(("text", "skill", "years"), [
    ("Five to seven years working with REST APIs", "rest-api", 5.0),  # was 7: "seven years"
    ("3-5 years of SEO", "seo", 3.0),
    # real wording (Remotive 1990898); its blind reader recorded 3
    ("Three to five years of relevant project management experience", "project-management", 3.0),
    ("At least two years of Python experience", "python", 2.0),
])
def test_a_range_of_years_written_in_words_asks_for_its_low_end(text: str, skill: str,
                                                                years: float) -> None:
    ext = get_extractor("builtin").extract(f"Requirements\n- {text}\n", kind="posting")
    assert [m.years for m in ext.mentions if m.skill_id == skill] == [years]


@pytest.mark.parametrize(("text", "present"), [
    ("Ran paid social campaigns on Facebook Ads Manager with a $50k monthly budget", False),
    ("Set up tracking in Google Tag Manager for managers", False),
    ("Managed three account managers and two coordinators", True),
    ("Supervised project managers across four regions", True),
    ("Managed the business team and its budget", True),  # the review's case
])
def test_a_product_named_manager_is_no_one_managed(text: str, present: bool) -> None:
    assert ("people-management" in _credited(text)) is present


@pytest.mark.parametrize(("text", "kind", "skill", "present"), [
    # session 20, read from the misses of the blind sets fresh14-42 (wordings from their
    # documents); each negative is a wording the rule must leave alone
    ("Excellent leadership, managerial and communications skills in a cross-functional "
     "environment.", "posting", "communication-skills", True),
    ("Strong spoken and written communication skills", "posting", "communication-skills", True),
    ("Excellent written and spoken communication skills", "posting", "written-communication",
     True),
    ("Microsoft Suite (Excel, Word, Power Point)", "resume", "microsoft-office", True),
    ("Excellent use of Word, Excel and PowerPoint", "resume", "microsoft-office", False),
    ("Must be able to effectively communicate and work well within a team.", "posting",
     "teamwork", True),
    ("Work effectively as a team contributor on all assignments", "posting", "teamwork", True),
    ("Ensure U.S. GAAP compliance and recruit, hire, and develop teammates.", "posting",
     "hiring", True),
    ("2+ years in a manager or supervisor role.", "posting", "people-management", True),
    ("Able to make independent decisions that conform to business needs and policy.",
     "posting", "decision-making", True),
    ("Provides strong leadership, sets a good example, skilled decision maker, motivator.",
     "posting", "decision-making", True),
    ("Generated opportunities for meetings with key decision makers to drive the sales "
     "process forward.", "resume", "decision-making", False),
    ("Collaborate with business unit leaders to identify areas for cost savings and revenue "
     "growth.", "posting", "cross-functional-collaboration", True),
    ("Good analytical, problem-solving, and troubleshooting skills.", "posting",
     "critical-thinking", True),
    ("You will empathize with our customers and identify highest priority pain points",
     "posting", "empathy", True),
    ("High emotional intelligence—you know when to listen, when to explain, and how to "
     "de-escalate", "posting", "de-escalation", True),
    ("speaking clearly, effectively listening, and clearly writing", "posting",
     "active-listening", True),
    ("Represent Granicus in speaking roles, panel participation, and internal or external "
     "engagements.", "posting", "public-speaking", True),
    ("Database cloud management with Azure and AWS", "posting", "cloud-computing", True),
    ("Build and nurture long-term relationships with key stakeholders to establish trust.",
     "posting", "stakeholder-management", True),
    ("Build a dashboard for key stakeholders.", "posting", "stakeholder-management", False),
    ("Track program expenditures/allocations and produce regular budget updates and/or "
     "reports", "posting", "budget-management", True),
    ("Experience working with and presenting research results to senior stakeholders.",
     "posting", "executive-communication", True),
    ("from prospecting and cold calling to conducting personalized demos, handling "
     "objections, and closing new customers.", "posting", "technical-demos", True),
    ("Proven ability to quickly grasp complex technical concepts and convey them effectively "
     "to both technical and non-technical audiences.", "posting", "technical-communication",
     True),
    ("Strong leader of customer support staff.", "resume", "team-leadership", True),
    ("Review and understand existing business processes to identify functional requirements",
     "resume", "requirements-gathering", True),
    ("Set up meetings with clients to develop program requirements.", "resume",
     "requirements-gathering", True),
    # gold_fresh42's misses
    ("No SQL knowledge needed.", "posting", "nosql", False),
    ("Driven, flexible, collaborative, and have strong team working skills", "posting",
     "teamwork", True),
    ("Supplier relationship management for CMO(s)", "posting", "vendor-management", True),
    ("with Software-as-a-Service and AdTech experience preferred", "posting",
     "digital-advertising", True),
    ("strengthening our product and go-to-market strategy and execution", "posting",
     "product-strategy", True),
    ("Leadership, strategic focus, and team development skills.", "posting",
     "team-leadership", True),
    ("Strong analytical and problem-solving skills.", "posting", "critical-thinking", True),
    # gold_fresh43/44's misses, after their blind run
    ("budget and financial statements.Excellent customer service & leadership skills.A "
     "demonstrated track record", "posting", "team-leadership", True),
    ("Hands-on experience in some or all of our stack, which is MongoDB, Express, React, and "
     "Node (MERN)", "posting", "nodejs", True),
    ("I installed and maintain a Hyper V cluster of 9 nodes.", "resume", "nodejs", False),
    ("Ship software in a fast-paced, agile environment with two-week sprints.", "posting",
     "agile-methodologies", True),
    ("Ability to work independently as well as collaboratively within a team.", "posting",
     "teamwork", True),
    ("Work side-by-side with the team", "posting", "teamwork", True),
    ("Ability to empathize and connect with children", "posting", "empathy", True),
    ("Manage social media posts and client prospect outreach emails", "posting",
     "lead-generation", True),
    ("Monitor and address security incidents and vulnerabilities across our network and "
     "systems", "posting", "cybersecurity", True),
    ("Creating and sending blast emails and texts", "posting", "email-marketing", True),
])
def test_session_20_readings(text: str, kind: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind=kind)) is present


@pytest.mark.parametrize(("text", "skill", "present"), [
    # gold_fresh42's electrical designer: a plant's layout and a cable schedule are no
    # graphic design and no social media scheduling
    ("Responsible for raceway design, equipment location and layout, C&R schedule inputting "
     "and update, conduit and aboveground raceway design.", "graphic-design", False),
    ("Responsible for raceway design, equipment location and layout, C&R schedule inputting "
     "and update, conduit and aboveground raceway design.", "social-media-scheduling", False),
    ("Designed page layouts for the monthly newsletter.", "graphic-design", True),
    ("Create and schedule social media updates.", "social-media-scheduling", True),
])
def test_layouts_and_updates_need_their_medium(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is present


@pytest.mark.parametrize(("text", "skill"), [
    # the session-20 forms, where they name something else (from the review)
    ("This is a non-supervisory position in the clinic.", "people-management"),
    ("This is not a supervisory role.", "people-management"),
    ("Acme is a dynamic leader in digital marketing.", "team-leadership"),
    ("Our team leader will train you on day one.", "team-leadership"),
    ("Our cloud management platform serves banks.", "cloud-computing"),
    ("Designed warehouse layouts and web-based inventory tools.", "graphic-design"),
    ("You must understand system requirements before installing the software.",
     "requirements-gathering"),
    ("Reconcile budgets against invoices monthly.", "budget-management"),
    ("Creates and manages Requisitions and POs requested by Procurement team.",
     "people-management"),
    ("Creates and manages Requisitions and POs requested by Procurement team.",
     "team-leadership"),
    # the second review's look-alikes
    ("Report security incidents to the shift supervisor and patrol the parking lot",
     "cybersecurity"),
    ("No SQL or database experience needed; we will train you", "nosql"),
    ("Thrive in a fast-paced, agile environment while stocking shelves", "agile-methodologies"),
    ("Assist with packaging and pricing of merchandise", "pricing-strategy"),
    ("replace a failed Node behind the API gateway", "nodejs"),
    ("You will receive blast emails about open shifts", "email-marketing"),
    ("Compliance requirements management for FDA audits", "requirements-gathering"),
])
def test_session_20_forms_leave_other_senses_alone(text: str, skill: str) -> None:
    assert skill not in _credited(text, kind="posting")



# Session 21: a posting's unheaded opening introduces the company (gold_fresh46's
# Airbyte posting); it asks nothing until the posting first speaks of the role or the hire.
_AIRBYTE = (
    "Frontend Engineer, Extensibility\n\n"
    "Airbyte is the open-source standard for EL(T). We enable data teams to replicate data "
    "from applications, APIs, and databases to data warehouses, lakes, and other "
    "destinations. We believe only an open-source approach can solve the problem of data "
    "integration, as it enables us to cover the long tail of integrations while enabling "
    "teams to adapt pre-built connectors to their needs.\n\n"
    "So far, we've built over 350 connectors and believe in product-led growth, where we "
    "build something awesome and let our product bring the users.\n\n"
    "If you find this role exciting, we encourage you to apply.\n\n"
    "Opportunity\n\n"
    "Build connectors in React and TypeScript.\n")


def test_a_postings_unheaded_opening_introduces_the_company() -> None:
    got = _credited(_AIRBYTE, kind="posting")
    assert "etl" not in got and "product-led-growth" not in got
    assert "react" in got and "typescript" in got  # the duty after the opening


@pytest.mark.parametrize("text", [
    # a sentence of the opening that speaks of the hire is the job's
    "Marketing Coordinator\n\nWe are a growing agency. Candidates need data integration "
    "experience.\n\nResponsibilities\n\n- Write copy.\n",
    # a text with nothing that ends an opening has none
    "Marketing Coordinator\n\nThe company needs data integration across its tools.\n",
    # a list line ends the opening: its items are duties
    "Marketing Coordinator\n\n- Lead data integration across the stack.\n\nAbout you\n",
])
def test_what_is_not_a_company_opening(text: str) -> None:
    assert "etl" in _credited(text, kind="posting")


def test_the_title_line_is_not_the_opening() -> None:
    text = "Data Integration Engineer\n\nAcme builds furniture.\n\nResponsibilities\n\n- Ship.\n"
    assert "etl" in _credited(text, kind="posting")


@pytest.mark.parametrize(("text", "skill", "present"), [
    # gold_fresh48 (an engineering résumé): a verb's bare form after a preposition is a noun
    ("Operate thermotron chambers to test stability in head units.", "team-leadership", False),
    ("Head the sales team of 12.", "team-leadership", True),
    ("Experience in leading teams of analysts.", "team-leadership", True),
    # gold_fresh43 / 44: a quality of writing is written communication
    ("Exceptional writing and editing", "written-communication", True),
    ("outstanding writing and research skills", "written-communication", True),
])
def test_session_21_wordings(text: str, skill: str, present: bool) -> None:
    assert (skill in _credited(text)) is present


@pytest.mark.parametrize(("text", "skill", "years"), [
    # data/postings/linkedin_2024_public.csv 3813135937, flattened: the years open a list
    # item glued to the one before
    ("College Degree or comparable experience required1-3 years professional experience "
     "with digital marketing and/or social media", "digital-marketing", 1.0),
    ("Bachelor degree preferred5+ years of SQL", "sql", 5.0),
    # a bare figure glued to a word is a name, not years ("Windows10")
    ("Windows10 years of SQL", "sql", None),
])
def test_years_glued_to_the_item_before(text: str, skill: str, years: float | None) -> None:
    got = {m.skill_id: m.years for m in get_extractor("builtin").extract(text, kind="posting").mentions}
    assert got[skill] == years


def test_coursework_is_no_professional_use() -> None:
    # LiveCareer DIGITAL-MEDIA/91318828: "Advertising Campaigns" is a course, not a campaign run
    text = ("Experience\nManaged client campaigns for local brands.\n"
            "Education and Training\nBachelor of Science : Journalism December 2015\n"
            "General Advertising course work including: Advertising and Media Sales, Media "
            "Planning, Advertising Campaigns, and Advertising Media Sales\n")
    ext = get_extractor("builtin").extract(text, kind="resume")
    taught = [m for m in ext.mentions if m.section == "education"]
    assert taught and all(m.usage != "professional" for m in taught)
    assert any(m.usage == "professional" for m in ext.mentions if m.section == "experience")


@pytest.mark.parametrize(("text", "skill"), [
    # LiveCareer DIGITAL-MEDIA/11270462 and 59011090, duties the trial found missed
    ("Creating and implementing strategic plans for Social Media posts to try and broaden our "
     "outreach", "social-media-strategy"),
    ("Manages and measures clients social media accounts for follower analysis, reach, and "
     "growth", "social-media-analytics"),
    ("Analyzed social media performance and engagement metrics", "social-media-analytics"),
])
def test_social_media_duties_of_the_trial(text: str, skill: str) -> None:
    assert skill in _credited(text)


@pytest.mark.parametrize(("text", "skill"), [
    # the review's cases: words of the job end the opening, a sentence holding one is the
    # job's, "YouTube" is no "you", and a flattened first line is no title
    ("Social Media Manager\nAcme Corp seeks a creative storyteller to run our Instagram and "
     "TikTok channels.\nRequirements:\n- 3 years of social media management\n", "instagram"),
    ("Social Media Manager\nAcme needs a creator to grow our Instagram.\n\nAbout you\n", "instagram"),
    ("QA Engineer\nJoin J-Vers as a General QA Engineer to build software testing tools.\n\n"
     "Duties\n", "software-testing"),
    ("Staff Software Engineer\nAcme has an opening for a Staff Software Engineer skilled in "
     "Python to serve in the role.\n\nDuties\n", "python"),
    ("Frontend Engineer at Acme.TechnologiesStrong proficiency with JavaScript and React "
     "across the stack, tested daily.\nWe build apps.\n\nYou will ship.\n", "javascript"),
])
def test_the_job_is_no_company_opening(text: str, skill: str) -> None:
    assert skill in _credited(text, kind="posting")


def test_youtube_does_not_end_the_company_opening() -> None:
    text = ("Video Producer\nOur studio grew from YouTube roots. Today our agency runs brand "
            "campaigns on Instagram.\n\nAbout you\n")
    assert "instagram" not in _credited(text, kind="posting")


def test_the_reviews_counter_cases() -> None:
    # a dated internship listed under Education is still work
    text = ("Education\nBA Marketing, State University 2015 - 2019\nMarketing Intern, Acme Corp "
            "06/2018 to 09/2018: managed the Instagram account and ran paid social campaigns.\n")
    assert _credited(text)["instagram"] == "professional"
    # monitoring channels or reporting accounts is no analysis; measuring them is
    got = _credited("Monitor social media channels and respond to customer comments.\n"
                    "Report any suspicious social media accounts to the security team.",
                    kind="posting")
    assert "social-media-analytics" not in got
    assert "social-media-analytics" in _credited("Measure social media performance weekly.",
                                                 kind="posting")


@pytest.mark.parametrize(("text", "skill", "credited"), [
    # session 22, read from the older blind sets' false credits (gold_fresh14, 17, 19, 44)
    ("- Content Creation: Develop a wide range of customer-facing assets, such as whitepapers, "
     "solutions guides, and datasheets", "customer-service", False),
    ("- Track record of defining, building and launching innovative customer-facing features",
     "customer-service", False),
    ("- At least 1-2 years experience in a high-stress customer-facing environment",
     "customer-service", True),
    ("Collaborating closely with our current Product team, you'll lead strategic initiatives to "
     "uncover user needs", "business-strategy", False),
    ("Provide strategic direction and guidance in alignment with the AppH-WBC mission",
     "business-strategy", False),
    ("Develop the strategic plan for the branch network", "business-strategy", True),
    ("Set the strategic direction of the business unit", "business-strategy", True),
])
def test_things_made_for_customers_and_strategic_words(text: str, skill: str,
                                                       credited: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is credited


@pytest.mark.parametrize(("text", "skill", "credited"), [
    # session 22, read from gold_fresh49's errors after its blind run (and the older sets')
    ("you'll be at the helm of it all, driving forward the society's mission", "kubernetes", False),
    ("Experience with Terraform, Docker, Helm and Kubernetes.", "kubernetes", True),
    ("Throughout your internship, you'll be paired with a mentor who will provide guidance",
     "mentoring", False),
    ("In exchange, these mentors will provide feedback and guidance", "mentoring", False),
    ("Act as a mentor to new hires", "mentoring", True),
    ("Direct service employees are members of the local SEIU 509.", "people-management", False),
    ("Direct the work of five employees.", "people-management", True),
    ("Manage employee referral program including tracking and payouts.", "people-management",
     False),
    ("Manage employee referral program including tracking and payouts.",
     "word-of-mouth-marketing", False),
    ("Skilled in managing diverse teams of professionals", "diversity-inclusion", False),
    ("Working with agile approach with team members including product designers, automotive "
     "engineers, UI designers, and marketing/ product managers", "ui-design", False),
    ("Strong SEO skills and UX knowledge.", "ux-design", True),
    ("Design, create, and manage promotions and social ad campaigns", "paid-social-advertising",
     True),
    ("Write captions that align with our brand’s voice and mission.", "brand-voice", True),
    ("Monitored market conditions, product innovations and competitor activity.",
     "competitive-analysis", True),
    ("The ideal candidate will have some knowledge as a full-stack software developer",
     "full-stack-development", True),
])
def test_gold_fresh49_wordings(text: str, skill: str, credited: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is credited


@pytest.mark.parametrize(("text", "skill", "credited"), [
    # a field of study in the list a degree asks for is a subject, not a skill (gold_fresh17,
    # 46, 49; the readers credit no field of study)
    ("Bachelor's degree in communications, marketing, journalism, public relations, or a "
     "related field", "public-relations", False),
    ("Bachelor’s degree or certification in Graphic Design, UX/UI, HCI, Motion Design, Art "
     "Direction, Marketing, or a related field.", "art-direction", False),
    ("Bachelor's degree; with preference for the following fields: Communication and Media, "
     "Journalism, Marketing, Political Science, Social science.", "journalism", False),
    ("Bachelor's degree in Marketing and 3 years of public relations experience.",
     "public-relations", True),
])
def test_fields_of_study(text: str, skill: str, credited: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is credited


def test_someone_elses_team_leads() -> None:
    # the new-user trial (LinkedIn sample row 195, an estimator): the hire works with them
    text = ("You'll also work closely with our Team Leads and report directly to the Vice "
            "President of Estimating")
    assert "team-leadership" not in _credited(text, kind="posting")
    assert "team-leadership" in _credited("Served as team lead for a group of 6 designers.")


@pytest.mark.parametrize(("text", "skill", "credited"), [
    # session 22, read from gold_fresh50's errors after its blind run (and the older sets')
    ("For more information about us check out our Facebook. Or check out our website!",
     "facebook", False),
    ("Participate in team-building events and social activities designed to foster "
     "camaraderie", "team-building", False),
    ("Led team building for a new department of 12.", "team-building", True),
    ("your information is processed and stored with Lever, in accordance with Lever’s "
     "Privacy Policy.", "data-privacy", False),
    ("Drafted privacy policies and GDPR notices for the EU sites.", "data-privacy", True),
    ("The Development Director will be a strong player-coach, in addition to providing "
     "day-to-day leadership of the team", "coaching", False),
    ("ensuring adherence to legal review and delegation of authority requirements.",
     "delegation", False),
    ("A strong track record of communicating, both verbally and in writing, with functional "
     "department managers", "communication-skills", True),
    ("Through your content creation efforts on both the organic and paid fronts",
     "organic-social-media", True),
    ("Social Content Strategy and Execution", "social-media-strategy", True),
    ("Participate in various initiatives spanning multiple departments",
     "cross-functional-collaboration", True),
    ("Prior experience in media or advertising industry.", "advertising", False),
    ("5 years of digital marketing experience in the retail industry.", "digital-marketing",
     True),
    ("Hired contract/temporary professionals are also eligible to enroll in our company "
     "401(k) plan.", "hiring", False),
    ("Hired 12 new employees in 2019.", "hiring", True),
])
def test_gold_fresh50_wordings(text: str, skill: str, credited: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is credited


def test_about_the_company_is_not_turned_to_the_hire_by_those_who_have() -> None:
    # the new-user trial (Remotive 1988952): "give light to those who have given up their
    # hopes" in MEDVA's About the company made its "purpose is to hire and to train" a
    # required skill of the Social Media Manager
    text = ("Social Media Manager\nKey Responsibilities:\n- Schedule and publish posts.\n"
            "Requirements\n- Proven experience in managing social media accounts.\n"
            "About the company\nMEDVA is a Virtual Assistant company. Its purpose is to hire and "
            "to train Filipino medical professionals. We want to dignify medical professionals "
            "and give light to those who have given up their hopes.\n")
    ext = get_extractor("builtin").extract(text, kind="posting")
    assert not [m for m in ext.mentions if m.skill_id == "hiring" and m.counts]


def test_a_document_of_unknown_kind_still_gets_a_confidence() -> None:
    # the new-user trial: a file --kind auto could not tell gave every mention 1.0, so
    # --min-confidence kept them all; it now gets the lower of the two kinds' estimates
    ext = get_extractor("builtin").extract(
        "Community manager with 40 personas. SEO and Salesforce.", kind="unknown")
    counted = [m for m in ext.mentions if m.counts]
    assert counted and all(m.confidence < 1.0 for m in counted)


@pytest.mark.parametrize(("text", "skill", "credited"), [
    # the review's counter-cases to the field-of-study, industry and colleague guards
    ("A high degree of proficiency in Adobe Photoshop, Illustrator and InDesign.",
     "adobe-photoshop", True),
    ("Certification in Google Analytics, Google Ads or HubSpot preferred.", "hubspot", True),
    ("Expert in Figma industry-standard prototyping.", "figma", True),
    ("Experience with UX/UI designers and Figma", "ui-design", False),
])
def test_the_reviews_counter_cases_to_session_22s_guards(text: str, skill: str,
                                                         credited: bool) -> None:
    assert (skill in _credited(text, kind="posting")) is credited


@pytest.mark.parametrize(("text", "kind", "skill", "credited"), [
    # session 23: an audit of 908 credits drawn from the shared posting corpora and
    # LiveCareer résumés (no gold document) found these wordings credited wrongly
    ("The Medium sized Home provides specialist care packages to elderly residents.",
     "posting", "media-relations", False),
    ("Our retained client are seeking a professional, accountable Sous Chef.",
     "posting", "customer-retention", False),
    ("FB Assistant amazing Hotel, unique dining benefits", "posting", "facebook", False),
    ("Social media relations intern/ Teacher assistant Jul 2015 to Dec 2015", "resume",
     "media-relations", False),
    ("Assisting and supporting our residents whilst maintaining their privacy and dignity.",
     "posting", "data-privacy", False),
    ("Personal Trainer for 2 years, with emphasis on functional movements.", "resume",
     "training-delivery", False),
    ("Constant contact within all teams of the Children's service.", "posting",
     "email-marketing", False),
    ("Swanstaff are currently recruiting Support Workers in Witham.", "posting", "hiring", False),
    ("Clinical supervision of trained staff, mentorship and assessment of student nurses.",
     "posting", "training-delivery", False),
    ("No prior experience necessary! We provide full training.", "posting",
     "training-delivery", False),
    ("Eclypse are advertising this fantastic opportunity to join a leading care provider.",
     "posting", "advertising", False),
    ("Autonomously develop complex solutions and lead initiatives that involve bugfixing.",
     "posting", "lead-generation", False),
    ("Collaborate with Product and Engineering partners in system design.", "posting",
     "partnership-management", False),
    ("Building successful internal/external partnerships.", "resume", "partnership-management",
     False),
    # and what the same words still credit
    ("Manage relationships with channel partners.", "posting", "partnership-management", True),
    ("Retained clients through proactive outreach and quarterly reviews.", "resume",
     "customer-retention", True),
    ("Ran paid campaigns and managed FB and IG pages for 12 brands.", "resume", "facebook", True),
    ("Ensured compliance with confidentiality and Privacy Act standards.", "resume",
     "data-privacy", True),
    ("Corporate Trainer for the sales team.", "resume", "training-delivery", True),
    ("Trained staff on the new POS system.", "resume", "training-delivery", True),
    ("Built email campaigns in Constant Contact and Mailchimp.", "resume", "email-marketing", True),
    ("Responsible for recruiting and hiring new staff.", "posting", "hiring", True),
    ("Provide ongoing training to new staff.", "posting", "training-delivery", True),
    # the review's counter-cases to the first version of these guards
    ("Delivered comprehensive training to 40 employees.", "resume", "training-delivery", True),
    ("Provide full training to new staff on Hootsuite.", "posting", "training-delivery", True),
    ("Hosted FB Live streams for our social media audience.", "resume", "facebook", True),
    ("Moderated FB Groups and ran FB Ads Manager campaigns.", "resume", "facebook", True),
    ("Managed engineering partnerships with AWS.", "resume", "partnership-management", True),
    ("Used Constant Contact within the marketing team.", "resume", "email-marketing", True),
    ("Maintain constant contact with clients.", "posting", "email-marketing", False),
    ("Contribute to the creation of automated integration and system tests.", "posting",
     "software-testing", True),
    ("Currently recruiting and onboarding new hires for the team.", "resume", "hiring", True),
    ("Develop solutions and Lead initiatives.", "posting", "lead-generation", False),
    ("Digital Advertising Strategy", "resume", "digital-advertising", True),
    ("Managed media relations and pitched stories to national outlets.", "resume",
     "media-relations", True),
    ("Generate and qualify new leads for the sales team.", "posting", "lead-generation", True),
])
def test_session_23_corpus_audit_wordings(text: str, kind: str, skill: str, credited: bool) -> None:
    assert (skill in _credited(text, kind=kind)) is credited
