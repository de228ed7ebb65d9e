"""Use case: score a stored candidate against a role profile (or the profile the assess
library derives from a stored posting), as one unit of work.

Blind mode is the default: the résumé is masked by :func:`skillmix.fairness.redact`
before extraction and scoring see it. The scorecard, its decision-log entry (advisory,
hash-chained, candidate by pseudonym only), its audit row and a newly made blind version
commit in one transaction, or none of them does. When the candidate's newest scorecard for
the same target was made from the same documents, settings and code, its payload is reused
(:mod:`skillmix.service.memo`) and only the writes happen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors.store_codes import S140
from ..store.decisions import alias_of, append_entry, keyed_bytes
from ..store.subjects import (add_derived, add_scorecard, latest_result, posting_document_id,
                              read_heads, run_entry)
from ..store.types import StoredResult
from .blind import KIND, blind_version
from .decide import decision_log
from .memo import inputs_key, rerun_fields
from .profiles import resolve_profile
from .scoring import posting_of, read_pool

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["assess_candidate"]

#: what a reused scorecard copies from the original's payload
_PAYLOAD = ("scorecard", "blind", "redactions", "label")


def assess_candidate(ws: "Workspace", candidate_id: str, *, profile: str | None = None,
                     posting_id: str | None = None, blind: bool | None = None,
                     actor: str) -> StoredResult:
    """Score a stored candidate; store the scorecard and log the run, together."""
    from ..assess import DEFAULT_PROFILE, assess, profile_from_posting

    blind = ws.settings.blind if blind is None else blind
    prof = None if posting_id else resolve_profile(ws, profile or DEFAULT_PROFILE)
    target = f"posting:{posting_id}" if posting_id else f"profile:{prof.id}"  # type: ignore[union-attr]
    log = decision_log(ws)
    with ws.store.session() as sess:  # read: ids first; documents only if nothing to reuse
        head = read_heads(sess, [candidate_id])[0]
        if head.document_id is None:
            raise S140(f"candidate {candidate_id!r} has no résumé.",
                       hint="Upload one with POST /v1/documents (kind=resume).")
        key = inputs_key(
            use="assess", candidate=candidate_id, document=head.document_id,
            name=None if blind else head.name, blind=blind,
            made_with=blind_version(ws) if blind else ws.settings.taxonomy,
            target=target, profile=prof.to_dict() if prof is not None else None,
            posting_document=posting_document_id(sess, posting_id) if posting_id else None)
        prev = latest_result(sess, candidate_id=candidate_id, target=target)
        original = (run_entry(sess, str(prev.data.get("decision")))
                    if prev is not None and prev.data.get("inputs_key") == key else None)
        if original is None:
            if posting_id:
                posting, pext = posting_of(ws, sess, posting_id)
                prof = profile_from_posting(pext, posting, taxonomy=ws.settings.taxonomy)
            subject = read_pool(ws, sess, [candidate_id], blind=blind, explicit=True)[0]
    cache = None
    if original is not None and prev is not None:
        data: dict[str, Any] = {k: prev.data[k] for k in _PAYLOAD if k in prev.data}
        fields = rerun_fields(original, actor)
        data["reused_from"] = prev.data.get("reused_from") or prev.id
        fit = float(dict(data["scorecard"]).get("fit", 0.0))
    else:
        assert prof is not None  # resolved by name above, or derived from the posting
        card = assess((subject.extraction, subject.document), prof)
        data = {"scorecard": card.to_dict(), **subject.how}
        fields = log.run_fields(
            "scoring", inputs=[keyed_bytes(subject.log_key, subject.document.text)],
            outputs={"candidate": alias_of(subject.log_key, candidate_id), "fit": card.fit,
                     "red_flags": [f.rule for f in card.red_flags]},
            taxonomy=card.taxonomy, taxonomy_version=card.taxonomy_version,
            profile=prof.id, profile_version=prof.version,  # type: ignore[union-attr]
            config=dict(card.parameters), blind=blind, actor=actor)
        fit = card.fit
        cache = (subject.document.id, subject.cache) if subject.cache is not None else None
    data["inputs_key"] = key
    with ws.store.session(write=True) as sess:  # write: one unit of work
        entry = append_entry(sess, lambda prev_hash, seq: log.seal(fields, prev_hash, seq))
        data["decision"] = entry.id
        result = add_scorecard(sess, candidate_id, target, data, actor=actor,
                               detail={"blind": blind, "fit": round(fit, 2)})
        if cache is not None:
            add_derived(sess, cache[0], KIND, blind_version(ws), cache[1])
    log.anchored(entry)
    return result
