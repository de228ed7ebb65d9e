"""The audit on a synthetic population whose rates are known in closed form.

Seven race categories j = 0..6, two sexes; each (sex, race) cell has n = 8 (j + 2) people.
Men in race j are selected at rate (j + 1) / 8, women at 1/2. So, by hand:

* sex: men 168 of 280 = 3/5, women 140 of 280 = 1/2 (plus 6 women of unknown race, 3
  selected: still 1/2); impact ratio of women 5/6;
* race j: (j + 2)(j + 5) of 16 (j + 2), rate (j + 5) / 16, impact ratio (j + 5) / 11,
  under four-fifths for j <= 3;
* intersections: men (j + 1) / 8 with ratio (j + 1) / 7, women 1/2 with ratio 4/7.

60 more people have no demographics row at all and none is selected, which keeps the
selected share under half: with scores 1 (selected) and 0 (not), the median is 0 and the
scoring audit must give the same rates as the selection audit.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from skillmix.fairness import RACES, Demographic, Outcome, audit_scores, audit_selection

from ._stats import fisher_two_sided, z_two_sided


def _population() -> tuple[list[Outcome], list[Demographic]]:
    outcomes, demo = [], []
    k = 0

    def add(sex: str | None, race: str | None, selected: bool, with_row: bool = True) -> None:
        nonlocal k
        cid = f"p{k:04d}"
        k += 1
        outcomes.append(Outcome(cid, score=1.0 if selected else 0.0, selected=selected))
        if with_row:
            demo.append(Demographic(cid, sex, race))

    for j, race in enumerate(RACES):
        n = 8 * (j + 2)
        for i in range(n):
            add("Male", race, i < (j + 1) * (j + 2))
            add("Female", race, i < n // 2)
    for i in range(6):
        add("Female", None, i < 3)
    for _ in range(60):
        add(None, None, False, with_row=False)
    return outcomes, demo


EXPECTED_SEX = {"Male": Fraction(3, 5), "Female": Fraction(1, 2)}
EXPECTED_RACE = {race: Fraction(j + 5, 16) for j, race in enumerate(RACES)}
EXPECTED_X = {**{f"{r} Male": Fraction(j + 1, 8) for j, r in enumerate(RACES)},
              **{f"{r} Female": Fraction(1, 2) for r in RACES}}


@pytest.fixture(scope="module")
def audits():
    outcomes, demo = _population()
    return audit_selection(outcomes, demo), audit_scores(outcomes, demo)


@pytest.mark.parametrize("which", [0, 1])
def test_audit_closed_form_rates_and_ratios_to_the_last_digit(audits, which):
    audit = audits[which]
    for dim, expected in (("sex", EXPECTED_SEX), ("race", EXPECTED_RACE),
                          ("intersection", EXPECTED_X)):
        table = audit.table(dim)
        best = max(expected.values())
        assert {r.category for r in table.rows} == set(expected)
        for cat, rate in expected.items():
            row = table.row(cat)
            assert row.rate == float(rate)  # exact float equality, not approx
            assert row.impact_ratio == float(rate / best)
            assert row.four_fifths == (rate / best < Fraction(4, 5))


def test_audit_closed_form_named_values(audits):
    sel, _ = audits
    assert sel.table("sex").row("Female").impact_ratio == 5 / 6
    race = sel.table("race")
    assert race.reference == RACES[6]
    for j, r in enumerate(RACES):
        assert race.row(r).impact_ratio == (j + 5) / 11
        assert race.row(r).four_fifths is (j <= 3)
    assert sel.table("intersection").row("Asian Female").impact_ratio == 4 / 7


def test_audit_closed_form_counts_unknowns(audits):
    sel, score = audits
    assert sel.total == 560 + 6 + 60
    assert sel.missing_demographics == 60
    assert sel.table("sex").unknown == 60
    assert sel.table("race").unknown == 66
    assert sel.table("intersection").unknown == 66
    assert sel.hits == 168 + 140 + 3
    assert score.median == 0.0
    assert not any(r.small for t in sel.tables for r in t.rows)


def test_audit_closed_form_p_values_match_textbook_formulas(audits):
    sel, _ = audits
    female, male = sel.table("sex").row("Female"), sel.table("sex").row("Male")
    assert male.p_value is None  # the reference
    expected = fisher_two_sided(female.hits, female.n - female.hits, male.hits, male.n - male.hits)
    assert female.p_value == pytest.approx(expected, rel=1e-9)
    outcomes, demo = _population()
    z = audit_selection(outcomes, demo, test="z").table("sex").row("Female")
    assert z.p_value == pytest.approx(z_two_sided(143, 286, 168, 280), rel=1e-9)
