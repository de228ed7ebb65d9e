"""Use case: rank stored candidates for a stored posting, as one unit of work.

Candidates are read in bulk (a fixed number of queries for any pool size); blind mode is
the default. The ranking, its members, its decision-log entry, its audit row and any blind
versions made on the way commit in one transaction, or none of them does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, NotFoundError
from ..records import Resume
from ..store.decisions import alias_of, append_entry, keyed_bytes
from ..store.subjects import add_derived, add_ranking
from ..store.types import StoredResult
from .blind import KIND, blind_version
from .decide import decision_log
from .profiles import resolve_profile
from .scoring import posting_of, read_pool

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["rank_posting"]


def rank_posting(ws: "Workspace", posting_id: str, *, candidate_ids: list[str] | None = None,
                 top: int = 20, blind: bool | None = None, profile: str | None = None,
                 actor: str) -> StoredResult:
    """Rank stored candidates (all, or ``candidate_ids``) for a stored posting."""
    from ..match import profile_area_weights, rank_candidates, to_match_document

    blind = ws.settings.blind if blind is None else blind
    if top < 1 or top > 1000:
        raise ConfigError("C130", f"top must be between 1 and 1000, not {top}.")
    explicit = candidate_ids is not None
    with ws.store.session() as sess:  # read: the posting and every candidate, in bulk
        posting, pext = posting_of(ws, sess, posting_id)
        scored = read_pool(ws, sess, candidate_ids, blind=blind, explicit=explicit)
    if not scored:
        raise NotFoundError("S142", "there are no candidates with a résumé to rank.",
                            hint="Upload résumés first.")
    owners = {s.document.id: s.candidate_id for s in scored}
    by_doc = {s.document.id: s for s in scored}
    labels = {s.document.id: s.how["label"] for s in scored}
    pool = [to_match_document(Resume(document=s.document, id=s.document.id,
                                     name=None if blind else s.name), s.extraction,
                              kind="resume", taxonomy=ws.settings.taxonomy) for s in scored]
    weights = profile_area_weights(resolve_profile(ws, profile)) if profile else None
    query = to_match_document(posting, pext, kind="posting", taxonomy=ws.settings.taxonomy,
                              area_weights=weights)
    ranking = rank_candidates(query, pool, top=top, taxonomy=ws.settings.taxonomy,
                              area_weights=weights)
    data: dict[str, Any] = {"ranking": ranking.to_dict(), "candidates": owners, "labels": labels,
                            "blind": blind, "posting_id": posting_id, "profile": profile,
                            "pool": len(pool)}
    inputs: list[Any] = [posting.document]
    inputs += [keyed_bytes(s.log_key, s.document.text) for s in scored]
    log = decision_log(ws)
    fields = log.run_fields(
        "ranking", inputs=inputs,
        outputs=[{"rank": m.rank, "candidate": alias_of(by_doc[m.id].log_key, owners[m.id]),
                  "score": m.score} for m in ranking.results if m.id in owners],
        taxonomy=ranking.taxonomy, taxonomy_version=ranking.taxonomy_version,
        profile=profile, config={"posting": posting_id, "top": top, "pool": len(pool),
                                 **dict(ranking.parameters)},
        blind=blind, actor=actor)
    version = blind_version(ws) if blind else ""
    with ws.store.session(write=True) as sess:  # write: one unit of work
        entry = append_entry(sess, lambda prev, seq: log.seal(fields, prev, seq))
        data["decision"] = entry.id
        result = add_ranking(sess, posting_id, data, set(owners.values()), actor=actor,
                             detail={"blind": blind, "top": top})
        for s in scored:
            if s.cache is not None:
                add_derived(sess, s.document.id, KIND, version, s.cache)
    log.anchored(entry)
    return result
