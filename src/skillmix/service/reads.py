"""Use cases: reading candidates' personal data, each read audited.

A candidate's record, a résumé (text, extraction or original file), a scorecard, a ranking
and a listing of candidates are personal data; whoever reads them is recorded as a writer
is, in the same audit log (:func:`skillmix.store.reads.audit_read`): who (the key; a web
page's session acts with its key), what (``candidate.read``, ``candidate.list``,
``document.read``, ``scorecard.read``, ``ranking.read`` and the ids), when, through what
(``via``: ``api`` or ``web``). The row is written after the read and before the answer:
a read that cannot be audited answers nothing. A posting and its text are not personal
data and are not audited.

Why here and not in the routes: the API and the web UI show the same objects and must
audit them alike; one place per read keeps a new page from forgetting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Extraction
from ..store import CandidateInfo, StoredDocument, StoredFile, StoredResult, repo
from ..store.reads import audit_read

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["CHARSETS", "EXTENSIONS", "CandidateRecord", "Download", "Viewer", "content_type",
           "download_name", "read_candidate", "read_candidates", "read_document",
           "read_extraction", "read_original", "read_ranking", "read_scorecard"]


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who reads: the key's id (a web session's key) and the channel, ``api`` or ``web``."""

    actor: str
    via: str = "api"


@dataclass(frozen=True, slots=True)
class CandidateRecord:
    """A candidate as their page shows them: the record, their scorecards (newest first)
    and, when asked for, their documents."""

    candidate: CandidateInfo
    scorecards: tuple[StoredResult, ...]
    documents: tuple[StoredDocument, ...] = ()


@dataclass(frozen=True, slots=True)
class Download:
    """A stored file as the client gets it: the bytes as uploaded, their media type (as
    detected when read, with the text's charset where it is known) and a file name with
    the extension that type has."""

    data: bytes
    media_type: str
    filename: str


#: media type (as :mod:`skillmix.io` detects it) -> the extensions a file of it may have,
#: the usual one first
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "text/html": (".html", ".htm", ".xhtml"),
    "application/json": (".json",),
    "application/ld+json": (".jsonld", ".json"),
    "text/markdown": (".md", ".markdown"),
    "text/plain": (".txt", ".text"),
}
#: Python's name of a text encoding -> the charset a Content-Type names it by (those
#: left out, such as a mixed UTF-8 and cp1252 file, are sent without a charset)
CHARSETS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "utf-16": "utf-16", "utf-16-le": "utf-16le",
            "utf-16-be": "utf-16be", "cp1252": "windows-1252", "iso8859-1": "iso-8859-1",
            "iso8859-15": "iso-8859-15", "ascii": "us-ascii"}


def content_type(info: StoredFile) -> str:
    """The file's media type as detected, with ``charset`` for text whose encoding is
    known (a download that claimed UTF-8 for a cp1252 file would show mojibake)."""
    import codecs

    if not info.media_type.startswith("text/") or not info.encoding:
        return info.media_type or "application/octet-stream"
    try:
        charset = CHARSETS.get(codecs.lookup(info.encoding).name)
    except LookupError:
        charset = None
    return f"{info.media_type}; charset={charset}" if charset else info.media_type


def download_name(info: StoredFile, *, blind: bool) -> str:
    """The file name a download is offered under: the uploaded name's stem (or, for a
    résumé while the workspace is blind by default, the document id: a résumé's file name
    is often the person's, ``Jane_Doe_CV.pdf``, and blind mode hides names) with the
    extension of the detected type (the uploaded one when it is one of that type's)."""
    from pathlib import PurePosixPath

    name = PurePosixPath(info.source or info.document_id)
    stem = info.document_id if (info.kind == "resume" and blind) else (name.stem or info.document_id)
    known = EXTENSIONS.get(info.media_type)
    suffix = name.suffix.lower()
    if known is None:
        ext = suffix if suffix and suffix[1:].isalnum() else ".bin"
    else:
        ext = suffix if suffix in known else known[0]
    return f"{stem}{ext}"


