"""``/v1/documents``, ``/v1/candidates``, ``/v1/postings``: upload, read, erase."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ..service import erase, ingest
from ..store import ApiKey, repo
from .auth import require
from .limits import MAX_OFFSET
from .upload import read_upload
from .views import candidate_view, document_view, extraction_view, posting_view, result_view
from ..errors.api_codes import A406, A420

__all__ = ["router"]

router = APIRouter(prefix="/v1")


@router.post("/documents", status_code=201, tags=["documents"],
             summary="Upload a résumé or posting (multipart; 413 over the size limit)",
             openapi_extra={"requestBody": {"content": {"multipart/form-data": {"schema": {
                 "type": "object", "required": ["file", "kind"],
                 "properties": {"file": {"type": "string", "format": "binary"},
                                "kind": {"type": "string", "enum": ["resume", "posting"]},
                                "candidate_id": {"type": "string"},
                                "name": {"type": "string"}, "posting_id": {"type": "string"},
                                "title": {"type": "string"}, "company": {"type": "string"},
                                "location": {"type": "string"}}}}}}})
async def upload_document(request: Request, key: ApiKey = Depends(require("write"))) -> dict[str, Any]:
    ws = request.app.state.workspace
    up = await read_upload(request, ws.settings.max_upload_bytes)
    kind = up.fields.get("kind", "")
    if kind not in ("resume", "posting"):
        raise A420(f"form field 'kind' must be 'resume' or 'posting', not {kind!r}.")
    f = up.fields
    cid = f.get("candidate_id") or None
    if cid and kind == "resume":
        from ..store.access import may_attach

        if not await run_in_threadpool(may_attach, ws.store, key, cid):
            raise A406("only the key that created this candidate "
                       "(or an admin key) may add documents to it.",
                       hint="Upload without candidate_id to make a new candidate.")
    got = await run_in_threadpool(
        ingest, ws, up.data, filename=up.filename, kind=kind, actor=key.id,
        candidate_id=f.get("candidate_id") or None, candidate_name=f.get("name") or None,
        posting_id=f.get("posting_id") or None,
        posting_fields={k: f.get(k) or None for k in ("title", "company", "location")})
    return {"ok": True, "document": document_view(got.stored, text=False),
            "extraction": extraction_view(got.extraction)}


@router.get("/documents/{document_id}", tags=["documents"], summary="A document's text and structure")
def get_document(document_id: str, request: Request,
                 key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    doc = repo.get_document(request.app.state.workspace.store, document_id)
    return {"ok": True, "document": document_view(doc)}


@router.get("/documents/{document_id}/extraction", tags=["documents"],
            summary="Skills found in a document, with spans and context")
def get_extraction(document_id: str, request: Request,
                   key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    ext = repo.get_extraction(request.app.state.workspace.store, document_id)
    return {"ok": True, "extraction": extraction_view(ext)}


@router.get("/documents/{document_id}/file", tags=["documents"],
            summary="The original file as uploaded (always as a download)")
def get_file(document_id: str, request: Request,
             key: ApiKey = Depends(require("read"))) -> Response:
    store = request.app.state.workspace.store
    data = repo.read_original(store, document_id)
    return Response(data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{document_id}"'})


@router.get("/candidates", tags=["candidates"], summary="Candidates, newest first")
def list_candidates(request: Request, limit: int = Query(100, ge=1, le=1000),
                    offset: int = Query(0, ge=0, le=MAX_OFFSET), skill: str | None = None,
                    key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    store = request.app.state.workspace.store
    if skill:
        ids = repo.candidates_with_skill(store, skill)
        items = [repo.get_candidate(store, c) for c in ids[offset:offset + limit]]
    else:
        items = repo.list_candidates(store, limit=limit, offset=offset)
    return {"ok": True, "candidates": [candidate_view(c) for c in items]}


@router.get("/candidates/{candidate_id}", tags=["candidates"],
            summary="A candidate, their documents and scorecards")
def get_candidate(candidate_id: str, request: Request,
                  key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    store = request.app.state.workspace.store
    cand = repo.get_candidate(store, candidate_id)
    return {"ok": True, "candidate": candidate_view(cand),
            "scorecards": [result_view(s) for s in repo.list_scorecards(store, candidate_id)]}


@router.delete("/candidates/{candidate_id}", tags=["candidates"],
               summary="Erase a candidate everywhere (rows, files, index, derived results)")
def erase_candidate(candidate_id: str, request: Request,
                    key: ApiKey = Depends(require("admin"))) -> dict[str, Any]:
    report = erase(request.app.state.workspace, candidate_id, actor=key.id)
    return {"ok": True, "erased": report.to_dict()}


@router.get("/postings", tags=["postings"], summary="Postings, newest first")
def list_postings(request: Request, limit: int = Query(100, ge=1, le=1000),
                  offset: int = Query(0, ge=0, le=MAX_OFFSET),
                  key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    items = repo.list_postings(request.app.state.workspace.store, limit=limit, offset=offset)
    return {"ok": True, "postings": [posting_view(p) for p in items]}


@router.get("/postings/{posting_id}", tags=["postings"], summary="A posting and its documents")
def get_posting(posting_id: str, request: Request,
                key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    store = request.app.state.workspace.store
    latest = repo.latest_ranking(store, posting_id)
    return {"ok": True, "posting": posting_view(repo.get_posting(store, posting_id)),
            "latest_ranking": latest.id if latest else None}
