"""The learned social media classifier: small logistic models over the features of
:mod:`skillmix.market.features`, shipped as a JSON file of coefficients.

Three decisions, each a standardised logistic regression with a threshold chosen by
cross-validation (``scripts/train_market_classifier.py`` fits them; scikit-learn is needed
only there): does the posting require social media skills (with a Platt-calibrated
probability), is that requirement ``core`` or ``secondary``, and which of the seven skill
areas it asks for. Scoring needs nothing but this module and the JSON file, so the market
pipeline runs without scikit-learn. Every verdict carries the cue sentences that fed the
decision, most telling first, and the model file carries its cross-validated figures so a
report can say how far to trust it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..errors.config_codes import C078
from ..records import Evidence, Extraction, Posting
from .classify import SocialMediaVerdict
from .features import AREAS, PostingFeatures, load_feature_lists, posting_features

__all__ = ["LearnedSocialMediaClassifier", "LinearModel", "MarketModel", "MODEL_FORMAT", "TextModel"]

#: format 2 adds the area text models; a format-1 file (no text models) still loads
MODEL_FORMAT = "skillmix-market-model/2"
_FORMATS = ("skillmix-market-model/1", MODEL_FORMAT)
#: the area models' feature that holds the text model's logit
TEXT_FEATURE = "text"


#: a title that names the practice itself: "Social Media Manager", "Paid Social Specialist",
#: "Influencer Marketing Intern" (not "Community Manager", which may run a housing estate,
#: nor "Social" before another noun: "Social Value Lead", "Social Housing Officer", "Social
#: Marketing Officer (Public Health)", "Social Community Worker")
_TITLE_PRACTICE = re.compile(
    r"\b(?:social[ -]?media|(?:paid|organic)[ -]social|social[ -](?:content|ads|advertising)|"
    r"influencer\w*)\b", re.IGNORECASE)
#: the share of labelled postings with such a title that require social media skills, as
#: ``(yes + 1) / (all + 2)``: 13 of 13 in ``data/labels`` (12 core), held-out rounds included.
#: The text model calls all 13 positive itself, so no labelled posting is one the rule
#: decides: this is what such titles predict, not a measured precision of the rule
TITLE_PRIOR = 0.933


def title_names_practice(title: str | None) -> bool:
    """Whether a job title names social media work as the job (see ``_TITLE_PRACTICE``)."""
    return title is not None and _TITLE_PRACTICE.search(title) is not None


def decide_requires(model: "MarketModel", f: PostingFeatures, title: str | None) -> tuple[bool, float, bool]:
    """(requires, probability, by the title alone). The text model decides; where it says
    no, the text holds no sentence that speaks of social media work to the hire, and the
    title names the practice, the title decides: every labelled posting with such a title
    requires social media skills, but the model reads only the text's cue sentences, so a
    short posting ("Social Media Manager" over one line that says "we are hiring") gave it
    nothing to read and came out at p = 0.0001. A text that does speak of the work ("Social
    Media Investigator" over an insurance-fraud posting) is left to the model. Such a
    verdict is ``core`` (12 of the 13) with the title's prior as its probability."""
    requires, p = model.requires.decide(f.social)
    if not requires and f.title_social and title_names_practice(title) \
            and not any(c.qualifies for c in f.cues):
        return True, max(p, TITLE_PRIOR), True
    return requires, p, False


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class LinearModel:
    """One standardised logistic regression: ``p = sigmoid(a * (w . (x - mean) / scale + b) + c)``
    where ``a``/``c`` are the Platt calibration (1, 0 when none) and ``threshold`` decides."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    calibration: tuple[float, float] = (1.0, 0.0)

    def logit(self, x: Mapping[str, float]) -> float:
        z = self.intercept
        for f, m, s, w in zip(self.features, self.mean, self.scale, self.coef):
            z += w * (float(x.get(f, 0.0)) - m) / s
        return z

    def proba(self, x: Mapping[str, float]) -> float:
        a, c = self.calibration
        return _sigmoid(a * self.logit(x) + c)

    def decide(self, x: Mapping[str, float]) -> tuple[bool, float]:
        p = self.proba(x)
        return p >= self.threshold, p

    def contributions(self, x: Mapping[str, float]) -> dict[str, float]:
        """Each feature's share of the logit (coefficient times standardised value)."""
        return {f: w * (float(x.get(f, 0.0)) - m) / s
                for f, m, s, w in zip(self.features, self.mean, self.scale, self.coef)}

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept, "threshold": self.threshold,
                "calibration": list(self.calibration)}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], where: str) -> "LinearModel":
        try:
            feats = tuple(str(f) for f in raw["features"])
            vals = [tuple(float(v) for v in raw[k]) for k in ("mean", "scale", "coef")]
            if any(len(v) != len(feats) for v in vals) or any(s <= 0 for s in vals[1]):
                raise ValueError("feature, mean, scale and coef lengths differ or a scale is not positive")
            cal = tuple(float(v) for v in raw.get("calibration", (1.0, 0.0)))
            return cls(feats, vals[0], vals[1], vals[2], float(raw["intercept"]),
                       float(raw.get("threshold", 0.5)), (cal[0], cal[1]))
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise C078(f"not a linear model ({exc}).", source=where) from None


