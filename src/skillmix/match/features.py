"""What the ranker needs from one document: its skills as levelled, dated, pointed-to features.

A :class:`MatchDocument` is the hand-off between extraction and ranking. For a posting each
:class:`SkillFeature` carries the strongest requirement level of its mentions and the
years asked; for a résumé, the evidence level (``professional`` / ``listed``; consumer-only
familiarity is kept as ``consumer`` so explanations can say why it did not count), the
years of use and the months since last use, taken from :func:`skillmix.assess.summarise`
so the ranker and the scorecards read a résumé the same way (they credit what they read
with their own tables: ``MatchParams`` and a profile's ``credit``, see ``docs/match.md``).
Every feature keeps the span
of the mention that proves it, so an explanation can quote the words.

Documents built another way (a synthetic benchmark, a store) only need to fill the same
fields.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, Mapping

from ..errors.match_codes import M001, M002
from ..records import Document, Extraction, Posting, Resume, SkillMention
from .level import LevelReading, posting_level, resume_level

__all__ = [
    "LEVELS",
    "MatchDocument",
    "SkillFeature",
    "posting_features",
    "resume_features",
    "to_match_document",
]

#: a feature's level: a posting's requirement levels, then a résumé's evidence levels
LEVELS = ("required", "preferred", "mentioned", "professional", "listed", "consumer")

_LEVEL_ORDER = {"required": 0, "preferred": 1, "mentioned": 2}


@dataclass(frozen=True, slots=True)
class SkillFeature:
    """One skill of one document, as the ranker sees it.

    ``level``: postings ``required`` / ``preferred`` / ``mentioned``; résumés
    ``professional`` / ``listed`` / ``consumer``. ``years``: asked (posting) or of use
    (résumé); ``recency_months``: months since the skill was last used in a dated role
    (résumés; ``None`` when unknown). ``start``/``end`` and ``sentence_*`` point at the
    mention that proves it (-1 when the document has no text).
    """

    skill_id: str
    level: str
    years: float = 0.0
    recency_months: int | None = None
    start: int = -1
    end: int = -1
    sentence_start: int = -1
    sentence_end: int = -1


@dataclass(frozen=True, slots=True)
class MatchDocument:
    """A posting or résumé reduced to what ranking needs, with its text for BM25 and quotes.

    ``area_weights`` (postings) are the role profile's area weights, empty for "every area
    the posting asks for weighs the same".
    """

    id: str
    kind: Literal["posting", "resume"]
    text: str
    skills: tuple[SkillFeature, ...]
    title: str | None = None
    source: str = ""
    area_weights: Mapping[str, float] = field(default_factory=dict)
    #: postings: a listed skill -> the alternatives that satisfy it as well (an example
    #: list: "Hootsuite, Buffer or similar"); the alternatives are not separate demands
    alternatives: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: O*NET-SOC detailed occupations: a posting's own (weight 1), a résumé's months per
    #: occupation of its roles; empty unless asked for (see :mod:`.occupation`)
    occupations: Mapping[str, float] = field(default_factory=dict)
    #: seniority read from the title and years asked (postings) or from dated years and
    #: the latest role's title (résumés); None when nothing says (see :mod:`.level`)
    level: LevelReading | None = None


def _pointer(m: SkillMention) -> dict[str, int]:
    return {"start": m.start, "end": m.end, "sentence_start": m.sentence_start,
            "sentence_end": m.sentence_end}


def posting_features(
    extraction: Extraction,
    document: Document,
    *,
    title: str | None = None,
    area_weights: Mapping[str, float] | None = None,
) -> MatchDocument:
    """A posting's demands: per skill, its strongest requirement level and the most years
    asked. Negated mentions ("no SEO experience needed") are not demands.

    ``area_weights`` default to those of the role profile :func:`skillmix.assess.
    profile_from_posting` derives from the same extraction (an area weighs what the
    posting asks of it); pass a role profile's weights to rank against that profile, or
    ``{}`` for equal weights. A posting with no counting skill gets ``{}``.
    """
    if area_weights is None:
        area_weights = _posting_profile_weights(extraction, document)
    best: dict[str, SkillMention] = {}
    years: dict[str, float] = {}
    for m in extraction.mentions:
        if m.negated or m.usage == "incidental":
            continue
        cur = best.get(m.skill_id)
        if cur is None or _LEVEL_ORDER[m.requirement] < _LEVEL_ORDER[cur.requirement]:
            best[m.skill_id] = m
        if m.years:
            years[m.skill_id] = max(years.get(m.skill_id, 0.0), float(m.years))
    alternatives = {g[0]: g[1:] for g in extraction.alternative_groups(best)}
    for others in alternatives.values():
        for sid in others:
            best.pop(sid, None)
    feats = tuple(
        SkillFeature(sid, m.requirement, years.get(sid, 0.0), None, **_pointer(m))
        for sid, m in best.items()
    )
    from ..assess.posting import years_asked

    # the file's name is no title: "senior-designer.html" says nothing of the posting
    level = posting_level(title or document.title, [*years.values(), *years_asked(document)])
    return MatchDocument(
        id=document.id, kind="posting", text=document.text, skills=feats,
        title=title or document.title or Path(document.source).stem, source=document.source,
        area_weights=dict(area_weights or {}), alternatives=alternatives, level=level,
    )


def _posting_profile_weights(extraction: Extraction, document: Document) -> dict[str, float]:
    from ..assess.posting import profile_from_posting
    from ..errors import ProfileError

    try:
        prof = profile_from_posting(extraction, document, taxonomy=extraction.taxonomy.split("+")[0])
    except ProfileError:
        return {}
    return {a.id: float(a.weight) for a in prof.areas}


def resume_features(
    extraction: Extraction,
    document: Document,
    *,
    today: date | None = None,
    title: str | None = None,
) -> MatchDocument:
    """A résumé's evidence, read by :func:`skillmix.assess.summarise`: per skill its level
    (professional beats listed; consumer-only kept for explanations), years of use and
    recency. The proving mention is the first one inside a dated role, else the first
    counting one."""
    from ..assess.evidence import summarise

    ev = summarise(extraction, document, today=today)
    feats: list[SkillFeature] = []
    for s in ev.skills.values():
        if s.mentions:
            level = "professional" if s.professional else "listed"
            proof = next((m for m in s.mentions if m.role is not None), s.mentions[0])
        elif s.consumer_mentions:
            level = "consumer"
            proof = s.consumer_mentions[0]
        else:
            continue
        feats.append(SkillFeature(s.skill_id, level, float(s.years), s.recency_months,
                                  **_pointer(proof)))
    if title is None:
        roles = document.roles
        title = next((r.title for r in roles if r.title), None) or document.title \
            or Path(document.source).stem
    return MatchDocument(
        id=document.id, kind="resume", text=document.text, skills=tuple(feats),
        title=title, source=document.source, level=resume_level(ev),
    )


def to_match_document(
    item: Document | Posting | Resume | MatchDocument,
    extraction: Extraction | None = None,
    *,
    kind: str | None = None,
    taxonomy: str = "builtin",
    today: date | None = None,
    area_weights: Mapping[str, float] | None = None,
    occupations: bool = False,
) -> MatchDocument:
    """Whatever the caller has, as a :class:`MatchDocument` (extracting when needed).

    ``occupations=True`` also normalises the posting's title, or every role of the résumé,
    to O*NET-SOC occupations (the ``occupation`` component reads them)."""
    if isinstance(item, MatchDocument):
        return item
    title = None
    if isinstance(item, Posting):
        title, doc, knd = item.title, item.document, "posting"
    elif isinstance(item, Resume):
        title, doc, knd = item.name, item.document, "resume"
    elif isinstance(item, Document):
        doc, knd = item, (kind or item.kind)
    else:
        raise M001(
            f"cannot rank a {type(item).__name__}; expected a Document, Posting, "
            "Resume or MatchDocument.",
        )
    knd = kind or knd
    if knd not in ("posting", "resume"):
        raise M002(
            "cannot tell whether this document is a posting or a résumé.",
            source=doc.source, hint="Pass kind='posting' or kind='resume'.",
        )
    if extraction is None:
        from ..extract import get_extractor

        extraction = get_extractor(taxonomy).extract(doc, kind=knd)
    if knd == "posting":
        out = posting_features(extraction, doc, title=title, area_weights=area_weights)
    else:
        out = resume_features(extraction, doc, today=today, title=title)
    if isinstance(item, (Posting, Resume)) and item.id != out.id:
        out = dataclasses.replace(out, id=item.id)
    if occupations:
        from .occupation import with_occupations

        out = with_occupations(out, doc, today=today)
    return out
