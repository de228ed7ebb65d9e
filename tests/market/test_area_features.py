"""The area features of the learned market classifier on postings whose answer is not in doubt."""

from __future__ import annotations

from skillmix.extract import get_extractor
from skillmix.io import detect_sections
from skillmix.market import market_taxonomy_spec
from skillmix.market.features import PostingFeatures, load_feature_lists, posting_features
from skillmix.records import Document, Posting


def features(title: str, text: str) -> PostingFeatures:
    """Features of one posting, extracted as the pipeline extracts it."""
    doc = Document(id="p", text=text, source="<test>", media_type="text/plain", kind="posting",
                   title=title, sections=detect_sections(text, "posting"))
    posting = Posting(document=doc, id="p", title=title)
    ext = get_extractor(market_taxonomy_spec()).extract(posting)
    return posting_features(title, text, doc.sections, ext.mentions)


def test_area_features_being_supervised_or_trained_is_no_leading() -> None:
    led = posting_features("Technician", "Performs procedures under the supervision of a pathologist. "
                                         "Works with minimal supervision. Ongoing training provided. "
                                         "Motivated self-starter. We are a world leader in diagnostics.")
    assert led.areas["words_leadership_evangelism"] == 0 and led.areas["job_words_leadership_evangelism"] == 0
    leads = posting_features("Technician", "Supervise and train five technicians. Mentor new staff.")
    assert leads.areas["job_words_leadership_evangelism"] > 0


def test_area_features_blanked_phrases_leave_other_words_counted() -> None:
    f = posting_features("Analyst", "Reports to the finance director. Build dashboards and reports.")
    # "reports to" is blanked; "reports" in "dashboards and reports" still counts for data
    plain = posting_features("Analyst", "Build dashboards and reports.")
    assert f.areas["job_words_data_analytics"] == plain.areas["job_words_data_analytics"] > 0


def test_area_features_people_management_from_the_extraction() -> None:
    manager = features("Operations Manager", "Responsibilities:\n- Lead a team of 8 coordinators.\n"
                                             "- Mentor junior staff and run their performance reviews.")
    assert manager.areas["tax_people"] > 0 and manager.areas["team_size"] == 1.0
    teammate = features("Operations Coordinator", "Responsibilities:\n- Collaborate with the sales team.\n"
                                                  "- Work as part of a team.")
    assert teammate.areas["tax_people"] == 0 and teammate.areas["team_size"] == 0.0


def test_area_features_people_skills_are_taxonomy_ids() -> None:
    from skillmix.taxonomy import load_taxonomy

    ids = set(load_taxonomy("builtin").skills)
    people = load_feature_lists().people_skills
    assert people and people <= ids


def test_area_features_psychology_words_of_its_name_and_the_guide() -> None:
    f = posting_features("Account Executive", "Empathize with buyers and listen actively. "
                                              "Understand consumer behavior and the psychology of a purchase.")
    assert f.areas["job_words_psychology_human_interaction"] > 0
    # social listening is a social media practice, not listening to a person
    g = posting_features("Analyst", "Run social listening on our brand.")
    assert g.areas["job_words_psychology_human_interaction"] == 0
