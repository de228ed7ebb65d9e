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
