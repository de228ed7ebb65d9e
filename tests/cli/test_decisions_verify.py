"""``skillmix decisions verify`` checks; it never creates. Run where no workspace is, it
used to make an empty ``skillmix.sqlite`` and a new signing key, then say "Retry" about a
missing table (a new-user trial)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _verify(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SKILLMIX_DB_URL"}
    return subprocess.run([sys.executable, "-m", "skillmix", "decisions", "verify", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_verify_without_a_database_names_it_and_creates_nothing(tmp_path: Path) -> None:
    got = _verify(tmp_path)
    assert got.returncode != 0
    assert "[F157]" in got.stderr and "no database at this path" in got.stderr
    assert "Retry" not in got.stderr and "Traceback" not in got.stderr
    assert list(tmp_path.iterdir()) == []
    got = _verify(tmp_path, "--db", str(tmp_path / "team.sqlite"))
    assert "[F157]" in got.stderr and list(tmp_path.iterdir()) == []
