"""API keys are stored as salted HMAC digests, verified in constant time, scoped and revocable."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from skillmix.errors import ConfigError, PermissionDeniedError
from skillmix.store import create_key, revoke_key, verify_key
from skillmix.store.models import ApiKeyRow


def test_keys_stored_only_as_digest(store) -> None:
    made = create_key(store, "ana", "write")
    secret = made.token.split("_", 2)[2]
    with store.session() as sess:
        rows = sess.scalars(select(ApiKeyRow)).all()
        assert len(rows) == 1
        row = rows[0]
        stored = " ".join([row.id, row.salt, row.digest, row.scopes, row.name])
    assert secret not in stored
    assert len(row.digest) == 64 and len(row.salt) == 32


def test_keys_same_secret_different_salt_gives_different_digest() -> None:
    from skillmix.store.keys import digest_secret

    assert digest_secret("00" * 16, "s3cret") != digest_secret("11" * 16, "s3cret")


def test_keys_verify_accepts_right_and_rejects_wrong(store) -> None:
    made = create_key(store, "ana", "read")
    assert verify_key(store, made.token).id == made.key.id
    wrong = made.token[:-3] + ("aaa" if not made.token.endswith("aaa") else "bbb")
    for token in (None, "", "nonsense", wrong, "smk_000000000000_x"):
        with pytest.raises(PermissionDeniedError):
            verify_key(store, token)


def test_keys_scopes_imply_lower_ones(store) -> None:
    assert verify_key(store, create_key(store, "a", "admin").token).scopes == {"read", "write", "admin"}
    assert verify_key(store, create_key(store, "b", "write").token).scopes == {"read", "write"}
    assert verify_key(store, create_key(store, "c", "read").token).scopes == {"read"}
    with pytest.raises(ConfigError):
        create_key(store, "d", "root")


def test_keys_revoked_key_is_refused(store) -> None:
    made = create_key(store, "ana", "read")
    revoke_key(store, made.key.id, actor="test")
    with pytest.raises(PermissionDeniedError) as err:
        verify_key(store, made.token)
    assert err.value.code == "A103"
