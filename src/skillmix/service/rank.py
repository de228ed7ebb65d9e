"""Use case: rank stored candidates for a stored posting, as one unit of work.

Candidates are read in bulk (a fixed number of queries for any pool size); blind mode is
the default. The ranking, its members, its decision-log entry, its audit row and any blind
versions made on the way commit in one transaction, or none of them does. When the newest
stored ranking of the posting was made from the same documents, settings and code, its
payload is reused (:mod:`skillmix.service.memo`) and only the writes happen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from ..errors.config_codes import C130, C132
from ..errors.store_codes import S140, S142
from ..records import Resume
from ..store.commit import Unit
from ..store.decisions import alias_of, keyed_bytes
from ..store.subjects import (derived_row, newest_result, posting_document_id, ranking_rows,
                              read_heads)
from ..store.types import StoredResult
from .blind import KIND, blind_version
from .decide import decision_log
from .memo import inputs_key, rerun_fields
from .profiles import profile_digest, resolve_profile
from .scoring import Scored, posting_of, read_pool

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["rank_posting"]

#: what a reused ranking copies from the original's payload
_PAYLOAD = ("ranking", "candidates", "labels", "blind", "posting_id", "profile", "pool")


def rank_posting(ws: "Workspace", posting_id: str, *, candidate_ids: list[str] | None = None,
                 top: int = 20, blind: bool | None = None, profile: str | None = None,
                 actor: str) -> StoredResult:
    """Rank stored candidates (all, or ``candidate_ids``) for a stored posting. An empty
    ``candidate_ids`` is ``[C132]``: it names nobody, and reading it as "everyone" or
    answering that no résumés exist (``[S142]``) would both mislead."""
    blind = ws.settings.blind if blind is None else blind
    if top < 1 or top > 1000:
        raise C130(f"top must be between 1 and 1000, not {top}.")
    if candidate_ids is not None and not candidate_ids:
        raise C132("candidate_ids is an empty list: there is no one to rank.", hint=C132.hint)
    explicit = candidate_ids is not None
    log = decision_log(ws)
    version = blind_version(ws) if blind else ""
    with ws.store.connection() as conn:  # read: ids first; documents only if nothing to reuse
        prof = resolve_profile(ws, profile, conn=conn) if profile else None
        heads = read_heads(conn, candidate_ids)
        for h in heads:
            if h.document_id is None and explicit:
                raise S140(f"candidate {h.candidate_id!r} has no résumé.",
                           hint="Upload one with POST /v1/documents (kind=resume).")
        key = inputs_key(
            use="rank", posting=posting_id, posting_document=posting_document_id(conn, posting_id),
            pool=[(h.candidate_id, h.document_id, None if blind else h.name)
                  for h in heads if h.document_id],
            blind=blind, made_with=version if blind else ws.settings.taxonomy,
            top=top, profile=profile_digest(prof) if prof is not None else None)
        newest = newest_result(conn, posting_id=posting_id)
        reuse = newest if newest is not None and newest.entry is not None and \
            newest.data.get("inputs_key") == key else None
        if reuse is None:
            posting, pext = posting_of(ws, conn, posting_id)
            scored = read_pool(ws, conn, heads, blind=blind, explicit=explicit)
    if reuse is not None and reuse.entry is not None:
        data = {k: reuse.data[k] for k in _PAYLOAD if k in reuse.data}
        data.update(inputs_key=key, reused_from=reuse.data.get("reused_from") or reuse.id)
        fields = rerun_fields(reuse.entry, actor)
        scored = []
    else:
        if not scored:
            raise S142("there are no candidates with a résumé to rank.",
                       hint="Upload résumés first.")
        data, fields = _compute(ws, posting, pext, scored, top=top, blind=blind, prof=prof,
                                profile=profile, posting_id=posting_id, actor=actor)
        data["inputs_key"] = key
    members = set(dict(data["candidates"]).values())
    extra = [derived_row(s.document.id, KIND, version, s.cache)
             for s in scored if s.cache is not None]
    detail = {"blind": blind, "top": top}
    # write: one unit of work, committed with whatever else this process is writing
    return ws.store.writer.write(Unit(
        log=log, fields=fields, candidates=tuple(sorted(members)),
        build=lambda entry: ranking_rows(posting_id, {**data, "decision": entry.id}, members,
                                         actor=actor, detail=detail, extra=extra)))


def _compute(ws: "Workspace", posting: Any, pext: Any, scored: list[Scored], *, top: int,
             blind: bool, prof: Any, profile: str | None, posting_id: str,
             actor: str) -> tuple[dict[str, Any], Mapping[str, Any]]:
    """The ranking payload and its decision-log fields, computed."""
    from ..match import profile_area_weights, rank_candidates, scale_notes, to_match_document

    owners = {s.document.id: s.candidate_id for s in scored}
    by_doc = {s.document.id: s for s in scored}
    labels = {s.document.id: s.how["label"] for s in scored}
    pool = [to_match_document(Resume(document=s.document, id=s.document.id,
                                     name=None if blind else s.name), s.extraction,
                              kind="resume", taxonomy=ws.settings.taxonomy) for s in scored]
    weights = profile_area_weights(prof) if prof is not None else None
    query = to_match_document(posting, pext, kind="posting", taxonomy=ws.settings.taxonomy,
                              area_weights=weights)
    ranking = rank_candidates(query, pool, top=top, taxonomy=ws.settings.taxonomy,
                              area_weights=weights)
    data: dict[str, Any] = {"ranking": ranking.to_dict(), "candidates": owners, "labels": labels,
                            "blind": blind, "posting_id": posting_id, "profile": profile,
                            "pool": len(pool), "scales": scale_notes(ranking, query)}
    inputs: list[Any] = [posting.document]
    inputs += [keyed_bytes(s.log_key, s.document.text) for s in scored]
    fields = decision_log(ws).run_fields(
        "ranking", inputs=inputs,
        outputs=[{"rank": m.rank, "candidate": alias_of(by_doc[m.id].log_key, owners[m.id]),
                  "score": m.score} for m in ranking.results if m.id in owners],
        taxonomy=ranking.taxonomy, taxonomy_version=ranking.taxonomy_version,
        profile=profile, config={"posting": posting_id, "top": top, "pool": len(pool),
                                 **dict(ranking.parameters)},
        blind=blind, actor=actor)
    return data, fields
