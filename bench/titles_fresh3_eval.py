"""Score a held-out sample of posting titles (default ``bench/data/titles_fresh3_coded.jsonl``).

Each sample was drawn by its ``titles_freshN_draw.py`` and coded by reading before any system
output on it was seen. Meant to be run once at the end of a round of changes, its errors
unread: it is the estimate for titles nobody tuned on. ``--sample`` names the coded file
(``titles_fresh4_coded.jsonl``: 120 Adzuna UK postings, seed 2030, stratified by category;
fresh3 and fresh2 were each run once this way and are development data since). Printed beside
the char n-gram baseline of ``titles_eval.py`` in the same run, per source and in all, with a
95% Wilson interval for the all-postings figures.

``--versus REF`` (repeatable) also scores the normaliser of an earlier commit in the same run:
its ``src`` is exported (``git archive``) to a temporary folder and this script runs under
it in a child process (``--predict``), so both versions see the same items and the report
can pair them: for each metric, the items the current version gets right and REF wrong, and
the reverse.

Usage:
    PYTHONPATH=src python bench/titles_fresh3_eval.py [--json] [--sample FILE] [--versus REF]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from titles_eval import METRICS, ROOT, CharTfidf, more_items, score  # noqa: E402


def wilson(p: float, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion."""
    if not n:
        return (0.0, 1.0)
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def predict(items: list[dict]) -> dict[str, object]:
    """Top-5 detailed codes per item, with the posting text and from the title alone."""
    from skillmix.occupations import TitleNormaliser
    from skillmix.occupations.normalise import NORMALISER_VERSION

    ours = TitleNormaliser(k=5)
    return {
        "version": NORMALISER_VERSION,
        "with_text": [[c.detailed for c in ours.normalise(it["title"], it["text"]).candidates] for it in items],
        "title_only": [[c.detailed for c in ours.normalise(it["title"]).candidates] for it in items],
    }


def predict_at(ref: str, sample: str) -> dict[str, object]:
    """``predict`` run by the normaliser of git ``ref`` (its ``src`` exported, a child process)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        out = subprocess.run([sys.executable, __file__, "--predict", "--sample", sample],
                             env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def right(pred: list[str], gold: tuple[str, set[str]], metric: str) -> bool:
    """One item's outcome on one metric (as ``titles_eval.score`` counts it)."""
    primary, accepted = gold
    if metric == "top1_exact":
        return bool(pred) and pred[0] == primary
    if metric == "top1_acceptable":
        return bool(pred) and pred[0] in accepted
    if metric == "major":
        return bool(pred) and pred[0][:2] in {c[:2] for c in accepted}
    return bool(set(pred[:5]) & accepted)


def main(argv: list[str] | None = None) -> None:
    from skillmix.occupations.index import load_onet_titles

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sample", default="titles_fresh3_coded.jsonl")
    ap.add_argument("--versus", action="append", default=[], metavar="REF",
                    help="also score the normaliser of this git commit in the same run")
    ap.add_argument("--predict", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    items = more_items(args.sample)
    if args.predict:  # the child process of --versus
        print(json.dumps(predict(items)))
        return
    golds = [(it["soc"], {it["soc"], *it["acceptable"]}) for it in items]
    now = predict(items)
    version = str(now["version"])
    base = CharTfidf(load_onet_titles())
    preds: dict[str, list[list[str]]] = {
        f"skillmix {version}": now["with_text"],  # type: ignore[dict-item]
        f"skillmix {version} title only": now["title_only"],  # type: ignore[dict-item]
    }
    for ref in args.versus:
        then = predict_at(ref, args.sample)
        preds[f"skillmix {then['version']} ({ref[:7]})"] = then["with_text"]  # type: ignore[assignment]
    preds["char_tfidf"] = [base.top(it["title"]) for it in items]
    report: dict[str, object] = {"normaliser": version, "sample": args.sample, "items": len(items),
                                 "versus": args.versus}
    sources = [s for s in ("remotive", "adzuna") if any(it["source"] == s for it in items)] + ["all"]
    for src in sources:
        ix = [i for i, it in enumerate(items) if src in ("all", it["source"])]
        report[src] = {name: score([p[i] for i in ix], [golds[i] for i in ix]) for name, p in preds.items()}
    for name in preds:
        sc = report["all"][name]  # type: ignore[index]
        sc["interval_95"] = {m: wilson(sc[m], len(items)) for m in METRICS}
    paired: dict[str, dict[str, dict[str, int]]] = {}
    for name in preds:
        if name.startswith("skillmix") and name != f"skillmix {version}":
            paired[name] = {m: {"better": sum(right(a, g, m) and not right(b, g, m)
                                              for a, b, g in zip(now["with_text"], preds[name], golds)),  # type: ignore[arg-type]
                                "worse": sum(right(b, g, m) and not right(a, g, m)
                                             for a, b, g in zip(now["with_text"], preds[name], golds))}  # type: ignore[arg-type]
                            for m in METRICS}
    report["paired_vs_current"] = paired
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"Fresh titles ({args.sample}), normaliser {version}")
    print(f"{'set / model':44} {'exact':>6} {'accept':>6} {'major':>6} {'top5':>6}")
    for src in sources:
        for name in preds:
            sc = report[src][name]  # type: ignore[index]
            print(f"{src + ' (' + str(sc['n']) + ') ' + name:44} " + " ".join(f"{sc[m]:6.3f}" for m in METRICS))
    for name in preds:
        iv = report["all"][name]["interval_95"]  # type: ignore[index]
        print(f"  95% interval, all, {name}: " + "  ".join(f"{m} {lo:.3f}-{hi:.3f}" for m, (lo, hi) in iv.items()))
    for name, per in paired.items():
        print(f"  {version} vs {name}, items right only with {version} / only with the other: "
              + "  ".join(f"{m} {d['better']}/{d['worse']}" for m, d in per.items()))


if __name__ == "__main__":
    main()
