"""``/v1/assess``, ``/v1/rank``, ``/v1/profiles``, ``/v1/market``: scoring and market runs."""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter(prefix="/v1")
