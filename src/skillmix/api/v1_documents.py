"""``/v1/documents``, ``/v1/candidates``, ``/v1/postings``: upload, read, erase.

A document comes as a file (multipart) or as its text, the way the web UI's paste boxes
send it: a JSON body (:class:`PastedIn`) or the multipart field ``text``. Text is kept as
``pasted-resume.txt`` or ``pasted-posting.txt`` (:func:`~skillmix.service.ingest.pasted_name`)
and goes on exactly as a file: :func:`~skillmix.service.ingest` with its size limit,
reading, errors and audit row.
"""

from __future__ import annotations

from typing import Any, Mapping

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import Field, ValidationError
from starlette.concurrency import run_in_threadpool

from ..service import (Viewer, erase, ingest, read_candidate, read_candidates, read_document,
                       read_extraction, read_original)
from ..service.ingest import pasted_name
from ..store import ApiKey, repo
from .auth import require
from .bodies import JsonBody
from .limits import MAX_OFFSET
from .upload import FIELD_LIMIT, read_upload
from .views import (attachment, candidate_view, document_view, extraction_view, posting_view,
                    result_view)
from ..errors.api_codes import A400, A406, A414, A420, A421

__all__ = ["router"]

router = APIRouter(prefix="/v1")


class PastedIn(JsonBody):
    """A document sent as text (``application/json``), as the web UI's paste boxes send it:
    kept as ``pasted-resume.txt`` or ``pasted-posting.txt`` and read like an uploaded file
    of that name (its content decides the reader, as for a file)."""

    kind: str = Field(description="'resume' or 'posting'")
    text: str = Field(description="the document's text (UTF-8; the upload size limit applies "
                                  "to its bytes)")
    name: str | None = Field(None, description="a résumé's candidate name (not a file name)")
    candidate_id: str | None = Field(None, description="add the résumé to this candidate")
    posting_id: str | None = Field(None, description="add the posting text to this posting")
    title: str | None = Field(None, description="a posting's title")
    company: str | None = Field(None, description="a posting's company")
    location: str | None = Field(None, description="a posting's location")


_FORM = {"type": "object", "required": ["kind"],
         "properties": {"file": {"type": "string", "format": "binary"},
                        "text": {"type": "string",
                                 "description": "the document's text, instead of a file"},
                        "kind": {"type": "string", "enum": ["resume", "posting"]},
                        "candidate_id": {"type": "string"},
                        "name": {"type": "string"}, "posting_id": {"type": "string"},
                        "title": {"type": "string"}, "company": {"type": "string"},
                        "location": {"type": "string"}}}


@router.post("/documents", status_code=201, tags=["documents"],
             summary="Upload a résumé or posting: a file (multipart) or its text "
                     "(JSON or the form field 'text'); 413 over the size limit",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "multipart/form-data": {"schema": _FORM},
                 "application/json": {"schema": PastedIn.model_json_schema()}}}})
async def upload_document(request: Request, key: ApiKey = Depends(require("write"))) -> dict[str, Any]:
    ws = request.app.state.workspace
    ctype = _media_type(request)
    if ctype not in ("application/json", "multipart/form-data"):
        raise A400(f"expected a multipart/form-data or an application/json body, not "
                   f"{ctype or 'none'!r}.",
                   hint="Send a file as multipart form field 'file', or the document's text "
                        "as JSON {\"kind\": \"resume\", \"text\": \"...\"}.")
    if ctype == "application/json":
        sent = _pasted(await request.body())
        data, kind, f = sent.text.encode("utf-8"), sent.kind, sent.model_dump()
        filename = pasted_name(kind)
    else:
        up = await read_upload(request, ws.settings.max_upload_bytes, text_field="text")
        f = dict(up.fields)
        data, kind = up.data, f.get("kind", "")
        filename = pasted_name(kind) if up.pasted else up.filename
    if not kind:
        raise A420("the upload has no field 'kind': say whether the document is a 'resume' "
                   "or a 'posting'.", hint="Add the form field kind=resume (or posting).")
    if kind not in ("resume", "posting"):
        raise A420(f"field 'kind' must be 'resume' or 'posting', not {kind!r}.")
    _refuse_other_kinds_fields(kind, f)
    cid = f.get("candidate_id") or None
    if cid and kind == "resume":
        from ..store.access import may_attach

        if not await run_in_threadpool(may_attach, ws.store, key, cid):
            raise A406("only the key that created this candidate "
                       "(or an admin key) may add documents to it.",
                       hint="Upload without candidate_id to make a new candidate.")
    got = await run_in_threadpool(
        ingest, ws, data, filename=filename, kind=kind, actor=key.id,
        candidate_id=cid, candidate_name=f.get("name") or None,
        posting_id=f.get("posting_id") or None,
        posting_fields={k: f.get(k) or None for k in ("title", "company", "location")})
    return {"ok": True, "document": document_view(got.stored, text=False),
            "extraction": extraction_view(got.extraction)}


