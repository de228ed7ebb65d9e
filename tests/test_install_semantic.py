"""A fresh ``pip install '.[semantic]'`` stays small and its linker runs (issue #15).

Slow (it builds skillmix and installs its dependencies from the package index into a new
virtual environment), so it is kept out of the default run; ``.ci/run`` runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIMIT_MB = 300


def _size_mb(folder: Path) -> float:
    total = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            p = Path(dirpath) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total / 2**20


@pytest.mark.slow
def test_install_semantic_extra_is_small_and_links(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["SKILLMIX_CACHE_DIR"] = str(tmp_path / "cache")
    done = subprocess.run([str(py), "-m", "pip", "install", "-q", f"{ROOT}[semantic]"],
                          capture_output=True, text=True, env=env, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    site = next((venv / "lib").glob("python3*/site-packages"))
    size = _size_mb(site)
    print(f"fresh '.[semantic]' install: site-packages {size:.0f} MB")
    assert size < LIMIT_MB, f"site-packages is {size:.0f} MB"
    assert not (site / "torch").exists()
    # a sentence the lexical pass leaves empty (the fallback only reads those)
    text = "Operate forklifts and keep the warehouse inventory accurate."
    run = subprocess.run([str(venv / "bin" / "skillmix"), "extract", "-", "--semantic", "--jsonl"],
                         input=text, capture_output=True, text=True, env=env, timeout=600,
                         cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    record = json.loads(run.stdout.splitlines()[0])
    assert any(m["extractor"] == "semantic" for m in record["mentions"]), record
