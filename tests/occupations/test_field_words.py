"""Normaliser version 7: words that say which field a title is in, and British care titles.

Each case is a general form read on the coded development postings and tested on its own
wording: a title naming a software product is a computer occupation's ("Oracle Financial
Consultant" is no financial adviser); "management" names a field, not a manager's post
("Management Accountant"); a British "Registered Manager" or "Care Home Manager" runs a
care service (``extra_titles.yaml``).
"""

from __future__ import annotations

import pytest

from skillmix.errors import ConfigError
from skillmix.occupations import TitleNormaliser
from skillmix.occupations.records import OccupationCandidate
from skillmix.occupations.clean import is_manager_title, names_technology
from skillmix.occupations.index import indexed_titles

ORACLE_TEXT = (
    "Implement and support Oracle E-Business Suite Financials for our clients: analyse the "
    "users' system requirements, configure and test the software modules, write SQL queries "
    "and reports, troubleshoot application incidents and plan upgrades with the database "
    "administrators and the finance team. You will document functional designs, map business "
    "processes to the application, migrate data from legacy systems, train end users, run "
    "integration and regression testing, manage change requests and service tickets, and "
    "advise on security roles, workflows, interfaces and computer network performance."
)


def test_names_technology_reads_product_words_in_the_title() -> None:
    for title in ("Oracle Financial Consultant", "SAP EWM Consultant", "Senior UNIX Engineer Job in Belfast",
                  "Salesforce QA Engineer", "Java Developer", "UNIX / Linux Consultant"):
        assert names_technology(title), title
    for title in ("Financial Consultant", "Software Engineer", "Sales Executive", "Registered Nurse",
                  "Accountant"):
        assert not names_technology(title), title


def test_a_product_in_the_title_shrinks_occupations_outside_computing() -> None:
    def scores(title_level: float, level: float, title: str, text: str | None = None) -> dict[str, float]:
        match = TitleNormaliser(k=20, title_level=title_level, level=level).normalise(title, text)
        return {c.detailed: c.score for c in match.candidates}

    off, on = scores(0.0, 0.0, "Oracle Financial Consultant"), scores(0.3, 0.0, "Oracle Financial Consultant")
    assert on["13-2052"] == pytest.approx(0.7 * off["13-2052"])  # Personal Financial Advisors: shrunk
    for soc in set(on) & set(off):
        if soc.startswith("15-"):
            assert on[soc] == pytest.approx(off[soc])  # computer occupations: untouched
    # with the posting's text, the shipped defaults read it as a computer occupation
    match = TitleNormaliser().normalise("Oracle Financial Consultant", ORACLE_TEXT)
    assert match.candidates[0].major == "15"
    # the same title without the product is still a financial adviser's
    assert TitleNormaliser().normalise("Financial Consultant").soc.startswith("13-2052")


def test_is_manager_title_management_names_a_field_not_a_post() -> None:
    for title in ("Management Accountant", "Account Management / IT Sales", "Management Consultant",
                  "Managing Editor"):
        assert not is_manager_title(title), title
    for title in ("Managing Director", "Management Information Manager", "Head of Management Information"):
        assert is_manager_title(title), title


def test_index_adds_british_care_service_managers() -> None:
    by_title: dict[str, set[str]] = {}
    for e in indexed_titles():
        by_title.setdefault(e.title, set()).add(e.soc[:7])
    assert by_title["Registered Manager"] == {"11-9111"}
    assert by_title["Care Home Manager"] == {"11-9111"}
    nz = TitleNormaliser()
    assert nz.normalise("Registered Manager").soc.startswith("11-9111")
    assert nz.normalise("Care Home Manager RGN South Manchester").soc.startswith("11-9111")
    # a registered nurse is still a registered nurse
    assert nz.normalise("Registered Nurse").soc.startswith("29-1141")


TOUR_TEXT = (
    "Our tour accounts team looks after the accounts of touring bands: prepare tour invoices "
    "and tour budgets, post purchase invoices for each tour, reconcile the tour's bank "
    "statements and ledgers, pay promoters and suppliers, prepare VAT returns and month-end "
    "management accounts, and follow up outstanding fees with the tour managers and agents."
)


def test_head_shrinks_the_text_support_of_a_match_through_another_head_noun() -> None:
    def cands(head: float) -> dict[str, OccupationCandidate]:
        match = TitleNormaliser(k=40, head=head).normalise("Tour Accountant", TOUR_TEXT)
        return {c.detailed: c for c in match.candidates}

    off, on = cands(0.0), cands(0.5)
    guides = off["39-7012"]  # Travel Guides, reached through "Tour Operator"
    assert guides.matched == "Tour Operator" and off["13-2011"].matched == "Accountant"
    # a match through another head noun loses part of its text support; the head's own keeps it
    assert on["39-7012"].score < off["39-7012"].score
    assert on["39-7012"].title_score == pytest.approx(guides.title_score)
    assert on["13-2011"].score == pytest.approx(off["13-2011"].score)
    assert max(off.values(), key=lambda c: c.score).detailed == "39-7012"
    assert max(on.values(), key=lambda c: c.score).detailed == "13-2011"
    with pytest.raises(ConfigError):
        TitleNormaliser(head=1.5)
    assert TitleNormaliser().get_params()["head"] == 0.125


def test_level_a_first_line_supervisor_is_a_managers_level() -> None:
    text = ("Serve food and drinks at weddings and conferences, set and clear tables, wash glasses, "
            "keep the bar and the function rooms clean, and welcome guests at our hotel.")

    def score(title: str, level: float) -> float:
        match = TitleNormaliser(k=40, level=level, title_level=0.0).normalise(title, text)
        return {c.detailed: c.score for c in match.candidates}["39-1022"]  # First-Line Supervisors

    # the text may not lift a supervisor over a title naming no manager...
    assert score("Hospitality Assistant", 0.5) < score("Hospitality Assistant", 0.0)
    # ...and a supervisor's title keeps it
    assert score("Hospitality Supervisor", 0.5) == pytest.approx(score("Hospitality Supervisor", 0.0))


def test_text_terms_social_security_is_no_social_work() -> None:
    from skillmix.occupations.profiles import text_terms

    terms = text_terms("Advise clients on Social Security and retirement benefits.")
    assert "social" not in terms and "socialsecurity" in terms
    assert "social" in text_terms("Provide social work support to families.")
