"""The UI's market pages: start a run on a corpus the server knows, watch it, read the report."""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