@dataclass(frozen=True, slots=True)
class TextModel:
    """One area's model over the terms of :func:`~skillmix.market.features.job_terms`:
    ``logit = intercept + sum(weights of the vocabulary terms present) / sqrt(their count)``
    (presence, each posting scaled to unit length, as it was fitted). The area's
    :class:`LinearModel` weighs this logit beside the hand features (stacking)."""

    index: Mapping[str, int]
    weights: tuple[float, ...]
    intercept: float

    def logit(self, terms: Iterable[str]) -> float:
        return self.logit_of(self.known(terms))

    def known(self, terms: Iterable[str]) -> list[int]:
        """The vocabulary numbers of the terms the model knows, in order."""
        index = self.index
        return [j for t in terms if (j := index.get(t)) is not None]

    def logit_of(self, known: list[int]) -> float:
        """The logit for terms already looked up (:meth:`known`): the areas' text models
        share one vocabulary, so a posting's terms are looked up once, not once an area."""
        if not known:
            return self.intercept
        return self.intercept + sum(map(self.weights.__getitem__, known)) / math.sqrt(len(known))


@dataclass(frozen=True, slots=True)
class MarketModel:
    """The three fitted decisions plus the cross-validated figures they were shipped with."""

    version: str
    features_version: str
    requires: LinearModel
    strength: LinearModel
    areas: Mapping[str, LinearModel]
    cv: Mapping[str, Any] = field(default_factory=dict)
    trained_on: Mapping[str, Any] = field(default_factory=dict)
    #: per area, the text model whose logit is its area model's ``text`` feature (all share
    #: one vocabulary); empty for a model without text features
    area_text: Mapping[str, TextModel] = field(default_factory=dict)

    def area_row(self, area: str, f: PostingFeatures) -> Mapping[str, float]:
        """What ``area``'s model reads: the hand features, plus the text logit if it has one."""
        tm = self.area_text.get(area)
        return f.areas if tm is None else {**f.areas, TEXT_FEATURE: tm.logit(f.terms)}

    def decide_areas(self, f: PostingFeatures) -> tuple[str, ...]:
        """The areas the posting asks for, in :data:`AREAS` order."""
        looked_up: dict[int, list[int]] = {}  # id of a vocabulary -> the posting's terms in it
        out = []
        for a in AREAS:
            tm = self.area_text.get(a)
            if tm is None:
                row = f.areas
            else:
                known = looked_up.get(id(tm.index))
                if known is None:
                    known = looked_up[id(tm.index)] = tm.known(f.terms)
                row = {**f.areas, TEXT_FEATURE: tm.logit_of(known)}
            if self.areas[a].decide(row)[0]:
                out.append(a)
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        out = {"format": MODEL_FORMAT, "version": self.version, "features_version": self.features_version,
               "requires": self.requires.to_dict(), "strength": self.strength.to_dict(),
               "areas": {a: m.to_dict() for a, m in self.areas.items()}, "cv": dict(self.cv),
               "trained_on": dict(self.trained_on)}
        if self.area_text:
            index = next(iter(self.area_text.values())).index
            if any(tm.index is not index and tm.index != index for tm in self.area_text.values()):
                raise ValueError("the area text models do not share one vocabulary")
            terms = sorted(index, key=index.__getitem__)
            out["area_text"] = {"terms": terms,
                                "intercept": {a: tm.intercept for a, tm in self.area_text.items()},
                                "weights": {a: list(tm.weights) for a, tm in self.area_text.items()}}
        return out

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], where: str = "<model>") -> "MarketModel":
        if not isinstance(raw, Mapping) or raw.get("format") not in _FORMATS:
            raise C078(f"not a market model file (expected format {MODEL_FORMAT!r}).", source=where)
        areas = raw.get("areas") or {}
        missing = [a for a in AREAS if a not in areas]
        if missing:
            raise C078(f"the model has no area models for {missing}.", source=where)
        area_models = {a: LinearModel.from_dict(areas[a], f"{where} areas.{a}") for a in AREAS}
        area_text = _text_models(raw.get("area_text"), f"{where} area_text")
        needs = [a for a, m in area_models.items() if TEXT_FEATURE in m.features and a not in area_text]
        if needs:
            raise C078(f"the area models of {needs} read a text model the file does not hold.", source=where)
        return cls(
            version=str(raw.get("version", "?")), features_version=str(raw.get("features_version", "?")),
            requires=LinearModel.from_dict(raw.get("requires") or {}, f"{where} requires"),
            strength=LinearModel.from_dict(raw.get("strength") or {}, f"{where} strength"),
            areas=area_models, cv=dict(raw.get("cv") or {}), trained_on=dict(raw.get("trained_on") or {}),
            area_text=area_text,
        )

    @classmethod
    def load(cls, path: str | Path | None = None) -> "MarketModel":
        """The model in ``path`` (JSON), or the packaged ``data/classifier_model.json``."""
        where = str(path) if path else "classifier_model.json"
        try:
            text = Path(path).read_text("utf-8") if path else \
                (resources.files("skillmix.market") / "data" / "classifier_model.json").read_text("utf-8")
            raw = json.loads(text)
        except (OSError, ValueError) as exc:
            raise C078(f"cannot read the market model ({exc}).", source=where) from None
        return cls.from_dict(raw, where)

    def save(self, path: str | Path) -> None:
        """Write the model as JSON: indented, except the text models' vocabulary and weights,
        which go on one line each (tens of thousands of numbers)."""
        from ..atomic import atomic_write_bytes

        d = self.to_dict()
        text = d.pop("area_text", None)
        body = json.dumps(d, indent=1)
        if text is not None:
            parts = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}" for k, v in text.items())
            body = body[:-2] + ',\n "area_text": {\n' + parts + "\n }\n}"
        atomic_write_bytes(Path(path), (body + "\n").encode("utf-8"), mode=0o644)


