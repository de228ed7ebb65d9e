"""Reading and writing the workspace's objects: documents with their extractions and index
rows, candidates, postings, profiles, scorecards, rankings, background jobs, the audit log.

Each function is one transaction and audits what it changed. Rows are turned into the
frozen records of :mod:`skillmix.store.types` before they leave.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from sqlalchemy import String, cast, func, or_, select

from ..errors.store_codes import S101, S102, S103, S104, S105, S110, S120, S121, S130
from ..records import Document, Extraction
from .core import Store, new_id
from .models import (
    AuditRow,
    CandidateRow,
    DocumentRow,
    ExtractionRow,
    JobRow,
    PostingRow,
    ProfileRow,
    RankingRow,
    ScorecardRow,
    SkillIndexRow,
    utcnow,
)
from .serialise import document_from_row, document_structure, extraction_from_json
from .types import (
    AuditEntry,
    CandidateInfo,
    JobInfo,
    PostingInfo,
    StoredDocument,
    StoredFile,
    StoredProfile,
    StoredResult,
)

__all__ = [
    "candidate_documents",
    "candidates_with_skill",
    "create_job",
    "delete_profile",
    "document_owner",
    "full_payload",
    "fail_stale_jobs",
    "finish_job",
    "get_candidate",
    "get_document",
    "get_extraction",
    "get_job",
    "get_posting",
    "get_profile",
    "get_ranking",
    "get_scorecard",
    "latest_ranking",
    "latest_resume",
    "list_audit",
    "list_candidates",
    "list_jobs",
    "list_postings",
    "list_profiles",
    "list_scorecards",
    "original_file",
    "posting_documents",
    "put_profile",
    "read_original",
    "resume_sources",
    "save_document",
    "start_job",
    "stored_document",
]


def stored_document(row: Any) -> StoredDocument:
    """A document row (ORM, or a Core row of the documents table) as the record the store
    hands out."""
    doc = document_from_row(row.id, row.kind, row.source, row.media_type, row.title, row.text,
                            row.structure or {})
    return StoredDocument(id=row.id, kind=row.kind, document=doc, candidate_id=row.candidate_id,
                          posting_id=row.posting_id, size=row.size,
                          has_file=row.file_path is not None, created_at=row.created_at)


# --------------------------------------------------------------------------- documents


def save_document(store: Store, doc: Document, extraction: Extraction | None, *,
                  actor: str, data: bytes | None = None, candidate_id: str | None = None,
                  candidate_name: str | None = None, posting_id: str | None = None,
                  posting_fields: Mapping[str, str | None] | None = None,
                  doc_id: str | None = None) -> StoredDocument:
    """Keep an uploaded document (and its bytes, extraction and index rows).

    A résumé joins ``candidate_id`` (a new candidate when None); a posting joins
    ``posting_id`` (a new posting when None). ``doc`` should already carry ``doc_id`` as
    its id so the extraction's ``document_id`` matches.
    """
    doc_id = doc_id or doc.id
    kind = doc.kind if doc.kind in ("resume", "posting") else "resume"
    # staged before the transaction, published only after it commits (see store.files)
    rel = store.files.stage(doc_id, data, Path(doc.source).suffix) if data is not None else None
    try:
        with store.session(write=True) as sess:
            if kind == "resume":
                if candidate_id is None:
                    candidate_id = new_id("cand")
                    sess.add(CandidateRow(id=candidate_id, name=candidate_name))
                    sess.flush()
                    store.audit(sess, actor, "candidate.create", "candidate", candidate_id)
                elif sess.get(CandidateRow, candidate_id) is None:
                    raise S101(f"no candidate {candidate_id!r}.")
                posting_id = None
            else:
                if posting_id is None:
                    posting_id = new_id("post")
                    fields = dict(posting_fields or {})
                    sess.add(PostingRow(id=posting_id, title=fields.get("title") or doc.title,
                                        company=fields.get("company"),
                                        location=fields.get("location")))
                    sess.flush()
                    store.audit(sess, actor, "posting.create", "posting", posting_id)
                elif sess.get(PostingRow, posting_id) is None:
                    raise S102(f"no posting {posting_id!r}.")
                candidate_id = None
            row = DocumentRow(id=doc_id, kind=kind, candidate_id=candidate_id,
                              posting_id=posting_id, source=doc.source,
                              media_type=doc.media_type, title=doc.title, text=doc.text,
                              structure=document_structure(doc), file_path=rel,
                              size=len(data) if data is not None else len(doc.text.encode()))
            sess.add(row)
            sess.flush()
            if extraction is not None:
                _add_extraction(sess, doc_id, extraction, candidate_id, posting_id)
            store.audit(sess, actor, "document.upload", "document", doc_id, kind=kind,
                        bytes=row.size, owner=candidate_id or posting_id,
                        mentions=len(extraction.mentions) if extraction else 0)
            stored = stored_document(row)
    except BaseException:
        if rel is not None:
            store.files.discard(rel)
        raise
    if rel is not None:
        store.files.publish(rel)
    return stored


def _add_extraction(sess: Any, doc_id: str, ext: Extraction, candidate_id: str | None,
                    posting_id: str | None) -> None:
    sess.add(ExtractionRow(document_id=doc_id, taxonomy=ext.taxonomy,
                           taxonomy_version=ext.taxonomy_version,
                           extractor_version=ext.extractor_version, data=ext.to_dict()))
    for skill_id, mentions in ext.skills().items():
        sess.add(SkillIndexRow(document_id=doc_id, candidate_id=candidate_id,
                               posting_id=posting_id, skill_id=skill_id,
                               mentions=len(mentions),
                               counted=sum(1 for m in mentions if m.counts),
                               required=any(m.requirement == "required" and not m.negated
                                            for m in mentions)))


def get_document(store: Store, doc_id: str) -> StoredDocument:
    with store.session() as sess:
        row = sess.get(DocumentRow, doc_id)
        if row is None:
            raise S103(f"no document {doc_id!r}.")
        return stored_document(row)


def get_extraction(store: Store, doc_id: str) -> Extraction:
    """The newest extraction of a document."""
    with store.session() as sess:
        row = sess.scalars(select(ExtractionRow).where(ExtractionRow.document_id == doc_id)
                           .order_by(ExtractionRow.id.desc())).first()
        if row is None:
            if sess.get(DocumentRow, doc_id) is None:
                raise S103(f"no document {doc_id!r}.")
            raise S104(f"document {doc_id!r} has no extraction yet.")
        return extraction_from_json(row.data)


def _documents_of(store: Store, column: Any, owner: str) -> list[tuple[StoredDocument, Extraction | None]]:
    with store.session() as sess:
        rows = sess.scalars(select(DocumentRow).where(column == owner)
                            .order_by(DocumentRow.created_at)).all()
        out = []
        for row in rows:
            ext = sess.scalars(select(ExtractionRow).where(ExtractionRow.document_id == row.id)
                               .order_by(ExtractionRow.id.desc())).first()
            out.append((stored_document(row), extraction_from_json(ext.data) if ext else None))
        return out


def candidate_documents(store: Store, candidate_id: str) -> list[tuple[StoredDocument, Extraction | None]]:
    get_candidate(store, candidate_id)
    return _documents_of(store, DocumentRow.candidate_id, candidate_id)


def posting_documents(store: Store, posting_id: str) -> list[tuple[StoredDocument, Extraction | None]]:
    get_posting(store, posting_id)
    return _documents_of(store, DocumentRow.posting_id, posting_id)


# --------------------------------------------------------------------------- candidates, postings


def _doc_ids(sess: Any, column: Any, owner: str) -> tuple[str, ...]:
    return tuple(sess.scalars(select(DocumentRow.id).where(column == owner)
                              .order_by(DocumentRow.created_at)).all())


def _skill_counts(sess: Any, candidate_ids: list[str]) -> dict[str, int]:
    """Distinct skills in each candidate's documents (the skill index), in one query: what
    a candidate's ``skills`` says in the list and on their own page alike."""
    if not candidate_ids:
        return {}
    rows = sess.execute(select(SkillIndexRow.candidate_id,
                               func.count(func.distinct(SkillIndexRow.skill_id)))
                        .where(SkillIndexRow.candidate_id.in_(candidate_ids))
                        .group_by(SkillIndexRow.candidate_id)).all()
    return {c: n for c, n in rows}


