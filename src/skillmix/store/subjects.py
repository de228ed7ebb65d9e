"""What a use case reads and writes in bulk, inside the caller's session.

Why here and in bulk: an assessment or a ranking needs, per candidate, their name, the key
behind their decision-log pseudonym, their newest résumé and its extraction (or the cached
blind version of both). Read one candidate at a time, a ranking of N opened ~3N
transactions; :func:`read_subjects` reads them all with a fixed number of queries in the
session the service opened, and :func:`add_scorecard`, :func:`add_ranking` and
:func:`add_derived` write inside the service's one write transaction, so a result, its
decision-log entry and its audit row commit together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors.store_codes import S101, S102, S141
from ..records import Extraction
from .core import add_audit, new_id
from .models import (
    CandidateRow,
    DerivedRow,
    DocumentRow,
    ExtractionRow,
    PostingRow,
    RankingMemberRow,
    RankingRow,
    ScorecardRow,
)
from .repo import full_payload, stored_document
from .serialise import extraction_from_json
from .types import PostingInfo, StoredDocument, StoredResult

__all__ = ["Head", "Subject", "add_derived", "add_ranking", "add_scorecard", "latest_result",
           "posting_document_id", "read_heads", "read_posting", "read_subjects", "run_entry"]

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Subject:
    """One candidate as a use case reads them: ``resume`` is their newest résumé (None
    when they have none); ``extraction`` its stored extraction (when asked for);
    ``derived`` the cached derivative of the asked kind and version, as stored."""

    candidate_id: str
    name: str | None
    log_key: str
    resume: StoredDocument | None = None
    extraction: Extraction | None = None
    derived: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Head:
    """A candidate by ids only: their name and newest résumé's id (None: no résumé)."""

    candidate_id: str
    name: str | None
    document_id: str | None


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def read_subjects(sess: Session, candidate_ids: list[str] | None, *,
                  derived: tuple[str, str] | None = None,
                  extractions: bool = True) -> list[Subject]:
    """Candidates (``None``: every candidate, newest first) with their newest résumé.

    ``derived=(kind, version)`` also reads that cached derivative of each résumé;
    ``extractions`` reads each résumé's newest extraction. A listed id that is not a
    candidate is ``[S101]``. A fixed number of queries, whatever the number of candidates.
    """
    if candidate_ids is None:
        rows = sess.execute(select(CandidateRow.id, CandidateRow.name, CandidateRow.log_key)
                            .order_by(CandidateRow.created_at.desc(), CandidateRow.id)).all()
        wanted = [r[0] for r in rows]
    else:
        wanted = list(dict.fromkeys(candidate_ids))
        rows = []
        for part in _chunks(wanted):
            rows += sess.execute(select(CandidateRow.id, CandidateRow.name, CandidateRow.log_key)
                                 .where(CandidateRow.id.in_(part))).all()
        found = {r[0] for r in rows}
        missing = [c for c in wanted if c not in found]
        if missing:
            raise S101(f"no candidate {missing[0]!r}.")
    people = {r[0]: (r[1], r[2]) for r in rows}
    newest: dict[str, DocumentRow] = {}
    for part in _chunks(wanted):
        for doc in sess.scalars(select(DocumentRow).where(DocumentRow.candidate_id.in_(part),
                                                          DocumentRow.kind == "resume")
                                .order_by(DocumentRow.created_at, DocumentRow.id)):
            newest[doc.candidate_id] = doc  # type: ignore[index]  # the last is the newest
    doc_ids = [d.id for d in newest.values()]
    exts: dict[str, Any] = {}
    cached: dict[str, Any] = {}
    for part in _chunks(doc_ids):
        if extractions:
            for row in sess.execute(select(ExtractionRow.document_id, ExtractionRow.data)
                                    .where(ExtractionRow.document_id.in_(part))
                                    .order_by(ExtractionRow.id)):
                exts[row[0]] = row[1]
        if derived is not None:
            for row in sess.execute(select(DerivedRow.document_id, DerivedRow.data)
                                    .where(DerivedRow.document_id.in_(part),
                                           DerivedRow.kind == derived[0],
                                           DerivedRow.version == derived[1])
                                    .order_by(DerivedRow.id)):
                cached[row[0]] = row[1]
    out = []
    for cid in wanted:
        name, key = people[cid]
        doc = newest.get(cid)
        ext = exts.get(doc.id) if doc is not None else None
        out.append(Subject(candidate_id=cid, name=name, log_key=key,
                           resume=stored_document(doc) if doc is not None else None,
                           extraction=extraction_from_json(ext) if ext is not None else None,
                           derived=cached.get(doc.id) if doc is not None else None))
    return out


