"""Learned social media classifier vs the keyword baseline and the rule classifier, by
grouped, nested cross-validation on the hand labels, plus feature ablations.

Each row is the learned model refitted without one feature family, or with the rule
classifier's score added back as a feature (same folds, same seed),
so a reader sees what each family buys; the keyword rule (``"social media" in text``) and the
rule classifier are scored on the same test folds. Figures are mean ± sd over repeats of the
pooled out-of-fold figure; F1/kw is the ratio to the keyword baseline's F1 in the same run.

Usage:
    python bench/market_classifier.py [--repeats 2] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))

ABLATIONS = {
    "learned (all features)": (),
    "without sentence context (incidental/company/boilerplate)": ("incidental_cues", "company_cues",
                                                                   "boilerplate_cues"),
    "without platform-only and channel-list cues": ("platform_sentences", "platform_other_sentences",
                                                     "list_sentences"),
}


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from skillmix.market.training import cross_validate, featurise, load_labelled_postings

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    items = load_labelled_postings(ROOT / "data" / "labels" / "market_labels.jsonl", SHARED / "postings")
    feats, rules = featurise(items)
    rows = []
    base = None
    runs = [(name, [dataclasses.replace(f, social={k: v for k, v in f.social.items() if k not in drop}) for f in feats])
            for name, drop in ABLATIONS.items()]
    # the rule classifier's verdict was a feature until features v2; this row adds it back
    runs.append(("with the rule classifier's score added", [
        dataclasses.replace(f, social={**f.social, "rule_score": min(r.score, 5.0), "rule_yes": float(r.requires)})
        for f, r in zip(feats, rules)]))
    for name, fs in runs:
        rep = cross_validate(items, fs, rules, repeats=args.repeats)
        models = [("learned", name)] if base is not None else [("learned", name), ("rules", "rule classifier"),
                                                               ("keyword", "keyword 'social media' in text")]
        for key, label in models:
            p = rep.pooled[key]
            rows.append({"model": label, **{m: p[m] for m in ("precision", "recall", "f1", "strength_acc_pos")},
                         "areas_macro_f1": p.get("areas_macro_f1")})
        if base is None:
            base = rep.pooled["keyword"]["f1"][0]
    assert base is not None
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(f"{len(items)} labelled postings, {sum(lp.label.requires for lp in items)} positive; "
          f"5-fold CV grouped by company, {args.repeats} repeats (mean ± sd over repeats)")
    print(f"{'model':58s} {'P':>13s} {'R':>13s} {'F1':>13s} {'F1/kw':>6s} {'str+':>13s} {'areaF1':>13s}")

    def pm(v: tuple[float, float] | None) -> str:
        return "" if v is None else f"{v[0]:.3f} ± {v[1]:.3f}"

    for r in rows:
        print(f"{r['model'][:58]:58s} {pm(r['precision']):>13s} {pm(r['recall']):>13s} {pm(r['f1']):>13s} "
              f"{r['f1'][0] / base:6.3f} {pm(r['strength_acc_pos']):>13s} {pm(r['areas_macro_f1']):>13s}")
    print("str+: strength accuracy over the labelled positives (a missed positive counts as wrong); "
          "areaF1: macro F1 over the 7 areas.")


if __name__ == "__main__":
    main()
