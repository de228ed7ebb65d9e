"""What scoring sees of candidates and postings: read in one transaction, prepared outside it.

Why split read and write: extraction and redaction take tens of milliseconds; holding the
database's write lock through them would queue every other writer behind them. So a use
case reads what it needs in one read transaction (:func:`read_pool`), computes, then
hands its result, its decision-log entry, its audit row and any new cache rows to the
process's group commit (:mod:`skillmix.store.commit`), which writes them in one short
transaction with those of other requests.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Mapping

from ..errors.store_codes import S140
from ..records import Document, Extraction, Posting
from ..store.subjects import Head, Subject, read_posting, read_subjects
from .blind import KIND, blind_version, masked

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from .workspace import Workspace

__all__ = ["Scored", "posting_of", "read_pool"]


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate ready for scoring: the document and extraction scoring sees (masked in
    blind mode), how it was made (``how``: blind, redactions, label), their known name,
    their log key, and the blind version to cache (``cache``: None when it was cached)."""

    candidate_id: str
    document: Document
    extraction: Extraction
    how: Mapping[str, Any]
    name: str | None
    log_key: str
    cache: Mapping[str, Any] | None = None


def _prepare(ws: "Workspace", s: Subject, blind: bool) -> Scored:
    assert s.resume is not None
    doc = s.resume.document
    if blind:
        from ..fairness.labels import neutral_label

        doc, ext, counts, cache = masked(ws, doc, s.name, s.derived)
        # The file name can carry the candidate's name: blind results show a neutral label.
        label = neutral_label(s.candidate_id)
        doc, ext = doc.replace(source=label), replace(ext, source=label)
        return Scored(s.candidate_id, doc, ext, {"blind": True, "redactions": counts,
                                                 "label": label}, s.name, s.log_key, cache)
    from ..fairness.labels import candidate_label

    ext = s.extraction if s.extraction is not None else ws.extractor.extract(doc)
    label = candidate_label(s.candidate_id, name=s.name, source=doc.source, blind=False)
    return Scored(s.candidate_id, doc, ext, {"blind": False, "label": label}, s.name, s.log_key)


def read_pool(ws: "Workspace", conn: "Connection", heads: list[Head], *,
              blind: bool, explicit: bool) -> list[Scored]:
    """The candidates of ``heads`` ready for scoring, read in bulk in ``conn``'s transaction. Candidates
    without a résumé are ``[S140]`` when ``explicit`` (they were named), else left out."""
    subjects = read_subjects(conn, heads,
                             derived=(KIND, blind_version(ws)) if blind else None,
                             extractions=not blind)
    out = []
    for s in subjects:
        if s.resume is None:
            if explicit:
                raise S140(f"candidate {s.candidate_id!r} has no résumé.",
                           hint="Upload one with POST /v1/documents (kind=resume).")
            continue  # listed candidates without a résumé are not rankable
        out.append(_prepare(ws, s, blind))
    return out


def posting_of(ws: "Workspace", conn: "Connection", posting_id: str) -> tuple[Posting, Extraction]:
    """A stored posting as a :class:`Posting` with its newest document's extraction."""
    info, stored, ext = read_posting(conn, posting_id)
    posting = Posting(document=stored.document, id=posting_id, title=info.title,
                      company=info.company, location=info.location)
    return posting, ext if ext is not None else ws.extractor.extract(stored.document)
