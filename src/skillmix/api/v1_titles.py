"""``/v1/titles``: job titles to O*NET-SOC occupations (read scope; nothing is stored).

``GET /v1/titles?title=...&k=5`` normalises one title; ``POST /v1/titles`` takes up to
``MAX_ITEMS`` titles, each with the posting's text to break ties, and answers in order.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import Field

from ..occupations import TitleNormaliser
from ..store import ApiKey
from .auth import require
from .bodies import JsonBody

__all__ = ["router"]

router = APIRouter(prefix="/v1/titles", tags=["titles"])

MAX_ITEMS = 1000
MAX_TITLE = 300
MAX_TEXT = 50_000


class TitleIn(JsonBody):
    title: str = Field(max_length=MAX_TITLE, description="the job title as written")
    text: str | None = Field(None, max_length=MAX_TEXT,
                             description="the posting's text, to tell apart occupations a bare title leaves open")


class TitlesIn(JsonBody):
    titles: list[TitleIn] = Field(max_length=MAX_ITEMS)
    k: int = Field(5, ge=1, le=20, description="candidates per title")


@router.get("", summary="One job title to ranked O*NET-SOC occupations")
def get_title(title: str = Query(max_length=MAX_TITLE), k: int = Query(5, ge=1, le=20),
              key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    return {"ok": True, "match": TitleNormaliser(k=k).normalise(title).to_dict()}


@router.post("", summary="Many job titles (with posting text) to ranked O*NET-SOC occupations")
def post_titles(body: TitlesIn, key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    norm = TitleNormaliser(k=body.k)
    return {"ok": True, "matches": [norm.normalise(t.title, t.text).to_dict() for t in body.titles]}