#: the fields that mean something for one kind of document only
_ONLY_FOR = {"resume": ("candidate_id", "name"),
             "posting": ("posting_id", "title", "company", "location")}


def _refuse_other_kinds_fields(kind: str, fields: Mapping[str, Any]) -> None:
    """``[A421]`` for a field of the other kind of document, which the store would drop:
    a résumé's ``posting_id`` looked like "this candidate applied to that posting" and
    linked nothing (a new-user trial), so it is refused, not ignored. An empty value (a
    form's blank input) counts as left out."""
    other = "posting" if kind == "resume" else "resume"
    sent = [k for k in _ONLY_FOR[other] if fields.get(k)]
    if not sent:
        return
    hint = ("Upload the résumé without it; to score the candidate against the posting, "
            "POST /v1/assess with candidate_id and posting_id, or rank the posting "
            "(POST /v1/rank)." if kind == "resume" and "posting_id" in sent
            else "Leave it out, or upload the document with the other kind.")
    raise A421(f"a {kind} takes no {', '.join(repr(k) for k in sent)}: "
               f"{'that is' if len(sent) == 1 else 'those are'} a {other}'s, and would be "
               "ignored.", hint=hint)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _pasted(body: bytes) -> PastedIn:
    """The JSON body as :class:`PastedIn`; what does not fit is the API's ``[A422]``, as
    for every JSON body (the text itself is never repeated in the message)."""
    try:
        pasted = PastedIn.model_validate_json(body or b"")
    except ValidationError as err:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e.get("loc", ()))} for e in err.errors(
                include_input=False, include_url=False)]) from None
    # the other fields are held to the form's limit, as in a multipart body
    fields = sum(len(v.encode("utf-8")) for k, v in pasted.model_dump().items()
                 if k not in ("text", "kind") and isinstance(v, str))
    if fields > FIELD_LIMIT:
        raise A414(f"fields other than the text exceed {FIELD_LIMIT} bytes.",
                   hint="Shorten the name, title, company or location.")
    return pasted


@router.get("/documents/{document_id}", tags=["documents"], summary="A document's text and structure")
def get_document(document_id: str, request: Request,
                 key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    doc = read_document(request.app.state.workspace, document_id, Viewer(key.id))
    return {"ok": True, "document": document_view(doc)}


@router.get("/documents/{document_id}/extraction", tags=["documents"],
            summary="Skills found in a document, with spans and context")
def get_extraction(document_id: str, request: Request,
                   key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    ext = read_extraction(request.app.state.workspace, document_id, Viewer(key.id))
    return {"ok": True, "extraction": extraction_view(ext)}


@router.get("/documents/{document_id}/file", tags=["documents"],
            summary="The original file as uploaded (always as a download, with its "
                    "media type and a file name with its extension)")
def get_file(document_id: str, request: Request,
             key: ApiKey = Depends(require("read"))) -> Response:
    got = read_original(request.app.state.workspace, document_id, Viewer(key.id))
    # the type set as a header: Response would add "charset=utf-8" to any text/ type
    return Response(got.data, headers={"content-type": got.media_type,
                                       "content-disposition": attachment(got.filename)})


@router.get("/candidates", tags=["candidates"], summary="Candidates, newest first")
def list_candidates(request: Request, limit: int = Query(100, ge=1, le=1000),
                    offset: int = Query(0, ge=0, le=MAX_OFFSET), skill: str | None = None,
                    key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    items = read_candidates(request.app.state.workspace, Viewer(key.id), limit=limit,
                            offset=offset, skill=skill)
    return {"ok": True, "candidates": [candidate_view(c) for c in items]}


@router.get("/candidates/{candidate_id}", tags=["candidates"],
            summary="A candidate, their documents and scorecards")
def get_candidate(candidate_id: str, request: Request,
                  key: ApiKey = Depends(require("read"))) -> dict[str, Any]:
    got = read_candidate(request.app.state.workspace, candidate_id, Viewer(key.id))
    return {"ok": True, "candidate": candidate_view(got.candidate),
            "scorecards": [result_view(s) for s in got.scorecards]}


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
