"""``/v1/taxonomies``: browse the registered taxonomies (by name only, never by path)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ..errors.taxonomy_codes import T190
from ..store import ApiKey
from ..taxonomy import Taxonomy, available_taxonomies, load_taxonomy
from .auth import require
from .limits import MAX_OFFSET

__all__ = ["router"]

router = APIRouter(prefix="/v1/taxonomies", tags=["taxonomies"])


def _load(name: str) -> Taxonomy:
    # only registered names: a client must not make the server open arbitrary paths
    if name not in available_taxonomies():
        raise T190(f"no taxonomy named {name!r}.",
                   hint=f"Known: {', '.join(available_taxonomies())}.")
    return load_taxonomy(name)


@router.get("", summary="Registered taxonomies")
def list_taxonomies(key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    return {"ok": True, "taxonomies": [{"name": n, "description": d}
                                       for n, d in available_taxonomies().items()]}


@router.get("/{name}", summary="A taxonomy's version and areas")
def get_taxonomy(name: str, key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    tax = _load(name)
    return {"ok": True, "taxonomy": {
        "name": tax.name, "version": tax.version, "description": tax.description,
        "attribution": tax.attribution, "skills": len(tax),
        "areas": [{**a.to_dict(), "skills": len(tax.in_area(a.id))} for a in tax.areas.values()],
    }}


@router.get("/{name}/skills", summary="Skills of a taxonomy (search with q, filter by area)")
def list_skills(name: str, q: str | None = None, area: str | None = None,
                limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    tax = _load(name)
    skills = tax.search(q, limit=offset + limit) if q else list(tax)
    if area:
        skills = [s for s in skills if s.area == area]
    page = skills[offset:offset + limit]
    return {"ok": True, "total": len(skills), "skills": [s.to_dict() for s in page]}


@router.get("/{name}/skills/{skill_id}", summary="One skill and its neighbours")
def get_skill(name: str, skill_id: str, key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    tax = _load(name)
    skill = tax.get(skill_id)
    return {"ok": True, "skill": skill.to_dict(), "neighbours": sorted(tax.neighbours(skill_id))}
