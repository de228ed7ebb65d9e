"""Keys expire and rotate; failed keys from one address are throttled (429) before any
lookup; one key cannot queue market runs without end."""

from __future__ import annotations

from datetime import timedelta

import pytest

from .conftest import auth


def test_keys_expired_key_is_refused(client, store) -> None:
    from skillmix.store import create_key
    from skillmix.store.models import ApiKeyRow, utcnow

    made = create_key(store, "temp", "read", expires_days=1)
    assert client.get("/v1/candidates", headers=auth(made.token)).status_code == 200
    with store.session() as sess:
        sess.get(ApiKeyRow, made.key.id).expires_at = utcnow() - timedelta(seconds=1)
    resp = client.get("/v1/candidates", headers=auth(made.token))
    assert resp.status_code == 401 and resp.json()["code"] == "A104"


def test_keys_rotate_gives_new_token_and_revokes_old(client, keys) -> None:
    h = auth(keys["admin"])
    made = client.post("/v1/keys", headers=h, json={"user": "ana", "scopes": ["write"],
                                                     "expires_days": 30}).json()
    assert made["key"]["expires_at"]
    old = made["token"]
    resp = client.post(f"/v1/keys/{made['key']['id']}/rotate", headers=h, json={"expires_days": 7})
    assert resp.status_code == 201, resp.text
    new = resp.json()
    assert new["key"]["scopes"] == made["key"]["scopes"] and new["key"]["user"] == "ana"
    assert client.get("/v1/candidates", headers=auth(new["token"])).status_code == 200
    assert client.get("/v1/candidates", headers=auth(old)).json()["code"] == "A103"


def test_auth_failed_keys_are_throttled_per_address(app, client, keys) -> None:
    from skillmix.api.throttle import AuthThrottle

    app.state.auth_throttle = AuthThrottle(burst=5, per_second=0.01)
    wrong = auth(keys["read"][:-4] + "AAAA")
    codes = [client.get("/v1/candidates", headers=wrong).json()["code"] for _ in range(7)]
    assert codes[:5] == ["A103"] * 5 and codes[5:] == ["A429", "A429"]
    resp = client.get("/v1/candidates", headers=auth(keys["read"]))
    assert resp.status_code == 429  # the address waits, whatever key it sends now
    assert client.get("/health").status_code == 200
    assert client.get("/v1/candidates").json()["code"] == "A101"  # no key: nothing to guess


def test_market_runs_are_capped_per_key(store, keys, tmp_path) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    from skillmix.errors import MarketError
    from skillmix.store import repo
    from skillmix.service.market import KIND, MAX_ACTIVE_PER_KEY, start_market_run
    from skillmix.service import Workspace, WorkspaceSettings

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "1", "description": "Social media manager"}\n')
    ws = Workspace(store, WorkspaceSettings(market_corpora={"c": str(corpus)}))
    ws.submit(lambda: __import__("time").sleep(0.5))  # keep the job thread busy: runs queue
    for _ in range(MAX_ACTIVE_PER_KEY):
        start_market_run(ws, "c", actor="key-a")
    with pytest.raises(MarketError, match="K192") as err:
        start_market_run(ws, "c", actor="key-a")
    assert err.value.http_status == 429
    start_market_run(ws, "c", actor="key-b")  # another key is not affected
    assert repo.active_jobs_by(store, KIND, "key-b") <= 1
    ws.close()


def test_documents_only_creator_or_admin_attaches_to_candidate(client, keys, store, demo) -> None:
    from skillmix.store import create_key

    from .conftest import upload

    mine = create_key(store, "team-a", "write").token
    other = create_key(store, "team-b", "write").token
    r = upload(client, auth(mine), demo / "resume.txt")
    cid = r.json()["document"]["candidate_id"]
    resp = upload(client, auth(other), demo / "consumer_resume.txt", candidate_id=cid)
    assert resp.status_code == 403 and resp.json()["code"] == "A406"
    assert upload(client, auth(mine), demo / "consumer_resume.txt", candidate_id=cid).status_code == 201
    assert upload(client, auth(keys["admin"]), demo / "resume.txt", candidate_id=cid).status_code == 201