def read_candidate(ws: "Workspace", candidate_id: str, who: Viewer, *,
                   documents: bool = False) -> CandidateRecord:
    """A candidate with their scorecards (and documents); audited as ``candidate.read``."""
    cand = repo.get_candidate(ws.store, candidate_id)
    cards = tuple(repo.list_scorecards(ws.store, candidate_id))
    docs = tuple(repo.get_document(ws.store, d) for d in cand.documents) if documents else ()
    audit_read(ws.store, who.actor, "candidate.read", "candidate", candidate_id,
               shown=[candidate_id], via=who.via,
               scorecards=[c.id for c in cards])
    return CandidateRecord(cand, cards, docs)


def read_candidates(ws: "Workspace", who: Viewer, *, limit: int = 100, offset: int = 0,
                    skill: str | None = None) -> list[CandidateInfo]:
    """Candidates, newest first (or those whose documents show ``skill``); one
    ``candidate.list`` entry naming the candidates shown (none when none is)."""
    if skill:
        ids = repo.candidates_with_skill(ws.store, skill)
        items = [repo.get_candidate(ws.store, c) for c in ids[offset:offset + limit]]
    else:
        items = repo.list_candidates(ws.store, limit=limit, offset=offset)
    if items:
        shown = [c.id for c in items]
        extra = {"skill": skill} if skill else {}
        audit_read(ws.store, who.actor, "candidate.list", "candidate", "", shown=shown,
                   via=who.via, candidates=shown, **extra)
    return items


def read_document(ws: "Workspace", document_id: str, who: Viewer) -> StoredDocument:
    """A document's text and structure; a résumé's read is audited (``document.read``,
    ``part``: ``text``)."""
    stored = repo.get_document(ws.store, document_id)
    _audit_document(ws, who, document_id, stored.candidate_id, "text")
    return stored


def read_extraction(ws: "Workspace", document_id: str, who: Viewer) -> Extraction:
    """A document's newest extraction (its spans point into the text); a résumé's read is
    audited (``part``: ``extraction``)."""
    ext = repo.get_extraction(ws.store, document_id)
    _, owner = repo.document_owner(ws.store, document_id)
    _audit_document(ws, who, document_id, owner, "extraction")
    return ext


def read_original(ws: "Workspace", document_id: str, who: Viewer) -> Download:
    """A document's file as uploaded, with its media type and a file name for the download
    (:func:`download_name`); a résumé's read is audited (``part``: ``file``)."""
    info, data = repo.original_file(ws.store, document_id)
    _audit_document(ws, who, document_id, info.candidate_id, "file")
    return Download(data=data, media_type=content_type(info),
                    filename=download_name(info, blind=ws.settings.blind))


def _audit_document(ws: "Workspace", who: Viewer, document_id: str, owner: str | None,
                    part: str) -> None:
    if owner is not None:  # a résumé; a posting's text is no one's personal data
        audit_read(ws.store, who.actor, "document.read", "document", document_id,
                   shown=[owner], via=who.via, candidate=owner, part=part)


def read_scorecard(ws: "Workspace", scorecard_id: str, who: Viewer) -> StoredResult:
    """A stored scorecard; audited as ``scorecard.read`` with its candidate."""
    card = repo.get_scorecard(ws.store, scorecard_id)
    audit_read(ws.store, who.actor, "scorecard.read", "scorecard", scorecard_id,
               shown=[card.subject], via=who.via, candidate=card.subject)
    return card


def read_ranking(ws: "Workspace", ranking_id: str, who: Viewer) -> StoredResult:
    """A stored ranking; audited as ``ranking.read`` with the candidates it lists."""
    res = repo.get_ranking(ws.store, ranking_id)
    members = sorted(set(dict(res.data.get("candidates") or {}).values()))
    audit_read(ws.store, who.actor, "ranking.read", "ranking", ranking_id,
               shown=members, via=who.via, posting=res.subject, candidates=members)
    return res
