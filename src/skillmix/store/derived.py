"""Cached derivatives of stored documents: the blind-mode version of a résumé and its
extraction, made once per (redactor, extractor, taxonomy) version instead of on every
assessment and ranking.

Why in the database and not in memory: several server processes share it, and erasure
must reach it (rows cascade with their document, and :mod:`.erase` deletes them
explicitly), which an in-process cache in another worker would escape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..records import Document, Extraction
from .models import DerivedRow
from .serialise import document_from_row, document_structure, extraction_from_json

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["blind_version"]


def _version(ws: "Workspace") -> str:
    from ..extract import EXTRACTOR_VERSION
    from ..fairness import REDACTOR_VERSION

    ext = ws.extractor
    return f"redactor={REDACTOR_VERSION};extractor={EXTRACTOR_VERSION};taxonomy={ext.taxonomy_label}@{ext.taxonomy_version}"


def blind_version(ws: "Workspace", doc: Document, name: str | None) -> tuple[Document, Extraction, dict[str, int]]:
    """The masked document, its extraction and the redaction counts (cached per version).

    ``name`` is the candidate's known name, masked wherever it appears.
    """
    from ..fairness import redact

    version = _version(ws)
    with ws.store.session() as sess:
        row = sess.scalars(select(DerivedRow).where(
            DerivedRow.document_id == doc.id, DerivedRow.kind == "blind",
            DerivedRow.version == version)).first()
        cached: dict[str, Any] | None = dict(row.data) if row is not None else None
    if cached is not None and cached.get("name_known") == bool(name):
        masked = document_from_row(doc.id, doc.kind, doc.source, doc.media_type,
                                   cached.get("title"), cached["text"], cached["structure"])
        return masked, extraction_from_json(cached["extraction"]), dict(cached["counts"])
    red = redact(doc, known_names=[name] if name else [])
    masked = red.document.replace(id=doc.id, source=doc.source)
    ext = ws.extractor.extract(masked)
    counts = red.counts()
    data = {"text": masked.text, "title": masked.title, "structure": document_structure(masked),
            "extraction": ext.to_dict(), "counts": counts, "name_known": bool(name)}
    with ws.store.session() as sess:
        sess.add(DerivedRow(document_id=doc.id, kind="blind", version=version, data=data))
    return masked, ext, counts