def read_heads(sess: Session, candidate_ids: list[str] | None) -> list[Head]:
    """What :func:`read_subjects` reads, without texts, extractions or derivatives: enough
    to tell whether a stored result was made from the same documents."""
    if candidate_ids is None:
        rows = sess.execute(select(CandidateRow.id, CandidateRow.name)
                            .order_by(CandidateRow.created_at.desc(), CandidateRow.id)).all()
        wanted = [r[0] for r in rows]
    else:
        wanted = list(dict.fromkeys(candidate_ids))
        rows = []
        for part in _chunks(wanted):
            rows += sess.execute(select(CandidateRow.id, CandidateRow.name)
                                 .where(CandidateRow.id.in_(part))).all()
        missing = [c for c in wanted if c not in {r[0] for r in rows}]
        if missing:
            raise S101(f"no candidate {missing[0]!r}.")
    names = {r[0]: r[1] for r in rows}
    newest: dict[str, str] = {}
    for part in _chunks(wanted):
        for doc_id, cid in sess.execute(
                select(DocumentRow.id, DocumentRow.candidate_id)
                .where(DocumentRow.candidate_id.in_(part), DocumentRow.kind == "resume")
                .order_by(DocumentRow.created_at, DocumentRow.id)):
            if cid is not None:
                newest[cid] = doc_id
    return [Head(c, names[c], newest.get(c)) for c in wanted]


def latest_result(sess: Session, *, posting_id: str | None = None,
                  candidate_id: str | None = None, target: str | None = None) -> StoredResult | None:
    """The newest stored ranking of a posting, or scorecard of a candidate for a target."""
    if posting_id is not None:
        rrow = sess.scalars(select(RankingRow).where(RankingRow.posting_id == posting_id)
                            .order_by(RankingRow.created_at.desc()).limit(1)).first()
        if rrow is None:
            return None
        return StoredResult(id=rrow.id, kind="ranking", subject=posting_id, target=posting_id,
                            data=full_payload(sess, RankingRow, rrow.data, "ranking"),
                            created_at=rrow.created_at)
    srow = sess.scalars(select(ScorecardRow).where(ScorecardRow.candidate_id == candidate_id,
                                                   ScorecardRow.target == target)
                        .order_by(ScorecardRow.created_at.desc()).limit(1)).first()
    if srow is None:
        return None
    return StoredResult(id=srow.id, kind="scorecard", subject=srow.candidate_id,
                        target=srow.target,
                        data=full_payload(sess, ScorecardRow, srow.data, "scorecard"),
                        created_at=srow.created_at)


def posting_document_id(sess: Session, posting_id: str) -> str:
    """The id of a posting's newest document (``[S102]``, ``[S141]`` as :func:`read_posting`)."""
    if sess.get(PostingRow, posting_id) is None:
        raise S102(f"no posting {posting_id!r}.")
    doc_id = sess.scalars(select(DocumentRow.id).where(DocumentRow.posting_id == posting_id)
                          .order_by(DocumentRow.created_at.desc(), DocumentRow.id.desc())
                          .limit(1)).first()
    if doc_id is None:
        raise S141(f"posting {posting_id!r} has no document.")
    return doc_id


