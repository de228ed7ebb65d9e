"""Use case: rank stored candidates for a stored posting, as one unit of work.

Candidates are read in bulk (a fixed number of queries for any pool size); blind mode is
the default. The ranking, its members, its decision-log entry, its audit row and any blind
versions made on the way commit in one transaction, or none of them does. When the newest
stored ranking of the posting was made from the same documents, settings and code, its
payload is reused (:mod:`skillmix.service.memo`) and only the writes happen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from ..errors.config_codes import C130
from ..errors.store_codes import S140, S142
from ..records import Resume
from ..store.decisions import alias_of, append_entry, keyed_bytes
from ..store.subjects import (add_derived, add_ranking, latest_result, posting_document_id,
                              read_heads, run_entry)
from ..store.types import StoredResult
from .blind import KIND, blind_version
from .decide import decision_log
from .memo import inputs_key, rerun_fields
from .profiles import resolve_profile
from .scoring import Scored, posting_of, read_pool

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["rank_posting"]

#: what a reused ranking copies from the original's payload
_PAYLOAD = ("ranking", "candidates", "labels", "blind", "posting_id", "profile", "pool")


def rank_posting(ws: "Workspace", posting_id: str, *, candidate_ids: list[str] | None = None,
                 top: int = 20, blind: bool | None = None, profile: str | None = None,
                 actor: str) -> StoredResult:
    """Rank stored candidates (all, or ``candidate_ids``) for a stored posting."""
    blind = ws.settings.blind if blind is None else blind
    if top < 1 or top > 1000:
        raise C130(f"top must be between 1 and 1000, not {top}.")
    explicit = candidate_ids is not None
    prof = resolve_profile(ws, profile) if profile else None
    log = decision_log(ws)
    with ws.store.session() as sess:  # read: ids first; documents only if nothing to reuse
        heads = read_heads(sess, candidate_ids)
        for h in heads:
            if h.document_id is None and explicit:
                raise S140(f"candidate {h.candidate_id!r} has no résumé.",
                           hint="Upload one with POST /v1/documents (kind=resume).")
        key = inputs_key(
            use="rank", posting=posting_id, posting_document=posting_document_id(sess, posting_id),
            pool=[(h.candidate_id, h.document_id, None if blind else h.name)
                  for h in heads if h.document_id],
            blind=blind, made_with=blind_version(ws) if blind else ws.settings.taxonomy,
            top=top, profile=prof.to_dict() if prof is not None else None)
        prev = latest_result(sess, posting_id=posting_id)
        original = (run_entry(sess, str(prev.data.get("decision")))
                    if prev is not None and prev.data.get("inputs_key") == key else None)
        if original is None:
            posting, pext = posting_of(ws, sess, posting_id)
            scored = read_pool(ws, sess, candidate_ids, blind=blind, explicit=explicit)
    if original is not None and prev is not None:
        data = {k: prev.data[k] for k in _PAYLOAD if k in prev.data}
        data.update(inputs_key=key, reused_from=prev.data.get("reused_from") or prev.id)
        fields = rerun_fields(original, actor)
        scored = []
    else:
        if not scored:
            raise S142("there are no candidates with a résumé to rank.",
                       hint="Upload résumés first.")
        data, fields = _compute(ws, posting, pext, scored, top=top, blind=blind, prof=prof,
                                profile=profile, posting_id=posting_id, actor=actor)
        data["inputs_key"] = key
    members = set(dict(data["candidates"]).values())
    version = blind_version(ws) if blind else ""
    with ws.store.session(write=True) as sess:  # write: one unit of work
        entry = append_entry(sess, lambda prev_hash, seq: log.seal(fields, prev_hash, seq))
        data["decision"] = entry.id
        result = add_ranking(sess, posting_id, data, members, actor=actor,
                             detail={"blind": blind, "top": top})
        for s in scored:
            if s.cache is not None:
                add_derived(sess, s.document.id, KIND, version, s.cache)
    log.anchored(entry)
    return result


def _compute(ws: "Workspace", posting: Any, pext: Any, scored: list[Scored], *, top: int,
             blind: bool, prof: Any, profile: str | None, posting_id: str,
             actor: str) -> tuple[dict[str, Any], Mapping[str, Any]]:
    """The ranking payload and its decision-log fields, computed."""
    from ..match import profile_area_weights, rank_candidates, to_match_document

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
                            "pool": len(pool)}
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
