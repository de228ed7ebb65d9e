"""Fit the learned market classifier on the hand labels and ship it as JSON.

Runs the grouped, nested cross-validation first (the figures that go into the model file
and that ``skillmix market report`` quotes as the classifier's estimated precision and
recall), then fits the three decisions on every label and writes
``src/skillmix/market/data/classifier_model.json``. The fit on everything is only the
shipped model, never a result. Needs the ``market`` extra (scikit-learn).

Usage:
    python scripts/train_market_classifier.py [--repeats 5] [--folds 5] [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))


def _next_version(shipped: Path) -> str:
    """The shipped model's version plus one: a refit never silently reuses an old number
    (the default used to be "1", which set the model's version back twice)."""
    try:
        return str(int(json.loads(shipped.read_text("utf-8"))["version"]) + 1)
    except (OSError, ValueError, KeyError, TypeError):
        return "1"


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from skillmix.market.training import (company_groups, cross_validate, featurise, fit_market_model,
                                          load_labelled_postings)

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", default=str(ROOT / "data" / "labels" / "market_labels.jsonl"))
    ap.add_argument("--postings", default=str(SHARED / "postings"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--version", default=None,
                    help="the new model's version; by default the shipped model's plus one")
    ap.add_argument("--cautious-lists", default=str(ROOT / "bench" / "market_lists" / "features_v1.yaml"),
                    help="word lists before their refinement on these labels; '' to skip that CV")
    ap.add_argument("--out", default=str(ROOT / "src" / "skillmix" / "market" / "data" / "classifier_model.json"))
    args = ap.parse_args()
    t0 = time.perf_counter()
    items = load_labelled_postings(args.labels, args.postings)
    feats, rules = featurise(items)
    report = cross_validate(items, feats, rules, folds=args.folds, repeats=args.repeats, seed=args.seed,
                            progress=lambda s: print(s, file=sys.stderr))
    if args.cautious_lists:
        # the same CV with the word lists as they were before they were refined on these labels:
        # the report quotes it next to a perfect development score (docs/market.md)
        import yaml

        from skillmix.market.features import FeatureLists
        from skillmix.market.training import extract_all, features_of

        lp = Path(args.cautious_lists)
        lists = FeatureLists.from_dict(yaml.safe_load(lp.read_text("utf-8")), str(lp))
        before = cross_validate(items, features_of(items, extract_all(items)[0], lists), rules, folds=args.folds,
                                repeats=args.repeats, seed=args.seed).to_dict()
        cv_extra = {"before_refinement": {"lists": lp.name, **before["pooled"]}}
    else:
        cv_extra = {}
    groups = company_groups(items)
    version = args.version or _next_version(Path(args.out))
    model = fit_market_model(feats, [lp.label for lp in items], groups, seed=args.seed, version=version)
    from skillmix.extract import EXTRACTOR_VERSION

    digest = hashlib.sha256(Path(args.labels).read_bytes()).hexdigest()[:16]
    model = replace(model, cv={**report.to_dict(), **cv_extra},
                    trained_on={"labels": Path(args.labels).name, "labels_sha256_16": digest,
                                "n": len(items), "positives": sum(lp.label.requires for lp in items),
                                "sources": sorted({lp.source for lp in items}), "seed": args.seed,
                                "extractor_version": EXTRACTOR_VERSION})
    model.save(args.out)
    d = report.to_dict()
    for m in ("learned", "keyword", "rules"):
        print(m, json.dumps({k: (v["mean"], v["sd"]) for k, v in d["pooled"][m].items()}))
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
