"""assess and rank take the same date under both names (``--today`` / ``--as-of``): a
new-user trial tripped over one command calling it one way and the other the other."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RESUME = ("Jane Doe\nExperience\nSocial Media Manager, Acme, 01/2020 - Present\n"
          "- Managed Instagram and TikTok accounts; grew followers by 40%.\n")
POSTING = "Social Media Coordinator\nRequirements:\n- 2 years of Instagram experience.\n"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skillmix", *args], capture_output=True,
                          text=True, timeout=300)


def test_assess_and_rank_take_both_date_names(tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text(RESUME, encoding="utf-8")
    job = tmp_path / "job.txt"
    job.write_text(POSTING, encoding="utf-8")
    a = _run("assess", str(cv), "--today", "2024-01-01", "--json")
    b = _run("assess", str(cv), "--as-of", "2024-01-01", "--json")
    assert a.returncode == 0 and b.returncode == 0
    assert json.loads(a.stdout) == json.loads(b.stdout)
    c = _run("rank", "--job", str(job), str(cv), "--as-of", "2024-01-01", "--json")
    d = _run("rank", "--job", str(job), str(cv), "--today", "2024-01-01", "--json")
    assert c.returncode == 0 and d.returncode == 0
    assert json.loads(c.stdout)["results"][0]["score"] == json.loads(d.stdout)["results"][0]["score"]
