"""Erasure of a candidate everywhere: rows, stored files, index rows and derived results.

What goes: the candidate row; their documents (text and structure), extractions and
skill-index rows and cached derivatives (blind versions); their scorecards; every ranking that listed them (a ranking is derived
and can be run again); the key behind their decision-log pseudonym (the hash-chained log
itself is not edited, see :mod:`skillmix.store.decisions`); the original files
(overwritten with zeros, then unlinked). The audit log keeps only that an erasure happened: earlier
entries about the candidate's objects lose their object id and detail, and one
``candidate.erase`` entry with counts is appended. Afterwards the database is compacted
(SQLite WAL checkpoint with ``secure_delete`` on; PostgreSQL VACUUM) so deleted text does
not survive in free pages.
"""

from __future__ import annotations

from sqlalchemy import String, cast, delete, or_, select, update

from ..errors import NotFoundError
from .core import Store
from .models import (
    AuditRow,
    CandidateRow,
    DerivedRow,
    DocumentRow,
    ExtractionRow,
    RankingMemberRow,
    RankingRow,
    ScorecardRow,
    SkillIndexRow,
)
from .types import ErasureReport

__all__ = ["erase_candidate"]


def erase_candidate(store: Store, candidate_id: str, *, actor: str) -> ErasureReport:
    """Remove every trace of ``candidate_id``; raises 404 when there is no such candidate."""
    counts: dict[str, int] = {}
    with store.session() as sess:
        if sess.get(CandidateRow, candidate_id) is None:
            raise NotFoundError("S101", f"no candidate {candidate_id!r}.")
        docs = sess.execute(select(DocumentRow.id, DocumentRow.file_path)
                            .where(DocumentRow.candidate_id == candidate_id)).all()
        doc_ids = [d for d, _ in docs]
        files = [p for _, p in docs if p]
        card_ids = list(sess.scalars(select(ScorecardRow.id)
                                     .where(ScorecardRow.candidate_id == candidate_id)))
        rank_ids = list(sess.scalars(select(RankingMemberRow.ranking_id)
                                     .where(RankingMemberRow.candidate_id == candidate_id)))

        def run(name: str, stmt) -> None:  # type: ignore[no-untyped-def]
            counts[name] = counts.get(name, 0) + (sess.execute(stmt).rowcount or 0)

        run("skill_index", delete(SkillIndexRow).where(or_(
            SkillIndexRow.candidate_id == candidate_id, SkillIndexRow.document_id.in_(doc_ids))))
        run("extractions", delete(ExtractionRow).where(ExtractionRow.document_id.in_(doc_ids)))
        run("derived", delete(DerivedRow).where(DerivedRow.document_id.in_(doc_ids)))
        run("documents", delete(DocumentRow).where(DocumentRow.id.in_(doc_ids)))
        run("scorecards", delete(ScorecardRow).where(ScorecardRow.candidate_id == candidate_id))
        run("ranking_members", delete(RankingMemberRow).where(
            RankingMemberRow.ranking_id.in_(rank_ids)))
        run("rankings", delete(RankingRow).where(RankingRow.id.in_(rank_ids)))
        ids = [candidate_id, *doc_ids, *card_ids, *rank_ids]
        run("candidates", delete(CandidateRow).where(CandidateRow.id == candidate_id))
        # the audit log keeps only that an erasure happened
        mentions = [AuditRow.object_id.in_(ids)]
        mentions += [cast(AuditRow.detail, String).like(f"%{i}%") for i in ids]
        run("audit_scrubbed", update(AuditRow).where(or_(*mentions))
            .values(object_id="erased", detail={}).execution_options(synchronize_session=False))
        store.audit(sess, actor, "candidate.erase", "candidate", candidate_id,
                    rows={k: v for k, v in counts.items() if k != "audit_scrubbed"},
                    files=len(files))
    removed = sum(1 for rel in files if store.files.delete(rel))
    store.compact()
    return ErasureReport(candidate_id=candidate_id, rows=counts, files=removed)
