"""Every endpoint but /health rejects missing, malformed, wrong and under-scoped keys; the
web pages send a browser without a session to the sign-in page. Routes are discovered
from the app, so a new endpoint is covered the day it is added."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute

from skillmix.api import routes



def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}

OPEN = {"/health", "/login"}


def _routes(app, api: bool):  # type: ignore[no-untyped-def]
    for route in routes(app):
        if route.path in OPEN:
            continue
        if route.path.startswith("/v1") != api:
            continue
        path = re.sub(r"\{[^}]+\}", "x", route.path)
        for method in sorted(route.methods - {"HEAD"}):
            yield method, path, route


def _scope(route: APIRoute) -> str:
    names = [d.call.__name__ for d in route.dependant.dependencies if d.call is not None]
    found = [n.removeprefix("require_") for n in names if n.startswith("require_")]
    assert len(found) == 1, f"{route.path} must declare exactly one scope: {names}"
    return found[0]


def _is_envelope(resp, status: int) -> None:  # type: ignore[no-untyped-def]
    body = resp.json()
    assert resp.status_code == status, (resp.request.url, resp.text)
    assert set(body) == {"ok", "code", "error", "status"}
    assert body["ok"] is False and body["status"] == status


def test_auth_api_routes_exist(app) -> None:
    paths = {p for _, p, _ in _routes(app, api=True)}
    assert {"/v1/documents", "/v1/candidates/x", "/v1/rank", "/v1/assess", "/v1/keys"} <= paths


def test_auth_every_api_endpoint_rejects_missing_and_wrong_keys(app, client, keys) -> None:
    revoked = keys["read"]
    client.delete(f"/v1/keys/{revoked.split('_')[1]}", headers=auth(keys["admin"]))
    bad = {
        "missing": {},
        "malformed": auth("not-a-key"),
        "wrong secret": auth(keys["admin"][:-4] + "AAAA"),
        "unknown id": auth("smk_0123456789ab_" + "x" * 43),
        "revoked": auth(revoked),
        "empty bearer": {"Authorization": "Bearer "},
        "x-api-key wrong": {"X-API-Key": keys["write"] + "x"},
    }
    everywhere = ("missing", "wrong secret")  # every route; the other ways on a sample
    checked = 0
    for n, (method, path, _) in enumerate(_routes(app, api=True)):
        for why, headers in bad.items():
            if why not in everywhere and n % 4:
                continue
            resp = client.request(method, path, headers=headers)
            assert resp.status_code == 401, (method, path, why, resp.text)
            _is_envelope(resp, 401)
            checked += 1
    assert checked >= 60


def test_auth_every_api_endpoint_enforces_its_scope(app, client, keys) -> None:
    lower = {"write": "read", "admin": "write"}
    seen = set()
    for method, path, route in _routes(app, api=True):
        scope = _scope(route)
        seen.add(scope)
        if scope == "read":
            continue
        resp = client.request(method, path, headers=auth(keys[lower[scope]]))
        _is_envelope(resp, 403)
    assert seen == {"read", "write", "admin"}


def test_auth_x_api_key_header_works(client, keys) -> None:
    assert client.get("/v1/candidates", headers={"X-API-Key": keys["read"]}).status_code == 200


def test_auth_health_is_open(client) -> None:
    resp = client.get("/health")
    assert resp.status_code == 200 and resp.json()["ok"] is True


def test_auth_every_web_page_needs_a_session(app, client, keys) -> None:
    pages = list(_routes(app, api=False))
    assert len(pages) >= 10
    for method, path, _ in pages:
        for headers in ({}, auth(keys["admin"])):  # an API key is not a browser session
            resp = client.request(method, path, headers=headers, follow_redirects=False)
            assert resp.status_code == 303, (method, path, resp.status_code)
            assert resp.headers["location"] == "/login"
