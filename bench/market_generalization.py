"""How much of the market classifier's development score survives: leave one corpus out, and the
same figures with the word lists as they were before they were refined on these labels.

Three list versions, each read with the same code and the same extraction:
  current  the packaged lists (features version 2, refined while reading CV errors here)
  v1       the lists at commit ead2360 (bench/market_lists/features_v1.yaml), before that
  guide    the social media cue lists cut to the words the labelling guide itself names
           (bench/market_lists/features_guide.yaml)
For each: 5-fold CV grouped by company (mean ± sd over repeats of the pooled out-of-fold
figure; the keyword rule in the same folds; the LinkedIn postings' share of the pooled
figure), then leave one corpus out (fit on two corpora, score the third; ± is the bootstrap
sd over the test corpus's company groups, one fit per split). No figure fits on everything.

Usage:
    python bench/market_generalization.py [--repeats 2] [--lists current,v1,guide] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
LISTS = {"current": None, "v1": ROOT / "bench" / "market_lists" / "features_v1.yaml",
         "guide": ROOT / "bench" / "market_lists" / "features_guide.yaml"}


def _pm(v: Any) -> str:
    if v is None:
        return "-"
    return f"{v[0]:.3f}±{v[1]:.3f}"


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    import yaml

    from skillmix.market.features import FeatureLists
    from skillmix.market.generalization import leave_one_corpus_out
    from skillmix.market.training import cross_validate, extract_all, features_of, load_labelled_postings

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", default=str(ROOT / "data" / "labels" / "market_labels.jsonl"))
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=500, help="bootstrap rounds of the corpus splits")
    ap.add_argument("--lists", default="current,v1,guide")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    items = load_labelled_postings(args.labels, SHARED / "postings")
    extractions, rules = extract_all(items)
    out: dict[str, Any] = {}
    for name in args.lists.split(","):
        path = LISTS[name]
        lists = None if path is None else FeatureLists.from_dict(yaml.safe_load(path.read_text("utf-8")), str(path))
        feats = features_of(items, extractions, lists)
        cv = cross_validate(items, feats, rules, repeats=args.repeats, seed=args.seed)
        loco = leave_one_corpus_out(items, feats, rules, seed=args.seed, rounds=args.rounds)
        out[name] = {"cv": cv.to_dict(), "loco": loco.to_dict()}
    if args.json:
        print(json.dumps(out, indent=1))
        return
    n, pos = len(items), sum(lp.label.requires for lp in items)
    print(f"{n} labelled postings, {pos} positive; {time.perf_counter() - t0:.0f} s")
    print(f"\n5-fold CV grouped by company, {args.repeats} repeats (mean ± sd over repeats); "
          "kw = keyword 'social media' in text, same folds; LinkedIn = its 232 postings inside the pooled figure")
    print(f"{'lists':8s} {'P':>11s} {'R':>11s} {'F1':>11s} {'kw F1':>11s} {'strength+':>11s} {'areas':>11s} | "
          f"{'LI P':>6s} {'LI R':>6s} {'LI str+':>7s} {'LI areas':>8s}")
    for name, d in out.items():
        p, k = d["cv"]["pooled"]["learned"], d["cv"]["pooled"]["keyword"]
        li = d["cv"]["by_source"].get("linkedin/learned", {})

        def m(x: dict[str, float]) -> tuple[float, float]:
            return (x["mean"], x["sd"])

        print(f"{name:8s} {_pm(m(p['precision'])):>11s} {_pm(m(p['recall'])):>11s} {_pm(m(p['f1'])):>11s} "
              f"{_pm(m(k['f1'])):>11s} {_pm(m(p['strength_acc_pos'])):>11s} {_pm(m(p['areas_macro_f1'])):>11s} | "
              f"{li.get('precision', 0):6.3f} {li.get('recall', 0):6.3f} {li.get('strength_acc_pos', 0):7.3f} "
              f"{li.get('areas_macro_f1', 0):8.3f}")
    print(f"\nLeave one corpus out (fit on the other two; ± = bootstrap sd over the test corpus's company groups, "
          f"{args.rounds} rounds)")
    print(f"{'lists':8s} {'test':9s} {'n/pos':>7s} {'P':>11s} {'R':>11s} {'F1':>11s} {'kw F1':>11s} "
          f"{'rules F1':>11s} {'strength+':>11s} {'areas':>11s}")
    for name, d in out.items():
        for s in d["loco"]["splits"]:
            sc = s["scores"]

            def g(model: str, key: str) -> tuple[float, float] | None:
                v = sc[model].get(key)
                return None if v is None else (v["value"], v["sd"])

            print(f"{name:8s} {s['test']:9s} {s['n']:>3d}/{s['positives']:<3d} {_pm(g('learned', 'precision')):>11s} "
                  f"{_pm(g('learned', 'recall')):>11s} {_pm(g('learned', 'f1')):>11s} {_pm(g('keyword', 'f1')):>11s} "
                  f"{_pm(g('rules', 'f1')):>11s} {_pm(g('learned', 'strength_acc_pos')):>11s} "
                  f"{_pm(g('learned', 'areas_macro_f1')):>11s}")
            wrong = s["false_positives"] + s["false_negatives"]
            if wrong:
                print(f"{'':18s} wrong: FP {', '.join(s['false_positives']) or '-'}; "
                      f"FN {', '.join(s['false_negatives']) or '-'}")
    print("\nstrength+: strength accuracy over the labelled positives (a missed positive counts as wrong); "
          "areas: macro F1 over the 7 areas.")


if __name__ == "__main__":
    main()
