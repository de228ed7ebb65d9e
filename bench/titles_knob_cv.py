"""Choose one normaliser knob by 5-fold cross-validation grouped by company, the others fixed.

``titles_eval.py`` chooses ``text_weight``, ``ambiguity``, ``level`` and ``title_level``
together over a grid; a further knob would multiply that grid. This script scores one
knob's values with the other knobs at their shipped defaults, over every coded development
posting (LinkedIn, both Remotive/Adzuna samples, fresh2, fresh3: 841; never fresh4),
chooses the value with the best top-1 acceptable on four company folds (ties to the
smaller value) and scores it on the fifth; it prints each value's plain scores, the value
chosen in each fold, the cross-validated mean (sd) and, for reference, the values a
LinkedIn-only CV would choose.

Usage:
    PYTHONPATH=src python bench/titles_knob_cv.py --knob head --values 0,0.125,0.25,0.375,0.5
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from titles_eval import (  # noqa: E402
    METRICS,
    _memoise_text_profiles,
    choose_by_cv,
    fold_stats,
    folds_by_company,
    linkedin_items,
    more_items,
    score,
)


def main() -> None:
    from skillmix.occupations import TitleNormaliser

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--knob", default="head")
    ap.add_argument("--values", default="0,0.125,0.25,0.375,0.5")
    args = ap.parse_args()
    values = [float(v) for v in args.values.split(",")]
    _memoise_text_profiles()
    items = linkedin_items()
    union = (items + more_items() + more_items("titles_new_coded.jsonl") + more_items("titles_fresh2_coded.jsonl")
             + more_items("titles_fresh3_coded.jsonl"))
    golds = [(it["soc"], {it["soc"], *it["acceptable"]}) for it in union]
    n_li = len(items)
    li_folds = folds_by_company(items)
    unread = [i for i in range(n_li) if li_folds[i] >= 2]
    preds: dict[tuple[float, ...], list[list[str]]] = {}
    print(f"{args.knob:>8} {'set':>10} " + " ".join(f"{m:>15}" for m in METRICS))
    for v in values:
        nz = TitleNormaliser(k=5, **{args.knob: v})
        p = [[c.detailed for c in nz.normalise(it["title"], it["text"]).candidates] for it in union]
        preds[(v,)] = p
        for name, ix in (("all", range(len(union))), ("linkedin", range(n_li)), ("li f2-4", unread)):
            s = score([p[i] for i in ix], [golds[i] for i in ix])
            print(f"{v:8.3f} {name:>10} " + " ".join(f"{s[m]:15.3f}" for m in METRICS))
    folds = folds_by_company(union)
    cv, chosen = choose_by_cv(preds, golds, folds)
    st = fold_stats(cv, golds, folds)
    print(f"\nchosen per fold over all {len(union)}: {[c[0] for c in chosen]}")
    print("CV mean (sd): " + " ".join(f"{m} {st[m]['mean']:.3f} ({st[m]['sd']:.3f})" for m in METRICS))
    _, li_chosen = choose_by_cv({k: v[:n_li] for k, v in preds.items()}, golds[:n_li], li_folds)
    print(f"a LinkedIn-only CV would choose: {[c[0] for c in li_chosen]}")


if __name__ == "__main__":
    main()
