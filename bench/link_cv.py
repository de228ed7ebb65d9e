"""Cross-validated figures for the ESCO linker on the Decorte validation splits.

    python bench/link_cv.py [--query static|transformer] [--student PATH|none]
                            [--grid shipped|small|full] [--k 5] [--repeats 5]

Both validation files are pooled (75 TECH + 61 HOUSE sentences) and split into ``--k``
grouped folds (:func:`skillmix.link.selection.group_folds`: a posting's neighbouring
sentences and reposted boilerplate stay together, both files in every fold), ``--repeats``
times with different seeds. For each fold the fusion configuration is chosen on the other
folds only, from the grid, and scored on the held-out fold (nested CV), so no sentence is
scored by a setting it helped choose. Prints, per grid:

* ``in-sample``: each grid configuration's best pooled objective scored on all sentences
  (what choosing and reporting on the same sentences shows: optimistic);
* ``shipped``: the linker's own configuration on each split (single-split figures);
* ``nested CV``: mean and standard deviation across folds (all repeats) of RP@1/5/10 and
  MRR, and the pooled held-out figures per split;
* how often each configuration was chosen.

``--learned`` also fits the fusion instead of choosing it from a grid: the five channel
weights (sentence, description, BM25, phrase, window) that maximise a listwise softmax
likelihood of the gold concepts among each sentence's shortlist, fitted on the training
folds only (Adam from the linker's own weights, ``--l2`` pulling towards them) and
scored on the held-out fold; printed beside the grids, with paired differences against
the linker's own configuration.
"""

from __future__ import annotations

import argparse
import itertools
import os
import time
from collections import Counter
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from skillmix.link.evaluate import read_benchmark  # noqa: E402
from skillmix.link.linker import EscoLinker, LinkerConfig  # noqa: E402
from skillmix.link.selection import (  # noqa: E402
    FusionInputs,
    group_folds,
    nested_cv,
    objective,
    sentence_metrics,
)

#: each grid: knob -> values; every other knob keeps the linker's configuration
GRIDS: dict[str, dict[str, list[float]]] = {
    "shipped": {},
    # the sentence encoder on its own (the student, in static mode): no weight to choose
    "alone": {"w_desc": [0.0], "w_bm25": [0.0], "w_phrase": [0.0], "w_window": [0.0]},
    "small": {"w_label": [1.0, 1.5, 2.0], "w_window": [0.5, 0.75, 1.0]},
    "sentence": {"w_label": [1.5, 2.0, 3.0, 4.0, 6.0]},
    "knobs": {
        "w_label": [1.0, 1.5, 2.0],
        "w_window": [0.5, 0.75, 1.0],
        "alt_mix": [0.0, 0.5],
        "w_phrase": [0.0, 0.2],
    },
    "full": {
        "w_label": [1.0, 1.5, 2.0],
        "w_window": [0.5, 0.75, 1.0],
        "w_desc": [0.0, 0.15, 0.3],
        "w_bm25": [0.1, 0.2, 0.4],
        "w_phrase": [0.1, 0.2, 0.4],
    },
}


def configs(base: LinkerConfig, grid: dict[str, list[float]]) -> list[LinkerConfig]:
    keys = sorted(grid)
    return [base.with_(**dict(zip(keys, vals))) for vals in itertools.product(*(grid[k] for k in keys))] or [base]


def describe(cfg: LinkerConfig, grid: dict[str, list[float]]) -> str:
    return " ".join(f"{k}={getattr(cfg, k)}" for k in sorted(grid)) or "shipped"


def fmt(m: np.ndarray) -> str:
    return f"RP@1 {100 * m[0]:5.1f}  RP@5 {100 * m[1]:5.1f}  RP@10 {100 * m[2]:5.1f}  MRR {m[3]:.3f}"


def fmt_sd(mean: np.ndarray, sd: np.ndarray) -> str:
    return (f"RP@1 {100 * mean[0]:5.1f}±{100 * sd[0]:4.1f}  RP@5 {100 * mean[1]:5.1f}±{100 * sd[1]:4.1f}  "
            f"RP@10 {100 * mean[2]:5.1f}±{100 * sd[2]:4.1f}  MRR {mean[3]:.3f}±{sd[3]:.3f}")


def load_validation(root: Path) -> tuple[list[str], list[str], list[frozenset[str]]]:
    texts: list[str] = []
    strata: list[str] = []
    golds: list[frozenset[str]] = []
    for split in ("tech", "house"):
        for s in read_benchmark(root / f"{split}_validation_annotations.csv"):
            texts.append(s.sentence)
            strata.append(split)
            golds.append(s.gold)
    return texts, strata, golds


