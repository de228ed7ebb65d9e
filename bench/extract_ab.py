"""Two source trees' extraction speed, A/B, per layer (issue #13's speed target).

Runs ``bench/extract_layers.py`` on tree A and tree B in turn (A, B, B, A, A, B, ...),
each run in a fresh process pinned to one core, so that the load of a shared machine
falls on both alike (timed in CPU time by default), and prints for each layer the median microseconds per posting of
each tree, B's speed as a ratio of A's (``x`` > 1: B is faster) with the range over the
pairs, and the load average around the runs.

    python bench/extract_ab.py --a ../main/src --b src [--pairs 3] [--rounds 2] [--cpu 1]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from ab_trees import compile_trees

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("scan", "lexical", "context", "default")


def run(src: Path, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, str(ROOT / "bench" / "extract_layers.py"), "--src", str(src),
           "--rounds", str(args.rounds), "--limit", str(args.limit), "--clock", args.clock]
    if args.cpu is not None:
        cmd = ["taskset", "-c", str(args.cpu), *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", type=Path, required=True, help="the baseline tree's src")
    ap.add_argument("--b", type=Path, required=True, help="the candidate tree's src")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--cpu", type=int, default=1, help="core to pin to (-1: none)")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="cpu",
                    help="CPU time (default) or wall time; see extract_layers.py")
    args = ap.parse_args()
    compile_trees(args.a, args.b)
    if args.cpu is not None and args.cpu < 0:
        args.cpu = None
    runs: dict[str, list[dict]] = {"a": [], "b": []}
    loads = [os.getloadavg()[0]]
    for i in range(args.pairs):
        for tree in (("a", "b") if i % 2 == 0 else ("b", "a")):
            runs[tree].append(run(getattr(args, tree), args))
            loads.append(os.getloadavg()[0])
    out: dict[str, object] = {"a": str(args.a), "b": str(args.b), "pairs": args.pairs,
                              "clock": args.clock,
                              "load_1min": [round(x, 2) for x in loads]}
    for layer in LAYERS:
        a = [r[layer]["us_per_posting"] for r in runs["a"]]
        b = [r[layer]["us_per_posting"] for r in runs["b"]]
        ratios = [x / y for x, y in zip(a, b)]
        out[layer] = {"a_us": statistics.median(a), "b_us": statistics.median(b),
                      "a_per_s": round(1e6 / statistics.median(a)),
                      "b_per_s": round(1e6 / statistics.median(b)),
                      "x": round(statistics.median(ratios), 3),
                      "x_range": [round(min(ratios), 3), round(max(ratios), 3)]}
    costs = {}
    for name in ("guards_and_overlaps", "context_and_sections", "duty_patterns"):
        costs[name] = {t: statistics.median(r["cost_us"][name] for r in runs[t]) for t in ("a", "b")}
    out["cost_us"] = costs
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
