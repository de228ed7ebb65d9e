"""The evaluation command on real résumés (shared data; slow: it parses PDFs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skillmix.cli.main import cli

RELEVANCE = Path(__file__).resolve().parents[2] / "bench" / "data" / "ranking_relevance.json"


@pytest.mark.slow
@pytest.mark.shared
def test_evaluate_livecareer_subset_reports_methods(shared_data, tmp_path):
    res = CliRunner().invoke(cli, [
        "eval", "ranking", "--jobs", str(shared_data / "postings" / "linkedin_2024-04_sample.csv"),
        "--resumes", str(shared_data / "resumes" / "livecareer"), "--relevance", str(RELEVANCE),
        "--limit-per-category", "4", "--as-of", "2026-11-25", "--per-job",
    ])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["jobs"] == 9 and out["resumes"] >= 90
    assert set(out["methods"]) == {"skillmix", "bm25"}
    assert all(0 <= v <= 1 for m in out["methods"].values() for v in m.values())
