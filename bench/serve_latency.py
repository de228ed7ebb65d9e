"""How long ``skillmix serve`` takes from start to its first answers, on two trees (A/B).

What a user waits for after typing ``skillmix serve``: the process starts, imports the
server, opens (and if need be migrates) the database, warms the shared engines
(:mod:`skillmix.service.warm`) and listens. This starts the server of tree A and of tree B
in turn (A, B, B, A, ...), each a fresh process on a free loopback port with the tree's
``src`` first on ``PYTHONPATH`` (uvicorn's worker processes inherit it), over a database
per tree made by one warm-up start (so every timed start opens an existing workspace, as a
team's daily start does), polls ``GET /`` (the web UI) and ``GET /health`` every 10 ms
until each answers 200, and stops the server. It prints, per ``--workers`` setting, the
median seconds to each first 200 per tree, B's speed-up (A's time over B's) and its range
over the pairs, and the load average.

    python bench/serve_latency.py --a START/src --b src [--pairs 5] [--workers 1 --workers 0]

``--workers 0`` is the server's default (one process per CPU, under uvicorn's supervisor).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from ab_trees import compile_trees

ROOT = Path(__file__).resolve().parents[1]
PATHS = ("/", "/health")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310 - loopback only
            return int(r.status)
    except urllib.error.HTTPError as err:
        return int(err.code)
    except (OSError, urllib.error.URLError):
        return None


def start_to_first_200(src: Path, db: Path, workers: int, log: Path) -> dict[str, float]:
    """Seconds from starting the server to the first 200 of each path in :data:`PATHS`."""
    port = _free_port()
    cmd = [sys.executable, "-m", "skillmix", "serve", "--db", str(db), "--host", "127.0.0.1",
           "--port", str(port)]
    if workers:
        cmd += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(src)}
    got: dict[str, float] = {}
    with log.open("a") as fh:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=fh, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            while len(got) < len(PATHS):
                for path in PATHS:
                    if path not in got and _status(f"http://127.0.0.1:{port}{path}") == 200:
                        got[path] = time.perf_counter() - t0
                if proc.poll() is not None or time.perf_counter() - t0 > 120:
                    raise SystemExit(f"server of {src} did not answer; see {log}")
                time.sleep(0.01)
        finally:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--a", type=Path, required=True, help="baseline tree's src")
    ap.add_argument("--b", type=Path, default=ROOT / "src", help="tree to compare's src")
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--workers", type=int, action="append",
                    help="server processes (0: the server's default); repeatable [1 and 0]")
    args = ap.parse_args()
    compile_trees(args.a, args.b)
    tmp = Path(tempfile.mkdtemp(prefix="skillmix-serve-latency-"))
    out: dict[str, object] = {"load_1min_start": os.getloadavg()[0]}
    try:
        trees = {"a": args.a.resolve(), "b": args.b.resolve()}
        for workers in args.workers or [1, 0]:
            dbs = {k: tmp / f"{k}-w{workers}.sqlite" for k in trees}
            for k, src in trees.items():  # warm-up: each tree's database and caches
                start_to_first_200(src, dbs[k], workers, tmp / f"{k}.log")
            times: dict[str, list[dict[str, float]]] = {"a": [], "b": []}
            for i in range(args.pairs):
                for k in ("ab" if i % 2 == 0 else "ba"):
                    times[k].append(start_to_first_200(trees[k], dbs[k], workers, tmp / f"{k}.log"))
            for path in PATHS:
                a = [t[path] for t in times["a"]]
                b = [t[path] for t in times["b"]]
                ratios = [x / y for x, y in zip(a, b)]
                out[f"workers={workers or 'default'} GET {path}"] = {
                    "a_s": round(statistics.median(a), 3), "b_s": round(statistics.median(b), 3),
                    "x": round(statistics.median(a) / statistics.median(b), 2),
                    "x_range": [round(min(ratios), 2), round(max(ratios), 2)],
                    "load_1min": os.getloadavg()[0]}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out["load_1min_end"] = os.getloadavg()[0]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