def get_candidate(store: Store, candidate_id: str) -> CandidateInfo:
    with store.session() as sess:
        row = sess.get(CandidateRow, candidate_id)
        if row is None:
            raise S101(f"no candidate {candidate_id!r}.")
        return CandidateInfo(id=row.id, name=row.name,
                             documents=_doc_ids(sess, DocumentRow.candidate_id, row.id),
                             skills=_skill_counts(sess, [row.id]).get(row.id, 0),
                             created_at=row.created_at)


def list_candidates(store: Store, *, limit: int = 100, offset: int = 0) -> list[CandidateInfo]:
    with store.session() as sess:
        rows = sess.scalars(select(CandidateRow).order_by(CandidateRow.created_at.desc(),
                                                          CandidateRow.id)
                            .limit(limit).offset(offset)).all()
        skills = _skill_counts(sess, [r.id for r in rows])
        return [CandidateInfo(id=r.id, name=r.name,
                              documents=_doc_ids(sess, DocumentRow.candidate_id, r.id),
                              skills=skills.get(r.id, 0), created_at=r.created_at)
                for r in rows]


def candidates_with_skill(store: Store, skill_id: str) -> list[str]:
    """Candidates whose documents show ``skill_id`` as evidence (the skill index)."""
    with store.session() as sess:
        rows = sess.scalars(select(SkillIndexRow.candidate_id).distinct()
                            .where(SkillIndexRow.skill_id == skill_id,
                                   SkillIndexRow.candidate_id.is_not(None),
                                   SkillIndexRow.counted > 0)).all()
        return [c for c in rows if c is not None]