def run_entry(sess: Session, entry_id: str) -> Mapping[str, Any] | None:
    """A decision-log entry by its id (indexed)."""
    from .models import DecisionLogRow

    return sess.scalars(select(DecisionLogRow.entry).where(DecisionLogRow.id == entry_id)).first()


def read_posting(sess: Session, posting_id: str) -> tuple[PostingInfo, StoredDocument, Extraction | None]:
    """A posting, its newest document and that document's newest extraction."""
    row = sess.get(PostingRow, posting_id)
    if row is None:
        raise S102(f"no posting {posting_id!r}.")
    docs = sess.scalars(select(DocumentRow).where(DocumentRow.posting_id == posting_id)
                        .order_by(DocumentRow.created_at, DocumentRow.id)).all()
    if not docs:
        raise S141(f"posting {posting_id!r} has no document.")
    doc = docs[-1]
    ext = sess.scalars(select(ExtractionRow.data).where(ExtractionRow.document_id == doc.id)
                       .order_by(ExtractionRow.id.desc()).limit(1)).first()
    info = PostingInfo(id=row.id, title=row.title, company=row.company, location=row.location,
                       documents=tuple(d.id for d in docs), created_at=row.created_at)
    return info, stored_document(doc), extraction_from_json(ext) if ext is not None else None


def add_derived(sess: Session, document_id: str, kind: str, version: str,
                data: Mapping[str, Any]) -> None:
    sess.add(DerivedRow(document_id=document_id, kind=kind, version=version, data=dict(data)))


def _existing(sess: Session, candidate_ids: Iterable[str]) -> None:
    ids = list(dict.fromkeys(candidate_ids))
    found: set[str] = set()
    for part in _chunks(ids):
        found.update(sess.scalars(select(CandidateRow.id).where(CandidateRow.id.in_(part))))
    gone = [c for c in ids if c not in found]
    if gone:  # erased while the result was being computed
        raise S101(f"no candidate {gone[0]!r}.")


def _stored_part(data: Mapping[str, Any], field: str) -> dict[str, Any]:
    """What is stored of ``data``: a reused result leaves out the part its original holds."""
    return {k: v for k, v in data.items() if not (k == field and data.get("reused_from"))}


def add_scorecard(sess: Session, candidate_id: str, target: str, data: Mapping[str, Any], *,
                  actor: str, detail: Mapping[str, Any] | None = None) -> StoredResult:
    """Store a scorecard (a reused one without its shared part: see
    :func:`~skillmix.store.repo.full_payload`); the record returned has all of ``data``."""
    _existing(sess, [candidate_id])
    row = ScorecardRow(id=new_id("card"), candidate_id=candidate_id, target=target,
                       data=_stored_part(data, "scorecard"))
    sess.add(row)
    sess.flush()
    add_audit(sess, actor, "candidate.assess", "candidate", candidate_id,
              scorecard=row.id, target=target, **dict(detail or {}))
    return StoredResult(id=row.id, kind="scorecard", subject=candidate_id, target=target,
                        data=dict(data), created_at=row.created_at)


def add_ranking(sess: Session, posting_id: str | None, data: Mapping[str, Any],
                members: Iterable[str], *, actor: str,
                detail: Mapping[str, Any] | None = None) -> StoredResult:
    ids = sorted(set(members))
    _existing(sess, ids)
    row = RankingRow(id=new_id("rank"), posting_id=posting_id,
                     data=_stored_part(data, "ranking"))
    sess.add(row)
    sess.flush()
    sess.add_all([RankingMemberRow(ranking_id=row.id, candidate_id=cid) for cid in ids])
    add_audit(sess, actor, "posting.rank", "posting", posting_id or "", ranking=row.id,
              candidates=len(ids), **dict(detail or {}))
    return StoredResult(id=row.id, kind="ranking", subject=posting_id or "",
                        target=posting_id or "", data=dict(data), created_at=row.created_at)
