"""Blind mode masks every part of the candidate's name, short phone numbers and profile
usernames (a new-user trial found "Charles has learned...", "(305) 436-400" and "Twitter
jreyes LinkedIn jordanreyes" left in blind text)."""

from __future__ import annotations

import pytest

from skillmix.extract import as_document
from skillmix.fairness import redact

CHEF = "resumes/livecareer/CHEF/10889157.pdf"


def _blind(text: str) -> str:
    return redact(as_document(text, "resume")).document.text


def test_redact_name_parts_real_chef_resume(shared_data):
    from skillmix.io import read_document

    path = shared_data / CHEF
    if not path.exists():
        pytest.skip(f"{path} not found")
    out = redact(read_document(path)).document.text
    # "Charles F Brush High School" is a school named for someone else: it stays
    rest = out.replace("Charles F Brush", "")
    for leak in ("Charles", "Hundley", "(305) 436-400"):
        assert leak not in rest
    assert "These great chefs" in out and "cooking" in out


def test_redact_name_parts_every_occurrence_and_possessive():
    out = _blind("Dana Okafor\ndana@example.com\n\nSummary\nOkafor's campaigns grew. Clients "
                 "trusted Dana with Instagram. Dana ran SEO.\n")
    assert "Dana" not in out and "Okafor" not in out
    assert "Instagram" in out and "SEO" in out and "campaigns grew" in out


def test_redact_name_parts_word_names_only_inside_a_sentence():
    """"Mark" is masked where it names the candidate mid-sentence, not where it may be
    the word (a line's or sentence's start) or is written in lower case."""
    doc = as_document("Mark Okafor\nmark@example.com\n\nSummary\nMark every launch in the "
                      "calendar. Clients trusted Mark with SEO. Teams mark milestones.\n",
                      "resume")
    out = redact(doc, known_names=["Mark Okafor"]).document.text
    assert "Mark every launch" in out and "mark milestones" in out
    assert "trusted Mark" not in out and "Okafor" not in out


def test_redact_name_parts_leave_other_proper_names():
    """A part of the candidate's name inside another proper name is that name's word: a
    blind résumé must not differ by the candidate's name ("Washington State University")."""
    doc = as_document("Lakisha Washington\nlakisha@example.com\n\nEducation\nBA, Washington "
                      "State University; MA, University of Washington. Washington led SEO.\n",
                      "resume")
    out = redact(doc).document.text
    assert "Washington State University" in out and "University of Washington" in out
    assert "Washington led" not in out


def test_redact_name_parts_need_the_candidates_name(shared_data):
    """A name-less résumé's first lexicon hit is most often a place or a brand: its words
    are not the candidate's and stay ("Washington, D.C." was masked for "Washington D."
    of a LiveCareer PDF whose text names no person)."""
    from skillmix.io import read_document

    path = shared_data / "resumes/livecareer/BUSINESS-DEVELOPMENT/29014805.pdf"
    if not path.exists():
        pytest.skip(f"{path} not found")
    assert "Washington" in redact(read_document(path)).document.text


def test_redact_name_parts_not_from_an_honorific_in_the_body():
    """"Ms Asp" (Microsoft ASP) or "Dr. Dre" in the body is not the candidate: the words of
    such a name are not masked elsewhere ("Skills: Asp" stays)."""
    out = _blind("Summary\nBuilt sites in Ms Asp and Mvc for clients of Dr. Dre.\n"
                 "Skills\nAsp, Urban planning\n")
    assert "\nAsp, Urban planning" in out


def test_redact_name_parts_third_person_summary_without_a_header():
    out = _blind("LEAD COOK\nSummary\nDana Okafor has nine years of cooking experience. Chefs "
                 "taught Dana knife skills.\n")
    assert "Dana" not in out and "Okafor" not in out and "knife skills" in out