def get_posting(store: Store, posting_id: str) -> PostingInfo:
    with store.session() as sess:
        row = sess.get(PostingRow, posting_id)
        if row is None:
            raise S102(f"no posting {posting_id!r}.")
        return PostingInfo(id=row.id, title=row.title, company=row.company,
                           location=row.location,
                           documents=_doc_ids(sess, DocumentRow.posting_id, row.id),
                           created_at=row.created_at)


def list_postings(store: Store, *, limit: int = 100, offset: int = 0) -> list[PostingInfo]:
    with store.session() as sess:
        rows = sess.scalars(select(PostingRow).order_by(PostingRow.created_at.desc(),
                                                        PostingRow.id)
                            .limit(limit).offset(offset)).all()
        return [PostingInfo(id=r.id, title=r.title, company=r.company, location=r.location,
                            documents=_doc_ids(sess, DocumentRow.posting_id, r.id),
                            created_at=r.created_at) for r in rows]


# --------------------------------------------------------------------------- profiles


def _profile(row: ProfileRow) -> StoredProfile:
    return StoredProfile(id=row.id, name=row.name, data=row.data, updated_at=row.updated_at)


def list_profiles(store: Store) -> list[StoredProfile]:
    with store.session() as sess:
        return [_profile(r) for r in sess.scalars(select(ProfileRow).order_by(ProfileRow.id))]


def get_profile(store: Store, profile_id: str) -> StoredProfile | None:
    with store.session() as sess:
        row = sess.get(ProfileRow, profile_id)
        return _profile(row) if row is not None else None


def put_profile(store: Store, profile_id: str, name: str, data: Mapping[str, Any], *,
                actor: str) -> StoredProfile:
    with store.session(write=True) as sess:
        row = sess.get(ProfileRow, profile_id)
        if row is None:
            row = ProfileRow(id=profile_id, name=name, data=dict(data))
            sess.add(row)
            action = "profile.create"
        else:
            row.name, row.data, row.updated_at = name, dict(data), utcnow()
            action = "profile.update"
        sess.flush()
        store.audit(sess, actor, action, "profile", profile_id)
        return _profile(row)


def delete_profile(store: Store, profile_id: str, *, actor: str) -> None:
    with store.session(write=True) as sess:
        row = sess.get(ProfileRow, profile_id)
        if row is None:
            raise S110(f"no stored profile {profile_id!r}.")
        sess.delete(row)
        store.audit(sess, actor, "profile.delete", "profile", profile_id)


# --------------------------------------------------------------------------- results


def full_payload(sess: Any, model: Any, data: Mapping[str, Any], field: str) -> Mapping[str, Any]:
    """A stored result's payload with the part a reused result shares with its original
    (``field``: ``scorecard`` or ``ranking``) read from the original.

    Why shared: a result reused unchanged (see :mod:`skillmix.service.memo`) would
    otherwise store another copy of tens or hundreds of KB. The original is erased with
    the same candidates, so it is there as long as the copy is."""
    root = data.get("reused_from")
    if field in data or not root:
        return data
    original = sess.scalars(select(model.data).where(model.id == root)).first()
    return {**data, field: dict(original or {}).get(field)}


