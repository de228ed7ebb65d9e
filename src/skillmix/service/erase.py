"""Use case: erase a candidate everywhere (see :mod:`skillmix.store.erase` for what goes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..store.erase import erase_candidate
from ..store.types import ErasureReport

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["erase"]


def erase(ws: "Workspace", candidate_id: str, *, actor: str) -> ErasureReport:
    """Remove every trace of ``candidate_id`` (``[S101]`` when there is none)."""
    return erase_candidate(ws.store, candidate_id, actor=actor)
