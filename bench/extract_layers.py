"""What each layer of the default extraction path costs (issue #13).

On the shared postings (LinkedIn, Remotive, Adzuna samples), in one process pinned to
one core if ``taskset`` is used, with the default builtin vocabulary, timed in rounds
that interleave the configurations so that machine load hits them alike:

* scan: normalisation and the Aho-Corasick pass alone (the floor);
* lexical: the scan plus hit guards and overlap resolution (``context=False``);
* context: lexical plus context rules (requirement, years, negation, usage, example
  groups) and sections, without duty patterns (``duties=False``);
* default: everything ``skillmix extract`` does by default: context plus duty patterns.

Prints postings/second for each, the ratio to the scan and the per-layer cost in
microseconds per posting. Semantic recall is off by default (see docs/extract.md for
its cost: ``--semantic`` adds it).

    taskset -c 0 python bench/extract_layers.py [--rounds 5] [--limit 3000] [--src DIR]

``--src`` imports skillmix from another source tree (``bench/extract_ab.py`` runs two
trees interleaved with it). ``--clock cpu`` times with the process's CPU time instead of
the wall clock: on a loaded shared machine it counts less of the time spent waiting for
the core (it still feels the caches shared with other work).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if "--src" in sys.argv[:-1]:  # before skillmix is imported
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--src") + 1]).resolve()))

from skillmix.extract import Extractor  # noqa: E402
try:
    from skillmix.extract.engine import glue_points
except ImportError:  # before issue #13
    def glue_points(text: str) -> list[int]:
        return []
from skillmix.extract.normal_form import normalise  # noqa: E402
from skillmix.io import read_corpus  # noqa: E402


def load(shared: Path, limit: int) -> list:
    docs = []
    for name in ("linkedin_2024-04_sample.csv", "remotive_2025-04.jsonl", "adzuna_uk_2013_sample.csv"):
        path = shared / "postings" / name
        if path.exists():
            for p in itertools.islice(read_corpus(path), limit):
                docs.append(p.document if hasattr(p, "document") else p)
    return docs[:limit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--semantic", action="store_true")
    ap.add_argument("--src", type=Path, help="the source tree to import skillmix from")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = ap.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    docs = load(args.shared, args.limit)
    lexical = Extractor("builtin", context=False)
    context = Extractor("builtin", duties=False)
    default = Extractor("builtin")
    def scan(d):
        g = glue_points(d.text)
        return lexical._hits(d.text, normalise(d.text), g) if g else lexical._hits(d.text, normalise(d.text))

    runs = {"scan": scan,
            "lexical": lexical.extract, "context": context.extract, "default": default.extract}
    if args.semantic:
        semantic = Extractor("builtin", semantic=True)
        runs["default+semantic"] = semantic.extract
    best: dict[str, float] = {}
    for fn in runs.values():  # warm up
        for d in docs[:50]:
            fn(d)
    for _ in range(args.rounds):
        for name, fn in runs.items():
            t = clock()
            for d in docs:
                fn(d)
            dt = clock() - t
            best[name] = min(best.get(name, dt), dt)
    n = len(docs)
    import skillmix

    out = {"src": str(Path(skillmix.__file__).parent), "postings": n, "rounds": args.rounds,
           "clock": args.clock}
    for name, dt in best.items():
        out[name] = {"postings_per_s": round(n / dt), "x_scan": round(best["scan"] / dt, 3),
                     "us_per_posting": round(dt / n * 1e6, 1)}
    out["cost_us"] = {
        "guards_and_overlaps": round((best["lexical"] - best["scan"]) / n * 1e6, 1),
        "context_and_sections": round((best["context"] - best["lexical"]) / n * 1e6, 1),
        "duty_patterns": round((best["default"] - best["context"]) / n * 1e6, 1),
    }
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