def _card(row: ScorecardRow, sess: Any = None) -> StoredResult:
    data = full_payload(sess, ScorecardRow, row.data, "scorecard") if sess is not None else row.data
    return StoredResult(id=row.id, kind="scorecard", subject=row.candidate_id,
                        target=row.target, data=data, created_at=row.created_at)


def get_scorecard(store: Store, card_id: str) -> StoredResult:
    with store.session() as sess:
        row = sess.get(ScorecardRow, card_id)
        if row is None:
            raise S120(f"no scorecard {card_id!r}.")
        return _card(row, sess)


def list_scorecards(store: Store, candidate_id: str) -> list[StoredResult]:
    with store.session() as sess:
        rows = sess.scalars(select(ScorecardRow).where(ScorecardRow.candidate_id == candidate_id)
                            .order_by(ScorecardRow.created_at.desc())).all()
        return [_card(r, sess) for r in rows]


def _ranking(row: RankingRow, sess: Any = None) -> StoredResult:
    data = full_payload(sess, RankingRow, row.data, "ranking") if sess is not None else row.data
    return StoredResult(id=row.id, kind="ranking", subject=row.posting_id or "",
                        target=row.posting_id or "", data=data, created_at=row.created_at)


def get_ranking(store: Store, ranking_id: str) -> StoredResult:
    with store.session() as sess:
        row = sess.get(RankingRow, ranking_id)
        if row is None:
            raise S121(f"no ranking {ranking_id!r}.")
        return _ranking(row, sess)


def latest_ranking(store: Store, posting_id: str) -> StoredResult | None:
    with store.session() as sess:
        row = sess.scalars(select(RankingRow).where(RankingRow.posting_id == posting_id)
                           .order_by(RankingRow.created_at.desc())).first()
        return _ranking(row, sess) if row is not None else None


# --------------------------------------------------------------------------- jobs, audit


def _job(row: JobRow) -> JobInfo:
    return JobInfo(id=row.id, kind=row.kind, status=row.status, params=row.params,
                   result=row.result, error=row.error, created_at=row.created_at,
                   finished_at=row.finished_at)


def create_job(store: Store, kind: str, params: Mapping[str, Any], *, actor: str) -> JobInfo:
    with store.session(write=True) as sess:
        row = JobRow(id=new_id("job"), kind=kind, status="queued", params=dict(params))
        sess.add(row)
        sess.flush()
        store.audit(sess, actor, f"{kind}.start", "job", row.id)
        return _job(row)


def active_jobs_by(store: Store, kind: str, actor: str) -> int:
    """How many ``kind`` jobs that ``actor`` started are queued or running (from the audit
    entry each start writes)."""
    from sqlalchemy import func

    with store.session() as sess:
        return int(sess.scalar(
            select(func.count(JobRow.id)).join(AuditRow, AuditRow.object_id == JobRow.id)
            .where(JobRow.kind == kind, JobRow.status.in_(("queued", "running")),
                   AuditRow.action == f"{kind}.start", AuditRow.actor == actor)) or 0)


def start_job(store: Store, job_id: str) -> None:
    with store.session(write=True) as sess:
        row = sess.get(JobRow, job_id)
        if row is not None:
            row.status = "running"


def finish_job(store: Store, job_id: str, *, result: Mapping[str, Any] | None = None,
               error: str | None = None) -> None:
    with store.session(write=True) as sess:
        row = sess.get(JobRow, job_id)
        if row is None:
            return
        row.status = "failed" if error else "done"
        row.result = dict(result) if result is not None else None
        row.error = error
        row.finished_at = utcnow()


def fail_stale_jobs(store: Store, kind: str) -> int:
    """Mark jobs left queued or running by a server that stopped as failed; returns how many."""
    with store.session(write=True) as sess:
        rows = sess.scalars(select(JobRow).where(JobRow.kind == kind,
                                                 JobRow.status.in_(("queued", "running")))).all()
        for row in rows:
            row.status, row.finished_at = "failed", utcnow()
            row.error = "[K194] the server stopped before this run finished. Start it again."
        return len(rows)


def get_job(store: Store, job_id: str) -> JobInfo:
    with store.session() as sess:
        row = sess.get(JobRow, job_id)
        if row is None:
            raise S130(f"no job {job_id!r}.")
        return _job(row)


