"""Estimates meant to hold on postings from elsewhere: train on two corpora, test on the third.

Why this exists next to grouped cross-validation: every CV training fold mixes the three
corpora, so a fold's test postings share their job board, their writing conventions and
their labeller with most of the training postings. The maintainers measure the shipped model
on held-out LinkedIn postings labelled by their own reader, which is a shift of exactly that
kind. Leaving one whole corpus out asks the harder question: how does a model fitted on two
job boards, and on the other corpora's labelling conventions, do on the third? Nothing here
is fitted on the test corpus; the keyword rule and the rule classifier are scored on the very
same postings. A split has one fit, so its spread is a bootstrap over the test corpus's
company groups (agencies post near-identical ads; resampling postings would understate it).

What it cannot undo: the word lists behind the features were refined while reading errors on
all three corpora, so even these figures carry that refinement; ``bench/market_generalization.py``
repeats them with the lists as they were before (an ablation). Needs scikit-learn.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from statistics import pstdev
from typing import Any, Callable, Mapping, Sequence

from ..errors.config_codes import C076
from ..grouping import group_resamples
from .classify import SocialMediaVerdict
from .evaluate import Label, keyword_verdict, score_verdicts
from .features import AREAS, PostingFeatures

__all__ = ["CorpusHoldout", "CorpusSplit", "group_bootstrap", "leave_one_corpus_out", "leave_one_corpus_out_labels"]

MODELS = ("learned", "keyword", "rules")


@dataclass(frozen=True, slots=True)
class CorpusSplit:
    """One split: fitted on ``train`` corpora, scored on ``test``. ``scores`` holds, per model
    and metric, the figure on the whole test corpus and the bootstrap standard deviation;
    ``areas_f1`` the learned model's per-area F1 (same form)."""

    test: str
    train: tuple[str, ...]
    n: int
    positives: int
    groups: int
    train_n: int
    train_positives: int
    scores: Mapping[str, Mapping[str, tuple[float, float]]]
    areas_f1: Mapping[str, tuple[float, float]]
    false_positives: tuple[str, ...]
    false_negatives: tuple[str, ...]
    strength_wrong: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CorpusHoldout:
    """Every leave-one-corpus-out split, with how its spread was taken."""

    splits: tuple[CorpusSplit, ...]
    rounds: int
    seed: int

    def split(self, test: str) -> CorpusSplit:
        for s in self.splits:
            if s.test == test:
                return s
        raise KeyError(test)

    def to_dict(self) -> dict[str, Any]:
        def pair(v: tuple[float, float]) -> dict[str, float]:
            return {"value": round(v[0], 4), "sd": round(v[1], 4)}

        return {"rounds": self.rounds, "seed": self.seed, "splits": [
            {"test": s.test, "train": list(s.train), "n": s.n, "positives": s.positives, "groups": s.groups,
             "train_n": s.train_n, "train_positives": s.train_positives,
             "scores": {m: {k: pair(v) for k, v in d.items()} for m, d in s.scores.items()},
             "areas_f1": {a: pair(v) for a, v in s.areas_f1.items()},
             "false_positives": list(s.false_positives), "false_negatives": list(s.false_negatives),
             "strength_wrong": list(s.strength_wrong)}
            for s in self.splits]}


def _figures(pairs: Sequence[tuple[Label, SocialMediaVerdict]], with_areas: bool) -> dict[str, float]:
    s = score_verdicts(pairs, AREAS if with_areas else None)
    out: dict[str, float] = {}
    if s.tp + s.fp:
        out["precision"] = s.precision
    if s.tp + s.fn:
        out["recall"] = s.recall
        out["strength_acc_pos"] = s.strength_accuracy_positives
    if s.tp + s.fp + s.fn:
        out["f1"] = s.f1
    if with_areas and s.areas_macro_f1 is not None:
        out["areas_macro_f1"] = s.areas_macro_f1
        out.update({f"area_{a}": v for a, v in s.areas_f1.items()})
    return out


