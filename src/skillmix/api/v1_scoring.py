"""``/v1/assess``, ``/v1/rank``, ``/v1/rankings``, ``/v1/scorecards``, ``/v1/profiles``,
``/v1/decisions``: scoring with blind mode on by default, and the decisions it logged."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, Query, Request
from pydantic import Field

from ..service import (Viewer, assess_candidate, list_decisions, profile_choices, rank_posting,
                       read_ranking, read_scorecard, record_override, resolve_profile,
                       save_profile_yaml, verify_log)
from ..errors.api_codes import A423
from ..store import ApiKey, repo
from .auth import require
from .bodies import JsonBody, JsonBool
from fastapi.responses import Response

from .views import fast_json, result_view

__all__ = ["router"]

router = APIRouter(prefix="/v1")


class AssessIn(JsonBody):
    candidate_id: str = Field(description="the candidate to score (their newest résumé)")
    profile: str | None = Field(None, description="profile id (GET /v1/profiles); default: the built-in default; not with posting_id (A423)")
    posting_id: str | None = Field(None, description="score against the profile derived from this posting instead; not with profile (A423)")
    blind: JsonBool = Field(None, description="mask names, contacts, age and gender markers first (default: on); true or false only (A424)")


class RankIn(JsonBody):
    posting_id: str = Field(description="the posting to rank candidates for")
    candidate_ids: list[str] | None = Field(None, description="rank only these (default: every candidate; an empty list is refused, C132)")
    top: int = Field(20, ge=1, le=1000)
    blind: JsonBool = Field(None, description="default: on; true or false only (A424)")
    profile: str | None = Field(None, description="weigh areas by this profile's weights")


@router.post("/assess", tags=["scoring"], status_code=201,
             summary="Score a candidate against a role profile (logged as a decision)")
def assess(body: AssessIn, request: Request, key: ApiKey = Depends(require("write"))) -> Response:
    if body.profile is not None and body.posting_id is not None:
        raise A423("the assessment was given both 'profile' and 'posting_id'; the posting's "
                   "derived profile would replace the one named.",
                   hint="Give one: 'profile' to score against a role profile, or "
                        "'posting_id' to score against the profile derived from that posting.")
    res = assess_candidate(request.app.state.workspace, body.candidate_id, profile=body.profile,
                           posting_id=body.posting_id, blind=body.blind, actor=key.id)
    return fast_json({"ok": True, "scorecard": result_view(res)}, 201)


@router.post("/rank", tags=["scoring"], status_code=201,
             summary="Rank candidates for a posting with explanations (blind by default; logged)")
def rank(body: RankIn, request: Request, key: ApiKey = Depends(require("write"))) -> Response:
    res = rank_posting(request.app.state.workspace, body.posting_id,
                       candidate_ids=body.candidate_ids, top=body.top, blind=body.blind,
                       profile=body.profile, actor=key.id)
    return fast_json({"ok": True, "ranking": result_view(res)}, 201)


@router.get("/scorecards/{scorecard_id}", tags=["scoring"], summary="A stored scorecard")
def get_scorecard(scorecard_id: str, request: Request,
                  key: ApiKey = Depends(require("read"))) -> Response:
    card = read_scorecard(request.app.state.workspace, scorecard_id, Viewer(key.id))
    return fast_json({"ok": True, "scorecard": result_view(card)})


@router.get("/rankings/{ranking_id}", tags=["scoring"], summary="A stored ranking")
def get_ranking(ranking_id: str, request: Request,
                key: ApiKey = Depends(require("read"))) -> Response:
    res = read_ranking(request.app.state.workspace, ranking_id, Viewer(key.id))
    return fast_json({"ok": True, "ranking": result_view(res)})


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


class OverrideIn(JsonBody):
    run_id: str = Field(description="the decision-log id of the run (a scorecard's or ranking's 'decision')")
    candidate_id: str
    decision: str = Field(description="advance, hold, reject, rescore or note")
    reason: str = Field(min_length=1, max_length=2000)


@router.get("/decisions", tags=["decisions"],
            summary="The decision log: every scoring and ranking run and reviewer override")
def get_decisions(request: Request, kind: str | None = None, run_id: str | None = None,
                  candidate_id: str | None = None, limit: int = Query(100, ge=1, le=1000),
                  key: ApiKey = Depends(require("admin"))) -> dict[str, Any]:
    entries = list_decisions(request.app.state.workspace, kind=kind, run_id=run_id,
                             candidate_id=candidate_id, limit=limit)
    return {"ok": True, "decisions": [e.to_dict() for e in entries]}


@router.get("/decisions/verify", tags=["decisions"], summary="Check the log's hash chain")
def verify_decisions(request: Request, key: ApiKey = Depends(require("admin"))) -> dict[str, Any]:
    return {"ok": True, "entries": verify_log(request.app.state.workspace)}


@router.post("/decisions/overrides", tags=["decisions"], status_code=201,
             summary="Record a reviewer's decision on a candidate of a run, with the reason")
def override(body: OverrideIn, request: Request,
             key: ApiKey = Depends(require("write"))) -> dict[str, Any]:
    entry = record_override(request.app.state.workspace, body.run_id, body.candidate_id,
                            reviewer=key.user_name, reason=body.reason,
                            decision=body.decision, actor=key.id)
    return {"ok": True, "decision": entry.to_dict()}
