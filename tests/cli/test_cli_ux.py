"""Defects a new-user trial found in the CLI: real subprocesses, real files."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillmix", *args], input=stdin, capture_output=True,
        text=True, timeout=300,
    )


REQUIREMENTS = ("Requirements\n"
                "- 3+ years of hands-on experience managing Paid Social campaigns\n"
                "- Experience with SQL preferred but not required\n"
                "- Salesforce experience not required\n"
                "Follow us on Instagram!\n")


def test_cli_extract_min_confidence_keeps_only_credits(tmp_path: Path) -> None:
    """A threshold keeps credits that count; the negated Salesforce and the consumer
    Instagram (confidence 1.0 because nothing was measured) never pass it."""
    req = tmp_path / "req.txt"
    req.write_text(REQUIREMENTS, "utf-8")
    every = run("extract", str(req), "--csv", "-q")
    assert every.returncode == 0, every.stderr
    assert {"salesforce", "instagram", "sql"} <= {
        r["skill"] for r in csv.DictReader(io.StringIO(every.stdout))}
    kept = run("extract", str(req), "--csv", "-q", "--min-confidence", "0.8")
    assert kept.returncode == 0, kept.stderr
    rows = list(csv.DictReader(io.StringIO(kept.stdout)))
    skills = {r["skill"] for r in rows}
    assert "salesforce" not in skills and "instagram" not in skills
    assert {"sql", "paid-social-advertising"} <= skills
    assert all(float(r["confidence"]) >= 0.8 and r["negated"] == "False"
               and r["usage"] != "consumer" for r in rows)
