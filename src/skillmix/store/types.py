"""Frozen records the store hands out (rows never leave :mod:`skillmix.store`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

from ..records import Document, Ranking, Record, Scorecard

__all__ = [
    "AuditEntry",
    "CandidateInfo",
    "ErasureReport",
    "JobInfo",
    "PostingInfo",
    "StoredDocument",
    "StoredFile",
    "StoredProfile",
    "StoredResult",
]


@dataclass(frozen=True, slots=True)
class StoredDocument(Record):
    """A document as kept: the reader's Document (re-ided with the store id) plus owner."""

    id: str
    kind: str
    document: Document
    candidate_id: str | None = None
    posting_id: str | None = None
    size: int = 0
    has_file: bool = False
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredFile(Record):
    """What a download of a document's original file needs besides its bytes: whose it is,
    the name it was uploaded under (``source``, already reduced to a safe base name; a
    paste's is ``pasted-resume.txt``), the media type and text encoding detected when it
    was read (``encoding``: None for binary formats)."""

    document_id: str
    kind: str
    source: str
    media_type: str
    candidate_id: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class CandidateInfo(Record):
    id: str
    name: str | None
    documents: tuple[str, ...] = ()
    skills: int = 0
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PostingInfo(Record):
    id: str
    title: str | None
    company: str | None = None
    location: str | None = None
    documents: tuple[str, ...] = ()
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredProfile(Record):
    id: str
    name: str
    data: Mapping[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredResult(Record):
    """A stored scorecard or ranking: its id, what it was for, and its payload as stored
    (JSON: what the API returns); :attr:`scorecard` and :attr:`ranking` read the result
    back as the record the assess or match library made."""

    id: str
    kind: str
    subject: str
    target: str
    data: Mapping[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None

    @property
    def scorecard(self) -> Scorecard | None:
        raw = self.data.get("scorecard")
        return Scorecard.from_dict(raw) if raw is not None else None

    @property
    def ranking(self) -> Ranking | None:
        raw = self.data.get("ranking")
        return Ranking.from_dict(raw) if raw is not None else None


@dataclass(frozen=True, slots=True)
class JobInfo(Record):
    id: str
    kind: str
    status: str
    params: Mapping[str, Any] = field(default_factory=dict)
    result: Mapping[str, Any] | None = None
    error: str | None = None
    created_at: datetime | None = None
    finished_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry(Record):
    id: int
    at: datetime
    actor: str
    action: str
    object_type: str
    object_id: str
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ErasureReport(Record):
    """What an erasure removed, by kind (counts only). ``orphans``: files swept that no
    row pointed to; ``compacted``: False when readers kept the SQLite WAL from being
    emptied (deleted text may linger there until the next compaction, which start-up and
    every erasure attempt)."""

    candidate_id: str
    rows: Mapping[str, int] = field(default_factory=dict)
    files: int = 0
    orphans: int = 0
    compacted: bool = True



