"""Metric code of the ESCO-linking benchmark, checked against hand-computed values."""

from __future__ import annotations

import pytest

from skillmix.errors import ConfigError, DocumentError
from skillmix.link.evaluate import (
    evaluate_rankings,
    r_precision_at_k,
    read_benchmark,
    reciprocal_rank,
    run_benchmark,
)


def test_evaluate_r_precision_divides_by_min_of_k_and_gold() -> None:
    ranked = ["c", "a", "d", "b", "e"]
    assert r_precision_at_k(ranked, {"a", "b"}, 1) == 0.0
    assert r_precision_at_k(ranked, {"a", "b"}, 2) == 0.5
    assert r_precision_at_k(ranked, {"a", "b"}, 5) == 1.0
    six = {"a", "b", "c", "x", "y", "z"}
    assert r_precision_at_k(ranked, six, 5) == pytest.approx(3 / 5)
    assert r_precision_at_k(ranked, six, 10) == pytest.approx(3 / 6)


def test_evaluate_reciprocal_rank_of_first_gold() -> None:
    assert reciprocal_rank(["c", "a", "b"], {"a", "b"}) == 0.5
    assert reciprocal_rank(["x"], {"a"}) == 0.0


def test_evaluate_rankings_hand_example() -> None:
    rankings = [
        ["c", "a", "d", "b", "e"],  # gold a,b: RP@1 0, RP@5 1, RP@10 1, RR 1/2
        ["x", "y"],  # gold x: 1, 1, 1, RR 1
        ["q", "r", "s", "n1", "n2", "n3", "n4", "t", "n5", "n6"],  # gold q..v (6): RP@5 3/5, RP@10 4/6
    ]
    golds = [{"a", "b"}, {"x"}, {"q", "r", "s", "t", "u", "v"}]
    m = evaluate_rankings(rankings, golds)
    assert m["n"] == 3
    assert m["RP@1"] == pytest.approx(100 * (0 + 1 + 1) / 3)
    assert m["RP@5"] == pytest.approx(100 * (1 + 1 + 0.6) / 3)
    assert m["RP@10"] == pytest.approx(100 * (1 + 1 + 4 / 6) / 3)
    assert m["MRR"] == pytest.approx((0.5 + 1 + 1) / 3)


def test_evaluate_rejects_mismatched_lengths_and_empty_gold() -> None:
    with pytest.raises(ConfigError):
        evaluate_rankings([["a"]], [])
    with pytest.raises(ConfigError):
        r_precision_at_k(["a"], set(), 5)


def test_evaluate_read_benchmark_drops_unscorable_rows(tmp_path) -> None:
    f = tmp_path / "b.csv"
    f.write_text(
        "sentence,span,sub_span,label\n"
        "Know SQL and Java,SQL,,SQL\n"
        "Know SQL and Java,Java,,Java (computer programming)\n"
        "Know SQL and Java,SQL,,SQL\n"
        "Be nice,nice,,LABEL NOT PRESENT\n"
        "Lead teams,teams,,UNDERSPECIFIED\n",
        encoding="utf-8",
    )
    sents = read_benchmark(f)
    assert [s.sentence for s in sents] == ["Know SQL and Java"]
    assert sents[0].gold == {"SQL", "Java (computer programming)"}
    m = run_benchmark(lambda texts: [["SQL", "x", "Java (computer programming)"] for _ in texts], sents)
    assert m["RP@1"] == 100.0 and m["RP@5"] == 100.0 and m["MRR"] == 1.0
    assert m["sentences_per_second"] > 0


def test_evaluate_read_benchmark_reads_sentence_level_layout(tmp_path) -> None:
    f = tmp_path / "techwolf.csv"
    f.write_text(
        "sentence,label\n"
        "Manage the social media calendar,manage social media\n"
        "Manage the social media calendar,create content\n"
        "Manage the social media calendar,manage social media\n"
        "\"Say hi, please\",LABEL NOT PRESENT\n"
        "Write SQL,SQL\n",
        encoding="utf-8",
    )
    sents = read_benchmark(f)
    assert [s.sentence for s in sents] == ["Manage the social media calendar", "Write SQL"]
    assert sents[0].gold == {"manage social media", "create content"}
    assert sents[0].spans == () and sents[1].gold == {"SQL"}


def test_evaluate_read_benchmark_reports_bad_columns(tmp_path) -> None:
    f = tmp_path / "b.csv"
    f.write_text("text,label\nx,y\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"\[D302\]"):
        read_benchmark(f)


def test_link_public_api_sorted() -> None:
    import skillmix.link as link

    assert link.__all__ == sorted(link.__all__)
    assert all(hasattr(link, name) for name in link.__all__)
