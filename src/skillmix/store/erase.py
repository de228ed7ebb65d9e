"""Erasure of a candidate everywhere: rows, stored files, index rows and derived results.

What goes: the candidate row; their documents (text and structure), extractions and
skill-index rows and cached derivatives (blind versions); their scorecards; every ranking that listed them (a ranking is derived
and can be run again); the key behind their decision-log pseudonym (the hash-chained log
itself is not edited, see :mod:`skillmix.store.decisions`); the original files
(overwritten with zeros, then unlinked). The audit log keeps only that an erasure happened: earlier
entries about the candidate's objects lose their object id and detail, an entry about
another object (the posting a ranking was for) keeps its object id and loses only the
values of its detail that name the candidate's objects, and one
``candidate.erase`` entry with counts is appended. Reviewer overrides about the candidate
keep their decision but lose their free-text reason (which may name the person; the chain
hashes it through a salted hash, so the log still verifies). The files folder is swept
for files a crash left without a row. Afterwards the database is compacted (SQLite WAL
checkpoint with ``secure_delete`` on, retried while readers hold old snapshots; PostgreSQL
VACUUM) so deleted text does not survive in free pages; the report says whether that
completed.
"""

from __future__ import annotations

import json
import re
from typing import Any, Collection, Mapping

from sqlalchemy import String, cast, delete, or_, select, update

from ..errors.store_codes import S101
from .core import Store
from .models import (
    AuditRow,
    CandidateRow,
    DecisionLogRow,
    DerivedRow,
    DocumentRow,
    ExtractionRow,
    RankingMemberRow,
    RankingRow,
    ScorecardRow,
    SkillIndexRow,
)
from .types import ErasureReport

__all__ = ["erase_candidate", "scrub_detail", "sweep_files"]

#: staged upload files younger than this are left to the upload that is committing them
PART_GRACE_S = 60.0


def sweep_files(store: Store, *, part_age_s: float = PART_GRACE_S) -> dict[str, int]:
    """Finish or remove documents' files a crash left in the files folder (see
    :meth:`FileStore.sweep`; a market run's outputs there are not touched); at start-up
    pass ``part_age_s=0``."""
    def committed(rels):  # type: ignore[no-untyped-def]
        wanted = list(rels)
        found: set[str] = set()
        with store.session() as sess:
            for i in range(0, len(wanted), 500):
                found.update(p for p in sess.scalars(select(DocumentRow.file_path).where(
                    DocumentRow.file_path.in_(wanted[i:i + 500]))) if p)
        return found

    return store.files.sweep(committed, part_age_s=part_age_s)


def _redact_overrides(sess, alias: str) -> int:  # type: ignore[no-untyped-def]
    from ..fairness.log import redact_reason

    n = 0
    rows = sess.scalars(select(DecisionLogRow).where(
        cast(DecisionLogRow.entry, String).like(f"%{alias}%"))).all()
    for row in rows:
        entry = row.entry
        if isinstance(entry, dict) and entry.get("candidate_id") == alias and (
                entry.get("reason") is not None or entry.get("reason_salt") is not None):
            row.entry = redact_reason(entry)
            n += 1
    return n


def _scrub_audit(sess, ids: list[str]) -> int:  # type: ignore[no-untyped-def]
    """Scrub the audit log of the candidate's objects (``ids``: the candidate, their
    documents, scorecards and the rankings that listed them): an entry about one of them
    keeps its action and time but loses its object id and detail; an entry about another
    object (the posting a ranking was for) keeps its object id, and only the values of its
    detail that name an erased id become ``"erased"``. Names are not matched: no audit
    detail holds one, and a short name ("1", "Al") is a substring of unrelated values."""
    mine = set(ids)
    mentions = [cast(AuditRow.detail, String).like(f"%{i}%") for i in ids]
    n = sess.execute(update(AuditRow).where(AuditRow.object_id.in_(ids))
                     .values(object_id="erased", detail={})
                     .execution_options(synchronize_session=False)).rowcount or 0
    for entry in sess.scalars(select(AuditRow).where(or_(*mentions))).all():
        if entry.object_id in mine or entry.object_id == "erased":
            continue
        entry.detail = scrub_detail(entry.detail or {}, ids)
        n += 1
    return n


