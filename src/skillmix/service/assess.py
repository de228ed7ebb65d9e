"""Use case: score a stored candidate against a role profile (or the profile the assess
library derives from a stored posting), as one unit of work.

Blind mode is the default: the résumé is masked by :func:`skillmix.fairness.redact`
before extraction and scoring see it. The scorecard, its decision-log entry (advisory,
hash-chained, candidate by pseudonym only), its audit row and a newly made blind version
commit in one transaction, or none of them does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..store.decisions import alias_of, append_entry, keyed_bytes
from ..store.subjects import add_derived, add_scorecard
from ..store.types import StoredResult
from .blind import KIND, blind_version
from .decide import decision_log
from .profiles import resolve_profile
from .scoring import posting_of, read_pool

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["assess_candidate"]


def assess_candidate(ws: "Workspace", candidate_id: str, *, profile: str | None = None,
                     posting_id: str | None = None, blind: bool | None = None,
                     actor: str) -> StoredResult:
    """Score a stored candidate; store the scorecard and log the run, together."""
    from ..assess import DEFAULT_PROFILE, assess, profile_from_posting

    blind = ws.settings.blind if blind is None else blind
    prof = None if posting_id else resolve_profile(ws, profile or DEFAULT_PROFILE)
    with ws.store.session() as sess:  # read: everything scoring needs, in one snapshot
        if posting_id:
            posting, pext = posting_of(ws, sess, posting_id)
            prof = profile_from_posting(pext, posting, taxonomy=ws.settings.taxonomy)
            target = f"posting:{posting_id}"
        subject = read_pool(ws, sess, [candidate_id], blind=blind, explicit=True)[0]
    if not posting_id:
        target = f"profile:{prof.id}"
    card = assess((subject.extraction, subject.document), prof)
    data = {"scorecard": card.to_dict(), **subject.how}
    log = decision_log(ws)
    fields = log.run_fields(
        "scoring", inputs=[keyed_bytes(subject.log_key, subject.document.text)],
        outputs={"candidate": alias_of(subject.log_key, candidate_id), "fit": card.fit,
                 "red_flags": [f.rule for f in card.red_flags]},
        taxonomy=card.taxonomy, taxonomy_version=card.taxonomy_version, profile=prof.id,
        profile_version=prof.version, config=dict(card.parameters), blind=blind, actor=actor)
    with ws.store.session(write=True) as sess:  # write: one unit of work
        entry = append_entry(sess, lambda prev, seq: log.seal(fields, prev, seq))
        data["decision"] = entry.id
        result = add_scorecard(sess, candidate_id, target, data, actor=actor,
                               detail={"blind": blind, "fit": round(card.fit, 2)})
        if subject.cache is not None:
            add_derived(sess, subject.document.id, KIND, blind_version(ws), subject.cache)
    log.anchored(entry)
    return result