def list_jobs(store: Store, kind: str, *, limit: int = 50) -> list[JobInfo]:
    with store.session() as sess:
        rows = sess.scalars(select(JobRow).where(JobRow.kind == kind)
                            .order_by(JobRow.created_at.desc()).limit(limit)).all()
        return [_job(r) for r in rows]


def list_audit(store: Store, *, limit: int = 100, object_id: str | None = None,
               about: str | None = None, action: str | None = None) -> list[AuditEntry]:
    """The newest entries first. ``object_id``: entries about that object; ``about``:
    entries about it or naming it in their detail (who read or changed a candidate: a
    read of their résumé or scorecard names the candidate, a listing the candidates it
    showed); ``action``: one action (``candidate.read``)."""
    with store.session() as sess:
        q = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if object_id:
            q = q.where(AuditRow.object_id == object_id)
        if about:
            q = q.where(or_(AuditRow.object_id == about,
                            cast(AuditRow.detail, String).like(f"%{_like(about)}%", escape="\\")))
        if action:
            q = q.where(AuditRow.action == action)
        return [AuditEntry(id=r.id, at=r.at, actor=r.actor, action=r.action,
                           object_type=r.object_type, object_id=r.object_id, detail=r.detail)
                for r in sess.scalars(q)]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def document_owner(store: Store, doc_id: str) -> tuple[str, str | None]:
    """A document's kind and candidate (None for a posting's), without its text: what a
    read of its extraction or file is audited under."""
    with store.session() as sess:
        row = sess.execute(select(DocumentRow.kind, DocumentRow.candidate_id)
                           .where(DocumentRow.id == doc_id)).first()
    if row is None:
        raise S103(f"no document {doc_id!r}.")
    return row[0], row[1]


def read_original(store: Store, doc_id: str) -> bytes:
    """The bytes of a document as uploaded."""
    return original_file(store, doc_id)[1]


def original_file(store: Store, doc_id: str) -> tuple[StoredFile, bytes]:
    """A document's file as uploaded, and what a download of it needs to say (its name,
    media type and encoding as read; whose it is), without reading its text."""
    with store.session() as sess:
        row = sess.execute(select(DocumentRow.kind, DocumentRow.candidate_id,
                                  DocumentRow.source, DocumentRow.media_type,
                                  DocumentRow.structure, DocumentRow.file_path)
                           .where(DocumentRow.id == doc_id)).first()
    if row is None:
        raise S103(f"no document {doc_id!r}.")
    if row.file_path is None:
        raise S105(f"document {doc_id!r} has no stored file.")
    encoding = dict((row.structure or {}).get("metadata") or {}).get("encoding")
    info = StoredFile(document_id=doc_id, kind=row.kind, source=row.source,
                      media_type=row.media_type, candidate_id=row.candidate_id,
                      encoding=encoding if isinstance(encoding, str) else None)
    return info, store.files.get(row.file_path)


def resume_sources(store: Store, candidate_ids: list[str]) -> dict[str, str]:
    """Candidate id -> the file name (``source``) of their newest résumé, for those of
    ``candidate_ids`` with one, in one query: what pages name a candidate by when no name
    was given."""
    if not candidate_ids:
        return {}
    out: dict[str, str] = {}
    with store.session() as sess:
        rows = sess.execute(select(DocumentRow.candidate_id, DocumentRow.source)
                            .where(DocumentRow.candidate_id.in_(candidate_ids),
                                   DocumentRow.kind == "resume")
                            .order_by(DocumentRow.created_at, DocumentRow.id)).all()
    for cid, source in rows:
        if cid is not None:
            out[cid] = source  # the newest last
    return out


def latest_resume(store: Store, candidate_id: str) -> tuple[str | None, StoredDocument | None]:
    """A candidate's name and newest résumé (None when they have none), in one query pair."""
    with store.session() as sess:
        cand = sess.get(CandidateRow, candidate_id)
        if cand is None:
            raise S101(f"no candidate {candidate_id!r}.")
        row = sess.scalars(select(DocumentRow).where(DocumentRow.candidate_id == candidate_id,
                                                     DocumentRow.kind == "resume")
                           .order_by(DocumentRow.created_at.desc()).limit(1)).first()
        return cand.name, (stored_document(row) if row is not None else None)
