"""A run killed with SIGKILL mid-way and started again ends with the same tables as a run
that was never interrupted: no posting lost, none counted twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from skillmix.market import RunSettings, query, run_market

N, SIZE = 300, 10


def _corpus(rows, corpus) -> Path:
    data = rows(N)
    for i in range(0, N, 25):  # exact copies under new ids, so deduplication has work
        copy = dict(data[i])
        copy["id"] = f"copy-{i}"
        data.append(copy)
    return corpus(rows=data)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_pipeline_sigkill_then_resume_equals_uninterrupted(rows, corpus, snapshot, tmp_path: Path) -> None:
    path = _corpus(rows, corpus)
    total = N + N // 25
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "skillmix", "market", "run", str(path), "--out", str(out),
           "--workers", "1", "--partition-size", str(SIZE), "--silent"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    parts = out / "_parts"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if parts.is_dir() and len(list(parts.glob("part-*.json"))) >= 3:
                break
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        os.killpg(proc.pid, signal.SIGKILL)  # the driver and its worker processes
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    committed = len(list(parts.glob("part-*.json")))
    n_parts = -(-total // SIZE)
    assert 3 <= committed < n_parts and not (out / "_SUCCESS.json").exists()

    settings = RunSettings(partition_size=SIZE)
    resumed = run_market([path], out, workers=0, settings=settings)
    assert resumed.resumed_partitions == committed and resumed.partitions == n_parts
    clean = run_market([path], tmp_path / "clean", workers=0, settings=settings)

    assert snapshot(out) == snapshot(tmp_path / "clean")
    n, distinct = query(out, "SELECT count(*), count(DISTINCT uid) FROM postings_all")[1][0]
    assert n == distinct == total
    assert resumed.duplicates_exact == clean.duplicates_exact == N // 25
    assert resumed.postings == clean.postings == N