def gold_indices(linker: EscoLinker, golds: list[frozenset[str]]) -> list[frozenset[int]]:
    """Gold labels as concept indices; a label outside the space gets a negative index
    (never ranked, still counted in RP's denominator)."""
    index = {lab: i for i, lab in reversed(list(enumerate(linker.space.labels)))}
    out = []
    missing = -1
    for g in golds:
        ids = set()
        for lab in g:
            if lab in index:
                ids.add(index[lab])
            else:
                ids.add(missing)
                missing -= 1
        out.append(frozenset(ids))
    return out


FEATURES = ("w_label", "w_desc", "w_bm25", "w_phrase", "w_window")


def shortlist_features(inputs: FusionInputs, cfg: LinkerConfig) -> tuple[np.ndarray, np.ndarray]:
    """``(short, X)``: each text's shortlist under ``cfg`` (indices, ``(n, k)``) and its
    channel values there, ``(n, k, 5)`` in :data:`FEATURES` order (window 0 when the
    text has no window). Off-shortlist concepts always rank below, so reordering the
    shortlist is all a fitted fusion can do."""
    inputs.scores(cfg)  # fills the window scores of cfg's shortlist
    bm = inputs.bm25_raw / (inputs.bm25_raw + cfg.bm25_half)
    # the shortlist of the pre-window sum with every channel on (BM25 at its default)
    pre = cfg.w_label * inputs.label + cfg.w_desc * inputs.desc + cfg.w_bm25 * bm + cfg.w_phrase * inputs.phrase
    k = cfg.shortlist
    short = np.argpartition(-pre, k - 1, axis=1)[:, :k]
    inputs._fill_windows(cfg, short)
    rows = np.arange(len(short))[:, None]
    win = np.nan_to_num(inputs._window[rows, short], nan=0.0)
    chans = (inputs.label, inputs.desc, bm, inputs.phrase)
    return short, np.stack([c[rows, short] for c in chans] + [win], -1)


