"""Skill growth warns when its early and late months come from different corpus files
(a new-user trial read a 2024 LinkedIn sample against a 2025 Remotive one as growth)."""

from __future__ import annotations

import duckdb

from skillmix.market.aggregates import skill_growth


def _con(late_corpus: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE postings (uid BIGINT, corpus VARCHAR, month VARCHAR)")
    con.execute("CREATE TABLE mentions (uid BIGINT, skill_id VARCHAR, counts BOOLEAN)")
    rows = [(i, "/data/linkedin.csv", "2024-04") for i in range(10)]
    rows += [(10 + i, late_corpus, "2025-04") for i in range(10)]
    con.executemany("INSERT INTO postings VALUES (?, ?, ?)", rows)
    con.executemany("INSERT INTO mentions VALUES (?, 'seo', true)", [(i,) for i in range(3, 20)])
    return con


def test_growth_across_corpora_says_so() -> None:
    t = skill_growth(_con("/data/remotive.jsonl"), {"seo": "SEO"}, min_postings=1)
    assert "Caution: the early months come from linkedin.csv and the late months from " \
        "remotive.jsonl" in t.description
    assert t.rows  # the figures are still given


def test_growth_within_one_corpus_has_no_caution() -> None:
    t = skill_growth(_con("/data/linkedin.csv"), {"seo": "SEO"}, min_postings=1)
    assert "Caution" not in t.description and t.rows
