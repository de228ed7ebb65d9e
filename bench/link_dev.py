"""Ablation of the ESCO linker's channels on the Decorte development splits.

    python bench/link_dev.py [--query transformer|static] [--student PATH|none] [--shared ../shared/data]

Prints one row per step (RP@1, RP@5, RP@10, MRR) for TECH and HOUSE validation, adding
one channel at a time, so each channel's gain is visible. Channels are computed once and
re-fused per step; the window channel's shortlist follows the full configuration.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from skillmix.link.evaluate import evaluate_rankings, read_benchmark  # noqa: E402
from skillmix.link.linker import EscoLinker, LinkerConfig  # noqa: E402


def ranked(linker: EscoLinker, scores: np.ndarray, depth: int = 100) -> list[list[str]]:
    labels = linker.space.labels
    top = np.argsort(-scores, axis=1, kind="stable")[:, :depth]
    return [[labels[i] for i in row] for row in top]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("SKILLMIX_SHARED_DATA", "../shared/data"))
    ap.add_argument("--query", default="transformer", choices=["transformer", "static"])
    ap.add_argument("--student", default=None,
                    help="static only: a student table to embed sentences with, or 'none' "
                    "for the distilled table alone [default: the shipped student]")
    args = ap.parse_args()
    root = Path(args.shared) / "benchmarks" / "decorte"
    t0 = time.perf_counter()
    query: object = args.query
    if args.query == "static" and args.student is not None:
        from skillmix.link.static import StaticEncoder

        query = StaticEncoder.load(student=False if args.student == "none" else Path(args.student))
    linker = EscoLinker.load(labels=root / "skills_en_label.txt", query_encoder=query)
    print(f"load {time.perf_counter() - t0:.1f}s, {len(linker.space)} labels")
    final = linker.config  # what EscoLinker.load chose for this query encoder
    off = dict(w_desc=0.0, w_bm25=0.0, w_phrase=0.0, w_window=0.0, w_label=1.0)
    # (name, config to fuse with, whether the sentence channel sees alternative labels)
    steps: list[tuple[str, LinkerConfig, bool]] = [
        ("zero-shot: sentence vs preferred labels", final.with_(**off), False),
        ("+ alternative labels (alt_mix 0.5)", final.with_(**off), True),
        ("+ description", final.with_(**{**off, "w_desc": final.w_desc}), True),
        ("+ BM25 over labels", final.with_(**{**off, "w_desc": final.w_desc, "w_bm25": final.w_bm25}), True),
        ("+ exact label phrase", final.with_(w_window=0.0, w_label=1.0), True),
        ("+ span windows", final, True),
        ("final: preferred labels at sentence level", final, False),
    ]
    for split in ("tech", "house"):
        sents = read_benchmark(root / f"{split}_validation_annotations.csv")
        texts = [s.sentence for s in sents]
        golds = [s.gold for s in sents]
        chans = {}
        for alts in (False, True):
            linker.config = final.with_(sentence_alts=alts)
            t1 = time.perf_counter()
            chans[alts] = linker.channels(texts)
            dt = time.perf_counter() - t1
        print(f"\n{split.upper()} validation: n={len(texts)}, {len(texts) / dt:.0f} sentences/s (channels)")
        for name, cfg, alts in steps:
            m = evaluate_rankings(ranked(linker, linker.fuse(chans[alts], cfg)), golds)
            print(f"  {name:44s} RP@1 {m['RP@1']:5.1f}  RP@5 {m['RP@5']:5.1f}  RP@10 {m['RP@10']:5.1f}  MRR {m['MRR']:.3f}")


if __name__ == "__main__":
    main()
