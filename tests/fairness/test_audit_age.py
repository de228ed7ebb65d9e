"""The age dimension of the audit (ADEA: 40 and over), read only from the user's file.

Closed form. Ages 20..59, ten people at each age; at age a, 1 + (59 - a) // 5 of them are
selected (8 at 20-24, 7 at 25-29, ... 1 at 55-59). By hand: under 40, 5 x (8 + 7 + 6 + 5) =
130 of 200 = 13/20; 40 and over, 5 x (4 + 3 + 2 + 1) = 50 of 200 = 1/4; the impact ratio
of 40 and over is (1/4) / (13/20) = 5/13, under four-fifths. Nine more people give no
usable age (a refusal, an impossible age, a band across 40...), five of them selected,
and 60 have no demographics row, none selected: 185 of 469 selected, under half, so with
scores 1 and 0 the median is 0 and the scoring audit gives the same rates.

Worked example. Twelve applicants aged 23, 31, 38, 39 (two of them selected), 40, 41, 45,
52, 58, 63 (one selected: the 41-year-old), one who prefers not to say and one given as
101. Under 40: 2/4 = 1/2; 40 and over: 1/6; impact ratio 1/3. Fisher's test of 40 and over
against under 40, table [[1, 5], [2, 2]], 3 selected of 10: the tables' probabilities are
C(6, x) C(4, 3 - x) / C(10, 3) = 4, 36, 60, 20 (/120) for x = 0..3; the observed x = 1 has
36, and the tables no likelier are x = 0, 1, 3: p = 60/120 = 1/2.
"""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from skillmix.errors import FairnessError
from skillmix.fairness import (AGE_GROUPS, Demographic, Outcome, audit_scores, audit_selection,
                               load_demographics, load_outcomes, to_csv, to_json)
from skillmix.fairness.demographics import normalise_age, normalise_birth_year
from skillmix.fairness.report import render_html

from ._stats import fisher_two_sided

UNDER, OVER = AGE_GROUPS
DATA = Path(__file__).parent / "data"
UNUSABLE_AGES = ["prefer not to say", "130", "12", "", "n/a", "?", "42.5", "declined", "-1"]


def _selected_at(age: int) -> int:
    return 1 + (59 - age) // 5


def _population() -> tuple[list[Outcome], list[Demographic]]:
    outcomes, demo = [], []
    for age in range(20, 60):
        for i in range(10):
            cid = f"a{age}-{i}"
            selected = i < _selected_at(age)
            outcomes.append(Outcome(cid, score=float(selected), selected=selected))
            demo.append(Demographic(cid, age_group=UNDER if age < 40 else OVER))
    for i in range(9):
        outcomes.append(Outcome(f"u{i}", score=float(i < 5), selected=i < 5))
        demo.append(Demographic(f"u{i}"))
    outcomes += [Outcome(f"none{i}", score=0.0, selected=False) for i in range(60)]
    return outcomes, demo


EXPECTED = {UNDER: Fraction(13, 20), OVER: Fraction(1, 4)}


@pytest.fixture(scope="module")
def audits():
    outcomes, demo = _population()
    return audit_selection(outcomes, demo), audit_scores(outcomes, demo)


@pytest.mark.parametrize("which", [0, 1])
def test_audit_age_closed_form_rates_and_ratios_to_the_last_digit(audits, which):
    table = audits[which].table("age")
    assert [r.category for r in table.rows] == [OVER, UNDER]  # same n: by name
    for cat, rate in EXPECTED.items():
        row = table.row(cat)
        assert row.n == 200
        assert row.hits == rate * 200
        assert row.rate == float(rate)  # exact float equality, not approx
        assert row.impact_ratio == float(rate / EXPECTED[UNDER])
    over = table.row(OVER)
    assert over.impact_ratio == 5 / 13 and over.four_fifths
    assert table.reference == UNDER and table.row(UNDER).p_value is None
    assert over.p_value == pytest.approx(fisher_two_sided(50, 150, 130, 70), rel=1e-9)
    assert over.significant
    assert table.unknown == 9 + 60


