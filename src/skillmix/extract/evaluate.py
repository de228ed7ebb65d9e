"""Measure extraction against documents annotated by careful readers.

The gold format (``gold.jsonl``, one document a line) lists, for each document, the
taxonomy ids a recruiter credits, each with a verbatim evidence quote, its usage
(professional / education / listed / consumer) and, for postings, the requirement level
(required / preferred / mentioned). A skill is *credited* unless its usage is consumer.

We score what a recruiter would check: the set of credited skills per document
(precision, recall and F1 over (document, skill) pairs, per document kind), the
requirement level of postings' skills found by both, and whether consumer-only platforms
are recognised as such. Misses and false positives are listed per document, because the
totals alone never tell what to fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from ..errors.extraction_codes import E050, E051
from ..records import Document, Extraction, SkillMention

__all__ = [
    "GoldDocument",
    "GoldSkill",
    "KindScores",
    "SkillEval",
    "credited_skills",
    "evaluate_skills",
    "load_gold",
    "skill_requirements",
]

_RANK = {"required": 2, "preferred": 1, "mentioned": 0}


@dataclass(frozen=True, slots=True)
class GoldSkill:
    """One skill a reader credited (or recorded as consumer use) in one document."""

    id: str
    evidence: str
    usage: str
    requirement: str | None = None
    years: float | None = None

    @property
    def credited(self) -> bool:
        return self.usage != "consumer"


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A gold document: its id, kind (résumé or posting) and annotated skills."""

    doc: str
    kind: str
    skills: tuple[GoldSkill, ...]

    @property
    def credited(self) -> frozenset[str]:
        return frozenset(s.id for s in self.skills if s.credited)

    @property
    def consumer(self) -> frozenset[str]:
        return frozenset(s.id for s in self.skills if not s.credited) - self.credited


def _kind_of(doc: str, source: str | None) -> str:
    """A gold document's kind, from its id prefix ("resume-...", "posting-...") or its
    ``source`` field."""
    for kind in ("resume", "posting"):
        if doc.startswith(kind) or kind in (source or "").lower():
            return kind
    return "unknown"


def load_gold(path: str | Path, aliases: Mapping[str, str] | None = None) -> list[GoldDocument]:
    """Read a gold JSONL file. ``aliases`` maps renamed skill ids to current ones."""
    path = Path(path)
    aliases = aliases or {}
    out: list[GoldDocument] = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise E050(f"cannot read the gold file ({err}).", source=str(path)) from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            skills = tuple(
                GoldSkill(
                    id=aliases.get(s["id"], s["id"]), evidence=str(s.get("evidence") or ""),
                    usage=str(s.get("usage") or "professional"),
                    requirement=s.get("requirement"), years=s.get("years"),
                )
                for s in row["skills"]
            )
            out.append(GoldDocument(str(row["doc"]), _kind_of(str(row["doc"]), row.get("source")), skills))
        except (ValueError, KeyError, TypeError) as err:
            raise E051(
                f"line {n} is not a gold record ({type(err).__name__}: {err}).",
                source=str(path),
                hint='Each line needs {"doc": ..., "skills": [{"id": ..., "usage": ...}]}.',
            ) from None
    return out


def credits_per_document(
    extract: Callable[[Document], Extraction], gold_dir: str | Path
) -> Iterator[tuple[GoldDocument, Document, dict[str, list[SkillMention]]]]:
    """Each document of a gold set (``gold.jsonl`` beside ``docs/``), read and extracted,
    with the counting mentions of each skill it credits: what the probes and the
    credit-confidence fit compare with the readers' credits."""
    from ..io import read_document

    gold_dir = Path(gold_dir)
    for g in load_gold(gold_dir / "gold.jsonl"):
        doc = read_document(gold_dir / "docs" / f"{g.doc}.txt", kind=g.kind,  # type: ignore[arg-type]
                            sandbox=False)
        by: dict[str, list[SkillMention]] = {}
        for m in extract(doc).mentions:
            if m.counts:
                by.setdefault(m.skill_id, []).append(m)
        yield g, doc, by