def scrub_detail(detail: Mapping[str, Any], ids: Collection[str]) -> dict[str, Any]:
    """An audit entry's ``detail`` with what names ``ids`` gone: a key that is itself an
    id is dropped, a value that names one becomes ``"erased"``, and in a list (the ids a
    listing showed) only the items that name one do, so the entry still says whom else
    it showed (and how many it showed)."""
    out: dict[str, Any] = {}
    plain = not any('"' in i for i in ids)
    for key, value in detail.items():
        if any(i in key for i in ids):
            continue  # a key that is itself an id goes
        if isinstance(value, list):
            out[key] = ["erased" if _names(v, ids, plain) else v for v in value]
        else:
            out[key] = "erased" if _names(value, ids, plain) else value
    return out


#: the characters JSON escapes in a string (what :func:`json.dumps` changes of it)
_ESCAPED = re.compile(r'["\\\x00-\x1f]')


def _names(value: Any, ids: Collection[str], plain: bool = False) -> bool:
    """Whether ``value`` written as JSON holds one of ``ids``. A string JSON leaves as it
    is (no quote, backslash or control character) is searched as it is when no id holds a
    quote (``plain``: one could match the quotes JSON adds), with the same answer: an
    erasure scrubs every listing that showed the candidate, hundreds of ids each, and
    writing each of them as JSON first took most of its time (3,000 listings of 200:
    813 -> 301 ms, ``python bench/audit_scrub.py``)."""
    if plain and isinstance(value, str) and not _ESCAPED.search(value):
        return any(i in value for i in ids)
    text = json.dumps(value, ensure_ascii=False, default=str)
    return any(i in text for i in ids)


def erase_candidate(store: Store, candidate_id: str, *, actor: str,
                    compact_attempts: int = 20) -> ErasureReport:
    """Remove every trace of ``candidate_id``; raises 404 when there is no such candidate.
    ``compact_attempts``: how often to retry emptying the WAL while readers hold it."""
    from .decisions import pseudonym

    counts: dict[str, int] = {}
    alias = pseudonym(store, candidate_id)  # S101 when there is no such candidate
    with store.session(write=True) as sess:
        if sess.get(CandidateRow, candidate_id) is None:
            raise S101(f"no candidate {candidate_id!r}.")
        counts["override_reasons"] = _redact_overrides(sess, alias)
        docs = sess.execute(select(DocumentRow.id, DocumentRow.file_path)
                            .where(DocumentRow.candidate_id == candidate_id)).all()
        doc_ids = [d for d, _ in docs]
        files = [p for _, p in docs if p]
        card_ids = list(sess.scalars(select(ScorecardRow.id)
                                     .where(ScorecardRow.candidate_id == candidate_id)))
        rank_ids = list(sess.scalars(select(RankingMemberRow.ranking_id)
                                     .where(RankingMemberRow.candidate_id == candidate_id)))

        def run(name: str, stmt) -> None:  # type: ignore[no-untyped-def]
            counts[name] = counts.get(name, 0) + (sess.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]

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
        counts["audit_scrubbed"] = _scrub_audit(sess, ids)
        store.audit(sess, actor, "candidate.erase", "candidate", candidate_id,
                    rows={k: v for k, v in counts.items() if k != "audit_scrubbed"},
                    files=len(files))
    removed = sum(1 for rel in files if store.files.delete(rel))
    swept = sweep_files(store)
    compacted = store.compact(attempts=compact_attempts)
    if not compacted:
        with store.session(write=True) as sess:
            store.audit(sess, actor, "candidate.erase.compact_pending", "candidate", "erased")
    return ErasureReport(candidate_id=candidate_id, rows=counts, files=removed,
                         orphans=swept["removed"], compacted=compacted)
