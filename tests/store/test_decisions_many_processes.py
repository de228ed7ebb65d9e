"""The decision log stays one chain with several processes appending at once: real
processes, a real SQLite file and a real PostgreSQL server, and the JSONL log too. Then
``skillmix decisions verify`` proves it entry by entry (positions, signatures, head)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


PROCESSES = 4
EACH = 12

_WRITER = r"""
import os, sys, time
from pathlib import Path
kind, target, files, go, n = sys.argv[1:6]
from skillmix.fairness.log import DecisionLog
if kind == "db":
    from skillmix.store import Store
    from skillmix.store.decisions import DbLogSink, store_anchor
    store = Store(target, files_dir=files, migrate=False)
    log = DecisionLog(DbLogSink(store), anchor=store_anchor(store))
else:
    log = DecisionLog(target)
while not Path(go).exists():
    time.sleep(0.01)
for i in range(int(n)):
    log.record_run("scoring", inputs=[f"{os.getpid()}-{i}"], outputs={"i": i}, actor=str(os.getpid()))
"""


def _run_writers(tmp_path: Path, kind: str, target: str, files: Path) -> None:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(Path(__file__).resolve().parents[2] / "src"), os.environ.get("PYTHONPATH", "")])}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, kind, target, str(files), str(go),
                               str(EACH)], env=env, stderr=subprocess.PIPE, text=True)
             for _ in range(PROCESSES)]
    time.sleep(0.5)
    go.touch()  # all start appending together (each waits for this file)
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err[-2000:]


def _verify_cli(capsys, *args: str) -> dict:
    from skillmix.cli.main import main

    main(["decisions", "verify", "--json", *args])
    return json.loads(capsys.readouterr().out)


def test_decisions_many_processes_one_chain_in_the_database(db_url: str, tmp_path: Path,
                                                             capsys) -> None:
    from skillmix.fairness.log import DecisionLog
    from skillmix.store import Store
    from skillmix.store.decisions import DbLogSink, store_anchor

    files = tmp_path / "files"
    store = Store(db_url, files_dir=files)
    _run_writers(tmp_path, "db", db_url, files)
    log = DecisionLog(DbLogSink(store), anchor=store_anchor(store))
    entries = list(log.entries())
    assert len(entries) == PROCESSES * EACH
    assert [e.seq for e in entries] == list(range(1, PROCESSES * EACH + 1))
    assert all(b.prev == a.hash for a, b in zip(entries, entries[1:]))
    assert len({e.actor for e in entries}) == PROCESSES  # they did run side by side
    assert log.verify() == PROCESSES * EACH
    got = _verify_cli(capsys, "--db", db_url, "--files-dir", str(files))
    assert got == {"ok": True, "entries": PROCESSES * EACH, "findings": []}
    store.dispose()


def test_decisions_many_processes_one_chain_in_a_jsonl_file(tmp_path: Path, capsys) -> None:
    from skillmix.fairness.log import DecisionLog

    path = tmp_path / "decisions.jsonl"
    _run_writers(tmp_path, "jsonl", str(path), tmp_path)
    log = DecisionLog(path)
    assert [e.seq for e in log.entries()] == list(range(1, PROCESSES * EACH + 1))
    assert _verify_cli(capsys, "--log", str(path))["ok"] is True
