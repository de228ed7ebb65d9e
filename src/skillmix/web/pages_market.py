"""The UI's market pages: start a run on a corpus the server knows, watch it, read the
report with its charts (drawn by :mod:`skillmix.market.charts`).

The run form takes optional column names, one input per field (``column_<field>``), for an
export whose columns neither a preset nor their names explain; they go to the same use case
as the API's ``"columns"``, which checks them. A refused form comes back filled in, with the
error, and the column names open when the error is about columns."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import SkillmixError
from ..io import PRESETS
from ..service import market_report, market_run, market_runs, report_html_path, start_market_run
from ..api.v1_market import REPORT_CSP
from .app import WebRoute, WebUser, check_csrf, page, require_scope, web_user
from .market_view import COLUMN_CODES, MarketForm, column_fields, error_code, report_view

__all__ = ["router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)


def _form_page(request: Request, form: MarketForm, error: SkillmixError | None = None) -> Response:
    ws = request.app.state.workspace
    columns_error = error is not None and error.code in COLUMN_CODES
    return page(request, "market.html", {
        "runs": market_runs(ws),
        "corpora": sorted(ws.settings.market_corpora or {}),
        "form": form, "fields": column_fields(), "presets": sorted(PRESETS), "error": error,
        "columns_error": columns_error,
        "columns_open": columns_error or bool(form.given()),
    }, status=error.http_status if error is not None else 200)


@router.get("/market", response_class=HTMLResponse)
def market(request: Request, user: WebUser = Depends(web_user)) -> Response:
    """The runs and the form; a query string (``corpus``, ``preset``, ``column_<field>``)
    fills the form in, as the link from a run that failed on its columns does."""
    return _form_page(request, MarketForm.from_fields(request.query_params))


@router.post("/market")
async def start(request: Request, user: WebUser = Depends(web_user)) -> Response:
    fields = await request.form()
    check_csrf(user.csrf, str(fields.get("csrf") or ""))
    require_scope(user, "write")
    form = MarketForm.from_fields(fields)
    try:
        job = await run_in_threadpool(
            start_market_run, request.app.state.workspace, form.corpus,
            preset=form.preset or None, columns=form.given(), actor=user.key.id)
    except SkillmixError as err:
        return await run_in_threadpool(_form_page, request, form, err)
    return RedirectResponse(f"/market/{job.id}", status_code=303)


@router.get("/market/{job_id}", response_class=HTMLResponse)
def run(job_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    ws = request.app.state.workspace
    job = market_run(ws, job_id)
    view = report_view(market_report(ws, job_id)) if job.status == "done" else None
    retry = None  # failed on its columns: back to the form, filled in, at the column names
    if job.status == "failed" and error_code(job.error) in COLUMN_CODES:
        retry = f"/market?{MarketForm.from_params(job.params).query()}#columns"
    return page(request, "market_run.html", {"job": job, "report": view, "retry": retry,
                                             "columns": (job.params or {}).get("columns") or {}})


@router.get("/market/{job_id}/report.html")
def run_html(job_id: str, request: Request, user: WebUser = Depends(web_user)) -> Response:
    path = report_html_path(request.app.state.workspace, job_id)
    return FileResponse(path, media_type="text/html; charset=utf-8",
                        headers={"content-security-policy": REPORT_CSP})