def _text_models(raw: Any, where: str) -> dict[str, TextModel]:
    """The area text models of a model file's ``area_text`` (none when it is absent)."""
    if raw is None:
        return {}
    try:
        terms = [str(t) for t in raw["terms"]]
        index = {t: j for j, t in enumerate(terms)}
        if len(index) != len(terms):
            raise ValueError("a term is listed twice")
        out = {}
        for a, w in raw["weights"].items():
            weights = tuple(float(v) for v in w)
            if len(weights) != len(terms):
                raise ValueError(f"{a} has {len(weights)} weights for {len(terms)} terms")
            out[str(a)] = TextModel(index, weights, float(raw["intercept"][a]))
        return out
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise C078(f"not a set of text models ({exc}).", source=where) from None


@lru_cache(maxsize=4)
def _cached_model(path: str | None) -> MarketModel:
    return MarketModel.load(path)


class LearnedSocialMediaClassifier:
    """Classify postings with the fitted :class:`MarketModel` (packaged one by default).

    Same interface as the rule classifier: :meth:`classify` takes a posting and its
    extraction and returns a :class:`~skillmix.market.classify.SocialMediaVerdict` whose
    ``score`` is the calibrated probability that the posting requires social media skills.
    """

    def __init__(self, model: str | Path | MarketModel | None = None) -> None:
        self.model = model

    @property
    def model_(self) -> MarketModel:
        m = self.model
        if isinstance(m, MarketModel):
            return m
        return _cached_model(str(m) if m is not None else None)

    def features(self, posting: Posting | None, extraction: Extraction | None, *, title: str | None = None,
                 text: str | None = None) -> PostingFeatures:
        from .worker import title_family

        sections: tuple[Any, ...] = ()
        if posting is not None:
            title = posting.title if title is None else title
            text = posting.text if text is None else text
            sections = posting.document.sections
        return posting_features(title, text or "", sections, extraction.mentions if extraction else (),
                                title_family(title), load_feature_lists())

    def classify(self, posting: Posting | None, extraction: Extraction | None, *, title: str | None = None,
                 text: str | None = None) -> SocialMediaVerdict:
        model = self.model_
        feats = self.features(posting, extraction, title=title, text=text)
        if posting is not None and title is None:
            title = posting.title
        requires, p, by_title = decide_requires(model, feats, title)
        strength = "none"
        if by_title:
            strength = "core"
        elif requires:
            strength = "core" if model.strength.decide(feats.strength)[0] else "secondary"
        areas = model.decide_areas(feats)
        doc_id = extraction.document_id if extraction is not None else (posting.id if posting else "")
        order = {"practice": 0, "platform": 1, "list": 2}
        shown = sorted((c for c in feats.cues if c.qualifies), key=lambda c: (order[c.kind], c.start))
        evidence = tuple(
            Evidence(document_id=doc_id, skill_id=f"social-media-cue:{c.kind}", start=c.start, end=c.end,
                     surface=c.text[:80], sentence=c.text, weight=round(p, 4), note=f"{c.level}; {c.section or '-'}")
            for c in shown[:5]
        )
        if by_title and not evidence:
            # the title is what decided: say so where the evidence sentence goes
            evidence = (Evidence(document_id=doc_id, skill_id="social-media-cue:title", start=0, end=0,
                                 surface=(title or "")[:80], sentence=f"Title: {title}",
                                 weight=round(p, 4), note="title names the practice"),)
        return SocialMediaVerdict(requires=requires, strength=strength, score=round(p, 4),  # type: ignore[arg-type]
                                  title_mentions=feats.title_social, areas=areas, evidence=evidence)
