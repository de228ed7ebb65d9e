"""What a use case reads and writes in bulk: reads inside the caller's transaction, writes
as rows for the process's group commit (:mod:`skillmix.store.commit`).

Why here and in bulk: an assessment or a ranking needs, per candidate, their name, the key
behind their decision-log pseudonym, their newest résumé and its extraction (or the cached
blind version of both). Read one candidate at a time, a ranking of N opened ~3N
transactions; :func:`read_heads` and :func:`read_subjects` read them all with a fixed number
of queries in the transaction the service opened (:meth:`Store.connection`). Reads go
through SQLAlchemy Core statements built once: the ORM's identity map and unit of work, and
building each statement anew, cost more than the queries here. :func:`scorecard_rows` and :func:`ranking_rows` give the rows of a result and its audit
row, which the group commit writes with the result's decision-log entry, so they commit
together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from sqlalchemy import Connection, Table, and_, bindparam, select

from ..errors.store_codes import S101, S102, S141
from ..jsonio import RawJson
from ..records import Extraction
from .commit import Rows
from .models import (
    table_of,
    AuditRow,
    CandidateRow,
    DecisionLogRow,
    DerivedRow,
    DocumentRow,
    ExtractionRow,
    PostingRow,
    ProfileRow,
    RankingMemberRow,
    RankingRow,
    ScorecardRow,
    utcnow,
)
from .core import new_id
from .repo import stored_document
from .serialise import extraction_from_json
from .types import PostingInfo, StoredDocument, StoredResult

__all__ = ["Head", "Newest", "Subject", "derived_row", "newest_result", "posting_document_id",
           "ranking_rows", "read_heads", "read_posting", "read_subjects", "run_entry",
           "scorecard_rows", "stored_profile"]

_CHUNK = 500
_CAND = table_of(CandidateRow)
_DOC = table_of(DocumentRow)
_EXT = table_of(ExtractionRow)
_DER = table_of(DerivedRow)
_POST = table_of(PostingRow)
_PROF = table_of(ProfileRow)
_CARD = table_of(ScorecardRow)
_RANK = table_of(RankingRow)
_MEMBER = table_of(RankingMemberRow)
_AUDIT = table_of(AuditRow)
_LOG = table_of(DecisionLogRow)


@dataclass(frozen=True, slots=True)
class Head:
    """A candidate by ids only: their name, the key behind their decision-log pseudonym
    and their newest résumé's id (None: no résumé)."""

    candidate_id: str
    name: str | None
    log_key: str
    document_id: str | None


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
class Newest:
    """The newest stored result for a posting (or a candidate and target): its id, its
    whole payload (``data``: its ``inputs_key`` tells whether it can be reused) and the
    decision-log entry of its run (None when the log no longer holds it)."""

    id: str
    data: Mapping[str, Any]
    entry: Mapping[str, Any] | None


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


# Statements built once: building a select and its cache key on every call cost more than
# running it. Lists of ids bind as one expanding parameter.
_HEADS = (select(_CAND.c.id, _CAND.c.name, _CAND.c.log_key, _CAND.c.created_at, _DOC.c.id)
          .select_from(_CAND.outerjoin(_DOC, and_(_DOC.c.candidate_id == _CAND.c.id,
                                                  _DOC.c.kind == "resume")))
          .order_by(_DOC.c.created_at, _DOC.c.id))
_HEADS_OF = _HEADS.where(_CAND.c.id.in_(bindparam("ids", expanding=True)))
_DOCS = select(_DOC).where(_DOC.c.id.in_(bindparam("ids", expanding=True)))
_EXTS = (select(_EXT.c.document_id, _EXT.c.data)
         .where(_EXT.c.document_id.in_(bindparam("ids", expanding=True))).order_by(_EXT.c.id))
_DERIVED = (select(_DER.c.document_id, _DER.c.data)
            .where(_DER.c.document_id.in_(bindparam("ids", expanding=True)),
                   _DER.c.kind == bindparam("kind"), _DER.c.version == bindparam("version"))
            .order_by(_DER.c.id))
_POSTING_DOC = (select(_POST.c.id, _DOC.c.id)
                .select_from(_POST.outerjoin(_DOC, _DOC.c.posting_id == _POST.c.id))
                .where(_POST.c.id == bindparam("posting"))
                .order_by(_DOC.c.created_at.desc(), _DOC.c.id.desc()).limit(1))
_ENTRY = select(_LOG.c.entry).where(_LOG.c.id == bindparam("id"))
_PROFILE = select(_PROF.c.data).where(_PROF.c.id == bindparam("id"))


