"""Title normalisation: cleaning, the O*NET index, text disambiguation, corpora."""

from __future__ import annotations

import csv

import pytest

from skillmix.errors import ConfigError
from skillmix.occupations import (
    TitleIndex,
    TitleNormaliser,
    clean_title,
    load_onet_titles,
    normalise_title,
    title_variants,
)
from skillmix.occupations.corpus import titles_of_corpus


def test_clean_title_drops_level_words_and_expands_abbreviations() -> None:
    assert clean_title("Sr. Mktg Coord. (Remote)") == ("marketing", "coordinator")
    assert clean_title("Marketing Coordinator II") == ("marketing", "coordinator")
    assert clean_title("Staff Accountant") == ("accountant",)
    assert clean_title("Admin Assistant") == ("administrative", "assistant")
    assert clean_title("System Admin") == ("system", "administrator")


def test_clean_title_keeps_a_level_word_that_is_the_head() -> None:
    assert clean_title("Trade Review Principal")[-1] == "principal"


def test_clean_title_gendered_and_british_forms_meet() -> None:
    assert clean_title("Waitress") == clean_title("Waiter")
    assert clean_title("Chairwoman") == clean_title("Chairman")
    assert clean_title("Counsellor") == clean_title("Counselor")


def test_clean_title_reorders_of_phrases() -> None:
    assert clean_title("Director of Sales") == clean_title("Sales Director")
    assert clean_title("Manager of Human Resources") == clean_title("HR Manager")


def test_title_variants_split_places_and_shifts() -> None:
    keys = [v.key for v in title_variants("Registered Nurse - Dallas, TX - PT Nights")]
    assert "registered nurse" in keys
    assert all("night" not in k for k in keys)


def test_normalise_title_exact_and_abbreviated() -> None:
    assert normalise_title("Software Engineer").candidates[0].detailed == "15-1252"
    m = normalise_title("Sr. Mktg Coord. (Remote)")
    assert m.cleaned == "marketing coordinator"
    assert m.candidates[0].matched == "Marketing Coordinator"
    assert m.candidates[0].major in {"11", "13", "27", "41"}
    assert len(m.candidates) == 5
    assert all(0.0 <= c.score <= 1.0 for c in m.candidates)
    assert [c.score for c in m.candidates] == sorted((c.score for c in m.candidates), reverse=True)


def test_normalise_title_corrects_a_misspelling() -> None:
    m = normalise_title("CNC Machinsits Needed")
    assert "51-4041" in {c.detailed for c in m.candidates}


def test_normalise_uses_the_posting_text_for_a_bare_title() -> None:
    pr = ("You will write press releases and speeches, pitch journalists and reporters, manage "
          "media relations and the public relations calendar, plan press conferences and "
          "interviews, draft statements for executives, monitor news coverage and public opinion, "
          "advise clients on their reputation and image, handle crisis communications, prepare "
          "annual reports and newsletters, coordinate sponsorships and community events, and "
          "supervise publicists and communications staff working on campaigns for nonprofit, "
          "political and corporate clients.")
    food = ("Run the restaurant floor: schedule kitchen and dining room staff, order food and "
            "beverage supplies, check food safety and sanitation, count inventory, set menu "
            "prices with the chef, train cooks, servers, hosts and dishwashers, monitor portion "
            "sizes and food costs, inspect equipment and coolers, greet guests and handle their "
            "complaints, keep payroll and cash register records, meet health inspectors, plan "
            "catering for banquets and private parties, and recruit and evaluate waiters, "
            "bartenders and cashiers for the cafe and bar.")
    n = TitleNormaliser()
    assert n.normalise("Manager", pr).candidates[0].detailed == "11-2032"
    assert n.normalise("Manager", food).candidates[0].detailed == "11-9051"
    assert n.normalise("Manager", food).used_text


def test_normalise_flags_title_and_text_that_disagree() -> None:
    code = ("Design, write and test backend services and web applications in Python, Java and Go, "
            "review code, maintain our Kubernetes deployment, Docker images and CI pipelines, "
            "debug software in production, write unit tests, design database schemas and SQL "
            "queries, document APIs, analyze user requirements, estimate programming effort, "
            "refactor legacy modules, profile performance, automate builds with Git and Jenkins, "
            "and work with product managers on the software architecture of our platform.")
    m = TitleNormaliser().normalise("Barista", code)
    assert m.disagrees
    assert m.text_soc is not None and m.text_soc[:2] == "15"
    assert not TitleNormaliser().normalise("Software Engineer", code).disagrees


def test_normalise_rejects_bad_parameters() -> None:
    with pytest.raises(ConfigError):
        TitleNormaliser(k=0)
    with pytest.raises(ConfigError):
        TitleNormaliser(text_weight=1.5)