def test_audit_age_closed_form_counts(audits):
    sel, score = audits
    assert sel.total == 469 and sel.hits == 185 and sel.missing_demographics == 60
    assert score.median == 0.0
    # age is its own table; the LL144 intersections stay sex x race (nobody has either)
    assert [t.dimension for t in sel.tables] == ["sex", "race", "intersection", "age"]
    assert sel.table("intersection").rows == ()
    assert [r.dimension for r in sel.flagged()] == ["age"]


def _band(age: int) -> str:
    low = age - age % 5
    return f"{low}-{low + 4}"


def test_audit_age_closed_form_through_the_reader_in_every_form(tmp_path):
    """The same population written as a CSV, each person's age in one of the three forms
    (an age, a birth year on 31 December 2026, a five-year band), gives the same table."""
    outcomes, demo = _population()
    lines = ["id,age,birth_year,age_band"]
    k = 0
    for d in demo:
        if d.id.startswith("u"):
            value = UNUSABLE_AGES[int(d.id[1:])]
            lines.append(f"{d.id},{value},," if k % 2 else f"{d.id},,,{value}")
        else:
            age = int(d.id[1:3])
            form = [f"{age},,", f",{2026 - age},", f",,{_band(age)}"][k % 3]
            lines.append(f"{d.id},{form}")
        k += 1
    (tmp_path / "d.csv").write_text("\n".join(lines) + "\n")
    read = load_demographics(tmp_path / "d.csv", as_of=date(2026, 12, 31))
    assert {d.id: d.age_group for d in demo} == {k: v.age_group for k, v in read.items()}
    assert audit_selection(outcomes, read).table("age") == \
        audit_selection(outcomes, demo).table("age")


def _worked() -> tuple[list[Outcome], list[Demographic]]:
    ages = [23, 31, 38, 39, 40, 41, 45, 52, 58, 63, "prefer not to say", 101]
    selected = {31, 39, 41}
    outcomes = [Outcome(f"p{i}", selected=a in selected) for i, a in enumerate(ages)]
    demo = [Demographic(f"p{i}", age_group=normalise_age(a)) for i, a in enumerate(ages)]
    return outcomes, demo


def test_audit_age_worked_example_by_hand():
    table = audit_selection(*_worked()).table("age")
    under, over = table.row(UNDER), table.row(OVER)
    assert (under.n, under.hits, under.rate) == (4, 2, 0.5)
    assert (over.n, over.hits, over.rate) == (6, 1, 1 / 6)
    assert over.impact_ratio == 1 / 3 and over.four_fifths
    assert under.impact_ratio == 1.0 and not under.four_fifths
    assert table.unknown == 2
    assert over.share == 0.5 and not over.small
    assert over.p_value == pytest.approx(0.5, rel=1e-9)
    assert fisher_two_sided(1, 5, 2, 2) == pytest.approx(0.5)  # the docstring's sum
    assert not over.significant


@pytest.mark.parametrize("value,expected", [
    (42, OVER), ("42", OVER), (" 39 ", UNDER), (40, OVER), (39, UNDER), (42.0, OVER),
    ("42 years", OVER), (14, UNDER), (100, OVER),
    ("40+", OVER), ("40 and over", OVER), ("40 or older", OVER), ("Age 40+", OVER),
    ("40 years and over", OVER), ("≥40", OVER), (">39", OVER), ("over 39", OVER),
    ("55 and over", OVER), ("65+ years", OVER), ("45-54", OVER), ("45–54", OVER),
    ("50 to 59", OVER), ("under 40", UNDER), ("Under 40", UNDER), ("<40", UNDER),
    ("below 40", UNDER), ("39 and under", UNDER), ("<=39", UNDER), ("18-24", UNDER),
    ("25 to 34", UNDER), ("0-39", UNDER), ("42yo", OVER), ("42yrs", OVER), ("39y/o", UNDER),
])
def test_audit_age_normalises_ages_and_bands(value, expected):
    assert normalise_age(value) == expected


@pytest.mark.parametrize("value", [
    None, "", "  ", "prefer not to say", "Declined", "n/a", "unknown", "?", True,
    13, 101, "-3", 130, "42.5", 39.5, "forty", "abc", "35-44", "30-49", "44-35", "under 14",
    "over 100", "under 50", "1984", float("nan"),
])
def test_audit_age_unknown_ages_are_never_guessed(value):
    assert normalise_age(value) is None