def group_bootstrap(pairs: Sequence[tuple[Label, SocialMediaVerdict]], groups: Sequence[int], *,
                    rounds: int = 500, seed: int = 18, with_areas: bool = True) -> dict[str, tuple[float, float]]:
    """Each figure on all ``pairs`` and its standard deviation over ``rounds`` resamples of
    whole groups (a resample where a figure is undefined, e.g. recall with no positive, is
    left out of that figure's spread)."""
    point = _figures(pairs, with_areas)
    got: dict[str, list[float]] = {}
    for idx in group_resamples(groups, rounds, seed):
        for k, v in _figures([pairs[i] for i in idx], with_areas).items():
            got.setdefault(k, []).append(v)
    return {k: (v, pstdev(got[k]) if len(got.get(k, ())) > 1 else 0.0) for k, v in point.items()}


def leave_one_corpus_out(
    items: Sequence[Any], feats: Sequence[PostingFeatures], rule_verdicts: Sequence[SocialMediaVerdict], *,
    seed: int = 18, rounds: int = 500, progress: Callable[[str], None] | None = None,
) -> CorpusHoldout:
    """For each corpus of ``items`` (:class:`~skillmix.market.training.LabelledPosting`),
    fit the learned model on the others (every choice by inner grouped CV, as for the shipped
    model) and score it, the keyword rule and the rule classifier on that corpus."""
    from .training import company_groups, fit_market_model, predict

    sources = sorted({lp.source for lp in items})
    if len(sources) < 2:
        raise C076(f"leaving one corpus out needs labels from two corpora or more (found {sources}).",
                   source="labels")
    labels = [lp.label for lp in items]
    groups = company_groups(items)
    out = []
    for test in sources:
        if progress:
            progress(f"fitting without {test}")
        tr = [i for i, lp in enumerate(items) if lp.source != test]
        te = [i for i, lp in enumerate(items) if lp.source == test]
        model = fit_market_model([feats[i] for i in tr], [labels[i] for i in tr], [groups[i] for i in tr], seed=seed)
        verdicts = {"learned": [predict(model, feats[i], items[i].posting.title) for i in te],
                    "keyword": [keyword_verdict(items[i].posting.title, items[i].posting.text) for i in te],
                    "rules": [rule_verdicts[i] for i in te]}
        gold = [labels[i] for i in te]
        g = [groups[i] for i in te]
        scores = {m: group_bootstrap(list(zip(gold, v)), g, rounds=rounds, seed=seed, with_areas=m != "keyword")
                  for m, v in verdicts.items()}
        learned = verdicts["learned"]
        out.append(CorpusSplit(
            test=test, train=tuple(s for s in sources if s != test), n=len(te), positives=sum(x.requires for x in gold),
            groups=len(set(g)), train_n=len(tr), train_positives=sum(labels[i].requires for i in tr),
            scores={m: {k: v for k, v in d.items() if not k.startswith("area_")} for m, d in scores.items()},
            areas_f1={a: scores["learned"].get(f"area_{a}", (0.0, 0.0)) for a in AREAS},
            false_positives=tuple(items[i].key for i, v in zip(te, learned) if v.requires and not labels[i].requires),
            false_negatives=tuple(items[i].key for i, v in zip(te, learned) if labels[i].requires and not v.requires),
            strength_wrong=tuple(items[i].key for i, v in zip(te, learned)
                                 if labels[i].requires and v.requires and v.strength != labels[i].strength),
        ))
    return CorpusHoldout(splits=tuple(out), rounds=rounds, seed=seed)


def leave_one_corpus_out_labels(labels: str | Path, postings: str | Path, *, seed: int = 18, rounds: int = 500,
                                progress: Callable[[str], None] | None = None) -> CorpusHoldout:
    """:func:`leave_one_corpus_out` on a multi-corpus label file (corpora in ``postings``)."""
    from .training import featurise, load_labelled_postings

    items = load_labelled_postings(labels, postings)
    feats, rules = featurise(items)
    return leave_one_corpus_out(items, feats, rules, seed=seed, rounds=rounds, progress=progress)
