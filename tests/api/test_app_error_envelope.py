"""One error envelope for every error the API can give: coded errors, unknown routes and
methods, invalid bodies, oversized uploads, and unexpected bugs."""

from __future__ import annotations

import re


from skillmix.api import routes
from fastapi.testclient import TestClient



def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def check(resp, status: int) -> dict:  # type: ignore[no-untyped-def, type-arg]
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"ok", "code", "error", "status"}, body
    assert body["ok"] is False and body["status"] == status
    assert re.fullmatch(r"[A-Z]\d{3}", body["code"]), body
    assert body["error"].startswith(f"[{body['code']}]"), body
    assert resp.headers["content-type"].startswith("application/json")
    return body


def test_envelope_for_http_errors(client, keys) -> None:
    h = auth(keys["admin"])
    check(client.get("/v1/nothing-here", headers=h), 404)
    check(client.get("/nothing-here"), 404)
    check(client.put("/health"), 405)
    check(client.get("/v1/candidates"), 401)
    check(client.delete("/v1/candidates/x", headers=auth(keys["write"])), 403)


def test_envelope_for_library_errors(client, keys) -> None:
    h = auth(keys["admin"])
    assert check(client.get("/v1/documents/doc_missing", headers=h), 404)["code"] == "S103"
    assert check(client.get("/v1/taxonomies/../../etc/passwd", headers=h), 404)
    assert check(client.get("/v1/taxonomies/nope", headers=h), 404)["code"] == "T190"
    assert check(client.post("/v1/keys", headers=h, json={"user": "x", "scopes": ["root"]}), 400)["code"] == "C110"
    assert check(client.get("/v1/profiles/nope", headers=h), 400)["code"] == "P190"


def test_envelope_for_invalid_requests(client, keys) -> None:
    h = auth(keys["admin"])
    assert check(client.post("/v1/assess", headers=h, json={"nope": 1}), 422)["code"] == "A422"
    assert check(client.post("/v1/rank", headers=h, content=b"{not json", ), 422)
    assert check(client.get("/v1/candidates?limit=0", headers=h), 422)
    assert check(client.post("/v1/documents", headers=h, json={"a": 1}), 422)["code"] == "A422"
    assert check(client.post("/v1/documents", headers={**h, "content-type": "text/plain"},
                             content=b"x"), 400)["code"] == "A400"
    assert check(client.post("/v1/documents", headers=h, files={"other": ("a.txt", b"x")},
                             data={"kind": "resume"}), 400)["code"] == "A410"
    assert check(client.post("/v1/documents", headers=h, files={"file": ("a.txt", b"x")},
                             data={"kind": "photo"}), 400)["code"] == "A420"


def test_envelope_for_unexpected_bugs(app, keys) -> None:
    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/v1/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        body = check(c.get("/v1/boom"), 500)
    assert "secret internals" not in body["error"]


def test_envelope_on_every_route_error(app, client, keys) -> None:
    """Every route, called with an admin key and ids that do not exist, fails (if it fails)
    with the envelope."""
    h = auth(keys["admin"])
    failures = 0
    for route in routes(app):
        if not route.path.startswith("/v1"):
            continue
        path = re.sub(r"\{[^}]+\}", "does-not-exist", route.path)
        for method in route.methods - {"HEAD"}:
            resp = client.request(method, path, headers=h)
            if resp.status_code >= 400:
                check(resp, resp.status_code)
                failures += 1
    assert failures >= 15
