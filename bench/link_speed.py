"""Linking throughput on many real job-ad sentences (SkillSpan dev, ~3.4k sentences).

    python bench/link_speed.py [--query static|transformer] [--n 2000] [--workers 2]

Ranks the full ESCO label space of the Decorte benchmark for each sentence (top 100, as
the eval command does) after one warm-up batch; prints sentences per second (wall) and
per CPU second, the load average, and the load time, as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from skillmix.link.linker import EscoLinker  # noqa: E402


def sentences(root: Path) -> list[str]:
    out: list[str] = []
    for f in sorted((root / "benchmarks" / "skillspan").glob("*_dev.conll")):
        cur: list[str] = []
        for line in f.read_text(encoding="utf-8").splitlines() + [""]:
            if line.strip():
                cur.append(line.split("\t")[0])
            elif cur:
                out.append(" ".join(cur))
                cur = []
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SKILLMIX_SHARED_DATA", "../shared/data")))
    ap.add_argument("--query", default="static", choices=["static", "transformer"])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    t0 = time.perf_counter()
    linker = EscoLinker.load(
        labels=args.shared / "benchmarks" / "decorte" / "skills_en_label.txt", query_encoder=args.query
    )
    linker.config = linker.config.with_(workers=args.workers)
    texts = sentences(args.shared)[: args.n]
    linker.rank(texts[:16], 100)
    load = time.perf_counter() - t0
    w0, c0 = time.perf_counter(), time.process_time()
    linker.rank(texts, 100)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(json.dumps({
        "query_encoder": args.query, "workers": args.workers, "sentences": len(texts),
        "mean_words": round(sum(len(t.split()) for t in texts) / len(texts), 1),
        "sentences_per_second": round(len(texts) / wall, 1),
        "sentences_per_cpu_second": round(len(texts) / cpu, 1),
        "load_seconds": round(load, 2), "loadavg_1min": os.getloadavg()[0],
    }))


if __name__ == "__main__":
    main()
