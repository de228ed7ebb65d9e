"""The UI's market pages: start a run on a corpus the server knows, watch it, read the
report with its charts (drawn by :mod:`skillmix.market.charts`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from ..store import repo
from ..service import market_report, report_html_path, start_market_run
from ..service.market import KIND
from ..api.v1_market import REPORT_CSP
from .app import WebRoute, WebUser, check_csrf, page, require_scope, web_user
from .market_view import report_view

__all__ = ["router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)


@router.get("/market", response_class=HTMLResponse)
def market(request: Request, user: WebUser = Depends(web_user)) -> Response:
    ws = request.app.state.workspace
    return page(request, "market.html", {"runs": repo.list_jobs(ws.store, KIND),
                                         "corpora": sorted(ws.settings.market_corpora or {})})


@router.post("/market")
def start(request: Request, csrf: str = Form(""), corpus: str = Form(""), preset: str = Form(""),
          user: WebUser = Depends(web_user)) -> Response:
    check_csrf(user.csrf, csrf)
    require_scope(user, "write")
    job = start_market_run(request.app.state.workspace, corpus, preset=preset or None,
                           actor=user.key.id)
    return RedirectResponse(f"/market/{job.id}", status_code=303)


@router.get("/market/{job_id}", response_class=HTMLResponse)
def run(job_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    ws = request.app.state.workspace
    job = repo.get_job(ws.store, job_id)
    view = report_view(market_report(ws, job_id)) if job.status == "done" else None
    return page(request, "market_run.html", {"job": job, "report": view})


@router.get("/market/{job_id}/report.html")
def run_html(job_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    path = report_html_path(request.app.state.workspace, job_id)
    return FileResponse(path, media_type="text/html; charset=utf-8",
                        headers={"content-security-policy": REPORT_CSP})