@pytest.mark.parametrize("year,on,expected", [
    (1987, date(2026, 6, 15), UNDER),   # 38 or 39
    (1986, date(2026, 6, 15), None),    # 39 or 40: which, the year does not say
    (1986, date(2026, 12, 31), OVER),   # 40 on the last day of the year, whatever the day
    (1985, date(2026, 1, 1), OVER),     # 40 or 41
    ("1985.0", date(2026, 6, 15), OVER),
    (2013, date(2026, 6, 15), None),    # 12 or 13: under 14 either way
    (2012, date(2026, 6, 15), UNDER),   # 13 or 14: an age that can be, so read
    (1924, date(2026, 6, 15), None),    # 101 or 102
    (1925, date(2026, 6, 15), OVER),    # 100 or 101
    (2030, date(2026, 6, 15), None),    # not born yet
    ("85", date(2026, 6, 15), None),    # the century would be a guess
    ("1985-04-12", date(2026, 6, 15), None), ("", date(2026, 6, 15), None),
    ("prefer not to say", date(2026, 6, 15), None),
])
def test_audit_age_birth_years_on_the_audit_date(year, on, expected):
    assert normalise_birth_year(year, on) == expected


def test_audit_age_birth_year_defaults_to_today():
    this_year = date.today().year
    assert normalise_birth_year(this_year - 60) == OVER
    assert normalise_birth_year(this_year - 25) == UNDER


def test_audit_age_reader_columns_and_precedence(tmp_path):
    (tmp_path / "d.csv").write_text(
        "Candidate_ID,Gender,Race,Age,Year_of_Birth,Age_Group\n"
        "a,F,White,34,1950,\n"          # disagree: the stated age wins
        "b,M,White,,1950,under 40\n"    # no age: the birth year before the band
        "c,F,White,prefer not to say,,40+\n"
        "d,M,White,130,1990,\n"         # an impossible age is unknown: the birth year decides
        "e,F,White,35-44,,\n"           # a band in the age column, across 40: unknown
        "f,M,White,,,\n")
    demo = load_demographics(tmp_path / "d.csv", as_of=date(2026, 6, 15))
    assert {k: v.age_group for k, v in demo.items()} == {
        "a": UNDER, "b": OVER, "c": OVER, "d": UNDER, "e": None, "f": None}
    assert (demo["a"].sex, demo["a"].race) == ("Female", "White")


def test_audit_age_reader_json_and_jsonl_and_named_columns(tmp_path):
    rows = [{"id": "a", "age": 45}, {"id": "b", "age": 45.0}, {"id": "c", "age": None},
            {"id": "d", "age": "29"}, {"id": "e", "age": [45]}]
    (tmp_path / "d.json").write_text(json.dumps({"candidates": rows}))
    demo = load_demographics(tmp_path / "d.json")
    assert [demo[k].age_group for k in "abcde"] == [OVER, OVER, None, UNDER, None]
    (tmp_path / "d.jsonl").write_text('{"id": "a", "born": 1950}\n{"id": "b", "born": 2001}\n')
    demo = load_demographics(tmp_path / "d.jsonl", birth_year_field="born",
                             as_of=date(2026, 6, 15))
    assert [demo[k].age_group for k in "ab"] == [OVER, UNDER]


def test_audit_age_fixture_by_hand():
    """tests/fairness/data/demographics_age.csv: the ranking's top 10 hold 8 of the 20
    people under 40 and 2 of the 16 aged 40 and over; 4 give no usable age (a blank, a
    refusal, '35-44', 130). cand-025 gives age 34 and birth year 1950: the age wins."""
    outcomes = load_outcomes(DATA / "ranking.json", top=10)
    demo = load_demographics(DATA / "demographics_age.csv")
    assert demo["cand-025"].age_group == UNDER
    table = audit_selection(outcomes, demo).table("age")
    under, over = table.row(UNDER), table.row(OVER)
    assert (under.n, under.hits, over.n, over.hits, table.unknown) == (20, 8, 16, 2, 4)
    assert under.rate == 0.4 and over.rate == 0.125
    assert over.impact_ratio == 5 / 16 and over.four_fifths
    assert over.p_value == pytest.approx(fisher_two_sided(2, 14, 8, 12), rel=1e-9)
    # the sex and race tables are those of the file without the age columns
    plain = audit_selection(outcomes, load_demographics(DATA / "demographics.csv"))
    with_age = audit_selection(outcomes, demo)
    assert with_age.tables[:3] == plain.tables[:3]


