"""How long a user waits for one command, end to end, on two source trees (A/B).

A one-file ``skillmix extract`` or ``skillmix assess`` is what a user times by feel: process
start, imports, the cached vocabulary, reading the file, the work, the output. This runs
each command on tree A and tree B in turn (A, B, B, A, ...), each in a fresh process
(``python -c`` with the tree's ``src`` first on ``sys.path``), after one warm-up run per
tree and command (so each tree's vocabulary cache exists), and prints the median wall
time per tree, B's speed-up as A's time over B's, and the range over the pairs.

    python bench/cli_latency.py --a START/src --b src [--pairs 5]

The documents are the repository's own (a blind-set posting text and résumé texts), so it
runs on a clone without ``../shared``; where ``../shared/data`` (or
``$SKILLMIX_SHARED_DATA``) is there, it also times ``skillmix market run`` over its smallest
corpus (215 Remotive postings: one partition, run in the command's own process), each run
into a fresh folder. ``--only NAME`` (repeatable) times only the commands whose name starts
with NAME. ``skillmix serve`` is timed by ``bench/serve_latency.py``.
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

from ab_trees import CLI, compile_trees, timed

ROOT = Path(__file__).resolve().parents[1]
POSTING = ROOT / "bench" / "data" / "gold_fresh21" / "docs" / "posting-linkedin-2147609789.txt"
RESUME = ROOT / "bench" / "data" / "gold_fresh21" / "docs" / "resume-HR-29564653.txt"
RESUMES = sorted((ROOT / "bench" / "data" / "gold_fresh21" / "docs").glob("resume-*.txt"))[:10]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
MARKET_CORPUS = SHARED / "postings" / "remotive_2025-04.jsonl"
#: where a command's argv says OUT, each run gets a fresh folder (removed after it)
OUT = "{out}"
COMMANDS = {
    "extract one posting": ["extract", str(POSTING), "--kind", "posting"],
    "extract one résumé": ["extract", str(RESUME), "--kind", "resume"],
    "assess one résumé": ["assess", str(RESUME)],
    "rank ten résumés for one posting": ["rank", "--job", str(POSTING), *map(str, RESUMES)],
    "titles of one title": ["titles", "Social Media Manager"],
    "demo": ["demo"],
    "help": ["--help"],
}
if MARKET_CORPUS.exists():
    COMMANDS["market run, 215 postings"] = ["market", "run", str(MARKET_CORPUS), "--out", OUT, "-q"]


def run(src: Path, argv: list[str]) -> float:
    if OUT not in argv:
        return timed([sys.executable, "-c", CLI, str(src), *argv])[0]
    out = Path(tempfile.mkdtemp(prefix="skillmix-cli-latency-"))
    try:
        return timed([sys.executable, "-c", CLI, str(src),
                      *(str(out / "run") if a == OUT else a for a in argv)])[0]
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--a", type=Path, required=True, help="baseline tree's src")
    ap.add_argument("--b", type=Path, default=ROOT / "src", help="tree to compare's src")
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="time only the commands whose name starts with NAME (repeatable)")
    args = ap.parse_args()
    compile_trees(args.a, args.b)
    out: dict[str, object] = {"load_1min_start": os.getloadavg()[0]}
    for name, argv in COMMANDS.items():
        if args.only and not name.startswith(tuple(args.only)):
            continue
        run(args.a, argv), run(args.b, argv)  # warm-up: each tree's caches
        a_times, b_times = [], []
        for i in range(args.pairs):
            order = (args.a, args.b) if i % 2 == 0 else (args.b, args.a)
            for src in order:
                (a_times if src == args.a else b_times).append(run(src, argv))
        ratios = [a / b for a, b in zip(a_times, b_times)]
        out[name] = {"a_s": round(statistics.median(a_times), 3),
                     "b_s": round(statistics.median(b_times), 3),
                     "x": round(statistics.median(a_times) / statistics.median(b_times), 2),
                     "x_range": [round(min(ratios), 2), round(max(ratios), 2)],
                     "load_1min": os.getloadavg()[0]}
    out["load_1min_end"] = os.getloadavg()[0]
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
