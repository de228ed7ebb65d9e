"""Measure the social media classifier against hand labels, next to a keyword baseline.

The labelled set (``linkedin_2024-04_sample_labels.jsonl``, see its LABELS.md) is a
development set: these figures say how the rules do on it, they are not a held-out score.
The baseline is the plain rule the article's job board implies: ``"social media" in
text`` (strength: core when the title also says it, else secondary; no areas).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from ..errors.config_codes import C074, C075, C076
from .classify import SocialMediaClassifier, SocialMediaVerdict, market_taxonomy_spec

__all__ = ["Agreement", "BinaryScores", "ClassifierEvaluation", "cross_validate_labels", "evaluate_classifier",
           "keyword_verdict", "label_agreement", "load_keyed_labels", "load_labels", "score_verdicts"]


@dataclass(frozen=True, slots=True)
class Label:
    """One hand label: does the posting require social media skills, how strongly, and
    which areas it requires."""

    id: str
    requires: bool
    strength: str
    areas: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BinaryScores:
    """Precision/recall of the yes/no decision, strength accuracy and areas macro F1."""

    tp: int
    fp: int
    fn: int
    tn: int
    precision: float
    recall: float
    f1: float
    strength_accuracy: float
    strength_accuracy_positives: float
    areas_macro_f1: float | None
    areas_f1: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ClassifierEvaluation:
    """The classifier's and the baseline's scores on one labelled set, with the ids the
    classifier got wrong (for error analysis)."""

    n: int
    positives: int
    classifier: BinaryScores
    baseline: BinaryScores
    false_positives: tuple[str, ...]
    false_negatives: tuple[str, ...]
    rules_version: str

    def to_dict(self) -> dict[str, object]:
        from ..records import to_jsonable

        return to_jsonable(self)


def load_labels(path: str | Path) -> dict[str, Label]:
    """Labels by posting id from a JSONL file (``job_id`` or ``id`` per line)."""
    return _read_labels(path, lambda obj: str(obj.get("job_id", obj.get("id"))))


def _read_labels(path: str | Path, key: Callable[[Mapping[str, object]], str]) -> dict[str, Label]:
    """Labels from a JSONL file, each keyed by ``key(line)``; coded errors name the line."""
    out: dict[str, Label] = {}
    p = Path(path)
    try:
        lines = p.read_text("utf-8").splitlines()
    except OSError as exc:
        raise C074(f"cannot read labels ({exc.strerror}).", source=str(p)) from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            k = key(obj)
            out[k] = Label(k, bool(obj["requires_social_media"]), str(obj.get("strength", "none")),
                           tuple(obj.get("areas") or ()))
        except (ValueError, KeyError, AttributeError) as exc:
            raise C075(f"line {n} is not a label ({exc}).", source=str(p)) from None
    return out


def keyword_verdict(title: str | None, text: str) -> SocialMediaVerdict:
    """The baseline: ``"social media" in text``."""
    hit = "social media" in text.lower()
    in_title = "social media" in (title or "").lower()
    strength = "none" if not hit else ("core" if in_title else "secondary")
    return SocialMediaVerdict(requires=hit, strength=strength, score=float(hit),  # type: ignore[arg-type]
                              title_mentions=in_title, areas=())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_verdicts(
    pairs: Iterable[tuple[Label, SocialMediaVerdict]], areas: Iterable[str] | None = None,
) -> BinaryScores:
    """Scores of verdicts against labels; ``areas`` (the label areas) turns on macro F1."""
    tp = fp = fn = tn = 0
    s_ok = s_pos_ok = s_pos = 0
    area_list = list(areas) if areas is not None else []
    counts = {a: [0, 0, 0] for a in area_list}  # tp, fp, fn
    n = 0
    for label, v in pairs:
        n += 1
        if label.requires and v.requires:
            tp += 1
        elif v.requires:
            fp += 1
        elif label.requires:
            fn += 1
        else:
            tn += 1
        s_ok += v.strength == label.strength
        if label.requires:
            s_pos += 1
            s_pos_ok += v.strength == label.strength
        gold, pred = set(label.areas), set(v.areas)
        for a in area_list:
            counts[a][0] += a in gold and a in pred
            counts[a][1] += a in pred and a not in gold
            counts[a][2] += a in gold and a not in pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    per_area = {}
    for a, (atp, afp, afn) in counts.items():
        ap = atp / (atp + afp) if atp + afp else 0.0
        ar = atp / (atp + afn) if atp + afn else 0.0
        per_area[a] = round(_f1(ap, ar), 4)
    return BinaryScores(
        tp=tp, fp=fp, fn=fn, tn=tn, precision=round(p, 4), recall=round(r, 4),
        f1=round(_f1(p, r), 4), strength_accuracy=round(s_ok / n, 4) if n else 0.0,
        strength_accuracy_positives=round(s_pos_ok / s_pos, 4) if s_pos else 0.0,
        areas_macro_f1=round(sum(per_area.values()) / len(per_area), 4) if per_area else None,
        areas_f1=per_area,
    )


def evaluate_classifier(
    corpus: str | Path,
    labels: str | Path,
    *,
    preset: str | None = None,
    classifier: SocialMediaClassifier | None = None,
    taxonomy: str = "builtin",
) -> ClassifierEvaluation:
    """Classify every labelled posting of ``corpus`` and score it and the baseline."""
    from ..extract import get_extractor
    from ..io import read_corpus

    gold = load_labels(labels)
    clf = classifier or SocialMediaClassifier()
    rules = clf.rules_
    extractor = get_extractor(market_taxonomy_spec(taxonomy))
    ours: list[tuple[Label, SocialMediaVerdict]] = []
    base: list[tuple[Label, SocialMediaVerdict]] = []
    seen = set()
    for posting in read_corpus(corpus, preset=preset, on_error="raise"):
        label = gold.get(posting.id)
        if label is None or posting.id in seen:
            continue
        seen.add(posting.id)
        verdict = clf.classify(posting, extractor.extract(posting))
        ours.append((label, verdict))
        base.append((label, keyword_verdict(posting.title, posting.text)))
    if not ours:
        raise C076("no posting of the corpus has a label (ids do not match).",
                   source=str(labels))
    return ClassifierEvaluation(
        n=len(ours),
        positives=sum(lab.requires for lab, _ in ours),
        classifier=score_verdicts(ours, rules.label_areas),
        baseline=score_verdicts(base),
        false_positives=tuple(lab.id for lab, v in ours if v.requires and not lab.requires),
        false_negatives=tuple(lab.id for lab, v in ours if lab.requires and not v.requires),
        rules_version=rules.version,
    )


# --------------------------------------------------------------------------- agreement


@dataclass(frozen=True, slots=True)
class Agreement:
    """How far two labelling passes over the same postings agree: Cohen's kappa and raw
    agreement for ``requires_social_media``, strength agreement where both say yes, and
    per-area F1 of one pass against the other (symmetric)."""

    n: int
    positives_a: int
    positives_b: int
    kappa: float
    observed: float
    strength_agreement: float | None
    areas_f1: Mapping[str, float]
    areas_macro_f1: float
    disagreements: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        from ..records import to_jsonable

        return to_jsonable(self)


def _label_key(obj: Mapping[str, object]) -> str:
    return f"{obj.get('source', 'linkedin')}:{obj.get('job_id', obj.get('id'))}"


def load_keyed_labels(path: str | Path) -> dict[str, Label]:
    """Labels by ``source:job_id`` (multi-corpus label files)."""
    return _read_labels(path, _label_key)


def label_agreement(first: str | Path, second: str | Path, areas: Iterable[str] | None = None,
                    source: str | None = None) -> Agreement:
    """Agreement of the postings labelled in both files (``second`` is usually the
    double-labelled sample); ``source`` keeps one corpus (``linkedin``...)."""
    from .features import AREAS

    a, b = load_keyed_labels(first), load_keyed_labels(second)
    keys = sorted(k for k in set(a) & set(b) if source is None or k.split(":", 1)[0] == source)
    if not keys:
        raise C076("the two label files share no posting.", source=str(second))
    n = len(keys)
    ya = [a[k].requires for k in keys]
    yb = [b[k].requires for k in keys]
    po = sum(x == y for x, y in zip(ya, yb)) / n
    pa, pb = sum(ya) / n, sum(yb) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
    both = [k for k in keys if a[k].requires and b[k].requires]
    strength = sum(a[k].strength == b[k].strength for k in both) / len(both) if both else None
    per_area = {}
    for area in (tuple(areas) if areas is not None else AREAS):
        tp = sum(area in a[k].areas and area in b[k].areas for k in keys)
        fa = sum(area in a[k].areas and area not in b[k].areas for k in keys)
        fb = sum(area in b[k].areas and area not in a[k].areas for k in keys)
        per_area[area] = round(2 * tp / (2 * tp + fa + fb), 4) if tp + fa + fb else 1.0
    return Agreement(n=n, positives_a=sum(ya), positives_b=sum(yb), kappa=round(kappa, 4), observed=round(po, 4),
                     strength_agreement=None if strength is None else round(strength, 4), areas_f1=per_area,
                     areas_macro_f1=round(sum(per_area.values()) / len(per_area), 4),
                     disagreements=tuple(k for k in keys if a[k].requires != b[k].requires))


def cross_validate_labels(labels: str | Path, postings: str | Path, *, folds: int = 5, repeats: int = 5,
                          seed: int = 18, progress: Any = None) -> Any:
    """Grouped, nested cross-validation of the learned classifier on multi-corpus labels,
    with the keyword baseline and the rule classifier on the same folds
    (:func:`skillmix.market.training.cross_validate`; needs the ``market`` extra)."""
    from .training import cross_validate, featurise, load_labelled_postings

    items = load_labelled_postings(labels, postings)
    feats, rules = featurise(items)
    return cross_validate(items, feats, rules, folds=folds, repeats=repeats, seed=seed, progress=progress)
