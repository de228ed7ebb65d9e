"""Request bodies say no instead of guessing (a new-user trial): ``POST /v1/assess`` ignored
unknown fields and a ``profile`` sent with ``posting_id``, read ``"blind": "no"`` as false,
and a résumé upload dropped its ``posting_id`` without a word. Every JSON body now refuses
a field it does not know (``[A422]``, as ``POST /v1/documents`` did), a yes/no field takes
only JSON ``true``/``false`` (``[A424]``), an assessment takes one of ``profile`` and
``posting_id`` (``[A423]``), and an upload refuses a field of the other kind of document
(``[A421]``)."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from pydantic import BaseModel

from skillmix.api import routes

pytest.importorskip("skillmix.assess")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _refused(resp, status: int, code: str) -> str:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["ok"] is False and body["code"] == code, body
    return str(body["error"])


@pytest.fixture
def made(uploader, demo):  # type: ignore[no-untyped-def]
    cid = uploader(demo / "resume.txt")["candidate_id"]
    post = uploader(demo / "posting.html", kind="posting")["posting_id"]
    return cid, post


def _body_models(app) -> list[tuple[str, type[BaseModel]]]:  # type: ignore[no-untyped-def]
    found = []
    for route in routes(app):
        if not isinstance(route, APIRoute) or not route.path.startswith("/v1"):
            continue
        for param in route.dependant.body_params:
            annotation = param.field_info.annotation
            for model in getattr(annotation, "__args__", (annotation,)):
                if isinstance(model, type) and issubclass(model, BaseModel):
                    found.append((route.path, model))
    return found


def _nested(model: type[BaseModel]) -> list[type[BaseModel]]:
    out = [model]
    for field in model.model_fields.values():
        for arg in (field.annotation, *getattr(field.annotation, "__args__", ())):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg is not model:
                out += _nested(arg)
    return out


def test_bodies_strict_every_json_body_model_forbids_unknown_fields(app) -> None:
    models = _body_models(app)
    paths = {p for p, _ in models}
    assert {"/v1/assess", "/v1/rank", "/v1/decisions/overrides", "/v1/keys",
            "/v1/market/runs", "/v1/titles"} <= paths
    for path, model in models:
        for m in _nested(model):
            assert m.model_config.get("extra") == "forbid", (path, m.__name__)


@pytest.mark.parametrize("path, body", [
    ("/v1/assess", {"candidate_id": "cand_0000000000000000", "blnd": False}),
    ("/v1/rank", {"posting_id": "post_0000000000000000", "limit": 5}),
    ("/v1/decisions/overrides", {"run_id": "x", "candidate_id": "y", "decision": "note",
                                 "reason": "r", "severity": "high"}),
    ("/v1/keys", {"user": "u", "scope": ["read"]}),
    ("/v1/keys/000000000000/rotate", {"expires": 5}),
    ("/v1/market/runs", {"corpus": "x", "column": {"description": "d"}}),
    ("/v1/titles", {"titles": [{"title": "SEO lead", "txt": "x"}]}),
    ("/v1/titles", {"titles": [], "top": 5}),
])
def test_bodies_strict_unknown_field_is_a422(client, keys, path: str, body: dict) -> None:  # type: ignore[type-arg]
    error = _refused(client.post(path, headers=auth(keys["admin"]), json=body), 422, "A422")
    assert "Extra inputs are not permitted" in error
    unknown = next(k for k in ("blnd", "limit", "severity", "scope", "expires", "column",
                               "txt", "top") if k in str(body))
    assert unknown in error


def test_bodies_strict_assess_refuses_profile_with_posting_id(client, keys, made) -> None:
    cid, post = made
    h = auth(keys["write"])
    error = _refused(client.post("/v1/assess", headers=h, json={
        "candidate_id": cid, "profile": "social-media-manager", "posting_id": post}), 422, "A423")
    assert "'profile'" in error and "'posting_id'" in error and "Give one" in error
    by_posting = client.post("/v1/assess", headers=h, json={"candidate_id": cid,
                                                            "posting_id": post})
    assert by_posting.status_code == 201, by_posting.text
    assert by_posting.json()["scorecard"]["target"] == f"posting:{post}"
    by_profile = client.post("/v1/assess", headers=h, json={
        "candidate_id": cid, "profile": "social-media-manager", "posting_id": None})
    assert by_profile.status_code == 201, by_profile.text


@pytest.mark.parametrize("value", ["no", "false", "true", "", 0, 1, "off", [], {}])
def test_bodies_strict_blind_takes_only_json_booleans(client, keys, made, value) -> None:  # type: ignore[no-untyped-def]
    cid, post = made
    h = auth(keys["write"])
    for path, body in (("/v1/assess", {"candidate_id": cid}), ("/v1/rank", {"posting_id": post})):
        error = _refused(client.post(path, headers=h, json={**body, "blind": value}), 422, "A424")
        assert "'blind'" in error and "true or false" in error


def test_bodies_strict_blind_true_false_and_null_still_work(client, keys, made) -> None:
    cid, post = made
    h = auth(keys["write"])
    for value, blind in ((True, True), (False, False), (None, True)):
        card = client.post("/v1/assess", headers=h, json={"candidate_id": cid, "blind": value})
        assert card.status_code == 201, card.text
        assert card.json()["scorecard"]["data"]["blind"] is blind
        rank = client.post("/v1/rank", headers=h, json={"posting_id": post, "blind": value})
        assert rank.status_code == 201 and rank.json()["ranking"]["data"]["blind"] is blind


def test_bodies_strict_openapi_still_says_boolean(client, keys) -> None:
    spec = client.get("/v1/openapi.json", headers=auth(keys["read"])).json()
    blind = spec["components"]["schemas"]["AssessIn"]["properties"]["blind"]
    assert {"type": "boolean"} in blind["anyOf"]
    assert spec["components"]["schemas"]["AssessIn"]["additionalProperties"] is False


@pytest.mark.parametrize("kind, fields", [
    ("resume", {"posting_id": "post_0000000000000000"}),
    ("resume", {"title": "Engineer", "company": "Acme"}),
    ("posting", {"candidate_id": "cand_0000000000000000"}),
    ("posting", {"name": "Alex Rivera"}),
])
def test_bodies_strict_upload_refuses_the_other_kinds_fields(client, keys, demo, kind,  # type: ignore[no-untyped-def]
                                                             fields) -> None:
    h = auth(keys["admin"])
    source = demo / ("resume.txt" if kind == "resume" else "posting.html")
    as_file = client.post("/v1/documents", headers=h, data={"kind": kind, **fields},
                          files={"file": (source.name, source.read_bytes())})
    error = _refused(as_file, 422, "A421")
    assert all(f"'{k}'" in error for k in fields)
    as_text = client.post("/v1/documents", headers=h,
                          json={"kind": kind, "text": source.read_text(), **fields})
    _refused(as_text, 422, "A421")
    if "posting_id" in fields:
        assert "POST /v1/assess" in error  # what to do instead
    assert client.get("/v1/candidates", headers=h).json()["candidates"] == []
    assert client.get("/v1/postings", headers=h).json()["postings"] == []


def test_bodies_strict_upload_blank_fields_of_the_other_kind_are_left_out(client, keys,  # type: ignore[no-untyped-def]
                                                                         demo) -> None:
    h = auth(keys["admin"])
    resp = client.post("/v1/documents", headers=h,
                       data={"kind": "resume", "posting_id": "", "title": ""},
                       files={"file": ("resume.txt", (demo / "resume.txt").read_bytes())})
    assert resp.status_code == 201, resp.text
    pasted = client.post("/v1/documents", headers=h, json={
        "kind": "posting", "text": (demo / "posting.html").read_text(), "candidate_id": None})
    assert pasted.status_code == 201, pasted.text
