"""Normaliser version 6: British titles and the O*NET titles postings read otherwise.

Each case is a general form read on the coded development postings, tested on its own
wording: a title cleaning shrinks to its head keeps its job words ("Contract
Administrator"), a British head takes its British sense ("Warehouse Administrator"), a word
said twice keeps the head last ("Nurse (RGN)"), titles O*NET files elsewhere are moved or
added (``extra_titles.yaml``), and ``title_level`` keeps a title naming no manager from
matching a management occupation as strongly as one that does.
"""

from __future__ import annotations

import pytest

from skillmix.errors import ConfigError
from skillmix.occupations import TitleNormaliser, clean_title, load_onet_titles, title_variants
from skillmix.occupations.index import indexed_titles


def _variants(title: str) -> dict[str, str]:
    return {v.key: v.part for v in title_variants(title)}


def test_clean_title_health_care_meets_healthcare() -> None:
    assert clean_title("Health Care Assistant") == clean_title("Healthcare Assistant") == clean_title("HCA")


def test_clean_title_a_word_said_twice_keeps_the_head_last() -> None:
    assert clean_title("Nurse (RGN)") == ("registered", "nurse")
    assert clean_title("RMN or RNLD")[-1] == "nurse"
    assert clean_title("Sales Manager") == ("sale", "manager")


def test_title_variants_keep_job_words_where_cleaning_leaves_a_bare_head() -> None:
    """The index keeps "Contract Administrator" whole (``index_title``); the query does too,
    its bare head a weaker variant, and only where cleaning would leave the head alone."""
    assert clean_title("Contract Administrator") == ("administrator",)
    assert _variants("Contract Administrator") == {"contract administrator": "whole", "administrator": "bare"}
    assert "bare" not in _variants("Contract Java Developer").values()
    assert TitleNormaliser().normalise("Contract Administrator").soc.startswith("13-1023")
    assert TitleNormaliser().normalise("Nurse Job").soc.startswith("29-1141")


def test_title_variants_add_the_british_sense_of_a_head() -> None:
    assert _variants("Warehouse Administrator") == {"warehouse administrator": "whole", "warehouse clerk": "british"}
    assert _variants("Sales Executive")["sale representative"] == "british"
    assert "british" not in _variants("Administrator").values()  # a head alone has no context
    nz = TitleNormaliser()
    assert nz.normalise("Warehouse Administrator").candidates[0].major == "43"  # an office clerk
    # an exact O*NET match keeps the sense O*NET gives it
    assert nz.normalise("Database Administrator").soc.startswith("15-1242")
    assert nz.normalise("Hospital Administrator").soc.startswith("11-9111")


def test_index_moves_and_adds_titles_postings_read_otherwise() -> None:
    by_title: dict[str, set[str]] = {}
    for e in indexed_titles():
        by_title.setdefault(e.title, set()).add(e.soc[:7])
    assert by_title["Back End Developer"] == {"15-1252"}
    assert by_title["Back-End Web Developer"] == {"15-1254"}
    assert "31-1122" in by_title["Support Worker"] and "13-1082" in by_title["Program Manager"]
    # O*NET's own list is untouched (the char n-gram baseline and the dev split use it)
    assert {e.soc[:7] for e in load_onet_titles() if e.title == "Back End Developer"} == {"15-1254"}
    nz = TitleNormaliser()
    assert nz.normalise("Backend Developer").soc.startswith("15-1252")
    assert nz.normalise("Support Worker Job Skipton").soc.startswith("31-1122")
    assert nz.normalise("Senior Care Assistant").soc.startswith("31-1122")  # not an animal caretaker
    assert nz.normalise("Family Support Worker").candidates[0].major == "21"


def test_title_level_shrinks_a_management_match_for_a_title_naming_no_manager() -> None:
    def scores(title_level: float, title: str) -> dict[str, float]:
        match = TitleNormaliser(k=20, title_level=title_level).normalise(title)
        return {c.detailed: c.score for c in match.candidates}

    off, on = scores(0.0, "Business Development Executive"), scores(0.3, "Business Development Executive")
    assert on["11-2022"] == pytest.approx(0.7 * off["11-2022"])  # Sales Managers: title score shrunk
    assert on["13-1161"] == pytest.approx(off["13-1161"])  # Marketing Specialists: untouched
    assert max(on, key=on.__getitem__)[:2] != "11"
    # a manager's title is not touched where O*NET's title names a manager too
    assert scores(0.3, "Sales Manager")["11-2022"] == pytest.approx(scores(0.0, "Sales Manager")["11-2022"])


def test_title_level_must_lie_in_0_1() -> None:
    with pytest.raises(ConfigError):
        TitleNormaliser(title_level=-0.1)
    assert TitleNormaliser(title_level=0.15).get_params()["title_level"] == 0.15