def _newest(table: Any, shared: str, *where: Any) -> Any:
    """The newest result matching ``where``, with the decision-log entry it names and the
    part it shares with its original (as JSON text), in one query (the newest row is found
    first: joined before the limit, every older row's payload would be parsed)."""
    newest = (select(table.c.id, table.c.data).where(*where)
              .order_by(table.c.created_at.desc()).limit(1).subquery("newest"))
    root = table.alias("root")
    return (select(newest.c.id, newest.c.data, _LOG.c.entry, root.c.data[shared].as_string())
            .select_from(newest
                         .outerjoin(_LOG, _LOG.c.id == newest.c.data["decision"].as_string())
                         .outerjoin(root, root.c.id == newest.c.data["reused_from"].as_string())))


_NEWEST = {
    "ranking": _newest(_RANK, "ranking", _RANK.c.posting_id == bindparam("posting")),
    "scorecard": _newest(_CARD, "scorecard", _CARD.c.candidate_id == bindparam("candidate"),
                         _CARD.c.target == bindparam("target")),
}


def read_heads(conn: Connection, candidate_ids: list[str] | None) -> list[Head]:
    """Candidates (``None``: every candidate, newest first) with their newest résumé's id,
    in one query (per 500 ids); a listed id that is not a candidate is ``[S101]``.

    Why ids first: a use case tells from them whether a stored result can be reused, and
    reads texts, extractions and blind versions (:func:`read_subjects`) only if not."""
    rows = []
    if candidate_ids is None:
        rows = list(conn.execute(_HEADS))
    else:
        for part in _chunks(list(dict.fromkeys(candidate_ids))):
            rows += conn.execute(_HEADS_OF, {"ids": part})
    people: dict[str, tuple[str | None, str, Any]] = {}
    newest: dict[str, str] = {}
    for cid, name, key, created, doc_id in rows:
        people[cid] = (name, key, created)
        if doc_id is not None:
            newest[cid] = doc_id  # rows come oldest document first: the last is the newest
    if candidate_ids is None:
        wanted = sorted(sorted(people), key=lambda c: people[c][2], reverse=True)
    else:
        wanted = list(dict.fromkeys(candidate_ids))
        missing = [c for c in wanted if c not in people]
        if missing:
            raise S101(f"no candidate {missing[0]!r}.")
    return [Head(c, people[c][0], people[c][1], newest.get(c)) for c in wanted]


def read_subjects(conn: Connection, heads: list[Head], *,
                  derived: tuple[str, str] | None = None,
                  extractions: bool = True) -> list[Subject]:
    """The candidates of ``heads`` (from :func:`read_heads` in the same transaction) with
    their newest résumé. ``derived=(kind, version)`` also reads that cached derivative of
    each résumé; ``extractions`` reads each résumé's newest extraction. A fixed number of
    queries, whatever the number of candidates."""
    doc_ids = [h.document_id for h in heads if h.document_id is not None]
    docs: dict[str, Any] = {}
    exts: dict[str, Any] = {}
    cached: dict[str, Any] = {}
    for part in _chunks(doc_ids):
        for row in conn.execute(_DOCS, {"ids": part}):
            docs[row.id] = row
        if extractions:
            for doc_id, data in conn.execute(_EXTS, {"ids": part}):
                exts[doc_id] = data  # the last is the newest
        if derived is not None:
            for doc_id, data in conn.execute(_DERIVED, {"ids": part, "kind": derived[0],
                                                        "version": derived[1]}):
                cached[doc_id] = data
    out = []
    for h in heads:
        doc = docs.get(h.document_id) if h.document_id is not None else None
        ext = exts.get(doc.id) if doc is not None else None
        out.append(Subject(candidate_id=h.candidate_id, name=h.name, log_key=h.log_key,
                           resume=stored_document(doc) if doc is not None else None,
                           extraction=extraction_from_json(ext) if ext is not None else None,
                           derived=cached.get(doc.id) if doc is not None else None))
    return out


def newest_result(conn: Connection, *, posting_id: str | None = None,
                  candidate_id: str | None = None, target: str | None = None) -> Newest | None:
    """The newest stored ranking of a posting, or scorecard of a candidate for a target,
    with what reusing it takes: the decision-log entry of its run and its whole payload
    (the part a reused result shares with its original cut out of the original's payload
    by the database, as :class:`~skillmix.jsonio.RawJson`), in one query."""
    if posting_id is not None:
        kind, params = "ranking", {"posting": posting_id}
    else:
        kind, params = "scorecard", {"candidate": candidate_id, "target": target}
    row = conn.execute(_NEWEST[kind], params).first()
    if row is None:
        return None
    data = dict(row[1] or {})
    entry = row[2] if isinstance(row[2], Mapping) and row[2].get("kind") == "run" else None
    if kind not in data and data.get("reused_from"):
        if row[3] is None:  # its original is gone: nothing to reuse
            return Newest(row[0], data, None)
        data[kind] = RawJson(row[3])
    return Newest(row[0], data, entry)


def posting_document_id(conn: Connection, posting_id: str) -> str:
    """The id of a posting's newest document (``[S102]``, ``[S141]`` as :func:`read_posting`),
    in one query."""
    row = conn.execute(_POSTING_DOC, {"posting": posting_id}).first()
    if row is None:
        raise S102(f"no posting {posting_id!r}.")
    if row[1] is None:
        raise S141(f"posting {posting_id!r} has no document.")
    return str(row[1])