def credited_skills(extraction: Extraction) -> frozenset[str]:
    """The skills an extraction credits: some mention neither negated nor consumer use."""
    return frozenset(m.skill_id for m in extraction.mentions if m.counts)


def consumer_only(extraction: Extraction) -> frozenset[str]:
    """Skills mentioned only as consumer use (the article's intern signal)."""
    seen = {m.skill_id for m in extraction.mentions if not m.negated}
    return frozenset(seen) - credited_skills(extraction)


def skill_requirements(extraction: Extraction) -> dict[str, str]:
    """Per credited skill, the strongest requirement level among its counting mentions."""
    best: dict[str, str] = {}
    for m in extraction.mentions:
        if m.counts and _RANK.get(m.requirement, 0) >= _RANK.get(best.get(m.skill_id, ""), -1):
            best[m.skill_id] = m.requirement
    return best


@dataclass(slots=True)
class KindScores:
    """Counts and scores for one document kind."""

    documents: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    requirement_agree: int = 0
    requirement_total: int = 0
    consumer_agree: int = 0
    consumer_total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def requirement_accuracy(self) -> float | None:
        return self.requirement_agree / self.requirement_total if self.requirement_total else None

    @property
    def consumer_agreement(self) -> float | None:
        return self.consumer_agree / self.consumer_total if self.consumer_total else None

    def as_dict(self) -> dict[str, object]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "documents": self.documents, "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": r(self.precision), "recall": r(self.recall), "f1": r(self.f1),
            "requirement_accuracy": r(self.requirement_accuracy),
            "requirement_n": self.requirement_total,
            "consumer_agreement": r(self.consumer_agreement), "consumer_n": self.consumer_total,
        }


@dataclass(slots=True)
class SkillEval:
    """The result of :func:`evaluate_skills`: scores per kind and errors per document."""

    kinds: dict[str, KindScores] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)
    false_positives: dict[str, list[str]] = field(default_factory=dict)
    requirement_errors: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "kinds": {k: v.as_dict() for k, v in sorted(self.kinds.items())},
            "misses": self.misses,
            "false_positives": self.false_positives,
            "requirement_errors": {k: [list(e) for e in v] for k, v in self.requirement_errors.items()},
        }


def evaluate_skills(
    gold: Sequence[GoldDocument],
    extract: Callable[[GoldDocument], Extraction],
    *,
    docs: Iterable[str] | None = None,
) -> SkillEval:
    """Score ``extract`` (gold document -> its extraction) on ``gold`` (or the subset
    whose ids are in ``docs``)."""
    keep = set(docs) if docs is not None else None
    result = SkillEval()
    for g in gold:
        if keep is not None and g.doc not in keep:
            continue
        ex = extract(g)
        found = credited_skills(ex)
        truth = g.credited
        ks = result.kinds.setdefault(g.kind, KindScores())
        ks.documents += 1
        ks.tp += len(found & truth)
        ks.fp += len(found - truth)
        ks.fn += len(truth - found)
        if truth - found:
            result.misses[g.doc] = sorted(truth - found)
        if found - truth:
            result.false_positives[g.doc] = sorted(found - truth)
        if g.kind == "posting":
            ours = skill_requirements(ex)
            errors = []
            for s in g.skills:
                if s.credited and s.id in ours and s.requirement:
                    ks.requirement_total += 1
                    if ours[s.id] == s.requirement:
                        ks.requirement_agree += 1
                    else:
                        errors.append((s.id, s.requirement, ours[s.id]))
            if errors:
                result.requirement_errors[g.doc] = errors
        mentioned = {m.skill_id for m in ex.mentions if not m.negated}
        ours_consumer = consumer_only(ex)
        for sid in g.consumer:
            if sid in mentioned:
                ks.consumer_total += 1
                ks.consumer_agree += sid in ours_consumer
    return result
