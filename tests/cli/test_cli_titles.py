"""``skillmix titles``: titles and corpora to occupations, in every output format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skillmix", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_cli_titles_json_for_titles() -> None:
    out = run("titles", "Sr. Software Engineer", "Registered Nurse - PT Nights", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["titles"]
    assert [r["soc"][:7] for r in rows] == ["15-1252", "29-1141"]
    assert all(len(r["candidates"]) == 5 for r in rows)


def test_cli_titles_corpus_jsonl_and_csv(tmp_path) -> None:
    path = tmp_path / "jobs.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "description"])
        w.writerow(["j1", "Accountant", "Prepare financial statements and reconcile accounts."])
        w.writerow(["j2", "Web Developer", "Build websites with JavaScript and CSS."])
    out = run("titles", str(path), "--jsonl", "-k", "3")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["document"] for r in rows] == ["j1", "j2"]
    assert rows[0]["soc"].startswith("13-2011") and len(rows[0]["candidates"]) == 3
    out = run("titles", str(path), "--csv")
    got = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["document"] for r in got] == ["j1", "j2"] and got[1]["soc"].startswith("15-1254")


def test_cli_titles_stdin_and_missing_corpus() -> None:
    out = run("titles", "-", "--csv", stdin="Waitress\n\nHVAC Tech\n")
    assert out.returncode == 0 and out.stdout.count("\n") == 3
    out = run("titles", "no/such/corpus.csv")
    assert out.returncode == 1 and out.stderr.startswith("error: [C001]")
    assert "Traceback" not in out.stderr
