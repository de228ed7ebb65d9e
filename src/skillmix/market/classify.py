"""Does a posting ask the hire for professional social media skills?

The article's evidence is that many jobs which need social media skills do not say so in
their title, so the market report must find the requirement in the text. A keyword rule
(``"social media" in text``) is fooled by incidental mentions: "follow us on LinkedIn", a
company describing its own social presence, benefits boilerplate. This classifier is a
transparent rule model over what extraction already found (no second pass over the text):

* evidence is a social media mention (a skill of the platforms area, a skill whose id says
  "social", a listed tool, or the bare phrase from ``data/social_cues.yaml``) that
  *counts* (not negated, not consumer familiarity), outside company/benefits/legal
  sections, in a sentence that is neither incidental ("follow us on") nor the company
  talking about itself;
* each evidence sentence scores the weight of its strongest requirement level; the sum
  decides ``requires`` (threshold) and ``strength`` (core when the title names the work
  or the evidence is heavy);
* the posting's areas are the taxonomy areas of its required/preferred mentions.

Every rule and number lives in ``data/classifier.yaml``; every verdict carries its
evidence sentences so a reader can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Mapping

import yaml

from ..errors.config_codes import C070, C071, C072, C073
from ..records import Evidence, Extraction, Posting

__all__ = [
    "CUES_TAXONOMY",
    "ClassifierRules",
    "SocialMediaClassifier",
    "SocialMediaVerdict",
    "market_taxonomy_spec",
]

Strength = Literal["core", "secondary", "none"]

#: name of the cue taxonomy compiled next to the skills taxonomy
CUES_TAXONOMY = "market-cues"


def _data_path(name: str) -> Path:
    return Path(str(resources.files("skillmix.market") / "data" / name))


def market_taxonomy_spec(taxonomy: str = "builtin") -> str:
    """The extractor spec the market pipeline uses: the skills taxonomy plus the generic
    social media phrases (one automaton, one pass per posting)."""
    return f"{taxonomy}+{_data_path('social_cues.yaml')}"


def _phrases(words: list[str], prefix: bool = False) -> re.Pattern[str] | None:
    """Whole-word alternation of ``words`` (``prefix``: a word may go on, "social
    work" matches "social workers")."""
    words = [w for w in words if w]
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    tail = "" if prefix else r"(?![\w])"
    return re.compile(rf"(?<![\w])(?:{alt}){tail}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ClassifierRules:
    """The rules of ``data/classifier.yaml``, normalised once (see that file)."""

    version: str
    social_areas: frozenset[str]
    social_id_words: tuple[str, ...]
    social_skills: frozenset[str]
    exclude_skills: frozenset[str]
    incidental: re.Pattern[str] | None
    company: re.Pattern[str] | None
    hire: re.Pattern[str] | None
    ignore_sections: frozenset[str]
    title: re.Pattern[str] | None
    title_exclude: re.Pattern[str] | None
    weights: Mapping[str, float]
    threshold: float
    core: float
    area_map: Mapping[str, str]
    label_areas: tuple[str, ...]
    area_requirements: frozenset[str]
    generic_skills: frozenset[str]
    min_surface_chars: int = 1
    exclude_surfaces: frozenset[str] = frozenset()
    platform_only_weight: float = 1.0
    platform_areas: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ClassifierRules":
        where = str(path) if path else "classifier.yaml"
        try:
            raw = yaml.safe_load(Path(path or _data_path("classifier.yaml")).read_text("utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise C070(f"cannot read classifier rules ({exc}).", source=where) from None
        if not isinstance(raw, dict):
            raise C071("classifier rules must be a mapping.", source=where)
        return cls.from_dict(raw, where)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], where: str = "<rules>") -> "ClassifierRules":
        def strs(key: str) -> list[str]:
            v = raw.get(key) or []
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise C072(f"{key!r} must be a list of strings.", source=where)
            return v

        weights = dict(raw.get("weights") or {})
        try:
            w = {k: float(weights.get(k, 0.0)) for k in ("required", "preferred", "mentioned")}
            threshold = float(raw.get("threshold", 1.0))
            core = float(raw.get("core", 4.0))
            min_chars = int(raw.get("min_surface_chars", 1))
        except (TypeError, ValueError):
            raise C073("weights, threshold and core must be numbers.", source=where) from None
        return cls(
            version=str(raw.get("version", "1")),
            social_areas=frozenset(strs("social_areas")),
            social_id_words=tuple(strs("social_id_words")),
            social_skills=frozenset(strs("social_skills")),
            exclude_skills=frozenset(strs("exclude_skills")),
            incidental=_phrases(strs("incidental_phrases")),
            company=_phrases(strs("company_phrases")),
            hire=_phrases(strs("hire_phrases")),
            ignore_sections=frozenset(strs("ignore_sections")),
            title=_phrases(strs("title_phrases")),
            title_exclude=_phrases(strs("title_exclude"), prefix=True),
            weights=w,
            threshold=threshold,
            core=core,
            area_map=dict(raw.get("area_map") or {}),
            label_areas=tuple(strs("label_areas")),
            area_requirements=frozenset(strs("area_requirements") or ["required", "preferred"]),
            generic_skills=frozenset(strs("generic_skills")),
            min_surface_chars=min_chars,
            exclude_surfaces=frozenset(x.lower() for x in strs("exclude_surfaces")),
            platform_only_weight=float(raw.get("platform_only_weight", 1.0)),
            platform_areas=frozenset(strs("platform_areas")),
        )

    def is_social(self, skill_id: str, area: str | None) -> bool:
        if skill_id in self.exclude_skills:
            return False
        if area in self.social_areas or skill_id in self.social_skills:
            return True
        return any(w in skill_id.split("-") for w in self.social_id_words)

    def title_names_social(self, title: str | None) -> bool:
        """Whether a job title names social media work ("Social Worker" does not)."""
        if not title or self.title is None:
            return False
        t = title
        if self.title_exclude is not None:
            t = self.title_exclude.sub(" ", t)
        return self.title.search(t) is not None


@dataclass(frozen=True, slots=True)
class SocialMediaVerdict:
    """The classifier's answer for one posting, with the evidence behind it.

    ``score`` is the weighted count of evidence sentences; ``title_mentions`` says the
    title itself names social media work; ``areas`` are the label areas the posting
    requires; ``evidence`` holds one :class:`~skillmix.records.Evidence` per sentence.
    """

    requires: bool
    strength: Strength
    score: float
    title_mentions: bool
    areas: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


class SocialMediaClassifier:
    """Rule-based social media requirement classifier (see module docs).

    ``rules`` is a path to a rules file or loaded :class:`ClassifierRules`; ``None``
    takes the packaged ``data/classifier.yaml``. Stateless after construction: safe to
    share across threads and cheap to rebuild in each worker process.
    """

    def __init__(self, rules: str | Path | ClassifierRules | None = None) -> None:
        self.rules = rules

    @property
    def rules_(self) -> ClassifierRules:
        r = self.rules
        if isinstance(r, ClassifierRules):
            return r
        return _load_rules(str(r) if r is not None else None)

    def classify(
        self, posting: Posting | None, extraction: Extraction, *, title: str | None = None,
        text: str | None = None,
    ) -> SocialMediaVerdict:
        """Classify one posting from its extraction (the posting gives title and text)."""
        rules = self.rules_
        if posting is not None:
            title = posting.title if title is None else title
            text = posting.text if text is None else text
        title_hit = rules.title_names_social(title)
        best: dict[tuple[int, int], tuple[float, Any]] = {}
        areas: set[str] = set()
        weights = rules.weights
        for m in extraction.mentions:
            if not m.counts:
                continue
            if m.area is not None and m.requirement in rules.area_requirements \
                    and m.skill_id not in rules.generic_skills:
                mapped = rules.area_map.get(m.area, m.area)
                if mapped in rules.label_areas:
                    areas.add(mapped)
            if not rules.is_social(m.skill_id, m.area):
                continue
            if m.section in rules.ignore_sections or len(m.surface) < rules.min_surface_chars \
                    or m.surface.lower() in rules.exclude_surfaces:
                continue
            key = (m.sentence_start, m.sentence_end)
            w = weights.get(m.requirement, 0.0)
            if m.requirement == "mentioned" and m.area in rules.platform_areas:
                w = min(w, rules.platform_only_weight)
            prev = best.get(key)
            if prev is None:
                if text is not None and _incidental(rules, text[m.sentence_start:m.sentence_end]):
                    best[key] = (-1.0, m)
                    continue
                best[key] = (w, m)
            elif prev[0] >= 0 and w > prev[0]:
                best[key] = (w, m)
        score = 0.0
        evidence = []
        for (s, e), (w, m) in best.items():
            if w <= 0:
                continue
            score += w
            evidence.append(
                Evidence(
                    document_id=extraction.document_id, skill_id=m.skill_id, start=m.start,
                    end=m.end, surface=m.surface,
                    sentence=text[s:e].strip() if text is not None else "",
                    weight=w, note=m.requirement,
                )
            )
        requires = title_hit or score >= rules.threshold
        if not requires:
            strength: Strength = "none"
        elif title_hit or score >= rules.core:
            strength = "core"
        else:
            strength = "secondary"
        evidence.sort(key=lambda ev: ev.start)
        return SocialMediaVerdict(
            requires=requires, strength=strength, score=round(score, 4),
            title_mentions=title_hit, areas=tuple(sorted(areas)), evidence=tuple(evidence),
        )


def _incidental(rules: ClassifierRules, sentence: str) -> bool:
    if rules.incidental is not None and rules.incidental.search(sentence):
        return True
    if rules.company is not None and rules.company.search(sentence):
        return rules.hire is None or rules.hire.search(sentence) is None
    return False


@lru_cache(maxsize=8)
def _load_rules(path: str | None) -> ClassifierRules:
    return ClassifierRules.load(path)
