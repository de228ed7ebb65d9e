"""Records to JSON columns and back: a document's structure (its sections, roles, page
count and metadata, kept apart from its text) and extractions, through the records' own
``to_dict`` and the generic :func:`skillmix.records.from_dict`."""

from __future__ import annotations

from typing import Any, Mapping

from ..records import Document, Extraction, to_jsonable

__all__ = ["document_from_row", "document_structure", "extraction_from_json"]

_STRUCTURE = ("sections", "roles", "pages", "metadata")


def document_structure(doc: Document) -> dict[str, Any]:
    return {name: to_jsonable(getattr(doc, name)) for name in _STRUCTURE}


def document_from_row(doc_id: str, kind: str, source: str, media_type: str, title: str | None,
                      text: str, structure: Mapping[str, Any]) -> Document:
    return Document.from_dict({
        **{k: structure[k] for k in _STRUCTURE if k in structure},
        "id": doc_id, "text": text, "source": source, "media_type": media_type, "title": title,
        "kind": kind if kind in ("posting", "resume") else "unknown",
        "metadata": dict(structure.get("metadata") or {}),
    })


def extraction_from_json(data: Mapping[str, Any]) -> Extraction:
    return Extraction.from_dict(data)