def fit_fusion(X: np.ndarray, y: np.ndarray, start: np.ndarray, *, l2: float, temperature: float = 0.05,
               steps: int = 300, lr: float = 0.02) -> np.ndarray:
    """Channel weights maximising the softmax (``temperature``) likelihood of the gold
    concepts (``y``, 0/1 per shortlisted concept) among each text's shortlist ``X``;
    texts without a shortlisted gold are skipped. Adam from ``start``, L2 towards it."""
    has = y.sum(1) > 0
    X, t = X[has], y[has] / y[has].sum(1, keepdims=True)
    w = start.astype(np.float64).copy()
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):
        z = (X @ w) / temperature
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        grad = np.einsum("nk,nkf->f", p - t, X) / (temperature * len(X)) + l2 * (w - start)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= lr * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def learned_cv(inputs: FusionInputs, cfg: LinkerConfig, gold_ids: list[frozenset[int]],
               fold_sets: list[np.ndarray], k: int, l2: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per repeat, the held-out per-sentence metrics of a fusion fitted on the other
    folds (``(repeats, n, 4)``), and the mean and sd of the fitted weights."""
    base_cfg = cfg.with_(w_bm25=cfg.w_bm25 or LinkerConfig().w_bm25)
    short, X = shortlist_features(inputs, base_cfg)
    y = np.array([[c in g for c in row] for row, g in zip(short, gold_ids)], dtype=np.float64)
    start = np.array([getattr(cfg, f) for f in FEATURES], dtype=np.float64)
    n, C = inputs.label.shape
    held = np.zeros((len(fold_sets), n, 4))
    weights = []
    for r, folds in enumerate(fold_sets):
        for f in range(k):
            train, test = np.flatnonzero(folds != f), np.flatnonzero(folds == f)
            w = fit_fusion(X[train], y[train], start, l2=l2)
            weights.append(w)
            scores = np.full((len(test), C), -1e9)
            scores[np.arange(len(test))[:, None], short[test]] = X[test] @ w
            held[r, test] = sentence_metrics(scores, [gold_ids[i] for i in test])
    ws = np.array(weights)
    return held, ws.mean(0), ws.std(0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("SKILLMIX_SHARED_DATA", "../shared/data"))
    ap.add_argument("--query", default="static", choices=["transformer", "static"])
    ap.add_argument("--student", default=None, help="static only: student table, or 'none'")
    ap.add_argument("--grid", action="append", choices=sorted(GRIDS), default=None)
    ap.add_argument("--set", action="append", default=[], metavar="KNOB=VALUE",
                    help="override a LinkerConfig knob of the base configuration (repeatable)")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--save", type=Path, default=None,
                    help="write each grid's held-out per-sentence metrics here (.npz)")
    ap.add_argument("--baseline", type=Path, default=None,
                    help="a --save file of another run: print paired per-fold differences")
    ap.add_argument("--learned", action="store_true",
                    help="also fit the five channel weights on the training folds (listwise softmax)")
    ap.add_argument("--l2", type=float, default=0.0, help="--learned: pull towards the linker's weights")
    args = ap.parse_args()
    root = Path(args.shared) / "benchmarks" / "decorte"
    t0 = time.perf_counter()
    query: object = args.query
    if args.query == "static" and args.student is not None:
        from skillmix.link.static import StaticEncoder

        query = StaticEncoder.load(student=False if args.student == "none" else Path(args.student))
    linker = EscoLinker.load(labels=root / "skills_en_label.txt", query_encoder=query)
    for kv in args.set:
        knob, value = kv.split("=", 1)
        kind = type(getattr(linker.config, knob))
        linker.config = linker.config.with_(**{knob: kind(float(value)) if kind is not bool else value == "1"})
    texts, strata, golds = load_validation(root)
    gold_ids = gold_indices(linker, golds)
    inputs = FusionInputs(linker, texts)
    strata_arr = np.array(strata)
    print(f"load + channels {time.perf_counter() - t0:.1f}s; {len(texts)} sentences "
          f"({(strata_arr == 'tech').sum()} TECH, {(strata_arr == 'house').sum()} HOUSE)")
    shipped = sentence_metrics(inputs.scores(linker.config), gold_ids)
    for split in ("tech", "house"):
        print(f"shipped config, {split.upper()} (single split): {fmt(shipped[strata_arr == split].mean(0))}")
    fold_sets = [group_folds(texts, strata, args.k, seed=s) for s in range(args.repeats)]
    saved: dict[str, np.ndarray] = {"folds": np.stack(fold_sets)}
    base = dict(np.load(args.baseline)) if args.baseline else None
    for name in args.grid or ["shipped", "small", "full"]:
        grid = GRIDS[name]
        cands = configs(linker.config, grid)
        t1 = time.perf_counter()
        per = [sentence_metrics(inputs.scores(c), gold_ids) for c in cands]
        best = max(range(len(cands)), key=lambda c: (objective(per[c]), -c))
        print(f"\ngrid {name}: {len(cands)} configurations ({time.perf_counter() - t1:.1f}s)")
        for split in ("tech", "house"):
            print(f"  in-sample best ({describe(cands[best], grid)}), {split.upper()}: "
                  f"{fmt(per[best][strata_arr == split].mean(0))}")
        means, chosen, held = [], Counter(), []
        held_by_split: dict[str, list[np.ndarray]] = {"tech": [], "house": []}
        for folds in fold_sets:
            res = nested_cv(per, folds)
            means.append(res.fold_means)
            held.append(res.held_out)
            chosen.update(res.chosen)
            for split in held_by_split:
                held_by_split[split].append(res.held_out[strata_arr == split].mean(0))
        fm = np.concatenate(means)
        print(f"  nested CV, pooled, {len(fm)} folds: {fmt_sd(fm.mean(0), fm.std(0, ddof=1))}")
        for split, rows in held_by_split.items():
            r = np.array(rows)
            print(f"  nested CV, {split.upper()} held-out (mean over {len(r)} repeats): {fmt(r.mean(0))}")
        top = ", ".join(f"{describe(cands[c], grid)} x{n}" for c, n in chosen.most_common(4))
        print(f"  chosen: {top}")
        saved[name] = np.stack(held)
        if base is not None and name in base and np.array_equal(base["folds"], saved["folds"]):
            diff = np.array([(saved[name][r] - base[name][r])[fs == f].mean(0)
                             for r, fs in enumerate(fold_sets) for f in range(args.k)])
            wins = int((diff[:, 1] > 0).sum()), int((diff[:, 1] < 0).sum())
            print(f"  minus baseline, per fold: {fmt_sd(diff.mean(0), diff.std(0, ddof=1))}"
                  f"  (RP@5 better in {wins[0]}, worse in {wins[1]} of {len(diff)} folds)")
    if args.learned:
        held, w_mean, w_sd = learned_cv(inputs, linker.config, gold_ids, fold_sets, args.k, args.l2)
        fm = np.array([held[r][fs == f].mean(0) for r, fs in enumerate(fold_sets) for f in range(args.k)])
        diff = np.array([(held[r] - shipped)[fs == f].mean(0) for r, fs in enumerate(fold_sets) for f in range(args.k)])
        wins = int((diff[:, 1] > 0).sum()), int((diff[:, 1] < 0).sum())
        print(f"\nlearned fusion (l2 {args.l2}): weights {' '.join(f'{n}={m:.2f}±{d:.2f}' for n, m, d in zip(FEATURES, w_mean, w_sd))}")
        print(f"  nested CV, pooled, {len(fm)} folds: {fmt_sd(fm.mean(0), fm.std(0, ddof=1))}")
        print(f"  minus the linker's configuration, per fold: {fmt_sd(diff.mean(0), diff.std(0, ddof=1))}"
              f"  (RP@5 better in {wins[0]}, worse in {wins[1]} of {len(diff)} folds)")
        saved["learned"] = held
    if args.save:
        np.savez(args.save, **saved)


if __name__ == "__main__":
    main()