def run_entry(conn: Connection, entry_id: str) -> Mapping[str, Any] | None:
    """A decision-log entry by its id (indexed)."""
    return conn.execute(_ENTRY, {"id": entry_id}).scalar()


def stored_profile(conn: Connection, profile_id: str) -> Mapping[str, Any] | None:
    """A workspace profile's data by id (None when the workspace has none by that id)."""
    return conn.execute(_PROFILE, {"id": profile_id}).scalar()


def read_posting(conn: Connection, posting_id: str) -> tuple[PostingInfo, StoredDocument, Extraction | None]:
    """A posting, its newest document and that document's newest extraction."""
    row = conn.execute(select(_POST).where(_POST.c.id == posting_id)).first()
    if row is None:
        raise S102(f"no posting {posting_id!r}.")
    docs = list(conn.execute(select(_DOC).where(_DOC.c.posting_id == posting_id)
                             .order_by(_DOC.c.created_at, _DOC.c.id)))
    if not docs:
        raise S141(f"posting {posting_id!r} has no document.")
    doc = docs[-1]
    ext = conn.execute(select(_EXT.c.data).where(_EXT.c.document_id == doc.id)
                       .order_by(_EXT.c.id.desc()).limit(1)).scalar()
    info = PostingInfo(id=row.id, title=row.title, company=row.company, location=row.location,
                       documents=tuple(d.id for d in docs), created_at=row.created_at)
    return info, stored_document(doc), extraction_from_json(ext) if ext is not None else None


# --------------------------------------------------------------------------- rows to write


def derived_row(document_id: str, kind: str, version: str,
                data: Mapping[str, Any]) -> tuple[Table, dict[str, Any]]:
    """A cached derivative of a document (see :mod:`skillmix.service.blind`), as a row."""
    return _DER, {"document_id": document_id, "kind": kind, "version": version,
                  "data": dict(data), "created_at": utcnow()}


def _audit(actor: str, action: str, object_type: str, object_id: str,
           detail: Mapping[str, Any]) -> tuple[Table, dict[str, Any]]:
    return _AUDIT, {"actor": actor, "action": action, "object_type": object_type,
                    "object_id": object_id, "detail": dict(detail), "at": utcnow()}


def _stored_part(data: Mapping[str, Any], field: str) -> dict[str, Any]:
    """What is stored of ``data``: a reused result leaves out the part its original holds."""
    return {k: v for k, v in data.items() if not (k == field and data.get("reused_from"))}


def scorecard_rows(candidate_id: str, target: str, data: Mapping[str, Any], *, actor: str,
                   detail: Mapping[str, Any] | None = None,
                   extra: Iterable[tuple[Table, dict[str, Any]]] = ()) -> Rows[StoredResult]:
    """A scorecard (a reused one without its shared part: see
    :func:`~skillmix.store.repo.full_payload`), its audit row and ``extra`` rows, for a
    :class:`~skillmix.store.commit.Unit`; the result returned has all of ``data``."""
    card_id, now = new_id("card"), utcnow()
    rows: list[tuple[Table, dict[str, Any]]] = [(_CARD, {"id": card_id, "candidate_id": candidate_id, "target": target,
                     "data": _stored_part(data, "scorecard"), "created_at": now}),
            *extra,
            _audit(actor, "candidate.assess", "candidate", candidate_id,
                   {"scorecard": card_id, "target": target, **dict(detail or {})})]
    return Rows(rows, StoredResult(id=card_id, kind="scorecard", subject=candidate_id,
                                   target=target, data=dict(data), created_at=now))


def ranking_rows(posting_id: str | None, data: Mapping[str, Any], members: Iterable[str], *,
                 actor: str, detail: Mapping[str, Any] | None = None,
                 extra: Iterable[tuple[Table, dict[str, Any]]] = ()) -> Rows[StoredResult]:
    """A ranking with its members (the candidates an erasure finds it by), its audit row
    and ``extra`` rows, as :func:`scorecard_rows`."""
    rank_id, now = new_id("rank"), utcnow()
    ids = sorted(set(members))
    rows: list[tuple[Table, dict[str, Any]]] = [(_RANK, {"id": rank_id, "posting_id": posting_id,
                     "data": _stored_part(data, "ranking"), "created_at": now}),
            *[(_MEMBER, {"ranking_id": rank_id, "candidate_id": c}) for c in ids],
            *extra,
            _audit(actor, "posting.rank", "posting", posting_id or "",
                   {"ranking": rank_id, "candidates": len(ids), **dict(detail or {})})]
    return Rows(rows, StoredResult(id=rank_id, kind="ranking", subject=posting_id or "",
                                   target=posting_id or "", data=dict(data), created_at=now))
