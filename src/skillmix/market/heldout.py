"""Score the shipped market model, as it is, on labels it was never fitted or tuned on.

Why a separate path from cross-validation: the features and word lists of the model were
refined while reading cross-validation errors on the development labels, so even a grouped,
nested CV figure on those labels is a development figure. The honest estimate comes from
postings labelled after the model was frozen (``data/labels/market_labels_heldout.jsonl``):
nothing is fitted here, the keyword baseline and the rule classifier are scored on the very
same postings, and the spread of each figure is a bootstrap over company groups (agencies
post near-identical ads, so resampling postings would understate it). Needs no scikit-learn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from ..errors.config_codes import C076
from ..grouping import group_resamples
from .classify import SocialMediaVerdict
from .evaluate import BinaryScores, Label, keyword_verdict, score_verdicts
from .features import AREAS
from .learned import MarketModel

__all__ = ["HeldOutReport", "score_held_out"]

MODELS = ("learned", "keyword", "rules")


@dataclass(frozen=True, slots=True)
class HeldOutReport:
    """Each model's scores on the held-out labels, with bootstrap intervals (2.5th and 97.5th
    percentile over company groups) for the learned model's headline figures."""

    n: int
    positives: int
    groups: int
    model_version: str
    scores: Mapping[str, BinaryScores]
    false_positive_rate: Mapping[str, float]
    intervals: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    by_source: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    false_positives: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    false_negatives: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..records import to_jsonable

        return to_jsonable(self)


def _fpr(s: BinaryScores) -> float:
    return round(s.fp / (s.fp + s.tn), 4) if s.fp + s.tn else 0.0


def _percentiles(values: list[float]) -> tuple[float, float]:
    v = sorted(values)
    if not v:
        return (0.0, 0.0)
    return (round(v[int(0.025 * (len(v) - 1))], 4), round(v[int(0.975 * (len(v) - 1))], 4))


def _bootstrap(pairs: Sequence[tuple[Label, SocialMediaVerdict]], groups: Sequence[int], rounds: int,
               seed: int) -> dict[str, tuple[float, float]]:
    """Intervals of areas macro-F1, false-positive rate and (with positives) recall and
    strength accuracy, resampling whole company groups."""
    got: dict[str, list[float]] = {}
    for idx in group_resamples(groups, rounds, seed):
        s = score_verdicts([pairs[i] for i in idx], AREAS)
        got.setdefault("areas_macro_f1", []).append(s.areas_macro_f1 or 0.0)
        if s.fp + s.tn:
            got.setdefault("false_positive_rate", []).append(_fpr(s))
        if s.tp + s.fn:
            got.setdefault("recall", []).append(s.recall)
            got.setdefault("strength_acc_pos", []).append(s.strength_accuracy_positives)
        if s.tp + s.fp:
            got.setdefault("precision", []).append(s.precision)
    return {k: _percentiles(v) for k, v in got.items()}


def score_held_out(labels: str | Path, postings: str | Path, *, model: str | Path | MarketModel | None = None,
                   rounds: int = 1000, seed: int = 18) -> HeldOutReport:
    """Score ``model`` (the packaged one by default) on the postings of ``labels`` (multi-corpus
    JSONL with ``source`` and ``job_id``, corpora in ``postings``), next to the keyword baseline
    and the rule classifier. Nothing is fitted."""
    from .training import company_groups, featurise, load_labelled_postings, predict

    m = model if isinstance(model, MarketModel) else MarketModel.load(model)
    items = load_labelled_postings(labels, postings)
    if not items:
        raise C076("the label file holds no label.", source=str(labels))
    feats, rule_verdicts = featurise(items)
    verdicts: dict[str, list[SocialMediaVerdict]] = {
        "learned": [predict(m, f, lp.posting.title) for f, lp in zip(feats, items)],
        "keyword": [keyword_verdict(lp.posting.title, lp.posting.text) for lp in items],
        "rules": list(rule_verdicts),
    }
    gold = [lp.label for lp in items]
    scores = {k: score_verdicts(list(zip(gold, v)), None if k == "keyword" else AREAS) for k, v in verdicts.items()}
    groups = company_groups(items)
    by_source: dict[str, dict[str, float]] = {}
    for src in sorted({lp.source for lp in items}):
        idx = [i for i, lp in enumerate(items) if lp.source == src]
        s = score_verdicts([(gold[i], verdicts["learned"][i]) for i in idx], AREAS)
        by_source[src] = {"n": float(len(idx)), "positives": float(s.tp + s.fn), "false_positives": float(s.fp),
                          "areas_macro_f1": s.areas_macro_f1 or 0.0}
        if s.tp + s.fn:
            by_source[src].update(recall=s.recall, strength_acc_pos=s.strength_accuracy_positives)
    return HeldOutReport(
        n=len(items), positives=sum(lab.requires for lab in gold), groups=len(set(groups)), model_version=m.version,
        scores=scores, false_positive_rate={k: _fpr(s) for k, s in scores.items()},
        intervals=_bootstrap(list(zip(gold, verdicts["learned"])), groups, rounds, seed),
        by_source=by_source,
        false_positives={k: tuple(items[i].key for i, v in enumerate(vs) if v.requires and not gold[i].requires)
                         for k, vs in verdicts.items()},
        false_negatives={k: tuple(items[i].key for i, v in enumerate(vs) if gold[i].requires and not v.requires)
                         for k, vs in verdicts.items()},
    )