def test_index_exclude_holds_titles_out() -> None:
    held = clean_title("Software Engineer")
    index = TitleIndex(exclude=lambda e, words: words == held)
    assert held not in set(index.words)
    assert len(index) < len(TitleIndex())
    m = TitleNormaliser(index=index).normalise("Software Engineer")
    assert all(clean_title(c.matched) != held for c in m.candidates if c.matched)


def test_shipped_titles_cover_every_kind() -> None:
    kinds = {e.kind for e in load_onet_titles()}
    assert kinds == {"occupation", "alternate", "short", "reported"}
    assert sum(e.kind == "occupation" for e in load_onet_titles()) > 1000


def test_normalise_many_never_drops_an_item() -> None:
    from skillmix.batch import BatchReport

    rep = BatchReport()
    out = list(TitleNormaliser().normalise_many(["Nurse", ("Sales Rep", "sell things"), ""], report=rep))
    assert len(out) == 3 and rep.done == 3
    assert out[2].candidates == ()


def test_titles_of_corpus_one_row_per_posting(tmp_path) -> None:
    path = tmp_path / "jobs.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "description"])
        w.writerow(["a1", "Registered Nurse", "Care for patients on the ward."])
        w.writerow(["a2", "Social Media Coordinator", "Plan Instagram and TikTok posts."])
    rows = list(titles_of_corpus(path, preset="generic"))
    assert [r.document for r in rows] == ["a1", "a2"]
    d = rows[0].to_dict()
    assert d["soc"].startswith("29-1141") and len(d["candidates"]) == 5
    assert set(d["candidates"][0]) == {"soc", "title", "score"}


def test_normalise_never_fails_on_odd_titles() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    n = TitleNormaliser()

    @settings(max_examples=150, deadline=None)
    @given(st.text(max_size=60))
    def check(title: str) -> None:
        m = n.normalise(title)
        assert len(m.candidates) <= 5
        assert all(0.0 <= c.score <= 1.0 for c in m.candidates)

    check()


def test_clean_title_drops_a_seconds_word_before_a_manager_head() -> None:
    assert clean_title("Assistant Store Manager") == clean_title("Store Manager")
    assert clean_title("Deputy Manager StocktononTees")[0] == "manager"
    assert clean_title("Assistant Director of Nursing") == clean_title("Nursing Director")
    assert clean_title("Deputy Sheriff") == ("deputy", "sheriff")
    assert clean_title("Administrative Assistant") == ("administrative", "assistant")


def test_clean_title_keeps_the_job_before_to_the_boss() -> None:
    assert clean_title("Executive Assistant to the CEO") == clean_title("Executive Assistant")
    assert clean_title("PA to MD") == clean_title("Personal Assistant")
    assert normalise_title("PA to MD").soc.startswith("43-")


def test_index_an_unknown_word_weighs_like_the_rarest_word() -> None:
    """A title the index only partly knows ("Linux RedHat Engineer") does not match a bare
    "Engineer" as well as the title "Engineer" itself does."""
    idx = TitleNormaliser().index_
    assert "redhat" not in idx.idf
    bare = max(idx.search(("engineer",)))[0]
    partly = max(idx.search(("redhat", "engineer")))[0]
    assert partly < 0.8 * bare
    assert idx.mass(("redhat",)) >= max(idx.idf.values()) ** 2


def test_index_title_keeps_an_onet_title_cleaning_would_shrink_to_its_head() -> None:
    """ "Shift Manager" and "IS Manager" are no bare "Manager" in the index: shrunk, they
    matched any bare "Manager" exactly and handed it to their occupation."""
    from skillmix.occupations.clean import index_title

    assert clean_title("Shift Manager") == ("manager",)
    assert index_title("Shift Manager") == ("shift", "manager")
    assert index_title("IS Manager") == ("information", "system", "manager")
    assert index_title("Civil PM") == ("civil", "project", "manager")
    assert index_title("Registered Nurse") == clean_title("Registered Nurse")
    assert index_title("Administrator (Admin)") == ("administrator",)  # bare in O*NET too
    idx = TitleNormaliser().index_
    bare = [idx.entries[e].title for s, e in idx.search(("manager",)) if idx.words[e] == ("manager",)]
    assert "Shift Manager" not in bare and "IS Manager" not in bare


def test_clean_title_uk_nursing_abbreviations_and_part_time() -> None:
    assert clean_title("RGN") == clean_title("Registered Nurse")
    assert clean_title("RMN") == clean_title("Mental Health Nurse")
    assert clean_title("QSW") == clean_title("Social Worker")
    assert "t" not in clean_title("Retailer P/T") and clean_title("Retailer P/T") == ("retailer",)
    assert normalise_title("RGN/RMN Nursing Home South Shields").soc.startswith("29-1141")
