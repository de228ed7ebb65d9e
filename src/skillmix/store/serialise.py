"""Records to JSON columns and back: Document structure and Extraction."""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from ..records import Document, Extraction, Role, Section, SkillMention, to_jsonable

__all__ = ["document_from_row", "document_structure", "extraction_from_json"]


def document_structure(doc: Document) -> dict[str, Any]:
    return {
        "sections": [s.to_dict() for s in doc.sections],
        "roles": [r.to_dict() for r in doc.roles],
        "pages": doc.pages,
        "metadata": to_jsonable(dict(doc.metadata)),
    }


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def document_from_row(doc_id: str, kind: str, source: str, media_type: str, title: str | None,
                      text: str, structure: Mapping[str, Any]) -> Document:
    sections = tuple(Section(**s) for s in structure.get("sections", ()))
    roles = tuple(
        Role(title=r["title"], employer=r.get("employer"), start=_date(r.get("start")),
             end=_date(r.get("end")), current=bool(r.get("current")),
             span_start=r["span_start"], span_end=r["span_end"])
        for r in structure.get("roles", ())
    )
    return Document(id=doc_id, text=text, source=source, media_type=media_type,
                    kind=kind if kind in ("posting", "resume") else "unknown",  # type: ignore[arg-type]
                    title=title, pages=structure.get("pages"), sections=sections, roles=roles,
                    metadata=dict(structure.get("metadata") or {}))


def extraction_from_json(data: Mapping[str, Any]) -> Extraction:
    return Extraction(
        document_id=data["document_id"], source=data["source"], kind=data["kind"],
        taxonomy=data["taxonomy"], taxonomy_version=data["taxonomy_version"],
        extractor_version=data["extractor_version"],
        mentions=tuple(SkillMention.from_dict(m) for m in data.get("mentions", ())),
    )
