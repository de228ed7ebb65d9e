"""Reading results and demographics files: formats, aliases, unknowns, errors."""

from __future__ import annotations

import json

import pytest

from skillmix.errors import ConfigError, FairnessError
from skillmix.fairness import load_demographics, load_outcomes
from skillmix.fairness.demographics import normalise_race, normalise_sex


def test_results_readers_scorecards_csv_jsonl_and_top(tmp_path):
    cards = [{"document_id": "d1", "fit": 71.5, "profile": "p"},
             {"document_id": "d2", "fit": 12.0, "profile": "p"}]
    (tmp_path / "cards.json").write_text(json.dumps(cards))
    outs = load_outcomes(tmp_path / "cards.json")
    assert [(o.id, o.score, o.selected) for o in outs] == [("d1", 71.5, None), ("d2", 12.0, None)]
    (tmp_path / "rows.csv").write_text("candidate,selected,score\na,yes,1\nb,no,2\nc,Selected,3\n")
    outs = load_outcomes(tmp_path / "rows.csv", id_field="candidate")
    assert [o.selected for o in outs] == [True, False, True]
    (tmp_path / "rows.jsonl").write_text('{"id": "x", "rank": 2}\n{"id": "y", "rank": 1}\n')
    assert [o.selected for o in load_outcomes(tmp_path / "rows.jsonl", top=1)] == [False, True]
    (tmp_path / "bad.csv").write_text("id,selected\na,maybe\n")
    with pytest.raises(FairnessError, match="F134"):
        load_outcomes(tmp_path / "bad.csv")
    (tmp_path / "noid.csv").write_text("who,score\na,1\n")
    with pytest.raises(FairnessError, match="F133"):
        load_outcomes(tmp_path / "noid.csv")
    with pytest.raises(ConfigError, match="C001"):
        load_outcomes(tmp_path / "missing.csv")


def test_results_readers_demographics_normalised_to_eeo1(tmp_path):
    (tmp_path / "d.csv").write_text(
        "Candidate_ID,Gender,Race_Ethnicity\n1,F,black\n2,male,Hispanic\n3,,White\n"
        "4,Non-binary,Decline to state\n5,Female,Martian\n")
    demo = load_demographics(tmp_path / "d.csv")
    assert (demo["1"].sex, demo["1"].race) == ("Female", "Black or African American")
    assert (demo["2"].sex, demo["2"].race) == ("Male", "Hispanic or Latino")
    assert demo["3"].sex is None and demo["3"].race == "White"
    assert demo["4"].sex == "Non-binary" and demo["4"].race is None
    assert demo["5"].race is None  # not an EEO-1 category: unknown, never guessed
    (tmp_path / "dup.csv").write_text("id,sex,race\n1,F,White\n1,M,White\n")
    with pytest.raises(FairnessError, match="F132"):
        load_demographics(tmp_path / "dup.csv")


@pytest.mark.parametrize("value,expected", [
    ("American Indian or Alaska Native", "Native American or Alaska Native"),
    ("Native Hawaiian or Other Pacific Islander", "Native Hawaiian or Pacific Islander"),
    ("Two or more races", "Two or More Races"), ("  asian ", "Asian"), ("prefer not to say", None),
])
def test_results_readers_race_aliases(value, expected):
    assert normalise_race(value) == expected


def test_results_readers_sex_aliases():
    assert [normalise_sex(v) for v in ("M", "woman", "", None, "declined")] == \
        ["Male", "Female", None, None, None]
