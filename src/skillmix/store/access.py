"""Who may do what: users, API keys (create, verify, revoke) and browser sessions.

Why browser sessions on top of keys: a person logs into the web UI once with their key; the
page then holds only a random session token in an HttpOnly cookie (its SHA-256 is stored)
plus a per-session CSRF token the forms must echo back.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, select

from ..errors.api_codes import A101, A103, A104, A110, A111
from .core import Store, new_id
from .keys import (
    ApiKey,
    NewKey,
    check_digest,
    digest_secret,
    expand_scopes,
    format_key,
    new_secret,
    parse_key,
    parse_scopes,
)
from .models import ApiKeyRow, SessionRow, UserRow, table_of, utcnow

__all__ = [
    "SESSION_HOURS",
    "close_session",
    "create_key",
    "list_keys",
    "may_attach",
    "open_session",
    "resolve_session",
    "revoke_key",
    "rotate_key",
    "verify_key",
]

SESSION_HOURS = 12


def _as_key(row: ApiKeyRow, user: UserRow) -> ApiKey:
    return ApiKey(id=row.id, user_id=user.id, user_name=user.name, name=row.name,
                  scopes=expand_scopes(frozenset(row.scopes.split(","))),
                  created_at=row.created_at, revoked=row.revoked_at is not None,
                  expires_at=row.expires_at)


def _expired(row: Any) -> bool:
    if row.expires_at is None:
        return False
    return bool(row.expires_at <= utcnow())


def create_key(store: Store, user: str, scopes: str | list[str] = "read", *, name: str = "",
               actor: str = "system", expires_days: float | None = None) -> NewKey:
    """Make a key for ``user`` (created if new); the returned token is never stored.
    ``expires_days``: the key stops working that many days from now (None: never)."""

    if expires_days is not None and not 0 < expires_days <= 3650:
        raise A111(f"expiry must be in (0, 3650] days, not {expires_days}.")
    wanted = parse_scopes(scopes)
    key_id, secret, salt = new_secret()
    with store.session(write=True) as sess:
        urow = sess.scalars(select(UserRow).where(UserRow.name == user)).first()
        if urow is None:
            urow = UserRow(id=new_id("user"), name=user)
            sess.add(urow)
            sess.flush()
        krow = ApiKeyRow(id=key_id, user_id=urow.id, name=name, salt=salt,
                         digest=digest_secret(salt, secret), scopes=",".join(sorted(wanted)),
                         expires_at=None if expires_days is None
                         else utcnow() + timedelta(days=expires_days))
        sess.add(krow)
        sess.flush()
        store.audit(sess, actor, "key.create", "api_key", key_id, scopes=sorted(wanted))
        key = _as_key(krow, urow)
    return NewKey(key=key, token=format_key(key_id, secret))


_KEY_ROW = (select(table_of(ApiKeyRow), table_of(UserRow).c.name.label("user_name"))  # type: ignore[attr-defined]
            .join(table_of(UserRow), table_of(UserRow).c.id == table_of(ApiKeyRow).c.user_id)  # type: ignore[attr-defined]
            .where(table_of(ApiKeyRow).c.id == bindparam("id")))  # type: ignore[attr-defined]


def verify_key(store: Store, token: str | None) -> ApiKey:
    """The key a request presented, or a 401 :class:`PermissionDeniedError`.

    One prebuilt query on a Core connection: this runs on every request."""
    if not token:
        raise A101("this endpoint needs an API key.",
                   hint="Send 'Authorization: Bearer smk_...' or 'X-API-Key'.")
    key_id, secret = parse_key(token)
    with store.connection() as conn:
        row = conn.execute(_KEY_ROW, {"id": key_id}).first()
    if row is None or row.revoked_at is not None or not check_digest(row.salt, secret, row.digest):
        raise A103("the API key is unknown, wrong or revoked.",
                   hint="Ask an admin for a new key.")
    if _expired(row):
        raise A104("the API key has expired.",
                   hint="Ask an admin to rotate it (POST /v1/keys/ID/rotate).")
    return ApiKey(id=row.id, user_id=row.user_id, user_name=row.user_name, name=row.name,
                  scopes=expand_scopes(frozenset(row.scopes.split(","))),
                  created_at=row.created_at, revoked=False, expires_at=row.expires_at)


def list_keys(store: Store) -> list[ApiKey]:
    with store.session() as sess:
        rows = sess.execute(select(ApiKeyRow, UserRow).join(UserRow)
                            .order_by(ApiKeyRow.created_at)).all()
        return [_as_key(k, u) for k, u in rows]


def revoke_key(store: Store, key_id: str, *, actor: str) -> None:
    with store.session(write=True) as sess:
        row = sess.get(ApiKeyRow, key_id)
        if row is None:
            raise A110(f"no API key {key_id!r}.")
        if row.revoked_at is None:
            row.revoked_at = utcnow()
        sess.execute(table_of(SessionRow).delete()  # type: ignore[attr-defined]
                     .where(SessionRow.key_id == key_id))
        store.audit(sess, actor, "key.revoke", "api_key", key_id)


def rotate_key(store: Store, key_id: str, *, actor: str,
               expires_days: float | None = None) -> NewKey:
    """Replace a key: a new one for the same user, scopes and name (with a fresh expiry),
    and the old one revoked, in that order (the holder is never left without a key)."""
    with store.session(write=True) as sess:
        row = sess.get(ApiKeyRow, key_id)
        if row is None:
            raise A110(f"no API key {key_id!r}.")
        user = sess.get(UserRow, row.user_id)
        assert user is not None
        name, scopes, holder = row.name, row.scopes, user.name
    made = create_key(store, holder, scopes, name=name, actor=actor, expires_days=expires_days)
    revoke_key(store, key_id, actor=actor)
    return made


def may_attach(store: Store, key: ApiKey, candidate_id: str) -> bool:
    """Whether ``key`` may add a document to an existing candidate: admin keys may, and the
    key that created the candidate (a newer résumé replaces what scoring reads, so another
    team's write key must not slip one in)."""
    from .models import AuditRow, CandidateRow

    if key.allows("admin"):
        return True
    with store.session() as sess:
        if sess.get(CandidateRow, candidate_id) is None:
            return True  # nothing to attach to: the upload answers 404 itself
        creator = sess.scalars(select(AuditRow.actor).where(
            AuditRow.action == "candidate.create", AuditRow.object_id == candidate_id)).first()
    return creator == key.id


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(store: Store, key: ApiKey) -> tuple[str, str]:
    """Start a browser session for a verified key: (session token, CSRF token)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with store.session(write=True) as sess:
        sess.add(SessionRow(id=_hash_token(token), key_id=key.id, csrf=csrf,
                            expires_at=utcnow() + timedelta(hours=SESSION_HOURS)))
        store.audit(sess, key.id, "session.open", "api_key", key.id)
    return token, csrf


def resolve_session(store: Store, token: str | None) -> tuple[ApiKey, str] | None:
    """The key and CSRF token behind a session cookie, or None when absent or expired (an
    expired session, or one whose key was revoked or expired, is deleted)."""
    if not token:
        return None
    with store.session() as sess:
        row = sess.get(SessionRow, _hash_token(token))
        if row is None:
            return None
        krow = sess.get(ApiKeyRow, row.key_id)
        if not (row.expires_at < utcnow() or krow is None or krow.revoked_at is not None
                or _expired(krow)):
            user = sess.get(UserRow, krow.user_id)
            assert user is not None
            return _as_key(krow, user), row.csrf
    # deleted in a write transaction of its own: a read transaction that turns into a write
    # may find on SQLite that another process wrote since it began ("database is locked")
    close_session(store, token)
    return None


def close_session(store: Store, token: str | None) -> None:
    if not token:
        return
    with store.session(write=True) as sess:
        row = sess.get(SessionRow, _hash_token(token))
        if row is not None:
            sess.delete(row)
