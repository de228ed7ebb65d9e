"""How the partition size sets a market run's wall time on every core of the machine.

A partition is the unit a worker takes. With 5,000 postings a partition, the 2,946 shared
postings make three partitions of 232, 215 and 2,499 rows, and on two workers one of them
does most of the work. This runs ``skillmix market run`` over the shared corpora with the
default worker count, with each partition size in turn (the sizes alternate, ``--rounds``
times), and prints the median wall time, the CPU time, the partition count and a digest of
the tables (which must not depend on the size).

    python bench/market_partitions.py [--sizes 5000,1000,500] [--rounds 2] [--corpus FILE ...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from ab_trees import MARKET_RUN, timed
from market_ab import CORPORA, SHARED, digest

ROOT = Path(__file__).resolve().parents[1]


def run(corpora: list[Path], out: Path, size: int) -> tuple[float, float, int]:
    cmd = [sys.executable, "-c", MARKET_RUN, *map(str, corpora), "--out", str(out), "-q", "--json",
           "--partition-size", str(size)]
    wall, cpu, done = timed(cmd, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return wall, cpu, json.loads(done.stdout)["partitions"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="5000,1000,500")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--corpus", type=Path, nargs="*", help="corpora (default: the three shared ones)")
    args = ap.parse_args()
    corpora = args.corpus or [SHARED / "postings" / c for c in CORPORA]
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="skillmix-partitions-"))
    runs: dict[int, list[tuple[float, float, int]]] = {s: [] for s in sizes}
    digests: dict[int, set[str]] = {s: set() for s in sizes}
    for r in range(args.rounds):
        for size in (sizes if r % 2 == 0 else sizes[::-1]):
            out = tmp / f"run-{size}"
            shutil.rmtree(out, ignore_errors=True)
            runs[size].append(run(corpora, out, size))
            digests[size].add(digest(out))
    base = statistics.median(w for w, _, _ in runs[sizes[0]])
    report = {"cpus": len(os.sched_getaffinity(0)), "corpora": [c.name for c in corpora]}
    for size in sizes:
        wall = statistics.median(w for w, _, _ in runs[size])
        report[f"partition size {size}"] = {
            "partitions": runs[size][0][2], "wall_s": round(wall, 2),
            "cpu_s": round(statistics.median(c for _, c, _ in runs[size]), 2),
            f"x vs {sizes[0]}": round(base / wall, 2), "tables": sorted(digests[size])}
    report["same tables"] = len(set().union(*digests.values())) == 1
    report["load_1min"] = round(os.getloadavg()[0], 2)
    shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
