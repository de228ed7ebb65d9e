"""What an erasure's scrub of the audit log costs in Python, per listing row.

Erasing a candidate rewrites every audit row whose detail names them; the home page's
listing rows name up to 200 candidates each, so a much-listed candidate means thousands of
rows of hundreds of ids (docs/serve.md). This times ``skillmix.store.erase.scrub_detail``
over such rows, in one process, with each string tested as it is (the shipped path) and
written as JSON first (the path before session 23), and checks both give the same rows.

    python bench/audit_scrub.py [--rows 3000] [--listed 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import skillmix.store.erase as erase  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=3000)
    ap.add_argument("--listed", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(23)
    pool = [f"cand_{rng.getrandbits(64):016x}" for _ in range(2 * args.listed)]
    target = pool[0]
    rows = [{"via": "web", "candidates": [target, *rng.sample(pool[1:], args.listed - 1)]}
            for _ in range(args.rows)]
    plain_names = erase._names

    def as_json(value, ids, plain=False):  # the path before: every value written as JSON
        return plain_names(value, ids, False)

    times: dict[str, float] = {}
    out: dict[str, list] = {}
    for name, names in (("as JSON first", as_json), ("as it is", plain_names)):
        erase._names = names
        best = float("inf")
        for _ in range(args.repeat):
            t = time.process_time()
            out[name] = [erase.scrub_detail(r, [target]) for r in rows]
            best = min(best, time.process_time() - t)
        times[name] = best
    erase._names = plain_names
    same = out["as JSON first"] == out["as it is"]
    print(json.dumps({"rows": args.rows, "listed": args.listed, "same_rows": same,
                      "ms": {k: round(v * 1000, 1) for k, v in times.items()},
                      "x": round(times["as JSON first"] / times["as it is"], 2)}))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
