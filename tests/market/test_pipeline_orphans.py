"""A driver killed with SIGKILL takes its worker processes with it: a pool worker watches
its parent and exits when it is gone, instead of waiting on the task queue forever (a QA
trial found spawn workers of a ``kill -9``'d run reparented to init, about 180 MB each).
Only processes this test started are signalled, by pid."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

psutil = pytest.importorskip("psutil")

#: how long the workers may take to notice (a deadline, not a measurement)
GRACE_SECONDS = 30


def _started_workers(proc: subprocess.Popen, out: Path, deadline: float) -> list:
    """The driver's descendants once a partition has committed (so its workers are up and at work)."""
    parts = out / "_parts"
    while time.monotonic() < deadline and proc.poll() is None:
        if parts.is_dir() and any(parts.glob("part-*.json")):
            return psutil.Process(proc.pid).children(recursive=True)
        time.sleep(0.05)
    return []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_pipeline_workers_exit_when_the_driver_is_killed(engine, rows, corpus, tmp_path: Path) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    path = corpus(rows=rows(400))
    out = tmp_path / "run"
    cmd = [sys.executable, "-m", "skillmix", "market", "run", str(path), "--out", str(out),
           "--engine", engine, "--workers", "2", "--partition-size", "10", "--silent", "--no-dedup"]
    log = (tmp_path / "stderr.txt").open("wb")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
    children: list = []
    try:
        children = _started_workers(proc, out, time.monotonic() + 180)
        assert proc.poll() is None, (tmp_path / "stderr.txt").read_text(errors="replace")
        assert len(children) >= 2, children  # two workers (and multiprocessing's resource tracker)
        proc.send_signal(signal.SIGKILL)  # the driver only, as `kill -9 PID` does
        proc.wait(timeout=30)
        _, alive = psutil.wait_procs(children, timeout=GRACE_SECONDS)
        assert alive == [], [(p.pid, p.cmdline()) for p in alive]
    finally:
        for p in children:  # leftovers of a failed check: this test's own processes, by pid
            try:
                p.kill()
            except psutil.NoSuchProcess:
                pass
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    assert proc.returncode == -signal.SIGKILL
    assert not (out / "_SUCCESS.json").exists()
