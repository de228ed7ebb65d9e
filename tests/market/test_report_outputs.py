"""The report: figures that agree with the known corpus, and every output format written."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest

from skillmix.market import RunSettings, build_report, query, run_market, write_report

from .conftest import TEMPLATES, make_rows


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    from .conftest import write_corpus

    root = tmp_path_factory.mktemp("report")
    path = write_corpus(make_rows(150), root / "c.csv")
    run_market([path], root / "run", workers=0, settings=RunSettings(partition_size=50))
    return root / "run"


def test_report_headline_matches_known_corpus(run_dir: Path) -> None:
    r = build_report(run_dir)
    kinds = [row["kind"] for row in make_rows(150)]
    social = [k for k in kinds if TEMPLATES[k][2]]
    hidden = [k for k in social if k == "social_hidden"]
    h = r.headline
    assert h.postings == 150
    assert h.requires_social == len(social)
    assert h.social_title_hidden == len(hidden)
    assert h.social_title_hidden_share == pytest.approx(len(hidden) / len(social), abs=1e-4)
    titles = {row[0] for row in r.table("social_hidden_titles").rows}
    assert titles == {"Marketing Coordinator"}
    assert len(h.months) == 6


def test_report_lift_and_pmi_agree_with_direct_counts(run_dir: Path) -> None:
    r = build_report(run_dir)
    pairs = r.table("skill_pairs")
    assert pairs.rows
    sets: dict[int, set[str]] = {}
    for uid, skill in query(run_dir, "SELECT uid, skill_id FROM mentions WHERE counts")[1]:
        sets.setdefault(uid, set()).add(skill)
    n = query(run_dir, "SELECT count(*) FROM postings")[1][0][0]
    cols = pairs.columns
    for row in pairs.rows[:5]:
        rec = dict(zip(cols, row))
        a, b = rec["skill_a"], rec["skill_b"]
        na = sum(a in s for s in sets.values())
        nb = sum(b in s for s in sets.values())
        nab = sum(a in s and b in s for s in sets.values())
        assert rec["postings"] == nab
        assert rec["lift"] == pytest.approx(nab * n / (na * nb), rel=1e-3)
        assert rec["pmi"] == pytest.approx(math.log2(nab * n / (na * nb)), rel=1e-3)


def test_report_writes_html_json_csv_parquet(run_dir: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    report = build_report(run_dir)
    paths = write_report(report, tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text("utf-8")
    assert html.count("<svg") >= 4 and "<script" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    import re

    from lxml import etree

    for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
        etree.fromstring(svg.encode("utf-8"))  # every chart is well-formed XML
    data = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert data["headline"]["postings"] == 150
    for t in report.tables:
        with (tmp_path / "out" / "tables" / f"{t.name}.csv").open(encoding="utf-8") as fh:
            assert len(list(csv.reader(fh))) == len(t.rows) + 1
        assert pq.read_table(tmp_path / "out" / "tables" / f"{t.name}.parquet").num_rows == len(t.rows)
        assert data["tables"][t.name]["columns"] == list(t.columns)
    assert all(p.exists() for p in paths)


def test_report_convergence_needs_tech_and_comm(run_dir: Path) -> None:
    rows = query(run_dir, "SELECT areas, tech, comm, convergence FROM postings")[1]
    from skillmix.market.worker import area_sides

    sides = area_sides("builtin")
    for areas, tech, comm, conv in rows:
        s = {sides[a] for a in areas}
        assert tech == ("tech" in s) and comm == ("comm" in s) and conv == (tech and comm)


# ------------------------------------------------------------- postings without a date


@pytest.fixture(scope="module")
def partly_dated(tmp_path_factory) -> Path:
    """150 postings, every third one dated: as a 2013 Adzuna sample beside dated postings."""
    from .conftest import write_corpus

    root = tmp_path_factory.mktemp("partly_dated")
    rows = make_rows(150)
    for i, r in enumerate(rows):
        if i % 3:
            r["date"] = ""
    path = write_corpus(rows, root / "c.csv")
    run_market([path], root / "run", workers=0, settings=RunSettings(partition_size=50))
    return root / "run"


def test_report_says_how_many_postings_are_dated(partly_dated: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from skillmix.cli.main import cli
    from skillmix.market.report import dates_summary, render_html

    n, dated = query(partly_dated, "SELECT count(*), count(posted) FROM postings")[1][0]
    assert (n, dated) == (150, 50)
    note = "50 of 150 postings are dated"
    report = build_report(partly_dated)
    assert report.headline.dated == 50 and note in dates_summary(report.headline)
    for name in ("trends_monthly", "skills_growth"):  # the figures over dated postings only
        assert note in report.table(name).description
    assert sum(r["postings"] for r in report.table("trends_monthly").records()) == 50
    html = render_html(report)
    assert f"Posting dates: {report.headline.months[0]} to {report.headline.months[-1]}; {note}" in html
    assert f"<title>Trends by month ({note})</title>" in html
    assert json.loads(json.dumps(report.to_dict(), default=str))["headline"]["dated"] == 50
    res = CliRunner().invoke(cli, ["market", "report", str(partly_dated), "--out", str(tmp_path / "r")])
    assert res.exit_code == 0, res.output
    assert note in res.output and "trends by month" in res.output


def test_report_all_dated_says_so(run_dir: Path) -> None:
    from skillmix.market.report import dates_summary, trends_title

    h = build_report(run_dir).headline
    assert h.dated == h.postings == 150
    assert dates_summary(h).endswith("all 150 postings are dated") and trends_title(h) == "Trends by month"


# ------------------------------------------------ areas: prediction beside evidence


def test_report_areas_are_labelled_prediction_beside_extracted_evidence(run_dir: Path) -> None:
    from skillmix.market.learned import MarketModel
    from skillmix.market.report import render_html

    report = build_report(run_dir)
    t = report.table("area_shares")
    assert "prediction" in t.title and "cross-validated macro-F1" in t.description
    recs = {r["area"]: r for r in t.records()}
    model = MarketModel.load()
    assert set(recs) == set(model.areas)  # every area the classifier decides, none of the mentions' others
    n = query(run_dir, "SELECT count(*) FROM postings")[1][0][0]
    for area, rec in recs.items():
        predicted = query(run_dir, f"SELECT count(*) FROM postings WHERE list_contains(areas, '{area}')")[1][0][0]
        evidence = query(run_dir, f"SELECT count(DISTINCT uid) FROM mentions WHERE counts AND area = '{area}'")[1][0][0]
        both = query(run_dir, "SELECT count(DISTINCT p.uid) FROM postings p JOIN mentions m USING (uid) WHERE "
                              f"m.counts AND m.area = '{area}' AND list_contains(p.areas, '{area}')")[1][0][0]
        assert (rec["predicted"], rec["evidence"], rec["predicted_with_evidence"]) == (predicted, evidence, both)
        assert rec["evidence_share"] == pytest.approx(evidence / n, abs=1e-4)
        assert rec["cv_f1"] == pytest.approx(model.cv["areas_f1"][area]["mean"])
        assert rec["area_label"] and rec["area_label"] != area  # the taxonomy's name, not the id
    html = render_html(report)
    macro = model.cv["pooled"]["learned"]["areas_macro_f1"]["mean"]
    assert f"Areas the classifier predicts for social media postings (cross-validated macro-F1 {macro:.2f})" in html
    assert "(extracted evidence)" in html
    import re

    chart_text = " ".join(re.findall(r"<svg.*?</svg>", html, flags=re.S))
    assert not any(a in chart_text for a in model.areas)  # the charts say "Human insight", not the id


def test_report_area_charts_sorted_by_share_with_labels(run_dir: Path) -> None:
    import re

    from skillmix.market.report import area_charts

    report = build_report(run_dir)
    recs = report.table("area_shares").records()
    for svg, column in zip(area_charts(report), ("predicted_share_social", "evidence_share_social")):
        shown = re.findall(r'text-anchor="end">([^<]+)</text>', svg)
        by_label = {r["area_label"]: r[column] for r in recs}
        assert sorted(shown) == sorted(by_label)
        values = [by_label[s] for s in shown]
        assert values == sorted(values, reverse=True)


def test_report_tables_name_areas_by_label(run_dir: Path) -> None:
    report = build_report(run_dir)
    for name, col in (("area_pairs", "area_a_label"), ("area_mix_by_family", "area_label"),
                      ("skills_demand", "area_label")):
        t = report.table(name)
        assert col in t.columns
        assert all(r[col] != r[col.removesuffix("_label")] for r in t.records() if r[col.removesuffix("_label")])
