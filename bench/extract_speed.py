"""Extraction throughput, memory and start-up times (issue #2).

Reads the real postings in ``../shared/data/postings/`` (LinkedIn, Remotive, Adzuna),
then, in one process on one core, with the builtin + full ESCO + Lightcast vocabularies:

* baseline: the Aho-Corasick scan alone over the normalised text (matching only);
* lexical: matching plus guards and overlap resolution (context rules off);
* full: lexical plus context rules and sections (what ``skillmix extract`` does).

Prints postings/second for each and the ratio to the baseline, peak RSS, and start-up
times measured in fresh subprocesses: cold (no vocabulary cache: parse taxonomies and
compile), cached (new process, compiled vocabulary on disk) and warm (second extractor
in the same process).

    python bench/extract_speed.py [--repeat 3] [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def spec(shared: Path) -> str:
    return f"builtin+esco+lightcast:{shared / 'taxonomies/lightcast/open_skills.csv'}"


def load_postings(shared: Path):
    from skillmix.io import read_corpus

    out = []
    for name in ("linkedin_2024-04_sample.csv", "remotive_2025-04.jsonl",
                 "adzuna_uk_2013_sample.csv"):
        out.extend(read_corpus(shared / "postings" / name))
    return out


def startup(shared: Path, cache: str) -> dict[str, float]:
    code = (
        "import time,json,resource;t=time.perf_counter();"
        "from skillmix.extract import Extractor;"
        f"e=Extractor({spec(shared)!r});a=time.perf_counter()-t;"
        f"t=time.perf_counter();e2=Extractor({spec(shared)!r});b=time.perf_counter()-t;"
        "print(json.dumps({'first':a,'second':b,"
        "'rss_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))"
    )
    env = dict(os.environ, SKILLMIX_CACHE_DIR=cache)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.shared.is_dir():
        sys.exit(f"shared data not found at {args.shared}")

    with tempfile.TemporaryDirectory() as cache:
        cold = startup(args.shared, cache)
        cached = startup(args.shared, cache)
        os.environ["SKILLMIX_CACHE_DIR"] = cache
        from skillmix.extract import Extractor
        from skillmix.extract.engine import _FINAL_DOT
        from skillmix.extract.normal_form import normalise

        t = time.perf_counter()
        postings = load_postings(args.shared)
        read_s = time.perf_counter() - t
        docs = [p.document for p in postings]
        chars = sum(len(d.text) for d in docs) / len(docs)
        ex = Extractor(spec(args.shared))
        auto = ex.vocabulary.automaton

        def run_scan() -> int:
            n = 0
            for d in docs:
                for _ in auto.iter(" " + _FINAL_DOT.sub(" ", normalise(d.text)) + " "):
                    n += 1
            return n

        def run_extract(context: bool) -> int:
            ex.context = context
            return sum(len(ex.extract(d).mentions) for d in docs)

        results = {}
        for name, fn in (("baseline: scan only", run_scan),
                         ("lexical (context off)", lambda: run_extract(False)),
                         ("full (context + sections)", lambda: run_extract(True))):
            best = float("inf")
            count = 0
            for _ in range(args.repeat):
                t = time.perf_counter()
                count = fn()
                best = min(best, time.perf_counter() - t)
            results[name] = (len(docs) / best, count / len(docs))
        base = results["baseline: scan only"][0]
        print(f"postings: {len(docs)} (avg {chars:.0f} chars), read in {read_s:.2f}s "
              f"({len(docs) / read_s:.0f}/s incl. section detection)")
        print(f"vocabulary: {len(ex.vocabulary.entries):,} keys over {ex.taxonomy_label}")
        for name, (rate, per) in results.items():
            print(f"{name:28s} {rate:8.0f} postings/s/core  x{rate / base:.2f} of baseline"
                  f"  ({per:.1f} hits or mentions/posting)")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS, this process: {rss:.0f} MB")
        print(f"start, cold (compile, no cache): {cold['first']:.2f}s, peak RSS {cold['rss_mb']:.0f} MB")
        print(f"start, cached (new process):     {cached['first']:.2f}s, peak RSS {cached['rss_mb']:.0f} MB")
        print(f"start, warm (same process):      {cached['second']:.2f}s")


if __name__ == "__main__":
    main()
