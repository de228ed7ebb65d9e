"""The text may not lift an occupation to another level than the one the title names."""

from __future__ import annotations

import pytest

from skillmix.errors import ConfigError
from skillmix.occupations import TitleNormaliser
from skillmix.occupations.clean import is_manager_title

MARKETING = (
    "Plan and run our marketing campaigns and promotions, develop the marketing strategy and "
    "budget, brief the advertising agency, analyse market research on customer demand and "
    "pricing, and lead the brand and product marketing plans with the sales team."
)
CARE_HOME = (
    "Manage the day-to-day running of our 50-bed nursing home: care planning for elderly "
    "residents, personal care, bathing, dressing and feeding residents, medication rounds, "
    "supporting care assistants and home care staff, keeping care records for inspections."
)


def _scores(level: float, title: str, text: str) -> dict[str, float]:
    match = TitleNormaliser(k=10, level=level).normalise(title, text)
    return {c.soc: c.score for c in match.candidates}


def test_is_manager_title_reads_the_titles_own_words() -> None:
    for title in ("Sr. Mktg Mgr", "Head of Sales", "Deputy Home Manager", "VP, Engineering",
                  "Chief Operating Officer", "Team Leader Residential Childcare"):
        assert is_manager_title(title), title
    for title in ("Sales and Marketing Assistant", "Contract Administrator", "Executive Assistant",
                  "Senior Platform Engineer", "Account Executive"):
        assert not is_manager_title(title), title


def test_is_manager_title_an_account_or_case_manager_manages_no_one() -> None:
    for title in ("Telephone Account Manager", "Key Accounts Manager", "Case Mgr", "Account Manager - Remote"):
        assert not is_manager_title(title), title
    for title in ("Account Director", "Sales Manager", "Case Management Supervisor", "Accounts Payable Manager"):
        assert is_manager_title(title), title


def test_level_keeps_the_text_from_lifting_a_manager_over_an_assistant() -> None:
    off, on = _scores(0.0, "Sales and Marketing Assistant", MARKETING), _scores(0.5, "Sales and Marketing Assistant", MARKETING)
    assert on["11-2021.00"] < off["11-2021.00"]  # Marketing Managers: text support halved
    assert on["13-1161.00"] == pytest.approx(off["13-1161.00"])  # Marketing Specialists: untouched


def test_level_keeps_the_text_from_lifting_a_care_worker_over_a_home_manager() -> None:
    off, on = _scores(0.0, "Home Manager", CARE_HOME), _scores(0.5, "Home Manager", CARE_HOME)
    assert on.get("31-1121.00", 0.0) < off["31-1121.00"]  # Home Health Aides, via "Home Attendant"
    assert on["11-9111.00"] == pytest.approx(off["11-9111.00"])  # Medical and Health Services Managers


def test_level_without_text_changes_nothing() -> None:
    assert _scores(0.0, "Marketing Assistant", "") == _scores(1.0, "Marketing Assistant", "")


def test_level_must_lie_in_0_1() -> None:
    with pytest.raises(ConfigError):
        TitleNormaliser(level=1.5)
    assert TitleNormaliser(level=0.25).get_params()["level"] == 0.25
