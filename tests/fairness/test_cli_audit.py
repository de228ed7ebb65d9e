"""``skillmix audit`` as users run it: a real subprocess on real files."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skillmix", "audit", *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture()
def files(tmp_path):
    # a ranking of 12 candidates; men hold ranks 1-4 and 9-10, women 5-8 and 11-12
    men = {1, 2, 3, 4, 9, 10}
    results = [{"rank": r, "id": f"c{r}", "score": round(1 - r / 20, 3)} for r in range(1, 13)]
    (tmp_path / "ranking.json").write_text(json.dumps(
        {"query_id": "job", "direction": "candidates-for-job", "results": results}))
    with open(tmp_path / "demo.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["candidate_id", "gender", "race_ethnicity"])
        for r in range(1, 13):
            w.writerow([f"c{r}", "M" if r in men else "F",
                        "White" if r % 2 else "Black or African American"])
    return tmp_path


def test_cli_audit_ranking_top_k_writes_three_formats(files):
    out = run("--results", str(files / "ranking.json"), "--demographics", str(files / "demo.csv"),
              "--top", "4", "--json", "--out", str(files / "r.html"), "--out", str(files / "r.csv"),
              "--out", str(files / "r.json"))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    kinds = [a["kind"] for a in data["audits"]]
    assert kinds == ["selection", "scoring"]
    sex = next(t for t in data["audits"][0]["tables"] if t["dimension"] == "sex")
    rows = {r["category"]: r for r in sex["rows"]}
    # top 4 are all men: men 4/6 selected, women 0/6
    assert rows["Male"]["rate"] == 4 / 6 and rows["Female"]["rate"] == 0.0
    assert rows["Female"]["impact_ratio"] == 0.0 and rows["Female"]["four_fifths"]
    scoring = next(t for t in data["audits"][1]["tables"] if t["dimension"] == "sex")
    srows = {r["category"]: r for r in scoring["rows"]}
    # median of 12 distinct scores: the top 6 ranks score above it (men 4, women 2)
    assert srows["Male"]["hits"] == 4 and srows["Female"]["hits"] == 2
    html = (files / "r.html").read_text()
    assert 'id="public-summary"' in html and "Impact ratio" in html and "Female" in html
    with open(files / "r.csv") as fh:
        table = list(csv.DictReader(fh))
    assert {r["dimension"] for r in table} == {"sex", "race", "intersection"}
    assert json.loads((files / "r.json").read_text())["audits"][0]["sources"]["results"]
    assert "below the four-fifths" in out.stderr


def test_cli_audit_errors_are_one_line(files):
    out = run("--results", str(files / "ranking.json"), "--demographics", str(files / "demo.csv"),
              "--kind", "selection")
    assert out.returncode == 1
    assert out.stderr.startswith("error: [F122]") and "Traceback" not in out.stderr
    out = run("--results", str(files / "ranking.json"), "--demographics", str(files / "demo.csv"),
              "--out", str(files / "r.pdf"))
    assert out.returncode == 1 and "[F160]" in out.stderr


def test_cli_audit_fail_on_flags_exits_non_zero_only_when_flagged(files):
    args = ["--results", str(files / "ranking.json"), "--demographics", str(files / "demo.csv"),
            "--csv"]
    flagged = run(*args, "--top", "4", "--fail-on-flags", "--out", str(files / "r.json"))
    assert flagged.returncode == 3, flagged.stderr
    assert (files / "r.json").is_file()  # the report is written before the exit
    assert "below the four-fifths" in flagged.stderr
    # without the flag the same audit exits 0
    assert run(*args, "--top", "4").returncode == 0
    # selecting everyone flags nobody: --fail-on-flags then exits 0
    clean = run(*args, "--top", "12", "--kind", "selection", "--fail-on-flags")
    assert clean.returncode == 0, clean.stderr