def test_audit_age_no_age_information_is_said_not_tabled(tmp_path):
    """Like a file without a race column: the table is there with no rows and everyone
    unknown; the HTML says so in a sentence, the CSV has no age rows, nothing is an error
    (a column of blanks and refusals is the same)."""
    outcomes = load_outcomes(DATA / "ranking.json", top=10)
    (tmp_path / "refused.csv").write_text(
        "id,sex,age\n" + "".join(f"cand-{i:03d},F,{'' if i % 2 else 'declined'}\n"
                                  for i in range(1, 41)))
    for path in (DATA / "demographics.csv", tmp_path / "refused.csv"):
        audit = audit_selection(outcomes, load_demographics(path))
        age = audit.table("age")
        assert age.rows == () and age.unknown == 40 and age.reference is None
        assert not [r for r in audit.flagged() if r.dimension == "age"]
        assert ",age," not in to_csv([audit])
        data = json.loads(to_json([audit]))["audits"][0]
        assert {"dimension": "age", "rows": [], "unknown": 40, "reference": None} in data["tables"]
        html = render_html([audit])
        summary = html.split('id="public-summary"')[1].split('id="details"')[0]
        assert "Age (ADEA: 40 and over)" in summary
        assert "No one audited has a known age group" in summary
        assert html.count("No one audited has a known age group") == 2  # summary, details
        assert "Under 40" not in html


def test_audit_age_in_every_report(tmp_path):
    outcomes = load_outcomes(DATA / "ranking.json", top=10)
    audit = audit_selection(outcomes, load_demographics(DATA / "demographics_age.csv"))
    csv_text = to_csv([audit])
    assert "selection,age,Under 40,20,8,0.4," in csv_text
    assert "selection,age,40 and over,16,2,0.125," in csv_text
    html = render_html([audit])
    summary = html.split('id="public-summary"')[1].split('id="details"')[0]
    assert "Age (ADEA: 40 and over)" in summary and "40 and over" in summary
    assert "<td>Under 40</td><td>20</td><td>40.0%</td><td>1.000</td>" in summary
    assert "<td>40 and over</td><td>16</td><td>12.5%</td><td>0.312</td>" in summary
    assert "Age Discrimination in Employment Act" in summary
    assert "No one audited has a known age group" not in html


def test_audit_age_unreadable_column_is_a_coded_error(tmp_path):
    (tmp_path / "dob.csv").write_text("id,sex,birth_year\na,F,12/03/1985\nb,M,1990-01-31\n"
                                      "c,F,\n")
    with pytest.raises(FairnessError, match=r"F137.*dob\.csv.*'birth_year'.*12/03/1985"):
        load_demographics(tmp_path / "dob.csv")
    (tmp_path / "decimal.csv").write_text("id,age\na,41.7\nb,38.2\nc,prefer not to say\n")
    with pytest.raises(FairnessError, match=r"F137.*'age' holds no value that reads as an age"):
        load_demographics(tmp_path / "decimal.csv")
    (tmp_path / "band.json").write_text(json.dumps([{"id": "a", "age_group": "1 of 4"}]))
    with pytest.raises(FairnessError, match=r"F137.*'age_group'"):
        load_demographics(tmp_path / "band.json")
    (tmp_path / "years.csv").write_text("id,age\na,1984\nb,1990\n")  # birth years as ages
    with pytest.raises(FairnessError, match=r"F137.*'age'.*'1984'"):
        load_demographics(tmp_path / "years.csv")
    # one readable value is enough: the rest are unknown, as sex and race values are
    (tmp_path / "mixed.csv").write_text("id,age\na,41.7\nb,38\n")
    demo = load_demographics(tmp_path / "mixed.csv")
    assert (demo["a"].age_group, demo["b"].age_group) == (None, UNDER)
