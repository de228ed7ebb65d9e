"""The web UI's market report view says what the HTML report says: how many postings are
dated, and the areas as the classifier's prediction beside the extracted evidence."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from .conftest import MARKET_ROWS as ROWS  # noqa: E402


def test_market_view_says_how_many_postings_are_dated(tmp_path: Path) -> None:
    from skillmix.market import RunSettings, build_report, run_market
    from skillmix.web.market_view import report_view

    path = tmp_path / "c.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "description", "company", "date"])
        for i in range(8):
            title, text = ROWS[i % 4]
            w.writerow([f"j{i}", title, f"{text} Reference {i}.", "Acme", "2024-03-01" if i < 2 else ""])
    run_market([path], tmp_path / "run", workers=0, settings=RunSettings(dedup=False))
    view = report_view(build_report(tmp_path / "run"))
    cards = dict(view.headline)
    assert cards["Posting dates"] == "2024-03 to 2024-03; 2 of 8 postings are dated"
    charts = " ".join(view.charts)
    assert "Trends by month (2 of 8 postings are dated)" in charts
    assert "Areas the classifier predicts" in charts and "(extracted evidence)" in charts
