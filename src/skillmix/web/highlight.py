"""Turn a document and its extraction into what the page shows: text segments with the
skill mentions marked, and the evidence grouped per skill.

Why here and not in a template: overlapping spans, ordering and grouping are logic, and the
template should only print ``segment.text`` (autoescaped) inside or outside a ``<mark>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Document, Extraction, SkillMention

__all__ = ["Segment", "SkillEvidenceView", "evidence_by_skill", "segments"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of document text; ``mention`` is set when the run is a skill mention."""

    text: str
    mention: SkillMention | None = None
    index: int = -1

    @property
    def css(self) -> str:
        m = self.mention
        if m is None:
            return ""
        state = "neg" if m.negated else (
            "consumer" if m.usage in ("consumer", "incidental") else "ok")
        return f"skill area-{m.area or 'none'} state-{state}"

    @property
    def tooltip(self) -> str:
        m = self.mention
        if m is None:
            return ""
        bits = [m.label, m.area or "", m.requirement]
        if m.years is not None:
            bits.append(f"{m.years:g} years")
        if m.negated:
            bits.append("negated: not counted")
        if m.usage == "consumer":
            bits.append("consumer familiarity: not counted")
        elif m.usage == "incidental":
            bits.append("the company describing itself: not counted")
        elif m.usage == "professional":
            bits.append("professional use")
        if m.counts and m.confidence < 1.0:
            bits.append(f"{m.confidence:.0%} likely credited")
        return " · ".join(b for b in bits if b)


def segments(doc: Document, ext: Extraction | None) -> list[Segment]:
    """The document text cut at mention boundaries (overlaps: the earlier mention wins)."""
    text = doc.text
    out: list[Segment] = []
    pos = 0
    mentions = sorted(ext.mentions, key=lambda m: (m.start, -m.end)) if ext else []
    for i, m in enumerate(mentions):
        if m.start < pos or m.end > len(text) or m.end <= m.start:
            continue
        if m.start > pos:
            out.append(Segment(text[pos:m.start]))
        out.append(Segment(text[m.start:m.end], m, i))
        pos = m.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


@dataclass(frozen=True, slots=True)
class SkillEvidenceView:
    """One skill's mentions in a document, with the sentences as evidence."""

    skill_id: str
    label: str
    area: str | None
    counted: bool
    requirement: str
    years: float | None
    usage: str
    sentences: tuple[str, ...]
    mentions: int
    #: how likely a careful recruiter credits it (the extractor's calibrated confidence;
    #: 1.0 where none was measured)
    confidence: float = 1.0


def evidence_by_skill(doc: Document, ext: Extraction | None) -> list[SkillEvidenceView]:
    """Skills found, counted ones first, then by area and label."""
    if ext is None:
        return []
    out = []
    order = {"required": 0, "preferred": 1, "mentioned": 2}
    for sid, ms in ext.skills().items():
        counted = any(m.counts for m in ms)
        req = min((m.requirement for m in ms), key=lambda r: order.get(r, 3))
        years = max((m.years for m in ms if m.years is not None), default=None)
        usages = {m.usage for m in ms}
        usage = ("professional" if "professional" in usages
                 else "consumer" if usages == {"consumer"} else "unspecified")
        sents = []
        for m in ms:
            s = doc.text[m.sentence_start:m.sentence_end].strip()
            if s and s not in sents:
                sents.append(s)
        confidence = max((m.confidence for m in ms if m.counts), default=1.0)
        out.append(SkillEvidenceView(sid, ms[0].label, ms[0].area, counted, req, years, usage,
                                     tuple(sents[:3]), len(ms), confidence))
    out.sort(key=lambda v: (not v.counted, v.area or "", v.label.lower()))
    return out
