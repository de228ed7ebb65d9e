"""JSON views of store records for responses: what a client sees of each object."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response

from ..records import Extraction
from ..store import CandidateInfo, PostingInfo, StoredDocument, StoredResult
from ..store.keys import ApiKey

__all__ = ["attachment", "candidate_view", "document_view", "extraction_view", "fast_json",
           "key_view", "posting_view", "result_view"]


def fast_json(body: Any, status: int = 200) -> Response:
    """``body`` encoded once with orjson (:mod:`skillmix.jsonio`), bypassing FastAPI's
    field-by-field ``jsonable_encoder``, which took longer than the ranking for large
    results (a ranking with its explanations is ~100 KB)."""
    from ..jsonio import dumps

    return Response(dumps(body), status_code=status, media_type="application/json")


def attachment(filename: str) -> str:
    """A ``Content-Disposition`` that makes the browser save the file as ``filename``: an
    ASCII ``filename`` for every client and the exact name as ``filename*`` (RFC 6266 and
    5987), so a name such as ``Zoë_CV.pdf`` survives; quotes, backslashes and control
    characters never reach the header."""
    from urllib.parse import quote

    clean = "".join(ch for ch in filename if ch.isprintable() and ch not in '"\\') or "file"
    ascii_name = "".join(ch if ord(ch) < 128 else "_" for ch in clean)
    header = f'attachment; filename="{ascii_name}"'
    if ascii_name != clean:
        header += f"; filename*=UTF-8''{quote(clean, safe='')}"
    return header


def document_view(d: StoredDocument, *, text: bool = True) -> dict[str, Any]:
    doc = d.document
    out: dict[str, Any] = {
        "id": d.id, "kind": d.kind, "source": doc.source, "media_type": doc.media_type,
        "title": doc.title, "pages": doc.pages, "size": d.size, "candidate_id": d.candidate_id,
        "posting_id": d.posting_id, "has_file": d.has_file,
        "created_at": d.created_at.isoformat() if d.created_at else None,
    }
    if text:
        out["text"] = doc.text
        out["sections"] = [s.to_dict() for s in doc.sections]
        out["roles"] = [r.to_dict() for r in doc.roles]
    return out


def extraction_view(ext: Extraction) -> dict[str, Any]:
    skills = ext.skills()
    return {**ext.to_dict(), "skills": sorted(skills),
            "counted": sorted(s for s, ms in skills.items() if any(m.counts for m in ms))}


def candidate_view(c: CandidateInfo) -> dict[str, Any]:
    return c.to_dict()


def posting_view(p: PostingInfo) -> dict[str, Any]:
    return p.to_dict()


def result_view(r: StoredResult) -> dict[str, Any]:
    """The stored result; its payload as stored (already JSON values: walking it again
    with ``to_dict`` cost more than the use case that made it), but for the server path
    a scorecard stored before it was left out (``profile_path``)."""
    data = r.data
    card = data.get("scorecard") if isinstance(data, dict) else None
    if isinstance(card, dict) and "profile_path" in (card.get("parameters") or {}):
        from ..assess.cards import without_profile_path

        card = {**card, "parameters": without_profile_path(card["parameters"])}
        data = {**data, "scorecard": card}
    return {"id": r.id, "kind": r.kind, "subject": r.subject, "target": r.target,
            "data": data, "created_at": r.created_at.isoformat() if r.created_at else None}


def key_view(k: ApiKey) -> dict[str, Any]:
    return {"id": k.id, "user": k.user_name, "name": k.name, "scopes": sorted(k.scopes),
            "created_at": k.created_at.isoformat() if k.created_at else None,
            "revoked": k.revoked,
            "expires_at": k.expires_at.isoformat() if k.expires_at else None}
