"""Occupation and pay aggregates of a market run, over a real DuckDB table."""

from __future__ import annotations

import pytest

from skillmix.market.occupation_tables import (
    has_occupations,
    median_interval,
    pay_by_area,
    pay_by_occupation,
    social_by_major_group,
    social_by_occupation,
)


@pytest.fixture()
def con():
    duckdb = pytest.importorskip("duckdb")
    c = duckdb.connect()
    c.execute("""CREATE TABLE postings (uid BIGINT, title VARCHAR, soc VARCHAR, soc_title VARCHAR,
                 soc_major VARCHAR, soc_disagrees BOOLEAN, requires_social BOOLEAN,
                 title_mentions_social BOOLEAN, areas VARCHAR[], pay_currency VARCHAR, pay_annual DOUBLE)""")
    rows = [
        (1, "Social Media Manager", "11-2021.00", "Marketing Managers", "11", False, True, True, ["marketing"], "USD", 60000.0),
        (2, "Marketing Manager", "11-2021.00", "Marketing Managers", "11", False, True, False, ["marketing", "technology"], "USD", 80000.0),
        (3, "Brand Manager", "11-2021.00", "Marketing Managers", "11", True, False, False, [], "USD", 70000.0),
        (4, "Nurse", "29-1141.00", "Registered Nurses", "29", False, False, False, [], "USD", None),
        (5, "Web Developer", "15-1254.00", "Web Developers", "15", False, True, False, ["technology"], "GBP", 40000.0),
    ]
    c.executemany("INSERT INTO postings VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    yield c
    c.close()


def test_occupation_tables_social_shares_and_hidden_titles(con) -> None:
    assert has_occupations(con)
    major = {r[0]: r for r in social_by_major_group(con).rows}
    assert major["11"][1] == "Management" and major["11"][2:6] == (3, 2, 0.6667, 1)
    assert major["15"][3] == 1 and major["29"][3] == 0
    occ = social_by_occupation(con).records()
    assert [r["soc"] for r in occ] == ["11-2021.00", "15-1254.00"]
    assert occ[0]["title_hides_it"] == 1 and occ[0]["title_text_disagree"] == 1


def test_occupation_tables_pay_by_occupation_and_area(con) -> None:
    pay = pay_by_occupation(con, min_n=3).records()
    assert len(pay) == 1 and pay[0]["median"] == 70000.0 and pay[0]["postings_with_pay"] == 3
    area = {(r["area"], r["currency"]): r for r in pay_by_area(con, min_n=1).records()}
    assert area[("(all postings)", "USD")]["postings_with_pay"] == 3
    assert area[("(requires social media)", "USD")]["postings_with_pay"] == 2
    assert area[("technology", "GBP")]["median"] == 40000.0


def test_median_interval_widens_for_few_values() -> None:
    assert median_interval([1.0, 2.0]) == (None, None)
    lo, hi = median_interval([float(x) for x in range(100)])
    assert lo < 49.5 < hi and hi - lo < 30


def test_market_run_writes_occupation_and_pay_columns(tmp_path) -> None:
    import csv

    pytest.importorskip("duckdb")
    from skillmix.market import MarketStore, build_report, run_market

    path = tmp_path / "jobs.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "description"])
        w.writerow(["a", "Registered Nurse", "Care for patients on the ward. Pay: $40 - $50 per hour."])
        w.writerow(["b", "Marketing Coordinator", "Plan and publish our Instagram and TikTok posts, "
                                                  "report engagement. Salary: $50,000 - $60,000 per year."])
    run_market([path], tmp_path / "run", workers=0, preset="generic")
    con = MarketStore(tmp_path / "run").connect()
    try:
        got = dict(con.execute("SELECT id, soc FROM postings").fetchall())
        pay = dict(con.execute("SELECT id, pay_annual FROM postings").fetchall())
    finally:
        con.close()
    assert got["a"].startswith("29-1141")
    assert pay == {"a": 45 * 2080.0, "b": 55000.0}
    names = {t.name for t in build_report(tmp_path / "run").tables}
    assert {"social_by_major_group", "social_by_occupation", "pay_by_occupation", "pay_by_area"} <= names
