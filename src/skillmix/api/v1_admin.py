"""Admin endpoints: API keys and the audit log; plus the OpenAPI document behind a key."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field

from ..store import ApiKey, create_key, list_keys, repo, revoke_key, rotate_key
from .auth import require
from .bodies import JsonBody
from .views import key_view

__all__ = ["router"]

router = APIRouter(prefix="/v1")


class KeyIn(JsonBody):
    user: str = Field(min_length=1, max_length=200, description="who holds the key")
    scopes: list[str] = Field(default_factory=lambda: ["read"], description="read, write, admin")
    name: str = Field("", max_length=200, description="what the key is for")
    expires_days: float | None = Field(None, gt=0, le=3650,
                                       description="the key stops working after this many days")


class RotateIn(JsonBody):
    expires_days: float | None = Field(None, gt=0, le=3650,
                                       description="expiry of the new key (default: never)")


@router.get("/keys", tags=["admin"], summary="All API keys (never their secrets)")
def get_keys(request: Request, key: ApiKey = Depends(require("admin"))) -> dict[str, Any]:
    return {"ok": True, "keys": [key_view(k) for k in list_keys(request.app.state.workspace.store)]}


@router.post("/keys", tags=["admin"], status_code=201,
             summary="Make a key; the token in the answer is shown only this once")
def post_key(body: KeyIn, request: Request, key: ApiKey = Depends(require("admin"))) -> dict[str, Any]:
    made = create_key(request.app.state.workspace.store, body.user, body.scopes,
                      name=body.name, actor=key.id, expires_days=body.expires_days)
    return {"ok": True, "key": key_view(made.key), "token": made.token}


@router.post("/keys/{key_id}/rotate", tags=["admin"], status_code=201,
             summary="Replace a key: a new token for the same user and scopes; the old key is revoked")
def rotate(key_id: str, request: Request, body: RotateIn | None = None,
           key: ApiKey = Depends(require("admin"))) -> dict[str, Any]:
    made = rotate_key(request.app.state.workspace.store, key_id, actor=key.id,
                      expires_days=body.expires_days if body else None)
    return {"ok": True, "key": key_view(made.key), "token": made.token, "revoked": key_id}


@router.delete("/keys/{key_id}", tags=["admin"], summary="Revoke a key (and its browser sessions)")
def delete_key(key_id: str, request: Request, key: ApiKey = Depends(require("admin"))) -> dict[str, Any]:
    revoke_key(request.app.state.workspace.store, key_id, actor=key.id)
    return {"ok": True, "revoked": key_id}


@router.get("/audit", tags=["admin"], summary="The audit log, newest first")
def get_audit(request: Request, limit: int = Query(100, ge=1, le=1000),
              object_id: str | None = None,
              about: str | None = Query(None, max_length=100, description=
                                        "entries about this id or naming it (a candidate: "
                                        "who read or changed their data)"),
              action: str | None = Query(None, max_length=64,
                                         description="one action, e.g. candidate.read"),
              key: ApiKey = Depends(require("admin"))) -> dict[str, Any]:
    entries = repo.list_audit(request.app.state.workspace.store, limit=limit,
                              object_id=object_id, about=about, action=action)
    return {"ok": True, "entries": [e.to_dict() for e in entries]}


@router.get("/openapi.json", tags=["meta"], summary="This API's OpenAPI document")
def openapi(request: Request, key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    return request.app.openapi()
