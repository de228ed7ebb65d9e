"""Two source trees' ``skillmix market run``, end to end, A/B (what a user waits for).

Runs the market command (read, deduplicate, extract, classify, name occupations, write the
tables) over the shared postings with tree A and tree B in turn (A, B, B, A, ...), each in a
fresh process pinned to one core and inline (``-w 0``), so that both meet the same machine
load, and prints each tree's median wall and CPU seconds, B's speed as a ratio of A's
(``x`` > 1: B is faster) with its range over the pairs, and whether both trees wrote the
same tables: a digest of every posting, mention and signature row and of the duplicates,
every column (the run folder's own timings aside).

    python bench/market_ab.py --a ../main/src --b src [--pairs 3] [--cpu 1] [--corpus FILE ...]

``--cpu -1 --workers -1`` times the command as a user runs it (a process pool of one worker
per CPU, unpinned); the ratio printed is then of CPU seconds, the wall times beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from ab_trees import MARKET_RUN, compile_trees, timed

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
CORPORA = ("linkedin_2024-04_sample.csv", "remotive_2025-04.jsonl", "adzuna_uk_2013_sample.csv")


def run(src: Path, corpora: list[Path], out: Path, cpu: int | None,
        workers: int | None = 0) -> tuple[float, float]:
    """One run in a fresh process: (wall seconds, CPU seconds of the child and its workers);
    ``workers=None`` leaves ``-w`` to the command's default (a pool, one process per CPU)."""
    cmd = [sys.executable, "-c", MARKET_RUN, *map(str, corpora), "--out", str(out), "-q"]
    if workers is not None:
        cmd += ["-w", str(workers)]
    if cpu is not None:
        cmd = ["taskset", "-c", str(cpu), *cmd]
    wall, cpu, _ = timed(cmd, env={**os.environ, "PYTHONPATH": str(src)})
    return wall, cpu


def digest(out: Path) -> str:
    """SHA-256 over the run's posting, mention and MinHash signature rows and its
    duplicates, in a fixed order (signatures and duplicates when the run deduplicated)."""
    import duckdb

    con = duckdb.connect()
    h = hashlib.sha256()
    for table, order in (("postings", "uid"), ("mentions", "uid, start, \"end\", skill_id"),
                         ("signatures", "uid"), ("duplicates.parquet", "uid")):
        path = out / table
        if not path.exists():
            continue
        source = f"{path}/**/*.parquet" if path.is_dir() else str(path)
        rows = con.sql(f"select * from read_parquet('{source}') order by {order}")
        for row in rows.fetchall():
            h.update(repr(row).encode())
    return h.hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", type=Path, required=True, help="tree A's src folder (the baseline)")
    ap.add_argument("--b", type=Path, default=ROOT / "src", help="tree B's src folder")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--cpu", type=int, default=1, help="core to pin to (-1: no pinning)")
    ap.add_argument("--corpus", type=Path, nargs="*", help="corpora (default: the shared postings)")
    ap.add_argument("--workers", type=int, default=0,
                    help="-w for the command (default 0: inline); -1: the command's own default "
                         "(a process pool; use with --cpu -1)")
    args = ap.parse_args()
    compile_trees(args.a, args.b)
    corpora = args.corpus or [SHARED / "postings" / c for c in CORPORA]
    cpu = None if args.cpu < 0 or shutil.which("taskset") is None else args.cpu
    times: dict[str, list[tuple[float, float]]] = {"A": [], "B": []}
    digests: dict[str, set[str]] = {"A": set(), "B": set()}
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="skillmix-market-ab-") as tmp:
        for i in range(args.pairs):
            for tree in ("AB" if i % 2 == 0 else "BA"):
                out = Path(tmp) / f"{tree}{i}"
                times[tree].append(run(args.a if tree == "A" else args.b, corpora, out, cpu,
                                       None if args.workers < 0 else args.workers))
                digests[tree].add(digest(out))
                shutil.rmtree(out)
                print(f"pair {i} {tree}: wall {times[tree][-1][0]:.2f} s, CPU {times[tree][-1][1]:.2f} s, "
                      f"load {os.getloadavg()[0]:.2f}", file=sys.stderr)
    load1 = os.getloadavg()[0]
    for tree in "AB":
        wall = statistics.median(t[0] for t in times[tree])
        cpu_s = statistics.median(t[1] for t in times[tree])
        print(f"{tree}: wall {wall:.2f} s, CPU {cpu_s:.2f} s (median of {len(times[tree])}), "
              f"tables {', '.join(sorted(digests[tree]))}")
    ratios = [a[1] / b[1] for a, b in zip(times["A"], times["B"])]
    print(f"B's speed / A's (CPU time, pairs): x{statistics.median(ratios):.3f} "
          f"(range {min(ratios):.3f}-{max(ratios):.3f}); load average {load0:.2f} -> {load1:.2f}")
    walls = [a[0] / b[0] for a, b in zip(times["A"], times["B"])]
    print(f"B's speed / A's (wall time, pairs): x{statistics.median(walls):.3f} "
          f"(range {min(walls):.3f}-{max(walls):.3f})")
    same = digests["A"] == digests["B"] and len(digests["A"]) == 1
    print("same tables: " + ("yes" if same else "NO"))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
