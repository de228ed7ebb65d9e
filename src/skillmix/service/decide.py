"""Use cases of the decision log: the workspace's log, a reviewer's override, reading and
verifying the log.

Why overrides go through here: an override is a decision about a person, so its entry and
its audit row commit in one transaction (:func:`record_override`), appended under the
database's chain-head lock like every entry (:mod:`skillmix.store.decisions`); the run it
names is looked up by id, not by reading the whole log.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ..errors.fairness_codes import F146, F147
from ..errors.store_codes import S101
from ..store.core import add_audit
from ..store.decisions import (DbLogSink, alias_of, append_entry, find_run, run_included,
                               store_anchor)
from ..store.models import CandidateRow

if TYPE_CHECKING:
    from ..fairness.log import DecisionLog, LogEntry
    from .workspace import Workspace

__all__ = ["decision_log", "list_decisions", "record_override", "verify_log"]

_LOCK = threading.Lock()


def decision_log(ws: "Workspace") -> "DecisionLog":
    """The workspace's decision log (made once: it reads the anchor's key file; the chain
    itself lives in the database, never in this object)."""
    from ..fairness.log import DecisionLog

    log = ws._decision_log
    if log is not None:
        return log
    with _LOCK:
        log = getattr(ws, "_decision_log", None)
        if log is None:
            log = DecisionLog(DbLogSink(ws.store), anchor=store_anchor(ws.store))
            ws._decision_log = log
        return log


def record_override(ws: "Workspace", run_id: str, candidate_id: str, *, reviewer: str,
                    reason: str, decision: str, actor: str) -> "LogEntry":
    """Log a reviewer's decision on a candidate of a run (``[F146]`` for an unknown run,
    ``[S101]`` for an unknown candidate, ``[F147]`` for one the run did not score or rank:
    an override departs from a run's result, so it must be about someone in it), with an
    audit row, in one transaction."""
    log = decision_log(ws)
    with ws.store.session(write=True) as sess:
        run = find_run(sess, run_id)
        if run is None:
            raise F146(f"no scoring or ranking run {run_id[:80]!r} in the "
                       "decision log.",
                       hint="Use the 'decision' id of a scorecard or ranking.")
        cand = sess.get(CandidateRow, candidate_id)
        if cand is None:
            raise S101(f"no candidate {candidate_id!r}.")
        alias = alias_of(cand.log_key, candidate_id)
        if not run_included(sess, run_id, run, candidate_id, alias):
            did = "rank" if run.get("run_kind") == "ranking" else "score"
            raise F147(f"run {run_id[:80]!r} did not {did} candidate {candidate_id!r}.",
                       hint=F147.hint)
        fields = log.override_fields(run_id, alias, reviewer=reviewer, reason=reason,
                                     decision=decision)
        entry = append_entry(sess, lambda prev, seq: log.seal(fields, prev, seq))
        add_audit(sess, actor, "decision.override", "candidate", candidate_id,
                  decision=entry.id, run=run_id)
    log.anchored(entry)
    return entry


def list_decisions(ws: "Workspace", *, kind: str | None = None, run_id: str | None = None,
                   candidate_id: str | None = None, limit: int = 100) -> list["LogEntry"]:
    """Entries newest first, filtered by kind, run and candidate (by their pseudonym)."""
    from ..store.decisions import pseudonym

    entries = list(decision_log(ws).entries(kind=kind, run_id=run_id))
    if candidate_id:
        alias = pseudonym(ws.store, candidate_id)
        entries = [e for e in entries if alias in str(e.outputs) or e.candidate_id == alias]
    return [_shown(e) for e in reversed(entries[-limit:])]


def _shown(entry: "LogEntry") -> "LogEntry":
    """``entry`` as a reader sees it: the server path an entry written before
    ``profile_source`` recorded (``profile_path``) left out (what is stored, and what the
    chain covers, stays as written)."""
    if "profile_path" not in (entry.config or {}):
        return entry
    from dataclasses import replace

    from ..assess.cards import without_profile_path

    return replace(entry, config=without_profile_path(entry.config))


def verify_log(ws: "Workspace") -> int:
    """:meth:`DecisionLog.verify` of the workspace's log."""
    return decision_log(ws).verify()


