"""A small audit worked out by hand.

85 applicants: 20 White men (10 selected), 20 White women (8), 20 Black men (6), 20 Black
women (4), 1 Asian woman (1), 4 with no demographics (0).

By hand: men 16/40 = 0.4, women 13/41; impact ratio of women (13/41) / (2/5) = 65/82 =
0.7926..., under four-fifths. Race: White 18/40 = 0.45, Black 10/40 = 0.25, Asian 1/1;
the single Asian applicant is 1/85 = 1.2 % of the sample, under 2 %, so flagged; kept,
she is the reference (ratio White 0.45, Black 0.25); excluded, White is (Black 0.25 /
0.45 = 5/9). Fisher's exact test of women vs men, table [[13, 28], [16, 24]].
"""

from __future__ import annotations

import math

import pytest

from skillmix.errors import FairnessError
from skillmix.fairness import Demographic, Outcome, audit_scores, audit_selection

from ._stats import fisher_two_sided

CELLS = [("Male", "White", 20, 10), ("Female", "White", 20, 8),
         ("Male", "Black or African American", 20, 6),
         ("Female", "Black or African American", 20, 4), ("Female", "Asian", 1, 1)]


def _example() -> tuple[list[Outcome], list[Demographic]]:
    outcomes, demo = [], []
    for sex, race, n, hits in CELLS:
        for i in range(n):
            cid = f"{sex[0]}{race[0]}{i}"
            outcomes.append(Outcome(cid, selected=i < hits))
            demo.append(Demographic(cid, sex, race))
    outcomes += [Outcome(f"u{i}", selected=False) for i in range(4)]
    return outcomes, demo


def test_audit_worked_example_by_hand():
    audit = audit_selection(*_example())
    sex = audit.table("sex")
    assert (sex.row("Male").n, sex.row("Male").hits, sex.row("Male").rate) == (40, 16, 0.4)
    assert (sex.row("Female").n, sex.row("Female").hits) == (41, 13)
    assert sex.row("Female").impact_ratio == 65 / 82
    assert sex.row("Female").four_fifths and not sex.row("Male").four_fifths
    assert sex.unknown == 4
    race = audit.table("race")
    assert race.reference == "Asian"
    assert race.row("Asian").small and race.row("Asian").share == 1 / 85
    assert not race.row("White").small
    assert race.row("White").impact_ratio == 0.45
    assert race.row("Black or African American").impact_ratio == 0.25
    hand_p = fisher_two_sided(13, 28, 16, 24)
    assert sex.row("Female").p_value == pytest.approx(hand_p, rel=1e-9)
    assert not sex.row("Female").significant  # p is about 0.49 at this size


def test_audit_worked_example_excluding_small_categories():
    race = audit_selection(*_example(), exclude_small=True).table("race")
    assert race.reference == "White"
    assert race.row("Asian").excluded and race.row("Asian").impact_ratio is None
    assert race.row("Black or African American").impact_ratio == 5 / 9


def test_audit_worked_example_fisher_by_hypergeometric_sums():
    # 10 men (6 selected) vs 10 women (3): the two-sided p-value is the mass of the
    # tables no likelier than the observed one: 1 - 2 * C(10,4) C(10,5) / C(20,9).
    outcomes = [Outcome(f"m{i}", selected=i < 6) for i in range(10)]
    outcomes += [Outcome(f"f{i}", selected=i < 3) for i in range(10)]
    demo = [Demographic(o.id, "Male" if o.id[0] == "m" else "Female", None) for o in outcomes]
    row = audit_selection(outcomes, demo).table("sex").row("Female")
    assert row.impact_ratio == 0.5
    hand = 1 - 2 * math.comb(10, 4) * math.comb(10, 5) / math.comb(20, 9)
    assert hand == pytest.approx(62120 / 167960)
    assert row.p_value == pytest.approx(hand, rel=1e-9)


def test_audit_worked_example_scoring_rate_uses_strictly_above_median():
    # scores 1..7: median 4; above it 5, 6, 7. Men hold 1, 2, 7; women 3, 4, 5, 6.
    men, women = [1, 2, 7], [3, 4, 5, 6]
    outcomes = [Outcome(f"m{s}", score=s) for s in men] + [Outcome(f"f{s}", score=s) for s in women]
    demo = [Demographic(o.id, "Male" if o.id[0] == "m" else "Female", "White") for o in outcomes]
    audit = audit_scores(outcomes, demo)
    assert audit.median == 4.0
    sex = audit.table("sex")
    assert sex.row("Male").rate == 1 / 3 and sex.row("Female").rate == 0.5
    assert sex.reference == "Female" and sex.row("Male").impact_ratio == (1 / 3) / 0.5


def test_audit_worked_example_rejects_bad_input():
    with pytest.raises(FairnessError, match="F121"):
        audit_selection([Outcome("a", selected=True), Outcome("a", selected=False)], [])
    with pytest.raises(FairnessError, match="F122"):
        audit_selection([Outcome("a", score=1.0)], [])
    with pytest.raises(FairnessError, match="F120"):
        audit_scores([], [])
