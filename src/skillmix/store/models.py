"""The tables: one SQLAlchemy 2 declarative model per thing the server keeps.

Why a relational store and not files: hiring teams share one workspace, several processes
serve it, and erasure has to find every row that came from a candidate. Every row that holds
or was derived from a candidate's text carries ``candidate_id`` (directly or through its
document) so :mod:`skillmix.store.erase` can remove it; the audit log holds ids and action
names only, never document text or names, so it can be kept after an erasure.

Structured payloads (extractions, scorecards, rankings, profiles) are stored as JSON made by
the records' ``to_dict`` and read back into records by the repository, so no loose dicts
leave the store. The schema is created and changed only by the Alembic migrations in
``migrations/``; a test checks the migrations and these models agree.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

__all__ = [
    "ApiKeyRow",
    "AuditRow",
    "Base",
    "CandidateRow",
    "DecisionHeadRow",
    "DecisionLogRow",
    "DerivedRow",
    "DocumentRow",
    "ExtractionRow",
    "JobRow",
    "PostingRow",
    "ProfileRow",
    "RankingMemberRow",
    "RankingRow",
    "ScorecardRow",
    "SessionRow",
    "SkillIndexRow",
    "UserRow",
    "UtcDateTime",
    "as_utc",
    "table_of",
    "utcnow",
]

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def table_of(model: type) -> Table:
    """A model's table, for SQLAlchemy Core statements."""
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(value: datetime | None) -> datetime | None:
    """``value`` in UTC with an explicit zone: a naive time is taken as UTC (what the store
    writes, and what SQLite, which keeps no zone, gives back), an aware one is converted
    (PostgreSQL answers in the session's zone). The one place a stored time gets its zone."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


class UtcDateTime(TypeDecorator[datetime]):
    """Every time column: written and read back as UTC with its zone (:func:`as_utc`).

    Why: ``DateTime(timezone=True)`` alone gave naive times on SQLite and aware ones on
    PostgreSQL, so the API showed ``2026-12-06T01:42:40`` for some objects and
    ``...+00:00`` for others. The column type underneath is unchanged, so stored rows and
    the migrations stay as they were on both databases."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return as_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return as_utc(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, datetime: UtcDateTime()}


class UserRow(Base):
    """A person (or system) that holds API keys."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiKeyRow(Base):
    """An API key: its public id, a per-key salt and the HMAC-SHA256 of its secret part."""

    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    salt: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    expires_at: Mapped[datetime | None] = mapped_column(default=None)


class SessionRow(Base):
    """A browser session opened with an API key; only the token's hash is kept."""

    __tablename__ = "web_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key_id: Mapped[str] = mapped_column(ForeignKey("api_keys.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()


class CandidateRow(Base):
    """A candidate: a random id, an optional display name (personal data), and the random
    key their decision-log pseudonym and input hashes are made with (erased with them)."""

    __tablename__ = "candidates"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200), default=None)
    log_key: Mapped[str] = mapped_column(String(64), default=lambda: secrets.token_hex(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PostingRow(Base):
    """A job posting the team ranks candidates for."""

    __tablename__ = "postings"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str | None] = mapped_column(String(300), default=None)
    company: Mapped[str | None] = mapped_column(String(300), default=None)
    location: Mapped[str | None] = mapped_column(String(300), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DocumentRow(Base):
    """One uploaded file: its text and structure, and where its original bytes are kept."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    candidate_id: Mapped[str | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True, default=None)
    posting_id: Mapped[str | None] = mapped_column(
        ForeignKey("postings.id", ondelete="CASCADE"), index=True, default=None)
    source: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(500), default=None)
    text: Mapped[str] = mapped_column(Text)
    structure: Mapped[dict[str, Any]] = mapped_column(default=dict)
    file_path: Mapped[str | None] = mapped_column(String(500), default=None)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExtractionRow(Base):
    """The skills found in one document (the Extraction record as JSON)."""

    __tablename__ = "extractions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    taxonomy: Mapped[str] = mapped_column(String(200))
    taxonomy_version: Mapped[str] = mapped_column(String(100))
    extractor_version: Mapped[str] = mapped_column(String(50))
    data: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SkillIndexRow(Base):
    """Search index: which skills a candidate's or posting's documents show, and how often."""

    __tablename__ = "skill_index"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[str | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True, default=None)
    posting_id: Mapped[str | None] = mapped_column(
        ForeignKey("postings.id", ondelete="CASCADE"), index=True, default=None)
    skill_id: Mapped[str] = mapped_column(String(200), index=True)
    mentions: Mapped[int] = mapped_column(Integer, default=0)
    counted: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(Boolean, default=False)


class ProfileRow(Base):
    """A role profile a team edited (the assess library's profile as JSON)."""

    __tablename__ = "profiles"
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    data: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScorecardRow(Base):
    """A candidate's scorecard against a profile or posting (derived; erased with them)."""

    __tablename__ = "scorecards"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    target: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RankingRow(Base):
    """A ranking run for a posting (the Ranking record as JSON)."""

    __tablename__ = "rankings"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    posting_id: Mapped[str | None] = mapped_column(
        ForeignKey("postings.id", ondelete="CASCADE"), index=True, default=None)
    data: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RankingMemberRow(Base):
    """Which candidates a ranking holds, so erasing one finds the rankings to drop."""

    __tablename__ = "ranking_members"
    ranking_id: Mapped[str] = mapped_column(
        ForeignKey("rankings.id", ondelete="CASCADE"), primary_key=True)
    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True, index=True)


class JobRow(Base):
    """A background job (market runs): status, parameters, result or error."""

    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(20), default="queued")
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class AuditRow(Base):
    """Append-only: who (key id) did what (action) to which object (type and id), when.

    ``detail`` holds counts and settings only; never text, file names or personal names.
    """

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32), default="")
    object_id: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


Index("ix_audit_log_object", AuditRow.object_type, AuditRow.object_id)
# the newest result of a target, read by every assessment and ranking (migration 0004)
Index("ix_rankings_posting_id_created_at", RankingRow.posting_id, RankingRow.created_at)
Index("ix_scorecards_candidate_id_target_created_at", ScorecardRow.candidate_id,
      ScorecardRow.target, ScorecardRow.created_at)


class DecisionLogRow(Base):
    """One entry of :class:`skillmix.fairness.DecisionLog` (hash-chained), in write order.

    Candidates appear in entries only as keyed pseudonyms and keyed input hashes (see
    :mod:`skillmix.store.decisions`); erasing a candidate deletes the key, so the entries
    stay intact and verifiable but can no longer be linked to the person.
    """

    __tablename__ = "decision_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    at: Mapped[str] = mapped_column(String(40))
    entry: Mapped[dict[str, Any]] = mapped_column()


class DecisionHeadRow(Base):
    """The decision log's chain head: the newest entry's position and hash (one row, id 1).

    Why a row: every append locks it inside its own transaction (``SELECT ... FOR UPDATE``
    on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` locks the whole database), reads the
    predecessor from it and moves it forward, so any number of server processes append to
    one chain in the order the database grants the lock, and an append rolled back leaves
    the head where it was."""

    __tablename__ = "decision_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))


class DerivedRow(Base):
    """A cached derivative of a document, such as its blind-mode (masked) text and that
    text's extraction, keyed by what produced it. Erased with the document."""

    __tablename__ = "derived"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
