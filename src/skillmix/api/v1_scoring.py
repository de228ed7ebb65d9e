"""``/v1/assess``, ``/v1/rank``, ``/v1/rankings``, ``/v1/scorecards``, ``/v1/profiles``,
``/v1/decisions``: scoring with blind mode on by default, and the decisions it logged."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, Query, Request
from pydantic import BaseModel, Field

from ..store import ApiKey, repo
from ..store.decisions import list_decisions
from ..store.scoring import assess_candidate, profile_choices, rank_posting, resolve_profile, save_profile_yaml
from .auth import require
from .views import result_view

__all__ = ["router"]

router = APIRouter(prefix="/v1")


class AssessIn(BaseModel):
    candidate_id: str = Field(description="the candidate to score (their newest résumé)")
    profile: str | None = Field(None, description="profile id (GET /v1/profiles); default: the built-in default")
    blind: bool | None = Field(None, description="mask names, contacts, age and gender markers first (default: on)")


class RankIn(BaseModel):
    posting_id: str = Field(description="the posting to rank candidates for")
    candidate_ids: list[str] | None = Field(None, description="rank only these (default: every candidate)")
    top: int = Field(20, ge=1, le=1000)
    blind: bool | None = Field(None, description="default: on")
    profile: str | None = Field(None, description="weigh areas by this profile's weights")


@router.post("/assess", tags=["scoring"], status_code=201,
             summary="Score a candidate against a role profile (logged as a decision)")
def assess(body: AssessIn, request: Request, key: ApiKey = Depends(require("write"))) -> dict[str, Any]:
    res = assess_candidate(request.app.state.workspace, body.candidate_id, profile=body.profile,
                           blind=body.blind, actor=key.id)
    return {"ok": True, "scorecard": result_view(res)}


@router.post("/rank", tags=["scoring"], status_code=201,
             summary="Rank candidates for a posting with explanations (blind by default; logged)")
def rank(body: RankIn, request: Request, key: ApiKey = Depends(require("write"))) -> dict[str, Any]:
    res = rank_posting(request.app.state.workspace, body.posting_id,
                       candidate_ids=body.candidate_ids, top=body.top, blind=body.blind,
                       profile=body.profile, actor=key.id)
    return {"ok": True, "ranking": result_view(res)}


@router.get("/scorecards/{scorecard_id}", tags=["scoring"], summary="A stored scorecard")
def get_scorecard(scorecard_id: str, request: Request,
                  key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    return {"ok": True, "scorecard": result_view(repo.get_scorecard(request.app.state.workspace.store, scorecard_id))}


@router.get("/rankings/{ranking_id}", tags=["scoring"], summary="A stored ranking")
def get_ranking(ranking_id: str, request: Request,
                key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    return {"ok": True, "ranking": result_view(repo.get_ranking(request.app.state.workspace.store, ranking_id))}


@router.get("/profiles", tags=["profiles"], summary="Role profiles: this workspace's and the built-in ones")
def get_profiles(request: Request, key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    return {"ok": True, "profiles": [{"id": p.id, "label": p.label, "origin": p.origin}
                                     for p in profile_choices(request.app.state.workspace)]}


@router.get("/profiles/{profile_id}", tags=["profiles"], summary="One profile, as data")
def get_profile(profile_id: str, request: Request,
                key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    prof = resolve_profile(request.app.state.workspace, profile_id)
    return {"ok": True, "profile": prof.to_dict()}


@router.put("/profiles/{profile_id}", tags=["profiles"],
            summary="Create or replace a workspace profile (YAML or JSON text, validated)")
def put_profile(profile_id: str, request: Request,
                text: str = Body(..., media_type="text/plain", max_length=200_000),
                key: ApiKey = Depends(require("write"))) -> dict[str, Any]:
    stored = save_profile_yaml(request.app.state.workspace, profile_id, text, actor=key.id)
    return {"ok": True, "profile": stored.to_dict()}


@router.delete("/profiles/{profile_id}", tags=["profiles"], summary="Delete a workspace profile")
def delete_profile(profile_id: str, request: Request,
                   key: ApiKey = Depends(require("write"))) -> dict[str, Any]:
    repo.delete_profile(request.app.state.workspace.store, profile_id, actor=key.id)
    return {"ok": True, "deleted": profile_id}


@router.get("/decisions", tags=["admin"], summary="The decision log (every assessment and ranking)")
def get_decisions(request: Request, subject: str | None = None,
                  limit: int = Query(100, ge=1, le=1000),
                  key: ApiKey = Depends(require("admin"))) -> dict[str, Any]:
    items = list_decisions(request.app.state.workspace, subject=subject, limit=limit)
    return {"ok": True, "decisions": [d.to_dict() for d in items]}
