"""Persistence for the server: documents, extractions, candidates, postings, profiles,
scorecards, rankings, users and API keys, jobs and an append-only audit log.

SQLAlchemy 2 with Alembic migrations; SQLite (WAL) by default, PostgreSQL by URL (the
``postgres`` extra). Start with :class:`Store`; the functions of :mod:`.repo`,
:mod:`.access` and :mod:`.erase` take it as their first argument, and
:mod:`skillmix.store.subjects` reads and writes in bulk inside a session the caller
opened. The store knows nothing of scoring: the use cases of :mod:`skillmix.service` tie
it to the extract/assess/match/fairness libraries for the API and the web UI.
"""

from __future__ import annotations

from .access import (close_session, create_key, list_keys, open_session, resolve_session, revoke_key,
                     rotate_key, verify_key)
from .core import Store, new_id
from .db import DEFAULT_URL, normalise_url
from .erase import erase_candidate
from .keys import SCOPES, ApiKey, NewKey, parse_scopes
from .types import (
    AuditEntry,
    CandidateInfo,
    ErasureReport,
    JobInfo,
    PostingInfo,
    StoredDocument,
    StoredFile,
    StoredProfile,
    StoredResult,
)

__all__ = [
    "ApiKey",
    "AuditEntry",
    "CandidateInfo",
    "DEFAULT_URL",
    "ErasureReport",
    "JobInfo",
    "NewKey",
    "PostingInfo",
    "SCOPES",
    "Store",
    "StoredDocument",
    "StoredFile",
    "StoredProfile",
    "StoredResult",
    "close_session",
    "create_key",
    "erase_candidate",
    "list_keys",
    "new_id",
    "normalise_url",
    "open_session",
    "parse_scopes",
    "resolve_session",
    "revoke_key",
    "rotate_key",
    "verify_key",
]
