"""How much the LinkedIn labels should count in the area models, chosen by nested CV.

Why: the seven area models are fitted on the pooled labels of three readers, whose area
conventions differ (LABELS.md: care work as psychology, plain sales roles as strategy), while
the maintainers measure the shipped model against the LinkedIn reader. Two knobs say how far
the fit leans towards that reader: ``w``, how many times each LinkedIn row counts in the
area fits (repeats share their company group, so no inner split separates a row from its
copy), and where each area's F1-best threshold is cut: on the inner out-of-fold
probabilities of all rows (``pooled``) or of the LinkedIn rows only (``linkedin``).

Every figure here is on outer test folds (the same grouped, stratified folds and seeds as
``skillmix market eval``). Each fixed setting is scored in those folds (a setting read off
that table is a development choice); the ``nested`` rows choose the setting inside each outer
training part by an inner grouped CV (LinkedIn areas macro-F1 on the inner out-of-fold
predictions), so no posting scored by a nested row helped choose its setting. ``nested
per-area`` chooses the setting for each area on its own LinkedIn F1 (seven choices). Only the
area models are refitted; the social media and strength decisions do not depend on these
knobs. Figures are mean ± sd over repeats of the pooled out-of-fold macro-F1.

Usage:
    python bench/market_area_weight.py [--repeats 2] [--inner 3] [--weights 1,2,3,5] [--probes] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from statistics import mean, pstdev
from typing import Any, Mapping, Sequence

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
REFERENCE = "linkedin"


def fit_areas(rows: Sequence[Mapping[str, float]], labels: Sequence[Any], sources: Sequence[str],
              groups: Sequence[int], idx: Sequence[int], w: int, seed: int) -> dict[str, dict[str, Any]]:
    """Area models fitted on the postings ``idx`` (their area feature ``rows``; LinkedIn
    postings counted ``w`` times), for each threshold mode: {mode: {area: LinearModel}}."""
    from skillmix.market.features import AREAS
    from skillmix.market.training import _best_threshold, fit_linear_oof

    rep = [i for i in idx for _ in range(w if sources[i] == REFERENCE else 1)]
    names = list(rows[0])
    out: dict[str, dict[str, Any]] = {"pooled": {}, "linkedin": {}}
    ref = [k for k, i in enumerate(rep) if sources[i] == REFERENCE]
    for a in AREAS:
        y = [int(a in labels[i].areas) for i in rep]
        model, probs = fit_linear_oof([rows[i] for i in rep], y, [groups[i] for i in rep], names,
                                      seed=seed, calibrate=False)
        out["pooled"][a] = model
        out["linkedin"][a] = replace(model, threshold=_best_threshold([y[k] for k in ref], [probs[k] for k in ref]))
    return out


def area_f1(labels: Sequence[Any], preds: dict[int, set[str]], idx: Sequence[int]) -> dict[str, float]:
    """Per-area F1 (as :func:`skillmix.market.evaluate.score_verdicts` counts it) over ``idx``."""
    from skillmix.market.features import AREAS

    out = {}
    for a in AREAS:
        tp = sum(a in labels[i].areas and a in preds[i] for i in idx)
        fp = sum(a in preds[i] and a not in labels[i].areas for i in idx)
        fn = sum(a in labels[i].areas and a not in preds[i] for i in idx)
        out[a] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def predict(models: dict[str, Any], row: Mapping[str, float]) -> set[str]:
    return {a for a, m in models.items() if m.decide(row)[0]}


def probe_rows(items: Sequence[Any], feats: Sequence[Any], extractions: Sequence[Any]
               ) -> dict[str, list[dict[str, float]]]:
    """Area feature rows of two probes, each scored at w=2 with pooled thresholds in the same
    outer folds (no knob chosen, so no inner loop). ``+ taxonomy detail``: per area, the
    distinct taxonomy skills credited to it and its mentions in duty or requirement sections
    or marked required/preferred (general features of the extraction, not word lists).
    ``+ reader copies``: every area feature again, non-zero on LinkedIn rows only, so the fit
    can learn where the LinkedIn reader departs from the pooled convention (a LinkedIn-like
    posting is scored as a LinkedIn row)."""
    import math

    from skillmix.market.features import _DUTY, _REQ, AREAS

    merged = {"platforms": "marketing_communications", "social_generic": "marketing_communications"}
    detail, copies = [], []
    for lp, f, ext in zip(items, feats, extractions):
        row = dict(f.areas)
        for a in AREAS:
            ms = [m for m in ext.mentions if m.counts and merged.get(m.area, m.area) == a]
            row[f"tax_distinct_{a}"] = math.log1p(len({m.skill_id for m in ms}))
            row[f"tax_job_{a}"] = math.log1p(sum(m.section in _DUTY or m.section in _REQ
                                                 or m.requirement in ("required", "preferred") for m in ms))
        detail.append(row)
        li = lp.source == REFERENCE
        copies.append({**f.areas, **{f"{REFERENCE}_{k}": (v if li else 0.0) for k, v in f.areas.items()}})
    return {"+ taxonomy detail": detail, "+ reader copies": copies}


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from sklearn.model_selection import StratifiedGroupKFold

    from skillmix.market.features import AREAS
    from skillmix.market.training import company_groups, extract_all, features_of, load_labelled_postings

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", default=str(ROOT / "data" / "labels" / "market_labels.jsonl"))
    ap.add_argument("--postings", default=str(SHARED / "postings"))
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--inner", type=int, default=3, help="inner folds that choose the setting")
    ap.add_argument("--weights", default="1,2,3,5")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--probes", action="store_true", help="also score the two feature probes (w=2, pooled)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    weights = [int(w) for w in args.weights.split(",")]
    settings = [(w, t) for w in weights for t in ("pooled", "linkedin")]

    items = load_labelled_postings(args.labels, args.postings)
    extractions = extract_all(items)[0]
    feats = features_of(items, extractions)
    base = [f.areas for f in feats]
    probes = probe_rows(items, feats, extractions) if args.probes else {}
    labels = [lp.label for lp in items]
    sources = [lp.source for lp in items]
    groups = company_groups(items)
    y = [int(lab.requires) for lab in labels]
    ref_idx = [i for i, s in enumerate(sources) if s == REFERENCE]
    rows = [f"w={w} {t}" for w, t in settings] + ["nested", "nested per-area"] + list(probes)
    got: dict[str, dict[str, list[float]]] = {r: {} for r in rows}
    chosen: list[str] = []
    for r in range(args.repeats):
        cv = StratifiedGroupKFold(n_splits=args.folds, shuffle=True, random_state=args.seed + r)
        preds: dict[str, dict[int, set[str]]] = {r_: {} for r_ in rows}
        for k, (tr, te) in enumerate(cv.split([[0]] * len(items), y, groups)):
            seed = args.seed + 100 * r + k
            outer = {w: fit_areas(base, labels, sources, groups, tr, w, seed) for w in weights}
            # the inner CV on the outer training part chooses the setting
            inner_pred: dict[tuple[int, str], dict[int, set[str]]] = {s: {} for s in settings}
            icv = StratifiedGroupKFold(n_splits=args.inner, shuffle=True, random_state=seed + 1000)
            ty, tg = [y[i] for i in tr], [groups[i] for i in tr]
            for j, (itr, ite) in enumerate(icv.split([[0]] * len(tr), ty, tg)):
                itr_idx, ite_idx = [int(tr[x]) for x in itr], [int(tr[x]) for x in ite]
                for w in weights:
                    fitted = fit_areas(base, labels, sources, groups, itr_idx, w, seed + 1000 * (j + 1))
                    for mode in ("pooled", "linkedin"):
                        for i in ite_idx:
                            inner_pred[(w, mode)][i] = predict(fitted[mode], base[i])
            inner_ref = [int(i) for i in tr if sources[i] == REFERENCE]
            inner_f1 = {s: area_f1(labels, p, inner_ref) for s, p in inner_pred.items()}
            best = max(settings, key=lambda s: (round(mean(inner_f1[s].values()), 6), -settings.index(s)))
            per_area = {a: max(settings, key=lambda s: (round(inner_f1[s][a], 6), -settings.index(s))) for a in AREAS}
            chosen.append(f"{best[0]}/{best[1]}")
            probe_models = {name: fit_areas(pr, labels, sources, groups, tr, 2, seed)["pooled"]
                            for name, pr in probes.items()}
            for i in te:
                i = int(i)
                for name, pm in probe_models.items():
                    preds[name][i] = predict(pm, probes[name][i])
                for (w, mode) in settings:
                    preds[f"w={w} {mode}"][i] = predict(outer[w][mode], base[i])
                preds["nested"][i] = predict(outer[best[0]][best[1]], base[i])
                preds["nested per-area"][i] = {a for a in AREAS
                                               if outer[per_area[a][0]][per_area[a][1]][a].decide(base[i])[0]}
            print(f"repeat {r + 1}, fold {k + 1}: chose {best}; per area "
                  + ", ".join(f"{a[:5]} {s[0]}/{s[1][0]}" for a, s in per_area.items()), file=sys.stderr)
        for name, p in preds.items():
            all_f1 = area_f1(labels, p, range(len(items)))
            ref_f1 = area_f1(labels, p, ref_idx)
            got[name].setdefault("areas", []).append(mean(all_f1.values()))
            got[name].setdefault("linkedin_areas", []).append(mean(ref_f1.values()))
            for a, v in ref_f1.items():
                got[name].setdefault(f"linkedin_{a}", []).append(v)
    table = {name: {m: (round(mean(v), 4), round(pstdev(v), 4)) for m, v in d.items()} for name, d in got.items()}
    if args.json:
        print(json.dumps({"settings": table, "chosen": chosen}, indent=1))
        return
    print(f"{args.folds}-fold grouped CV x {args.repeats} repeats, inner {args.inner} folds; areas macro-F1 "
          "(mean ± sd over repeats)")
    print(f"{'setting':<18} {'all postings':>16} {'LinkedIn':>16}   LinkedIn per area")
    for name, d in table.items():
        per = " ".join(f"{a[:5]} {d[f'linkedin_{a}'][0]:.3f}" for a in AREAS)
        print(f"{name:<18} {d['areas'][0]:.3f} ± {d['areas'][1]:.3f}   {d['linkedin_areas'][0]:.3f} ± "
              f"{d['linkedin_areas'][1]:.3f}   {per}")
    print("nested choices (w/threshold) per outer fold: " + ", ".join(chosen))


if __name__ == "__main__":
    main()
