"""Paired, repeated, company-grouped cross-validation for the market probes (issue #18).

Two recipes are fitted and scored in the very same outer folds (stratified and grouped by
company, the seeds of ``skillmix market eval``), repeated with other shuffles; the report
gives each recipe's pooled out-of-fold figures (mean ± population sd over repeats) and the
paired per-repeat difference, overall, on LinkedIn (the reference reader's labels) and per
area. ``bench/market_area_text.py`` and ``bench/market_area_chain.py`` differ only in what
a fold fits, so that part is theirs and the rest lives here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from statistics import mean, pstdev
from typing import Any, Callable, Mapping, Sequence

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

#: what a fold fits: (training rows, scored rows, seed) -> {recipe: {scored row: verdict}}
FoldFit = Callable[[list[int], list[int], int], Mapping[str, Mapping[int, Any]]]


def arguments(description: str) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--labels", default=str(ROOT / "data" / "labels" / "market_labels.jsonl"))
    ap.add_argument("--postings", default=str(SHARED / "postings"))
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--json", action="store_true")
    return ap.parse_args()


def labelled(args: argparse.Namespace) -> tuple[list[Any], list[Any], list[Any], list[int]]:
    """The labelled postings, their features, labels and company groups."""
    from skillmix.market.training import company_groups, featurise, load_labelled_postings

    items = load_labelled_postings(args.labels, args.postings)
    feats, _ = featurise(items)
    return items, feats, [lp.label for lp in items], company_groups(items)


def paired_cv(items: Sequence[Any], labels: Sequence[Any], groups: Sequence[int],
              recipes: Sequence[str], fit_fold: FoldFit, *, repeats: int, folds: int,
              seed: int) -> dict[str, dict[str, list[float]]]:
    """Per recipe, per figure, one pooled out-of-fold value per repeat."""
    from sklearn.model_selection import StratifiedGroupKFold

    from skillmix.market.evaluate import score_verdicts
    from skillmix.market.features import AREAS

    y = [int(lab.requires) for lab in labels]
    li = [i for i, lp in enumerate(items) if lp.source == "linkedin"]
    got: dict[str, dict[str, list[float]]] = {name: {} for name in recipes}
    for r in range(repeats):
        cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed + r)
        preds: dict[str, dict[int, Any]] = {name: {} for name in recipes}
        for k, (tr, te) in enumerate(cv.split([[0]] * len(items), y, groups)):
            fold = fit_fold([int(i) for i in tr], [int(i) for i in te], seed + 100 * r + k)
            for name in recipes:
                preds[name].update(fold[name])
            print(f"repeat {r + 1}/{repeats}, fold {k + 1}/{folds}", file=sys.stderr, flush=True)
        for name, p in preds.items():
            s_all = score_verdicts([(labels[i], p[i]) for i in range(len(items))], AREAS)
            s_li = score_verdicts([(labels[i], p[i]) for i in li], AREAS)
            d = got[name]
            for key, val in (("precision", s_all.precision), ("recall", s_all.recall), ("f1", s_all.f1),
                             ("strength", s_all.strength_accuracy_positives), ("areas", s_all.areas_macro_f1),
                             ("linkedin_areas", s_li.areas_macro_f1)):
                d.setdefault(key, []).append(float(val or 0.0))
            for a in AREAS:
                d.setdefault(f"all_{a}", []).append(s_all.areas_f1[a])
                d.setdefault(f"linkedin_{a}", []).append(s_li.areas_f1[a])
        print(f"repeat {r + 1}: " + "; ".join(
            f"{name} areas {got[name]['areas'][-1]:.4f}, LinkedIn {got[name]['linkedin_areas'][-1]:.4f}"
            for name in recipes), file=sys.stderr, flush=True)
    return got


def paired_gain(got: Mapping[str, Mapping[str, list[float]]], base: str, other: str
                ) -> dict[str, tuple[float, float]]:
    """Per figure, the mean and population sd over repeats of ``other`` minus ``base``."""
    diff = {k: [b - a for a, b in zip(got[base][k], got[other][k])] for k in got[base]}
    return {k: (round(mean(v), 4), round(pstdev(v), 4)) for k, v in diff.items()}


def report(got: Mapping[str, Mapping[str, list[float]]], base: str, other: str,
           headers: tuple[str, str], *, n_items: int, n_linkedin: int, args: argparse.Namespace,
           extra: Mapping[str, Any] | None = None) -> dict[str, tuple[float, float]]:
    """Print the table (or JSON with ``--json``) and return the paired gains."""
    table = {n: {k: (round(mean(v), 4), round(pstdev(v), 4)) for k, v in d.items()} for n, d in got.items()}
    gain = paired_gain(got, base, other)
    if args.json:
        print(json.dumps({"models": table, "paired_gain": gain, **(extra or {})}, indent=1))
        return gain
    print(f"{args.folds}-fold grouped CV x {args.repeats} repeats, {n_items} labels "
          f"({n_linkedin} LinkedIn); mean ± sd over repeats; gain = paired per-repeat difference")
    print(f"{'figure':<38} {headers[0]:>16} {headers[1]:>16} {'gain':>16}")
    for k in table[base]:
        c, t, g = table[base][k], table[other][k], gain[k]
        print(f"{k:<38} {c[0]:.3f} ± {c[1]:.3f}   {t[0]:.3f} ± {t[1]:.3f}   {g[0]:+.3f} ± {g[1]:.3f}")
    return gain
