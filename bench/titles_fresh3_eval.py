"""The fourth held-out sample of posting titles (``bench/data/titles_fresh3_coded.jsonl``).

120 postings drawn by ``bench/titles_fresh3_draw.py`` (seed 2028: 4 Remotive, the last
uncoded ones, and 116 Adzuna UK) and coded by reading before any system output on them was
seen. Meant to be run once at the end of a round of changes, its errors unread: it is the
estimate for titles nobody tuned on. Printed beside the char n-gram baseline of
``titles_eval.py`` in the same run, per source and in all, with a 95% Wilson interval for
the all-postings figures. ``--sample`` scores another coded file the same way.

Usage:
    PYTHONPATH=src python bench/titles_fresh3_eval.py [--json] [--sample titles_fresh3_coded.jsonl]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from titles_eval import METRICS, CharTfidf, more_items, score  # noqa: E402


def wilson(p: float, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion."""
    if not n:
        return (0.0, 1.0)
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def main(argv: list[str] | None = None) -> None:
    from skillmix.occupations import TitleNormaliser
    from skillmix.occupations.index import load_onet_titles
    from skillmix.occupations.normalise import NORMALISER_VERSION

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sample", default="titles_fresh3_coded.jsonl")
    args = ap.parse_args(argv)
    items = more_items(args.sample)
    golds = [(it["soc"], {it["soc"], *it["acceptable"]}) for it in items]
    ours = TitleNormaliser(k=5)
    base = CharTfidf(load_onet_titles())
    preds = {
        "skillmix": [[c.detailed for c in ours.normalise(it["title"], it["text"]).candidates] for it in items],
        "skillmix_title_only": [[c.detailed for c in ours.normalise(it["title"]).candidates] for it in items],
        "char_tfidf": [base.top(it["title"]) for it in items],
    }
    report: dict[str, object] = {"normaliser": NORMALISER_VERSION, "sample": args.sample, "items": len(items)}
    sources = [s for s in ("remotive", "adzuna") if any(it["source"] == s for it in items)] + ["all"]
    for src in sources:
        ix = [i for i, it in enumerate(items) if src in ("all", it["source"])]
        report[src] = {name: score([p[i] for i in ix], [golds[i] for i in ix]) for name, p in preds.items()}
    for name in preds:
        sc = report["all"][name]  # type: ignore[index]
        sc["interval_95"] = {m: wilson(sc[m], len(items)) for m in METRICS}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"Fresh titles ({args.sample}), normaliser {NORMALISER_VERSION}")
    print(f"{'set / model':34} {'exact':>6} {'accept':>6} {'major':>6} {'top5':>6}")
    for src in sources:
        for name in preds:
            sc = report[src][name]  # type: ignore[index]
            print(f"{src + ' (' + str(sc['n']) + ') ' + name:34} " + " ".join(f"{sc[m]:6.3f}" for m in METRICS))
    for name in preds:
        iv = report["all"][name]["interval_95"]  # type: ignore[index]
        print(f"  95% interval, all, {name}: " + "  ".join(f"{m} {lo:.3f}-{hi:.3f}" for m, (lo, hi) in iv.items()))


if __name__ == "__main__":
    main()
