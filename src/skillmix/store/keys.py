"""API keys: made once, shown once, stored only as a salted HMAC-SHA256 of their secret.

A key reads ``smk_<id>_<secret>``: ``id`` (public, 12 hex digits) finds the row, ``secret``
(32 random bytes, URL-safe) is checked against ``HMAC-SHA256(salt, secret)`` with a
constant-time compare. Why HMAC and not a slow KDF: the secret is 256 random bits, so there
is nothing to brute-force, and a KDF would cost milliseconds on every request; the per-key
salt still keeps two digests of one secret apart.

Scopes are ``read``, ``write`` and ``admin``; ``write`` implies ``read`` and ``admin``
implies both (:func:`expand_scopes`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from ..errors.api_codes import A102
from ..errors.config_codes import C110

__all__ = [
    "KEY_PREFIX",
    "SCOPES",
    "ApiKey",
    "NewKey",
    "digest_secret",
    "expand_scopes",
    "parse_key",
    "parse_scopes",
]

KEY_PREFIX = "smk"
SCOPES = ("read", "write", "admin")
_IMPLIES = {"read": {"read"}, "write": {"read", "write"}, "admin": {"read", "write", "admin"}}


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A key as the server sees it after checking: who holds it and what it may do."""

    id: str
    user_id: str
    user_name: str
    name: str
    scopes: frozenset[str]
    created_at: datetime | None = None
    revoked: bool = False
    expires_at: datetime | None = None

    def allows(self, scope: str) -> bool:
        return scope in self.scopes


@dataclass(frozen=True, slots=True)
class NewKey:
    """A freshly made key: ``token`` is the only time the secret is visible."""

    key: ApiKey
    token: str


def parse_scopes(value: str | list[str] | tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    """Normalise ``"read,write"`` or a list into a checked set of scope names."""
    items = value.split(",") if isinstance(value, str) else list(value)
    names = {s.strip().lower() for s in items if s and s.strip()}
    bad = names - set(SCOPES)
    if bad or not names:
        raise C110(f"unknown or empty scopes {sorted(bad) or '[]'}.",
                   hint=f"Use some of: {', '.join(SCOPES)}.")
    return frozenset(names)


def expand_scopes(scopes: frozenset[str]) -> frozenset[str]:
    out: set[str] = set()
    for s in scopes:
        out |= _IMPLIES[s]
    return frozenset(out)


def new_secret() -> tuple[str, str, str]:
    """A fresh (key id, secret, salt)."""
    return secrets.token_hex(6), secrets.token_urlsafe(32), secrets.token_hex(16)


def digest_secret(salt: str, secret: str) -> str:
    return hmac.new(bytes.fromhex(salt), secret.encode("utf-8"), hashlib.sha256).hexdigest()


def format_key(key_id: str, secret: str) -> str:
    return f"{KEY_PREFIX}_{key_id}_{secret}"


def parse_key(token: str) -> tuple[str, str]:
    """Split a presented key into (id, secret); a malformed one is a 401."""
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or len(parts[1]) != 12 or not parts[2]:
        raise A102("the API key is malformed.",
                   hint="Send the whole key: smk_<id>_<secret>.")
    return parts[1], parts[2]


def check_digest(salt: str, secret: str, digest: str) -> bool:
    return hmac.compare_digest(digest_secret(salt, secret), digest)
