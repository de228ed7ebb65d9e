"""``/v1/market``: start a market run (202 + job id), poll it, read its report."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from pydantic import Field

from ..store import ApiKey
from ..service import market_report, market_run, market_runs, report_html_path, start_market_run
from .auth import require
from .bodies import JsonBody

__all__ = ["REPORT_CSP", "router"]

router = APIRouter(prefix="/v1/market", tags=["market"])

#: the market library's standalone report has inline CSS and no scripts: allow the one,
#: forbid the other outright
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
              "script-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'")


class RunIn(JsonBody):
    corpus: str = Field(description="a corpus name the server registered (GET /v1/market/corpora)")
    preset: str | None = Field(None, description="column preset: linkedin, remotive, adzuna, jobspy, generic")
    columns: dict[str, str] | None = Field(
        None, description="field -> column, put over the preset or the columns' own names "
                          "(fields: description, title, company, location, date, id, url)")


def _job_view(job: Any) -> dict[str, Any]:
    out = job.to_dict()
    out["poll"] = f"/v1/market/runs/{job.id}"
    return out


@router.get("/corpora", summary="Corpora this server can run the market pipeline on")
def corpora(request: Request, key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    return {"ok": True, "corpora": sorted(request.app.state.workspace.settings.market_corpora or {})}


@router.post("/runs", status_code=202, summary="Start a market run; poll the returned job")
def start(body: RunIn, request: Request, key: ApiKey = Depends(require("write"))) -> JSONResponse:
    job = start_market_run(request.app.state.workspace, body.corpus, preset=body.preset,
                           columns=body.columns, actor=key.id)
    return JSONResponse({"ok": True, "job": _job_view(job)}, status_code=202,
                        headers={"Location": f"/v1/market/runs/{job.id}"})


@router.get("/runs", summary="Market runs, newest first")
def runs(request: Request, limit: int = Query(50, ge=1, le=500),
         key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    jobs = market_runs(request.app.state.workspace, limit=limit)
    return {"ok": True, "runs": [_job_view(j) for j in jobs]}


@router.get("/runs/{job_id}", summary="A market run: status, then summary and report tables")
def run(job_id: str, request: Request, key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    return {"ok": True, "job": _job_view(market_run(request.app.state.workspace, job_id))}


@router.get("/runs/{job_id}/report", summary="The report of a finished run (headline and tables)")
def report(job_id: str, request: Request, key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    return {"ok": True, "report": market_report(request.app.state.workspace, job_id).to_dict()}


@router.get("/runs/{job_id}/report.html", summary="The standalone HTML report with charts")
def report_html(job_id: str, request: Request,
                key: ApiKey = Depends(require("read"))) -> FileResponse:
    path = report_html_path(request.app.state.workspace, job_id)
    return FileResponse(path, media_type="text/html; charset=utf-8",
                        headers={"content-security-policy": REPORT_CSP})
