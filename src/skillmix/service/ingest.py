"""Use case: an uploaded file becomes a stored document with its extraction.

The file is read in the io sandbox (when the workspace says so), extracted within the
workspace's limits, and kept in one transaction with its candidate or posting, its skill
index rows and an audit row (:func:`skillmix.store.repo.save_document`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Mapping

from ..errors import PayloadTooLargeError
from ..errors.config_codes import C121
from ..errors.document_codes import D190
from ..store import new_id, repo

if TYPE_CHECKING:
    from .workspace import Ingested, Workspace

__all__ = ["ingest", "pasted_name", "safe_name"]

#: structured résumé formats whose title is the person's name
_NAMED_FORMATS = frozenset({"json-resume", "ler-rs"})


def ingest(ws: "Workspace", data: bytes, *, filename: str, kind: str, actor: str,
           candidate_id: str | None = None, candidate_name: str | None = None,
           posting_id: str | None = None,
           posting_fields: Mapping[str, str | None] | None = None) -> "Ingested":
    """Read an uploaded file, extract its skills and keep both."""
    from ..io import ReadLimits, read_document
    from ..io.limits import extract_within
    from .workspace import Ingested

    if kind not in ("resume", "posting"):
        raise C121(f"kind must be 'resume' or 'posting', not {kind!r}.")
    if len(data) > ws.settings.max_upload_bytes:
        raise PayloadTooLargeError.for_limit(ws.settings.max_upload_bytes)
    name = safe_name(filename)
    from ..io.inputs import one_document

    one_document(name, "an upload")  # C427: an export's rows would merge into one candidate
    limits = ReadLimits(max_bytes=ws.settings.max_upload_bytes)
    doc = read_document(data, name=name, kind=kind, limits=limits,  # type: ignore[arg-type]
                        sandbox=ws.settings.sandbox)
    if not doc.text.strip():
        raise D190("the document has no text.", source=name,
                   hint="Upload a file with text (run OCR on scans first).")
    doc_id = new_id("doc")
    doc = doc.replace(id=doc_id, kind=kind)
    if candidate_name is None and kind == "resume" and doc.title \
            and doc.metadata.get("format") in _NAMED_FORMATS:
        # a JSON Resume's basics.name (an LER-RS person's name) is the candidate's own,
        # given as data: the store and the UI show it rather than the file name
        candidate_name = doc.title
    ext = extract_within(ws.extractor, doc, ws.settings.extract_limits)  # D117-D119
    stored = repo.save_document(
        ws.store, doc, ext, actor=actor, data=data, candidate_id=candidate_id,
        candidate_name=candidate_name, posting_id=posting_id,
        posting_fields=posting_fields, doc_id=doc_id)
    return Ingested(stored=stored, extraction=ext)


def pasted_name(kind: str) -> str:
    """The file name pasted text is kept under (the UI's paste boxes and the API's text):
    ``pasted-posting.txt`` or ``pasted-resume.txt``, read as an uploaded file of that name
    is (its content decides the reader). Not the title or the candidate's name: a
    résumé's file name is how pages name a candidate without one, and a name in it would
    show through where blind mode hides the name."""
    return f"pasted-{kind if kind in ('resume', 'posting') else 'document'}.txt"


def safe_name(filename: str) -> str:
    """The base name of an uploaded file, with path parts and control characters dropped."""
    base = os.path.basename((filename or "upload").replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable() and ch not in "<>\"'`")[:200]
    return base or "upload"
