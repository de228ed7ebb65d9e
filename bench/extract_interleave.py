"""Two source trees' default-path extraction speed, interleaved batch by batch.

Why: on this shared virtual machine the speed of a core drifts by 10-20% within minutes, so
``bench/extract_ab.py``, which alternates whole runs of each tree, saw the unchanged scan
layer come out at x0.88 in one run and x1.10 in the next (session 23). Here one worker
process per tree, both pinned to the same core, loads the same postings and keeps its
extractor warm; the driver hands them the same batch of postings in turn (A then B, then
B then A), and each times its batch in CPU time. A drift now falls on both trees within a
second, and the ratio of their summed times is B's speed relative to A's (``x`` > 1: B is
faster), with the spread of the per-round ratios.

    python bench/extract_interleave.py --a OTHER/src --b src [--rounds 5] [--batch 150] [--cpu 1]
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

#: one worker: argv is the tree's src, bench/, the shared data folder and the limit; the
#: postings are those of extract_layers.py (imported after the tree, so from it)
WORKER = r"""
import sys, time
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from pathlib import Path
from extract_layers import load
from skillmix.extract import Extractor
docs = load(Path(sys.argv[3]), int(sys.argv[4]))
ex = Extractor("builtin")
for d in docs[:100]:
    ex.extract(d)
print(len(docs), flush=True)
for line in sys.stdin:
    i, j = map(int, line.split())
    t = time.process_time()
    for d in docs[i:j]:
        ex.extract(d)
    print(time.process_time() - t, flush=True)
"""


def start(src: Path, args: argparse.Namespace) -> subprocess.Popen:
    cmd = [sys.executable, "-c", WORKER, str(src), str(ROOT / "bench"), str(args.shared),
           str(args.limit)]
    if args.cpu is not None and args.cpu >= 0:
        cmd = ["taskset", "-c", str(args.cpu), *cmd]
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", type=Path, required=True, help="the baseline tree's src")
    ap.add_argument("--b", type=Path, required=True, help="the candidate tree's src")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batch", type=int, default=150)
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--cpu", type=int, default=1, help="core to pin both workers to (-1: none)")
    args = ap.parse_args()
    compile_trees(args.a, args.b)
    workers = {"a": start(args.a, args), "b": start(args.b, args)}
    sizes = {k: int(w.stdout.readline()) for k, w in workers.items()}  # type: ignore[union-attr]
    n = min(sizes.values())
    batches = [(i, min(i + args.batch, n)) for i in range(0, n, args.batch)]

    def timed(tree: str, i: int, j: int) -> float:
        w = workers[tree]
        w.stdin.write(f"{i} {j}\n")  # type: ignore[union-attr]
        w.stdin.flush()  # type: ignore[union-attr]
        return float(w.stdout.readline())  # type: ignore[union-attr]

    totals = {"a": 0.0, "b": 0.0}
    ratios = []
    loads = [os.getloadavg()[0]]
    for r in range(args.rounds):
        per = {"a": 0.0, "b": 0.0}
        for k, (i, j) in enumerate(batches):
            for tree in (("a", "b") if (r + k) % 2 == 0 else ("b", "a")):
                per[tree] += timed(tree, i, j)
        for t in per:
            totals[t] += per[t]
        ratios.append(per["a"] / per["b"])
        loads.append(os.getloadavg()[0])
    for w in workers.values():
        w.stdin.close()  # type: ignore[union-attr]
        w.wait()
    us = {t: totals[t] / (n * args.rounds) * 1e6 for t in totals}
    print(json.dumps({
        "a": str(args.a), "b": str(args.b), "postings": n, "rounds": args.rounds, "batch": args.batch,
        "a_us": round(us["a"], 1), "b_us": round(us["b"], 1),
        "a_per_s": round(1e6 / us["a"]), "b_per_s": round(1e6 / us["b"]),
        "x": round(totals["a"] / totals["b"], 3),
        "x_rounds": [round(x, 3) for x in ratios],
        "x_sd": round(statistics.pstdev(ratios), 3),
        "load_1min": [round(x, 2) for x in loads]}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
