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
from ..store.commit import Unit
from ..store.decisions import alias_of, keyed_bytes
from ..store.subjects import (derived_row, newest_result, posting_document_id, read_heads,
                              scorecard_rows)
from ..store.types import StoredResult
from .blind import KIND, blind_version
from .decide import decision_log
from .memo import inputs_key, rerun_fields
from .profiles import profile_digest, resolve_profile
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
    log = decision_log(ws)
    made_with = blind_version(ws) if blind else ws.settings.taxonomy
    with ws.store.connection() as conn:  # read: ids first; documents only if nothing to reuse
        prof = None if posting_id else resolve_profile(ws, profile or DEFAULT_PROFILE, conn=conn)
        target = f"posting:{posting_id}" if posting_id else f"profile:{prof.id}"  # type: ignore[union-attr]
        head = read_heads(conn, [candidate_id])[0]
        if head.document_id is None:
            raise S140(f"candidate {candidate_id!r} has no résumé.",
                       hint="Upload one with POST /v1/documents (kind=resume).")
        key = inputs_key(
            use="assess", candidate=candidate_id, document=head.document_id,
            name=None if blind else head.name, blind=blind, made_with=made_with,
            target=target, profile=profile_digest(prof) if prof is not None else None,
            posting_document=posting_document_id(conn, posting_id) if posting_id else None)
        newest = newest_result(conn, candidate_id=candidate_id, target=target)
        reuse = newest if newest is not None and newest.entry is not None and \
            newest.data.get("inputs_key") == key else None
        if reuse is None:
            if posting_id:
                posting, pext = posting_of(ws, conn, posting_id)
                prof = profile_from_posting(pext, posting, taxonomy=ws.settings.taxonomy)
            subject = read_pool(ws, conn, [head], blind=blind, explicit=True)[0]
    extra = []
    if reuse is not None and reuse.entry is not None:
        data: dict[str, Any] = {k: reuse.data[k] for k in _PAYLOAD if k in reuse.data}
        fields = rerun_fields(reuse.entry, actor)
        data["reused_from"] = reuse.data.get("reused_from") or reuse.id
        fit = float(dict(reuse.entry.get("outputs") or {}).get("fit", 0.0))  # the same card's
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
        if subject.cache is not None:
            extra.append(derived_row(subject.document.id, KIND, made_with, subject.cache))
    data["inputs_key"] = key
    detail = {"blind": blind, "fit": round(fit, 2)}
    # write: one unit of work, committed with whatever else this process is writing
    return ws.store.writer.write(Unit(
        log=log, fields=fields, candidates=(candidate_id,),
        build=lambda entry: scorecard_rows(candidate_id, target, {**data, "decision": entry.id},
                                           actor=actor, detail=detail, extra=extra)))
