"""Ranking speed of two source trees, A/B: the same saved index, alternating processes.

    .venv/bin/python bench/rank_ab.py --index DIR --before ../main/src --after src [--pairs 8]

``bench/rank_speed.py`` builds its own 100,000 synthetic candidates each run, so comparing
two runs of it on a shared machine mixes the change with the machine's load. This script
loads one saved index (``save_index``; ``bench/rank_speed.py``'s pool saved once, or any
``rank --save-index`` folder) in a fresh process per tree, alternating before and after
``--pairs`` times (and which goes first), and times for the 9 postings of the relevance map: BM25 alone (code
neither tree changes, so its ratio shows the noise), the full score, rank top 10 and rank
top 10 explained. It prints each tree's medians and the median over pairs of after/before.

A tree older than a parameter the index records (an index saved with ``w_level`` read by
a tree without it) reads a copy of the folder whose ``meta.json`` drops what it does not
know; the arrays are linked, not copied.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

_CHILD = r'''
import dataclasses, json, os, statistics, sys, tempfile, time
from datetime import date
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from skillmix.io import read_corpus
from skillmix.match import MatchParams, load_index, to_match_document
from skillmix.match.rank import score_all
folder, jobs_csv, rel_path, repeat = Path(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
meta = json.loads((folder / "meta.json").read_text("utf-8"))
known = {f.name for f in dataclasses.fields(MatchParams)}
if set(meta["params"]) - known:
    tmp = Path(tempfile.mkdtemp())
    for p in folder.iterdir():
        if p.name != "meta.json":
            os.symlink(p.resolve(), tmp / p.name)
    meta["params"] = {k: v for k, v in meta["params"].items() if k in known}
    (tmp / "meta.json").write_text(json.dumps(meta), "utf-8")
    folder = tmp
m, idx = load_index(folder)
day = date.fromisoformat(meta["params"].get("as_of") or "2026-11-25")
rel = json.loads(Path(rel_path).read_text("utf-8"))["grades"]
jobs = [to_match_document(p, today=day) for p in read_corpus(jobs_csv) if p.id in rel]
def timed(fn):
    out = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); out.append((time.perf_counter() - t) * 1000)
    return out
res = {"bm25_only": [], "full_scores": [], "rank_top10": [], "rank_top10_explained": []}
for j in jobs:
    res["bm25_only"] += timed(lambda: idx.text_index.scores(j.text))
    res["full_scores"] += timed(lambda: score_all(m, j, idx))
    res["rank_top10"] += timed(lambda: m.rank(j, idx, top=10, explain=False))
    res["rank_top10_explained"] += timed(lambda: m.rank(j, idx, top=10))
print(json.dumps({k: statistics.median(v) for k, v in res.items()}))
if folder != Path(sys.argv[2]):
    import shutil
    shutil.rmtree(folder, ignore_errors=True)
'''


def _run(src: Path, args: argparse.Namespace) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(src.resolve()), str(args.index), str(args.jobs),
         str(ROOT / "bench" / "data" / "ranking_relevance.json"), str(args.repeat)],
        capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--before", type=Path, required=True, help="the src folder of the baseline")
    ap.add_argument("--after", type=Path, default=ROOT / "src")
    ap.add_argument("--pairs", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=12)
    ap.add_argument("--jobs", type=Path, default=SHARED / "postings" / "linkedin_2024-04_sample.csv")
    args = ap.parse_args()
    before, after = [], []
    for i in range(args.pairs):  # which tree runs first alternates too: order is a bias
        if i % 2:
            after.append(_run(args.after, args))
            before.append(_run(args.before, args))
        else:
            before.append(_run(args.before, args))
            after.append(_run(args.after, args))
    report = {}
    for k in before[0]:
        b, a = [r[k] for r in before], [r[k] for r in after]
        report[k] = {"before_median_ms": round(statistics.median(b), 2),
                     "after_median_ms": round(statistics.median(a), 2),
                     "pair_ratios": [round(x / y, 3) for x, y in zip(a, b)],
                     "median_ratio": round(statistics.median(x / y for x, y in zip(a, b)), 3)}
    print(json.dumps({"pairs": args.pairs, "index": str(args.index), **report}, indent=2))


if __name__ == "__main__":
    main()
