"""Hostile requests answer a coded 4xx in the envelope: profile taxonomies that name server
files, bodies over the limit (declared or streamed, with or without a key), malformed
multipart bodies and out-of-range offsets."""

from __future__ import annotations

import os
from typing import Iterator

import pytest

from .conftest import auth

HOSTILE_SPECS = ["lightcast:/etc/passwd", "lightcast:/proc/self/environ", "lightcast:/dev/zero",
                 "esco:/etc/passwd", "onet:/dev/zero", "/proc/self/environ",
                 "/etc/passwd.yaml", "builtin+lightcast:/etc/passwd"]


def _profile(spec: str) -> str:
    return f"version: 1\ntaxonomy: '{spec}'\nareas: [{{id: technology, weight: 1}}]\n"


@pytest.mark.parametrize("spec", HOSTILE_SPECS)
def test_profiles_taxonomy_path_is_refused_without_reading(client, keys, spec) -> None:
    resp = client.put("/v1/profiles/hostile", content=_profile(spec),
                      headers={**auth(keys["write"]), "content-type": "text/plain"})
    assert resp.status_code == 400, resp.text
    body = resp.json()
    assert body["ok"] is False and body["code"] == "P193"
    assert "root:" not in resp.text and "PATH=" not in resp.text
    assert client.get("/v1/profiles/hostile", headers=auth(keys["read"])).json()["code"] == "P190"


def test_profiles_registered_taxonomy_is_accepted(client, keys) -> None:
    resp = client.put("/v1/profiles/fine", content=_profile("builtin"),
                      headers={**auth(keys["write"]), "content-type": "text/plain"})
    assert resp.status_code == 200, resp.text


def test_profiles_stored_path_spec_is_refused_on_use(client, keys, store) -> None:
    """A profile row written before the check (or by hand) is not loaded either."""
    from skillmix.store import repo

    repo.put_profile(store, "old", "old", {"id": "old", "version": 1,
                                           "taxonomy": "lightcast:/etc/passwd",
                                           "areas": [{"id": "technology", "weight": 1}]},
                     actor="test")
    resp = client.get("/v1/profiles/old", headers=auth(keys["read"]))
    assert resp.status_code == 400 and resp.json()["code"] == "P193"
    assert "root:" not in resp.text


def test_app_json_body_over_limit_without_key_is_413(client) -> None:
    resp = client.post("/v1/assess", content=b"[" + b"1," * (1_500_000) + b"1]",
                       headers={"content-type": "application/json"})
    assert resp.status_code == 413, resp.text
    assert resp.json() == {"ok": False, "code": "A413", "status": 413,
                           "error": resp.json()["error"]}


def test_app_streamed_body_over_limit_is_413(client, keys) -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for _ in range(400):  # 400 x 64 KiB = 25 MiB, far over the 2 MiB default
            sent.append(1)
            yield b" " * 65536

    resp = client.post("/v1/rank", content=chunks(),
                       headers={**auth(keys["write"]), "content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in resp.request.headers}
    assert resp.status_code == 413, resp.text
    assert resp.json()["code"] == "A413"


def test_app_bad_content_length_is_400(app) -> None:
    import asyncio

    from skillmix.api.limits import BodyLimit

    sent: list[dict] = []

    async def inner(scope, receive, send):  # type: ignore[no-untyped-def]
        raise AssertionError("the app must not run")

    async def receive():  # type: ignore[no-untyped-def]
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):  # type: ignore[no-untyped-def]
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/rank",
             "headers": [(b"content-length", b"-5")]}
    asyncio.run(BodyLimit(inner, lambda s: 100)(scope, receive, send))
    assert sent[0]["status"] == 400


def test_app_profile_body_under_limit_still_works(client, keys) -> None:
    text = _profile("builtin") + "# " + "x" * 150_000 + "\n"
    resp = client.put("/v1/profiles/padded", content=text,
                      headers={**auth(keys["write"]), "content-type": "text/plain"})
    assert resp.status_code == 200, resp.text


def _raw_upload(client, keys, ctype: str, body: bytes):  # type: ignore[no-untyped-def]
    return client.post("/v1/documents", content=body,
                       headers={**auth(keys["write"]), "content-type": ctype})


@pytest.mark.parametrize("case", ["long-boundary", "huge-part-header", "no-colon", "random"])
def test_upload_malformed_multipart_is_400(client, keys, case) -> None:
    b = "b" * 300 if case == "long-boundary" else "bb"
    if case == "long-boundary":
        body = f"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--{b}--\r\n".encode()
    elif case == "huge-part-header":
        body = ("--bb\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + "a" * 5000 + ".txt\"\r\n\r\nhi\r\n--bb--\r\n").encode()
    elif case == "no-colon":
        body = b"--bb\r\nNoColonHere\r\n\r\nhi\r\n--bb--\r\n"
    else:
        body = os.urandom(5000)
    resp = _raw_upload(client, keys, f"multipart/form-data; boundary={b}", body)
    assert resp.status_code == 400, resp.text
    assert resp.json()["code"] == "A411"


@pytest.mark.parametrize("path", ["/v1/candidates", "/v1/postings",
                                  "/v1/taxonomies/builtin/skills"])
def test_app_huge_offset_is_422(client, keys, path) -> None:
    resp = client.get(f"{path}?offset={'9' * 40}", headers=auth(keys["read"]))
    assert resp.status_code == 422, resp.text
    assert resp.json()["code"] == "A422"


@pytest.mark.parametrize("raw", [[], 5, {}, {"id": "x"}])
def test_decisions_malformed_row_is_coded_not_500(client, keys, store, raw) -> None:
    from skillmix.store.models import DecisionLogRow

    with store.session() as sess:
        sess.add(DecisionLogRow(id="bad", at="2026-01-01", entry=raw))
    h = auth(keys["admin"])
    for path in ("/v1/decisions", "/v1/decisions/verify"):
        resp = client.get(path, headers=h)
        assert 400 <= resp.status_code < 500, resp.text
        assert resp.json()["code"] == "F152"


def test_decisions_override_for_unknown_run_is_404(client, keys, uploader, demo) -> None:
    cid = uploader(demo / "resume.txt")["candidate_id"]
    resp = client.post("/v1/decisions/overrides", headers=auth(keys["write"]),
                       json={"run_id": "f" * 32, "candidate_id": cid, "decision": "advance",
                             "reason": "looks good"})
    assert resp.status_code == 404 and resp.json()["code"] == "F146"


@pytest.mark.parametrize("text", ["[" * 5000 + "]" * 5000, "{a: " * 3000 + "1" + "}" * 3000])
def test_profiles_deeply_nested_yaml_is_coded(client, keys, text) -> None:
    resp = client.put("/v1/profiles/deep", content=text,
                      headers={**auth(keys["write"]), "content-type": "text/plain"})
    assert resp.status_code == 400, resp.text
    assert resp.json()["code"] == "P191"
