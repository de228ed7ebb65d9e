"""The UI's pages for scorecards, postings and their rankings, profiles and the market."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..api.bodies import form_bool
from ..fairness.labels import neutral_label
from ..store import repo
from ..service import (assess_candidate, profile_choices, rank_posting, read_ranking,
                       read_scorecard, resolve_profile, save_profile_yaml)
from .app import WebRoute, WebUser, check_csrf, page, require_scope, viewer as _viewer, web_user
from .scoring_view import candidate_labels, ranking_rows, scorecard_view

__all__ = ["router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)


@router.post("/candidates/{candidate_id}/assess")
def assess(candidate_id: str, request: Request, csrf: str = Form(""), profile: str = Form(""),
           posting_id: str = Form(""), blind: str | None = Form(None),
           user: WebUser = Depends(web_user)) -> Response:
    check_csrf(user.csrf, csrf)
    require_scope(user, "write")
    res = assess_candidate(request.app.state.workspace, candidate_id, profile=profile or None,
                           posting_id=posting_id or None, blind=form_bool(blind, "blind"),
                           actor=user.key.id)
    return RedirectResponse(f"/scorecards/{res.id}", status_code=303)


@router.get("/scorecards/{scorecard_id}", response_class=HTMLResponse)
def scorecard(scorecard_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    store = request.app.state.workspace.store
    res = read_scorecard(request.app.state.workspace, scorecard_id, _viewer(user))
    cand = repo.get_candidate(store, res.subject)
    card = scorecard_view(res)
    if not card["label"]:  # stored before scorecards carried their label
        card["label"] = (neutral_label(cand.id) if card["blind"]
                         else candidate_labels(store, [cand])[cand.id])
    return page(request, "scorecard.html", {"res": res, "cand": cand, "card": card})


@router.get("/postings/{posting_id}", response_class=HTMLResponse)
def posting(posting_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    ws = request.app.state.workspace
    info = repo.get_posting(ws.store, posting_id)
    latest = repo.latest_ranking(ws.store, posting_id)
    return page(request, "posting.html", {"posting": info, "latest": latest,
                                          "profiles": profile_choices(ws),
                                          "candidates": repo.list_candidates(ws.store, limit=1000)})


@router.post("/postings/{posting_id}/rank")
def rank(posting_id: str, request: Request, csrf: str = Form(""), blind: str | None = Form(None),
         profile: str = Form(""), top: int = Form(20), user: WebUser = Depends(web_user)) -> Response:
    check_csrf(user.csrf, csrf)
    require_scope(user, "write")
    res = rank_posting(request.app.state.workspace, posting_id, top=top,
                       blind=form_bool(blind, "blind"),
                       profile=profile or None, actor=user.key.id)
    return RedirectResponse(f"/rankings/{res.id}", status_code=303)


@router.get("/rankings/{ranking_id}", response_class=HTMLResponse)
def ranking(ranking_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    store = request.app.state.workspace.store
    res = read_ranking(request.app.state.workspace, ranking_id, _viewer(user))
    info = repo.get_posting(store, res.subject) if res.subject else None
    return page(request, "ranking.html", {"res": res, "posting": info,
                                          "rows": ranking_rows(store, res)})


@router.get("/profiles", response_class=HTMLResponse)
def profiles(request: Request, user: WebUser = Depends(web_user)) -> Response:
    return page(request, "profiles.html", {"profiles": profile_choices(request.app.state.workspace)})


@router.get("/profiles/{profile_id}", response_class=HTMLResponse)
def profile_editor(profile_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    import yaml

    prof = resolve_profile(request.app.state.workspace, profile_id)
    text = yaml.safe_dump(prof.to_dict(), sort_keys=False, allow_unicode=True)
    return page(request, "profile_edit.html", {"profile_id": profile_id, "label": prof.label,
                                               "text": text, "saved": False, "error": None})


@router.post("/profiles/{profile_id}", response_class=HTMLResponse)
def profile_save(profile_id: str, request: Request, csrf: str = Form(""), text: str = Form(""),
                 new_id: str = Form(""), user: WebUser = Depends(web_user)) -> Response:
    from ..errors import SkillmixError

    check_csrf(user.csrf, csrf)
    require_scope(user, "write")
    target = (new_id or profile_id).strip()
    try:
        stored = save_profile_yaml(request.app.state.workspace, target, text, actor=user.key.id)
    except SkillmixError as err:
        return page(request, "profile_edit.html", {"profile_id": target, "label": target,
                                                   "text": text, "saved": False, "error": err},
                    status=err.http_status)
    return page(request, "profile_edit.html", {"profile_id": stored.id, "label": stored.name,
                                               "text": text, "saved": True, "error": None})
