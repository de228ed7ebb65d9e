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
from ..store import CandidateInfo, StoredDocument, StoredResult, repo
from ..store.reads import audit_read

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["CandidateRecord", "Viewer", "read_candidate", "read_candidates", "read_document",
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


def read_original(ws: "Workspace", document_id: str, who: Viewer) -> bytes:
    """A document's file as uploaded; a résumé's read is audited (``part``: ``file``)."""
    data = repo.read_original(ws.store, document_id)
    _, owner = repo.document_owner(ws.store, document_id)
    _audit_document(ws, who, document_id, owner, "file")
    return data


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
