"""Does each area model gain from the other six areas' probabilities? A stacked chain probe.

Why: the seven area models are fitted independently, but the areas are correlated (a posting
that asks for strategy often asks for leadership; customer service and psychology travel
together), so what the other six models say about a posting might sharpen each one's decision.
Issue #18; the design below and the bar were fixed before anything was measured.

What the probe fits, inside each outer training part (nothing is chosen on a scored row):

- stage 1: exactly model 6's recipe (:func:`skillmix.market.training.fit_market_model` with
  ``text=True``: per area, hand features plus the stacked text logit; LinkedIn rows twice,
  copies in one group; C and the F1-best threshold by the inner grouped CV), fitted by
  :func:`skillmix.market.training.fit_market_model_areas`, which also hands back each area
  model's training rows and inner out-of-fold probabilities (the ones its threshold is cut
  on); the fitted models are ``fit_market_model``'s (checked by
  ``tests/market/test_area_chain.py``);
- stage 2, per area A: stage 1's features of A plus six features ``other_<B>`` (B != A), each
  the stage-1 inner out-of-fold probability of area B on that training row (so a row's
  ``other_<B>`` never comes from a model fitted on that row, nor from any scored row); its C
  and F1-best threshold chosen by the inner grouped CV as stage 1 chooses them
  (:func:`skillmix.market.training.fit_linear`, uncalibrated), the same row weights;
- scoring: a test posting's ``other_<B>`` is the probability of the stage-1 model of B fitted
  on the whole training part (its text logit from the text model fitted there too).

The ``model 6`` rows are stage 1's decisions, the ``+ chain`` rows stage 2's, both from the
very same fits in the same outer folds (5-fold grouped, stratified, the seeds of ``skillmix
market eval``); the social media and strength decisions are shared, so label P/R/F1 and
strength are equal by construction and printed as a check. The gain is the paired per-repeat
difference of the pooled out-of-fold macro-F1 (mean ± population sd over repeats). The bar
(pre-set): ship only if the LinkedIn areas gain is at least twice its sd over repeats and the
all-areas gain is not negative.

Measured (session 9, branch issue-18 from main at e02f3cc, extraction ``EXTRACTOR_VERSION``
2.1+f692e53d; one core of a 2-core shared machine, about 6.5 minutes),
``PYTHONPATH=src python bench/market_area_chain.py --repeats 10``::

    5-fold grouped CV x 10 repeats, 778 labels (232 LinkedIn); mean ± sd over repeats; gain = paired per-repeat difference
    figure                                          model 6          + chain             gain
    precision                              1.000 ± 0.000   1.000 ± 0.000   +0.000 ± 0.000
    recall                                 1.000 ± 0.000   1.000 ± 0.000   +0.000 ± 0.000
    f1                                     1.000 ± 0.000   1.000 ± 0.000   +0.000 ± 0.000
    strength                               0.915 ± 0.025   0.915 ± 0.025   +0.000 ± 0.000
    areas                                  0.791 ± 0.004   0.793 ± 0.003   +0.002 ± 0.003
    linkedin_areas                         0.741 ± 0.013   0.740 ± 0.008   -0.001 ± 0.008
    all_marketing_communications           0.784 ± 0.017   0.787 ± 0.018   +0.003 ± 0.011
    linkedin_marketing_communications      0.857 ± 0.028   0.859 ± 0.027   +0.002 ± 0.029
    all_customer_service                   0.778 ± 0.013   0.783 ± 0.015   +0.005 ± 0.010
    linkedin_customer_service              0.825 ± 0.018   0.827 ± 0.020   +0.002 ± 0.017
    all_technology                         0.814 ± 0.008   0.814 ± 0.012   +0.000 ± 0.009
    linkedin_technology                    0.714 ± 0.029   0.712 ± 0.027   -0.002 ± 0.017
    all_data_analytics                     0.786 ± 0.010   0.788 ± 0.011   +0.003 ± 0.010
    linkedin_data_analytics                0.743 ± 0.016   0.752 ± 0.018   +0.009 ± 0.016
    all_psychology_human_interaction       0.767 ± 0.007   0.768 ± 0.008   +0.001 ± 0.009
    linkedin_psychology_human_interaction  0.588 ± 0.042   0.570 ± 0.034   -0.018 ± 0.043
    all_strategy_business                  0.827 ± 0.011   0.823 ± 0.007   -0.004 ± 0.007
    linkedin_strategy_business             0.758 ± 0.020   0.755 ± 0.017   -0.002 ± 0.009
    all_leadership_evangelism              0.781 ± 0.008   0.784 ± 0.008   +0.003 ± 0.008
    linkedin_leadership_evangelism         0.700 ± 0.021   0.701 ± 0.018   +0.001 ± 0.021
    bar: LinkedIn gain -0.0011 >= 2 x 0.0084 and all gain +0.0015 >= 0: not passed

Per repeat, areas (model 6 -> + chain; stderr): 0.7902 -> 0.7933, 0.7929 -> 0.7938,
0.8009 -> 0.7953, 0.7850 -> 0.7868, 0.7868 -> 0.7909, 0.7890 -> 0.7949, 0.7927 -> 0.7936,
0.7941 -> 0.7958, 0.7895 -> 0.7938, 0.7899 -> 0.7874; LinkedIn areas: 0.7389 -> 0.7468,
0.7615 -> 0.7572, 0.7631 -> 0.7417, 0.7211 -> 0.7268, 0.7421 -> 0.7412, 0.7321 -> 0.7294,
0.7314 -> 0.7330, 0.7293 -> 0.7386, 0.7431 -> 0.7437, 0.7442 -> 0.7373.

Reading: the model 6 rows are close to session 8's ``+ text`` rows, measured on an earlier
extraction (areas 0.791 ± 0.004, LinkedIn 0.741 ± 0.013 here; 0.793 / 0.743 there). The chain
does not pass the bar: LinkedIn areas -0.0011 ± 0.0084 (up in 5 of 10 repeats, down in 5),
all postings +0.0015 ± 0.0032 (up in 8 of 10, under half a spread above zero). No area
moves by more than its paired spread; the largest change is LinkedIn psychology, the weakest
area, down 0.018 ± 0.043, and LinkedIn data up 0.009 ± 0.016. A likely reason (not tested
here): every area model already reads every area's hand features (each area's words,
taxonomy mentions and title words, the title family), so much of the correlation between
areas is already in each model's inputs. Nothing shipped.

Usage:
    python bench/market_area_chain.py [--repeats 10] [--json]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Mapping, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from market_paired import arguments, labelled, paired_cv, paired_gain, report  # noqa: E402  (bench/)

#: the stage-2 feature that holds area B's stage-1 probability
OTHER = "other_{}"


def fit_stage1(feats: Sequence[Any], labels: Sequence[Any], groups: Sequence[int], *, seed: int
               ) -> tuple[Any, dict[str, list[float]], dict[str, list[Mapping[str, float]]], list[int]]:
    """Model 6's recipe (:func:`skillmix.market.training.fit_market_model_areas`, text on),
    with, per area, its model's inner out-of-fold probabilities on the weighted training
    rows, those rows (hand features and the text model's inner out-of-fold logit), and
    which posting each weighted row is (``rep``)."""
    from skillmix.market.training import fit_market_model_areas

    model, fitted = fit_market_model_areas(feats, labels, groups, seed=seed, text=True)
    return model, fitted.oof, fitted.rows, fitted.rep


def chain_rows(base: Sequence[Mapping[str, float]], probs: Mapping[str, Sequence[float]], area: str
               ) -> list[dict[str, float]]:
    """Stage 2's rows for ``area``: each base row plus ``other_<B>`` = ``probs[B]`` on that row
    for every other area B (``probs`` from models not fitted on the row: inner out-of-fold
    probabilities for training rows, the stage-1 models' for a scored posting)."""
    others = [b for b in probs if b != area]
    return [{**r, **{OTHER.format(b): float(probs[b][k]) for b in others}} for k, r in enumerate(base)]


def fit_chain(feats: Sequence[Any], labels: Sequence[Any], groups: Sequence[int], *, seed: int
              ) -> tuple[Any, dict[str, Any], dict[str, list[dict[str, float]]], list[int]]:
    """Stage 1 (model 6's recipe) and, per area, the stage-2 model over stage 1's features of
    that area plus the other six areas' stage-1 inner out-of-fold probabilities; also the
    stage-2 training rows and ``rep`` (for the test)."""
    from skillmix.market.features import AREAS
    from skillmix.market.training import fit_linear

    stage1, oof, base, rep = fit_stage1(feats, labels, groups, seed=seed)
    rep_groups = [groups[i] for i in rep]
    chain, train_rows = {}, {}
    for a in AREAS:
        rows = chain_rows(base[a], oof, a)
        names = list(stage1.areas[a].features) + [OTHER.format(b) for b in AREAS if b != a]
        chain[a] = fit_linear(rows, [int(a in labels[i].areas) for i in rep], rep_groups, names, seed=seed,
                              calibrate=False)
        train_rows[a] = rows
    return stage1, chain, train_rows, rep


def chain_areas(stage1: Any, chain: Mapping[str, Any], f: Any) -> tuple[str, ...]:
    """The areas stage 2 decides for one scored posting (features ``f``)."""
    from skillmix.market.features import AREAS

    rows = {a: stage1.area_row(a, f) for a in AREAS}
    probs = {a: [stage1.areas[a].proba(rows[a])] for a in AREAS}
    return tuple(a for a in AREAS if chain[a].decide(chain_rows([rows[a]], probs, a)[0])[0])


def score_fold(feats: Sequence[Any], labels: Sequence[Any], groups: Sequence[int], tr: Sequence[int],
               te: Sequence[int], *, seed: int) -> dict[str, dict[int, Any]]:
    """Fit both models on the rows ``tr`` only and give their verdicts on the rows ``te``."""
    import dataclasses

    from skillmix.market.training import predict

    part = ([feats[i] for i in tr], [labels[i] for i in tr], [groups[i] for i in tr])
    stage1, chain, _, _ = fit_chain(*part, seed=seed)
    out: dict[str, dict[int, Any]] = {"model6": {}, "chain": {}}
    for i in te:
        v = predict(stage1, feats[i])
        out["model6"][i] = v
        out["chain"][i] = dataclasses.replace(v, areas=chain_areas(stage1, chain, feats[i]))
    return out


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    items, feats, labels, groups = labelled(args)
    got = paired_cv(items, labels, groups, ("model6", "chain"),
                    lambda tr, te, seed: score_fold(feats, labels, groups, tr, te, seed=seed),
                    repeats=args.repeats, folds=args.folds, seed=args.seed)
    gain = paired_gain(got, "model6", "chain")
    li_gain, all_gain = gain["linkedin_areas"], gain["areas"]
    passed = li_gain[0] >= 2 * li_gain[1] and all_gain[0] >= 0
    report(got, "model6", "chain", ("model 6", "+ chain"), n_items=len(items),
           n_linkedin=sum(lp.source == "linkedin" for lp in items), args=args,
           extra={"per_repeat": got, "bar_passed": passed})
    if not args.json:
        print(f"bar: LinkedIn gain {li_gain[0]:+.4f} >= 2 x {li_gain[1]:.4f} and all gain "
              f"{all_gain[0]:+.4f} >= 0: {'passed' if passed else 'not passed'}")


if __name__ == "__main__":
    main()
