"""The UI's pages for signing in, uploading and reading documents, candidates and erasure."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..service import erase as erase_everywhere
from ..service import ingest, read_candidate, read_candidates, read_document
from ..service.ingest import pasted_name
from ..store import close_session, open_session, repo
from ..api.upload import read_upload
from .app import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    WebRoute,
    WebUser,
    check_csrf,
    new_login_token,
    page,
    require_scope,
    viewer as _viewer,
    web_user,
)
from .highlight import evidence_by_skill, segments
from .scoring_view import candidate_labels
from ..errors.api_codes import A406

__all__ = ["router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)


def _cookie(resp: Response, request: Request, name: str, value: str, max_age: int) -> None:
    resp.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict",
                    secure=bool(request.app.state.cookie_secure), path="/")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    token = new_login_token()
    resp = page(request, "login.html", {"login_csrf": token})
    _cookie(resp, request, LOGIN_COOKIE, token, 3600)
    return resp


@router.post("/login")
def login(request: Request, api_key: str = Form(""), csrf: str = Form("")) -> Response:
    check_csrf(request.cookies.get(LOGIN_COOKIE), csrf)
    from ..api.auth import checked_key
    from ..errors import PermissionDeniedError

    store = request.app.state.workspace.store
    try:
        key = checked_key(request, api_key.strip())
    except PermissionDeniedError as err:
        # a wrong or revoked key: the form again, saying why, not a dead-end error page
        # (a new-user trial); a throttled caller still gets the 429 page
        token = new_login_token()
        resp = page(request, "login.html", {"login_csrf": token, "error": err}, status=401)
        _cookie(resp, request, LOGIN_COOKIE, token, 3600)
        return resp
    token, _ = open_session(store, key)
    resp = RedirectResponse("/", status_code=303)
    _cookie(resp, request, SESSION_COOKIE, token, 12 * 3600)
    resp.delete_cookie(LOGIN_COOKIE, path="/")
    return resp


@router.post("/logout")
def logout(request: Request, csrf: str = Form(""), user: WebUser = Depends(web_user)) -> Response:
    check_csrf(user.csrf, csrf)
    close_session(request.app.state.workspace.store, request.cookies.get(SESSION_COOKIE))
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


@router.get("/", response_class=HTMLResponse)
def home(request: Request, user: WebUser = Depends(web_user)) -> Response:
    store = request.app.state.workspace.store
    candidates = read_candidates(request.app.state.workspace, _viewer(user), limit=200)
    return page(request, "home.html", {
        "candidates": candidates, "labels": candidate_labels(store, candidates),
        "postings": repo.list_postings(store, limit=200),
        "max_mb": request.app.state.workspace.settings.max_upload_bytes / 1024 / 1024,
    })


@router.post("/upload")
async def upload(request: Request, user: WebUser = Depends(web_user)) -> Response:
    """A file from an upload form, or the text of a paste box (form field ``text``, read
    under the same size limit): once it has the bytes, a paste goes the way a file does
    (the same CSRF and scope checks, :func:`~skillmix.service.ingest` with its reading,
    limits, errors and audit row)."""
    ws = request.app.state.workspace
    up = await read_upload(request, ws.settings.max_upload_bytes, text_field="text")
    check_csrf(user.csrf, up.fields.get("csrf"))
    require_scope(user, "write")
    f = up.fields
    kind = f.get("kind", "resume")
    cid = f.get("candidate_id") or None
    if cid and kind == "resume":
        from ..store.access import may_attach

        if not await run_in_threadpool(may_attach, ws.store, user.key, cid):
            raise A406("only the key that created this candidate "
                       "(or an admin key) may add documents to it.",
                       hint="Upload without candidate_id to make a new candidate.")
    got = await run_in_threadpool(
        ingest, ws, up.data, filename=pasted_name(kind) if up.pasted else up.filename,
        kind=kind, actor=user.key.id,
        candidate_id=f.get("candidate_id") or None, candidate_name=f.get("name") or None,
        posting_fields={"title": f.get("title") or None, "company": f.get("company") or None,
                        "location": None})
    return RedirectResponse(f"/documents/{got.stored.id}", status_code=303)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(document_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    store = request.app.state.workspace.store
    stored = read_document(request.app.state.workspace, document_id, _viewer(user))
    try:
        ext = repo.get_extraction(store, document_id)
    except Exception:
        ext = None
    doc = stored.document
    return page(request, "document.html", {
        "stored": stored, "doc": doc, "segments": segments(doc, ext),
        "evidence": evidence_by_skill(doc, ext), "extraction": ext,
    })


@router.get("/candidates/{candidate_id}", response_class=HTMLResponse)
def candidate(candidate_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    from ..service import profile_choices

    ws = request.app.state.workspace
    got = read_candidate(ws, candidate_id, _viewer(user), documents=True)
    cand = got.candidate
    return page(request, "candidate.html", {
        "cand": cand, "label": candidate_labels(ws.store, [cand])[cand.id],
        "documents": got.documents, "scorecards": got.scorecards,
        "profiles": profile_choices(ws), "postings": repo.list_postings(ws.store, limit=200),
    })


@router.post("/candidates/{candidate_id}/erase")
def erase(candidate_id: str, request: Request, csrf: str = Form(""),
          user: WebUser = Depends(web_user)) -> Response:
    check_csrf(user.csrf, csrf)
    require_scope(user, "admin")
    report = erase_everywhere(request.app.state.workspace, candidate_id, actor=user.key.id)
    return page(request, "erased.html", {"report": report})


@router.get("/api", response_class=HTMLResponse)
def api_reference(request: Request, user: WebUser = Depends(web_user)) -> Response:
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "tags": ", ".join(op.get("tags", []))})
    return page(request, "api.html", {"ops": ops, "version": spec.get("info", {}).get("version")})
