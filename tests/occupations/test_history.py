"""A résumé's role history as occupations and its fit to a posting's occupation."""

from __future__ import annotations

from skillmix.demo import demo_path
from skillmix.io import read_document
from skillmix.occupations import occupation_fit, normalise_title, role_history


def test_role_history_normalises_each_role_with_its_text() -> None:
    doc = read_document(demo_path("resume.txt"), kind="resume")
    history = role_history(doc)
    assert [r.title for r in history] == [r.title for r in doc.roles]
    assert all(r.months > 0 for r in history)
    social = next(r for r in history if "Social Media" in r.title)
    assert social.match.best.detailed == "13-1161"  # a short role text does not outvote the title


def test_occupation_fit_counts_months_and_explains() -> None:
    history = role_history(read_document(demo_path("resume.txt"), kind="resume"))
    same = occupation_fit(history, normalise_title("Social Media Specialist"))
    assert same.occupation_months > 0 and 0 < same.score <= 1
    assert "months as" in same.explanation
    other = occupation_fit(history, normalise_title("Registered Nurse"))
    assert other.score == 0.0 and other.occupation_months == 0 and "none of" in other.explanation
    assert occupation_fit((), normalise_title("Nurse")).score == 0.0
