"""The use cases a hiring team runs, shared by the REST API, the web UI and the CLI.

One function per user action: :func:`ingest` an upload, :func:`assess_candidate`,
:func:`rank_posting`, :func:`erase` a candidate, :func:`start_market_run`,
:func:`record_override` (decide), and the audited reads of candidates' data
(:mod:`.reads`). Each takes a :class:`Workspace` (a store and its
settings), reads what it needs in one transaction, computes with the extract, assess,
match, fairness and market libraries, and writes its result, its decision-log entry and its
audit row in one more, so they commit together or not at all.

Why a layer of its own: routes and pages hold no logic and know nothing of the database;
the persistence in :mod:`skillmix.store` knows nothing of scoring; only the HTTP layer
(:mod:`skillmix.api`, :mod:`skillmix.web`) knows HTTP.
"""

from __future__ import annotations

from .assess import assess_candidate
from .decide import decision_log, list_decisions, record_override, verify_log
from .erase import erase
from .ingest import ingest
from .market import market_report, market_run, market_runs, report_html_path, start_market_run
from .profiles import ProfileChoice, profile_choices, resolve_profile, save_profile_yaml
from .rank import rank_posting
from .reads import (CandidateRecord, Download, Viewer, read_candidate, read_candidates,
                    read_document, read_extraction, read_original, read_ranking, read_scorecard)
from .workspace import Ingested, Workspace, WorkspaceSettings

__all__ = [
    "CandidateRecord",
    "Download",
    "Ingested",
    "ProfileChoice",
    "Viewer",
    "Workspace",
    "WorkspaceSettings",
    "assess_candidate",
    "decision_log",
    "erase",
    "ingest",
    "list_decisions",
    "market_report",
    "market_run",
    "market_runs",
    "profile_choices",
    "rank_posting",
    "read_candidate",
    "read_candidates",
    "read_document",
    "read_extraction",
    "read_original",
    "read_ranking",
    "read_scorecard",
    "record_override",
    "report_html_path",
    "resolve_profile",
    "save_profile_yaml",
    "start_market_run",
    "verify_log",
]
