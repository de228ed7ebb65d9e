"""Blind mode: mask what identifies a candidate, or their sex, age or background, before
extraction and scoring see the text.

:func:`redact` returns a :class:`RedactedDocument`: the masked :class:`Document` (the one to
extract from and score) and the list of :class:`Redaction` spans, which the reviewer is
shown so the masking itself can be checked. Masking preserves length by default: every
masked character becomes ``█`` (line breaks inside a span are kept), so sections, roles and
every extraction span line up with the original text, and the original can be shown next
to the masked one. ``style="placeholder"`` instead replaces each span with a fixed token
(``[NAME]``, ``[PRONOUN]``...), which makes two résumés that differ only in masked details
byte-identical; offsets of sections and roles are moved to match.

What is masked (``kinds``): names, e-mail addresses, phone numbers, street addresses,
links to personal profiles and social handles, dates of birth, ages, graduation years,
gender markers (pronouns, honorifics, gendered words, self-described gender), other
personal details given with a label (marital status, nationality, religion), and photos
and identifying metadata (only an allow-list of technical metadata keys survives). Work
dates are kept: they carry the experience a skill is credited with.

The original document is not kept in the result; the caller holds it if it may.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Literal

from ..errors.fairness_codes import F200, F201, F202
from ..records import Document, Posting, Record, Resume, content_id
from . import detect
from .names import name_finder

__all__ = [
    "KINDS",
    "REDACTOR_VERSION",
    "RedactedDocument",
    "Redaction",
    "Redactor",
    "redact",
]

#: 1.1: a masked copy keeps the day its original was written (see :func:`_written_on`);
#: 1.2: the candidate's name parts alone, short phone numbers and profile usernames are
#: masked (a store's cached blind copies made by 1.1 still showed them: they are remade)
REDACTOR_VERSION = "1.2"
MASK = "\u2588"

#: every kind of detail blind mode can mask, in the order the reviewer sees them.
KINDS: tuple[str, ...] = (
    "name", "email", "phone", "address", "profile_link", "photo", "date_of_birth", "age",
    "graduation_year", "gender_marker", "personal", "metadata",
)

PLACEHOLDERS = {
    "name": "[NAME]", "email": "[EMAIL]", "phone": "[PHONE]", "address": "[ADDRESS]",
    "profile_link": "[LINK]", "photo": "[PHOTO]", "date_of_birth": "[DATE OF BIRTH]",
    "age": "[AGE]", "graduation_year": "[YEAR]", "gender_marker": "[GENDER]",
    "personal": "[PERSONAL]",
}

#: metadata keys that say nothing about the person and survive blind mode.
SAFE_METADATA = frozenset({
    "pages", "extractor", "quality", "encoding", "pdf_producer", "pdf_creator", "ocr",
    "language", "media_type", "repaired", "sandbox", "format", "embedded_in_html",
    "more_postings", "written_on",
})
_PHOTO_KEYS = ("image", "photo", "picture", "avatar", "images")

Style = Literal["mask", "placeholder"]


@dataclass(frozen=True, slots=True)
class Redaction(Record):
    """One masked span. ``start``/``end`` index the original text; ``new_start`` /
    ``new_end`` the redacted text (the same in ``mask`` style). ``detail`` says which rule
    fired (``pronoun``, ``education section``, a metadata key...). The masked value itself
    is never stored."""

    kind: str
    start: int
    end: int
    new_start: int
    new_end: int
    detail: str = ""


@dataclass(frozen=True, slots=True)
class RedactedDocument(Record):
    """A document with its personal details masked, and the list of what was masked."""

    document: Document
    original_id: str
    redactions: tuple[Redaction, ...]
    style: str = "mask"
    redactor_version: str = REDACTOR_VERSION

    def counts(self) -> dict[str, int]:
        """How many spans of each kind were masked (kinds with none are left out)."""
        out: dict[str, int] = {}
        for r in self.redactions:
            out[r.kind] = out.get(r.kind, 0) + 1
        return out

    def as_resume(self, id: str | None = None) -> Resume:
        """The masked document as a :class:`Resume` with no name."""
        return Resume(document=self.document, id=id or self.document.id, name=None)


def _merge(spans: Iterable[detect.Span]) -> list[detect.Span]:
    """Non-overlapping spans in text order; overlapping ones are joined and keep the kind
    of the longest part."""
    ordered = sorted((s for s in spans if s[1] > s[0]), key=lambda s: (s[0], -s[1]))
    out: list[detect.Span] = []
    longest: list[int] = []
    for s in ordered:
        if out and s[0] < out[-1][1]:
            prev = out[-1]
            if s[1] - s[0] > longest[-1]:
                out[-1] = (prev[0], max(prev[1], s[1]), s[2], s[3])
                longest[-1] = s[1] - s[0]
            else:
                out[-1] = (prev[0], max(prev[1], s[1]), prev[2], prev[3])
        else:
            out.append(s)
            longest.append(s[1] - s[0])
    return out


def _mask(text: str) -> str:
    """Every character but line breaks becomes the mask (spaces too, so a masked name
    does not show how many words it had)."""
    return "".join(c if c in "\r\n" else MASK for c in text)


def _shift(offset: int, moves: list[tuple[int, int, int]]) -> int:
    """Map an original offset to the placeholder text (``moves``: start, end, delta);
    an offset inside a replaced span maps to the start of its placeholder."""
    delta = 0
    for start, end, d in moves:
        if offset >= end:
            delta += d
        elif offset > start:
            return start + delta
        else:
            break
    return offset + delta


class Redactor:
    """Blind-mode masking with fixed settings; reuse one for many documents.

    ``kinds`` limits what is masked (default: all of :data:`KINDS`); ``style`` is
    ``"mask"`` (length-preserving) or ``"placeholder"``; ``region`` is the default country
    for phone numbers; ``taxonomy`` names the taxonomy whose skills are never taken for a
    name: its one-word skills never count as a name word, and a lexicon hit in the body that
    overlaps a skill mention is left alone (so "Crystal Reports" stays readable).
    """

    def __init__(self, *, kinds: Iterable[str] | None = None, style: Style = "mask",
                 region: str = "US", taxonomy: str | None = "builtin") -> None:
        chosen = tuple(kinds) if kinds is not None else KINDS
        bad = [k for k in chosen if k not in KINDS]
        if bad:
            raise F201(f"unknown redaction kind {bad[0]!r}.",
                       hint=f"Use some of: {', '.join(KINDS)}.")
        if style not in ("mask", "placeholder"):
            raise F202(f"style must be 'mask' or 'placeholder', not {style!r}.")
        self.kinds = frozenset(chosen)
        self.style = style
        self.region = region
        self.taxonomy = taxonomy

    def parameters(self) -> dict[str, object]:
        """The settings, for the decision log."""
        return {"kinds": sorted(self.kinds), "style": self.style, "region": self.region,
                "taxonomy": self.taxonomy, "version": REDACTOR_VERSION}

    def spans(self, doc: Document, known_names: Iterable[str] = ()) -> list[detect.Span]:
        """The merged spans to mask in ``doc.text``."""
        text = doc.text
        found: list[detect.Span] = [
            s for s in detect.iter_all(text, doc.sections, self.region) if s[2] in self.kinds
        ]
        protected = self._skill_spans(doc) if "name" in self.kinds or any(
            s[3] == "username" for s in found) else []
        # a "username" read from a line of network-name pairs that is a skill mention is
        # the skill: "• Facebook Ads" alone in a skills list lost "Ads" (and the skill)
        found = [s for s in found if s[3] != "username"
                 or not any(a < s[1] and s[0] < b for a, b in protected)]
        if "name" in self.kinds:
            header_end = min((s.start for s in doc.sections if s.kind != "contact"),
                             default=min(len(text), 400))
            for sec in doc.sections:
                if sec.kind == "contact":
                    header_end = max(header_end, sec.end)
            names = list(known_names)
            if doc.kind == "resume" and doc.title and doc.media_type == "application/json":
                names.append(doc.title)
            contact = any(s[2] in ("email", "phone") and s[0] < header_end for s in found)
            finder = name_finder(self.taxonomy)
            for s, e in finder.find(text, header_end=header_end, known=names, contact=contact,
                                    protected=protected):
                found.append((s, e, "name", ""))
        return _merge(found)

    def _skill_spans(self, doc: Document) -> list[tuple[int, int]]:
        """The spans of ``doc``'s skill mentions under :attr:`taxonomy` (none without one):
        never a name's or a username's word."""
        if not self.taxonomy:
            return []
        from ..extract import get_extractor

        ext = get_extractor(self.taxonomy, False)  # spans only: no context rules
        return [(m.start, m.end) for m in ext.extract(doc).mentions]

    def redact(self, item: Document | Resume | Posting | str, *,
               known_names: Iterable[str] = ()) -> RedactedDocument:
        """Mask ``item`` (see the module docstring). ``known_names`` adds names the caller
        knows (a :class:`Resume`'s ``name`` is added by itself)."""
        doc, names = _as_document(item)
        names = [*names, *known_names]
        spans = self.spans(doc, names)
        text = doc.text
        parts: list[str] = []
        redactions: list[Redaction] = []
        moves: list[tuple[int, int, int]] = []
        pos = 0
        out_len = 0
        for start, end, kind, detail in spans:
            parts.append(text[pos:start])
            out_len += start - pos
            repl = _mask(text[start:end]) if self.style == "mask" else PLACEHOLDERS[kind]
            parts.append(repl)
            redactions.append(Redaction(kind, start, end, out_len, out_len + len(repl), detail))
            moves.append((start, end, len(repl) - (end - start)))
            out_len += len(repl)
            pos = end
        parts.append(text[pos:])
        new_text = "".join(parts)
        metadata, dropped = _clean_metadata(doc.metadata, self.kinds)
        redactions += [Redaction(kind, 0, 0, 0, 0, key) for key, kind in dropped]
        metadata.update(_written_on(doc))
        title = doc.title
        if title is not None and doc.kind == "resume":
            title = None if any(r.kind == "name" for r in redactions) else title
        changes: dict[str, object] = {
            "id": content_id(new_text), "text": new_text, "metadata": metadata,
            "title": title, "source": f"blind:{content_id(new_text)}",
        }
        if self.style == "placeholder" and moves:
            changes["sections"] = tuple(
                dataclasses.replace(s, start=_shift(s.start, moves), end=_shift(s.end, moves))
                for s in doc.sections)
            changes["roles"] = tuple(
                dataclasses.replace(r, span_start=_shift(r.span_start, moves),
                                    span_end=_shift(r.span_end, moves))
                for r in doc.roles)
        return RedactedDocument(
            document=doc.replace(**changes), original_id=doc.id,
            redactions=tuple(redactions), style=self.style,
        )


def _as_document(item: Document | Resume | Posting | str) -> tuple[Document, list[str]]:
    if isinstance(item, Document):
        return item, []
    if isinstance(item, Resume):
        return item.document, [item.name] if item.name else []
    if isinstance(item, Posting):
        return item.document, []
    if isinstance(item, str):
        from ..extract import as_document

        return as_document(item, "resume"), []
    raise F200(f"cannot redact a {type(item).__name__}; expected a Document, "
               "Resume, Posting or str.")


def _clean_metadata(meta: object, kinds: frozenset[str]) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """Metadata with identifying keys dropped (only :data:`SAFE_METADATA` is sure to stay),
    and the ``(key, kind)`` pairs dropped."""
    kept: dict[str, object] = {}
    dropped: list[tuple[str, str]] = []
    for key, value in dict(meta or {}).items():  # type: ignore[call-overload]
        low = str(key).lower()
        kind = "photo" if any(p in low for p in _PHOTO_KEYS) else "metadata"
        if key in SAFE_METADATA or kind not in kinds:
            kept[key] = value
        else:
            dropped.append((key, kind))
    return kept, dropped


def _written_on(doc: Document) -> dict[str, object]:
    """The day the original was written, for a résumé with a "Current" role: the file's
    date and the text's latest date are dropped or masked above, but "Current" is counted
    to that day, so without it blind mode changed a candidate's years and fit (16.5 years
    open, 5.1 blind, in the web trial). Resolved here from the original, it keeps one date,
    the one a scorecard shows as "counted to" either way, and no other metadata."""
    if not any(r.current for r in doc.roles):
        return {}
    from ..assess.evidence import WRITTEN_ON_KEY, written_on

    found = written_on(doc)
    if found is None:
        return {}
    return {WRITTEN_ON_KEY: {"day": found[0].isoformat(), "basis": found[1]}}


@lru_cache(maxsize=8)
def _default(style: str) -> Redactor:
    return Redactor(style=style)  # type: ignore[arg-type]


def redact(item: Document | Resume | Posting | str, *, style: Style = "mask",
           known_names: Iterable[str] = ()) -> RedactedDocument:
    """Blind-mode masking of one document with the default settings (all kinds)."""
    return _default(style).redact(item, known_names=known_names)

