"""``skillmix audit`` as users run it: a real subprocess on real files."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date

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


@pytest.fixture()
def aged(files):
    """The same ranking; ages by birth year (taken at today's date), band or age: ranks
    1, 2, 5, 6, 7 under 40, 3, 8, 9, 10, 11 aged 40 and over, 4 and 12 unknown."""
    year = date.today().year
    ages = {1: ("", f"{year - 28}", ""), 2: ("31", "", ""), 3: ("", "", "55+"),
            4: ("prefer not to say", "", ""), 5: ("", "", "under 40"), 6: ("", f"{year - 25}", ""),
            7: ("38", "", ""), 8: ("", f"{year - 61}", ""), 9: ("47", "", ""),
            10: ("", "", "40 and over"), 11: ("52", "", ""), 12: ("", "", "35-44")}
    with open(files / "aged.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["candidate_id", "gender", "age", "year_of_birth", "age_group"])
        for r in range(1, 13):
            w.writerow([f"c{r}", "F" if r % 2 else "M", *ages[r]])
    return files


def test_cli_audit_age_table_in_every_output(aged):
    # top 4: under 40 ranks 1, 2 of 5; 40 and over rank 3 of 5; rank 4 unknown
    out = run("--results", str(aged / "ranking.json"), "--demographics", str(aged / "aged.csv"),
              "--top", "4", "--json", "--out", str(aged / "r.html"), "--out", str(aged / "r.csv"))
    assert out.returncode == 0, out.stderr
    audits = json.loads(out.stdout)["audits"]
    age = next(t for t in audits[0]["tables"] if t["dimension"] == "age")
    rows = {r["category"]: r for r in age["rows"]}
    assert (rows["Under 40"]["n"], rows["Under 40"]["hits"]) == (5, 2)
    assert (rows["40 and over"]["n"], rows["40 and over"]["hits"]) == (5, 1)
    assert rows["40 and over"]["impact_ratio"] == 0.5 and rows["40 and over"]["four_fifths"]
    assert age["unknown"] == 2 and age["reference"] == "Under 40"
    # scoring: the top 6 ranks score above the median: under 40 ranks 1, 2, 5, 6; 40+ rank 3
    sage = next(t for t in audits[1]["tables"] if t["dimension"] == "age")
    assert {r["category"]: r["hits"] for r in sage["rows"]} == {"Under 40": 4, "40 and over": 1}
    with open(aged / "r.csv") as fh:
        table = list(csv.DictReader(fh))
    assert {r["dimension"] for r in table} == {"sex", "age"}  # no race column: no race rows
    html = (aged / "r.html").read_text()
    summary = html.split('id="public-summary"')[1].split('id="details"')[0]
    assert "Age (ADEA: 40 and over)" in summary and "<td>40 and over</td><td>5</td>" in summary
    assert "race: no one audited has a known category (12 of 12 unknown)" in out.stderr
    assert "age: no one audited" not in out.stderr
    table_out = run("--results", str(aged / "ranking.json"), "--demographics",
                    str(aged / "aged.csv"), "--top", "4", "--kind", "selection")
    assert table_out.returncode == 0 and "40 and over" in table_out.stdout


def test_cli_audit_without_age_says_so(files):
    out = run("--results", str(files / "ranking.json"), "--demographics", str(files / "demo.csv"),
              "--top", "4", "--csv", "--out", str(files / "r.html"))
    assert out.returncode == 0, out.stderr
    assert ",age," not in out.stdout
    assert out.stderr.count("age: no one audited has a known category (12 of 12 unknown)") == 1
    assert "No one audited has a known age group" in (files / "r.html").read_text()


def test_cli_audit_unreadable_age_column_is_one_line(files):
    (files / "dob.csv").write_text("candidate_id,gender,birth_year\nc1,F,03/04/1980\n"
                                   "c2,M,1979-12-01\n")
    out = run("--results", str(files / "ranking.json"), "--demographics", str(files / "dob.csv"),
              "--top", "4")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith("error: [F137]") and "dob.csv" in out.stderr
    assert "'birth_year'" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_cli_audit_table_names_the_flag(files):
    """The printed table says "flagged" where CSV and JSON keep ``four_fifths`` (True there
    means flagged, which a person read the other way round)."""
    args = ("--results", str(files / "ranking.json"), "--demographics", str(files / "demo.csv"),
            "--top", "4")
    table = run(*args)
    assert table.returncode == 0, table.stderr
    header = next(line for line in table.stdout.splitlines() if "┃ audit" in line)
    assert "flagged" in header and "four_fifths" not in header
    assert "FLAGGED" in table.stdout
    assert "impact ratio under 0.8" in " ".join(table.stdout.split())
    as_csv = run(*args, "--csv")
    assert as_csv.stdout.splitlines()[0].split(",")[7] == "four_fifths"


def test_cli_audit_says_when_the_files_name_different_people(files):
    # a ranking cut to its top 8 (rank's --top), audited with everyone's demographics,
    # and one ranked candidate without a demographics row
    ranking = json.loads((files / "ranking.json").read_text())
    ranking["results"] = ranking["results"][:8]
    (files / "top8.json").write_text(json.dumps(ranking))
    rows = (files / "demo.csv").read_text().splitlines()
    (files / "demo_no_c1.csv").write_text("\n".join(r for r in rows if r.split(",")[0] != "c1"))
    out = run("--results", str(files / "top8.json"), "--demographics",
              str(files / "demo_no_c1.csv"), "--top", "4", "--csv")
    assert out.returncode == 0, out.stderr
    assert "4 rows of the demographics file match no one in the results" in out.stderr
    assert "1 of the 8 audited has no row in the demographics file" in out.stderr
    # the same people in both files: no note
    full = run("--results", str(files / "ranking.json"), "--demographics",
               str(files / "demo.csv"), "--top", "4", "--csv")
    assert "note:" not in full.stderr


def test_cli_audit_top_must_select_someone(files):
    for top in ("0", "-3"):
        out = run("--results", str(files / "ranking.json"), "--demographics",
                  str(files / "demo.csv"), "--top", top)
        assert out.returncode == 2 and "--top" in out.stderr
