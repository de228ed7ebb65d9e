"""DOCX: the zip is checked before anything is inflated, every XML part is checked for
DTDs and entities, then python-docx reads paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from .codes import doc_error
from .dates import parse_timestamp
from .limits import ReadLimits
from ..errors.document_codes import D101, D107, D108, D109

__all__ = ["check_archive", "read_docx"]

_MIN_RATIO_CHECK = 1 << 20  # members under 1 MiB inflated are never called bombs

#: created/modified of the blank document python-docx builds from (not a real date)
_TEMPLATE_STAMP = "2013-12-23 23:15"


def check_archive(data: bytes, source: str, limits: ReadLimits) -> zipfile.ZipFile:
    """Open the zip and refuse bombs from its directory alone (D107), or D109 if broken."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise doc_error(D109, source, f"not a readable zip ({exc})") from None
    if len(infos) > limits.max_archive_entries:
        raise doc_error(D107, source, f"{len(infos)} entries, limit {limits.max_archive_entries}")
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            raise doc_error(
                D107, source, f"inflates to more than {limits.max_uncompressed_bytes} bytes"
            )
        packed = max(1, info.compress_size)
        if info.file_size > _MIN_RATIO_CHECK and info.file_size / packed > limits.max_compression_ratio:
            raise doc_error(
                D107,
                source,
                f"member {info.filename!r} inflates {info.file_size / packed:.0f}x "
                f"(limit {limits.max_compression_ratio:.0f}x)",
            )
    return zf


def _check_xml_parts(zf: zipfile.ZipFile, source: str) -> None:
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    for info in zf.infolist():
        name = info.filename.lower()
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        try:
            with zf.open(info) as fh:
                raw = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise doc_error(D109, source, f"member {info.filename!r}: {exc}") from None
        if len(raw) > info.file_size:
            raise doc_error(D107, source, f"member {info.filename!r} is larger than declared")
        head = raw[:4096].upper().replace(b"\x00", b"")
        if b"<!DOCTYPE" in head or b"<!ENTITY" in raw.upper().replace(b"\x00", b""):
            raise doc_error(D108, source, f"in {info.filename}")
        try:
            DET.fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        except DefusedXmlException:
            raise doc_error(D108, source, f"in {info.filename}") from None
        except Exception as exc:  # noqa: BLE001 - expat ParseError and friends
            raise doc_error(D109, source, f"{info.filename} is not well-formed XML ({exc})") from None


def read_docx(data: bytes, source: str, limits: ReadLimits) -> tuple[str, dict[str, Any]]:
    """Return ``(text, metadata)``: paragraphs and table rows, one per line, in order."""
    zf = check_archive(data, source, limits)
    names = set(zf.namelist())
    if "word/document.xml" not in names:
        raise doc_error(D101, source, "a zip archive that is not a Word document")
    _check_xml_parts(zf, source)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds
        raise doc_error(D109, source, f"{type(exc).__name__}: {exc}") from None
    lines: list[str] = []
    headings: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, doc)
            text = para.text
            style = (para.style.name if para.style is not None else "") or ""
            if style.lower().startswith(("heading", "title")) and text.strip():
                headings.append(text.strip())
            if style.lower().startswith("list") and text.strip():
                text = "- " + text
            lines.append(text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, doc)))
            lines.append("")
    meta: dict[str, Any] = {"headings": headings}
    props = doc.core_properties
    for key in ("title", "author"):
        value = getattr(props, key, None)
        if value:
            meta[f"docx_{key}"] = str(value)
    # the day the file was last saved bounds what "Current" in its text can mean; the blank
    # template python-docx starts from carries a fixed stamp that dates nothing
    for key in ("modified", "created"):
        stamp = getattr(props, key, None)
        day = parse_timestamp(stamp)
        if day is not None and str(stamp)[:16] != _TEMPLATE_STAMP:
            meta["written"] = day.isoformat()
            break
    return "\n".join(lines), meta


def _table_lines(table: Any) -> list[str]:
    out = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(p.text for p in cell.paragraphs).strip()
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            out.append(" | ".join(cells))
    return out
