"""Blind mode: the masked version of a résumé and its extraction, made once per
(redactor, extractor, taxonomy) version and cached as a derived row.

Why cached in the database and not in memory: several server processes share it, and
erasure must reach it (derived rows cascade with their document and
:mod:`skillmix.store.erase` deletes them explicitly), which an in-process cache in another
worker would escape. The use cases read the cache in bulk with the candidates
(:func:`skillmix.store.subjects.read_subjects`) and write what they had to make with their
result, in the same transaction (:mod:`skillmix.store.commit`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from ..records import Document, Extraction
from ..store.serialise import document_from_row, document_structure, extraction_from_json

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["KIND", "blind_version", "masked"]

#: the derived row kind of a blind version
KIND = "blind"


def blind_version(ws: "Workspace") -> str:
    """What the cached blind versions were made with; a change makes them again (made once
    per workspace: the extractor and its taxonomy are fixed for a process's life)."""
    from ..extract import EXTRACTOR_VERSION
    from ..fairness.redact import REDACTOR_VERSION

    made = ws._blind_version
    if made is None:
        ext = ws.extractor
        made = ws._blind_version = (f"redactor={REDACTOR_VERSION};extractor={EXTRACTOR_VERSION};"
                                    f"taxonomy={ext.taxonomy_label}@{ext.taxonomy_version}")
    return made


def masked(ws: "Workspace", doc: Document, name: str | None,
           cached: Mapping[str, Any] | None) -> tuple[Document, Extraction, dict[str, int], dict[str, Any] | None]:
    """The masked document, its extraction, the redaction counts and, when the cache had
    no usable entry, the data to cache (else None). ``name`` is the candidate's known
    name, masked wherever it appears."""
    from ..fairness.redact import redact

    if cached is not None and cached.get("name_known") == bool(name):
        doc_m = document_from_row(doc.id, doc.kind, doc.source, doc.media_type,
                                  cached.get("title"), cached["text"], cached["structure"])
        return doc_m, extraction_from_json(cached["extraction"]), dict(cached["counts"]), None
    red = redact(doc, known_names=[name] if name else [])
    doc_m = red.document.replace(id=doc.id, source=doc.source)
    ext = ws.extractor.extract(doc_m)
    counts = red.counts()
    data = {"text": doc_m.text, "title": doc_m.title, "structure": document_structure(doc_m),
            "extraction": ext.to_dict(), "counts": counts, "name_known": bool(name)}
    return doc_m, ext, counts, data
