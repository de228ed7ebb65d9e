"""A résumé with too little technology and communication evidence has no lean: the
balance says so, no imbalance flag fires and the balance costs the fit nothing (a
new-user trial's chef résumé came out "0.00 comm" and "Leans communicator: 0% of the skill
evidence is technical")."""

from __future__ import annotations

from datetime import date

import pytest

from skillmix.assess import MIN_BALANCE_EVIDENCE, assess, scorecard_markdown, scorecard_rows
from skillmix.extract import as_document

TODAY = date(2026, 1, 1)
CHEF = "resumes/livecareer/CHEF/10889157.pdf"


def _leans_flags(card) -> list[str]:
    return [f.message for f in card.red_flags if f.message.startswith("Leans ")]


def test_cards_balance_minimum_real_chef_resume_has_no_lean(shared_data):
    from skillmix.io import read_document

    path = shared_data / CHEF
    if not path.exists():
        pytest.skip(f"{path} not found")
    card = assess(read_document(path), today=TODAY)
    assert card.balance.tech + card.balance.comm < MIN_BALANCE_EVIDENCE
    assert card.balance.leans == "none"
    assert card.balance.factor == 1.0
    assert _leans_flags(card) == []
    assert scorecard_rows([card])[0]["balance"] == "not enough evidence"
    assert "not enough evidence to weigh the mix" in scorecard_markdown(card)


def test_cards_balance_minimum_one_comm_skill_is_not_a_lean():
    doc = as_document("EXPERIENCE\nLead Cook, Harbor Grill 2015 - Present\n"
                      "- Trained new kitchen staff and handled customer service at the pass\n",
                      "resume")
    card = assess(doc, today=TODAY)
    assert 0 < card.balance.tech + card.balance.comm < MIN_BALANCE_EVIDENCE
    assert card.balance.leans == "none" and card.balance.factor == 1.0
    assert _leans_flags(card) == []


def test_cards_balance_minimum_enough_one_sided_evidence_still_leans():
    doc = as_document(
        "EXPERIENCE\nCommunity Manager, Acme 2016 - Present\n"
        "- Wrote copy and press releases, ran community management and customer service\n"
        "- Public relations, event planning, public speaking and content writing\n", "resume")
    card = assess(doc, today=TODAY)
    assert card.balance.comm >= MIN_BALANCE_EVIDENCE and card.balance.tech == 0
    assert card.balance.leans == "comm" and card.balance.factor < 1.0
    assert any("Leans communicator" in m for m in _leans_flags(card))


def test_cards_balance_minimum_formula_names_the_constant() -> None:
    from skillmix.assess import FORMULA, MIN_BALANCE_EVIDENCE

    assert f"tech + comm evidence < {MIN_BALANCE_EVIDENCE:g}," in FORMULA
