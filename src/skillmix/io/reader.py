"""Sniffing and dispatch: bytes in, one :class:`~skillmix.records.Document` out.

The content decides the reader (``%PDF-``, a zip holding ``word/document.xml``, JSON,
HTML, text); the file name only breaks ties (Markdown) and explains errors (a ``.pdf``
that is not a PDF is corrupt, not "unsupported"). This module runs in-process; the
sandbox (:mod:`skillmix.io.sandbox`) runs :func:`parse_bytes` in a worker process.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import SkillmixError
from ..errors.document_codes import D101, D104, D106, D109, D111, D113, D116
from ..records import Document, DocumentKind, Role, Section, content_id
from .codes import doc_error
from .limits import ReadLimits
from .mojibake import repair_mojibake
from .sections import detect_sections, guess_kind
from .text import clean_text, decode_bytes, looks_binary

__all__ = ["IN_PROCESS_MAX_BYTES", "MEDIA_TYPES", "parse_bytes", "parse_plain", "parse_text",
           "read_path_bytes", "sniff"]

#: The largest plain-text or Markdown file :func:`parse_plain` reads in the calling process.
IN_PROCESS_MAX_BYTES = 1 << 20

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "json": "application/json",
    "markdown": "text/markdown",
    "text": "text/plain",
}

_HTML_HINT = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|br|ul|ol|li|h[1-6]|span|table|article|section)\b[^>]*>",
    re.IGNORECASE,
)
_MAGIC_UNSUPPORTED = (
    (b"\xd0\xcf\x11\xe0", "a legacy Word .doc or a password-protected Office file"),
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG", "a PNG image (run OCR first)"),
    (b"\xff\xd8\xff", "a JPEG image (run OCR first)"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image (run OCR first)"),
    (b"MM\x00*", "a TIFF image (run OCR first)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"Rar!", "a RAR archive"),
)


@dataclass
class _Parsed:
    text: str
    media_type: str
    metadata: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    kind: DocumentKind | None = None
    sections: tuple[Section, ...] | None = None
    roles: tuple[Role, ...] | None = None
    pages: int | None = None


def sniff(data: bytes, name: str = "") -> str:
    """The format of ``data``: ``pdf``, ``docx``, ``html``, ``json``, ``markdown`` or ``text``.

    Raises D101 for known but unsupported formats and D109 for a file whose name promises
    a format its bytes do not hold.
    """
    suffix = Path(name).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "docx"
    for magic, what in _MAGIC_UNSUPPORTED:
        if data.startswith(magic):
            raise doc_error(D101, name, f"this is {what}")
    if suffix == ".pdf":
        raise doc_error(D109, name, "named .pdf but it does not start like a PDF")
    if suffix == ".docx":
        raise doc_error(D109, name, "named .docx but it is not a zip archive")
    if looks_binary(data):
        raise doc_error(D101, name, "binary data that is not a PDF or DOCX")
    return "text"


def read_path_bytes(path: Path, limits: ReadLimits) -> bytes:
    """Read a file after checking its size against the limit (D104/D111)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise doc_error(D111, str(path), exc.strerror or str(exc)) from None
    if not path.is_file():
        raise doc_error(D111, str(path), "not a regular file")
    if size > limits.max_bytes:
        raise doc_error(D104, str(path), f"{size} bytes, limit {limits.max_bytes}")
    try:
        with path.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise doc_error(D111, str(path), exc.strerror or str(exc)) from None
    if len(data) > limits.max_bytes:
        raise doc_error(D104, str(path), f"more than {limits.max_bytes} bytes")
    return data


def parse_bytes(
    data: bytes,
    name: str,
    *,
    kind: DocumentKind | None = None,
    limits: ReadLimits | None = None,
    doc_id: str | None = None,
) -> Document:
    """Parse one document in this process (no isolation: see the sandbox for that)."""
    lim = limits or ReadLimits()
    if len(data) > lim.max_bytes:
        raise doc_error(D104, name, f"{len(data)} bytes, limit {lim.max_bytes}")
    if not data.strip():
        raise doc_error(D113, name, "the file is empty")
    fmt = sniff(data, name)
    parsed = _guarded(name, lambda: _dispatch(fmt, data, name, lim))
    return _document(parsed, data, name, kind, lim, doc_id)


def _guarded(name: str, parse: Callable[[], _Parsed]) -> _Parsed:
    """``parse()``, with what a parser raises on bad input turned into coded errors."""
    try:
        return parse()
    except SkillmixError:
        raise
    except MemoryError:
        raise doc_error(D106, name, "while parsing") from None
    except RecursionError:
        raise doc_error(D109, name, "structure nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - a third-party parser choking on a bad file
        raise doc_error(D109, name, f"{type(exc).__name__}: {str(exc)[:160]}") from None


def parse_plain(
    data: bytes,
    name: str,
    *,
    kind: DocumentKind | None = None,
    limits: ReadLimits | None = None,
    doc_id: str | None = None,
) -> Document | None:
    """What :func:`parse_bytes` gives for UTF-8 plain text or Markdown of at most
    :data:`IN_PROCESS_MAX_BYTES`, parsed in this process; None for anything else (PDF,
    DOCX, JSON, HTML, other encodings, bigger files), which the sandbox reads.

    Why this is safe without the sandbox: what runs here is decoding UTF-8, the text
    clean-up, section and kind detection (the corpus reader runs the same on every row of
    an export) and the Markdown clean-up, all linear in the size of the text (the one
    pattern that was not, the Markdown link, is bounded), on at most a megabyte; no
    third-party parser and no charset guessing (those stay in the worker, under its
    memory and CPU limits). Errors are the ones the worker would answer.
    """
    lim = limits or ReadLimits()
    if len(data) > min(lim.max_bytes, IN_PROCESS_MAX_BYTES):
        return None
    if not data.strip():
        raise doc_error(D113, name, "the file is empty")
    if sniff(data, name) != "text":
        return None
    try:
        if data.startswith(codecs.BOM_UTF8):
            text, encoding = data.decode("utf-8-sig"), "utf-8-sig"
        elif data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return None
        else:
            text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None
    stripped = text.lstrip("\ufeff \t\r\n")
    suffix = Path(name).suffix.lower()
    if stripped[:1] in ("{", "[") or _is_html(stripped, suffix):
        return None
    try:
        parsed = _plain(text, encoding, stripped, suffix)
    except MemoryError:
        raise doc_error(D106, name, "while parsing") from None
    return _document(parsed, data, name, kind, lim, doc_id)


def _document(parsed: _Parsed, data: bytes, name: str, kind: DocumentKind | None,
              lim: ReadLimits, doc_id: str | None) -> Document:
    if not parsed.text.strip():
        raise doc_error(D113, name, "no text after reading")
    if len(parsed.text) > lim.max_text_chars:
        raise doc_error(D104, name, f"{len(parsed.text)} characters of text, limit {lim.max_text_chars}")
    doc_kind: DocumentKind = kind or parsed.kind or guess_kind(parsed.text)
    sections = parsed.sections if parsed.sections is not None else detect_sections(parsed.text, doc_kind)
    roles = parsed.roles
    if roles is None:
        from .roles import parse_roles

        roles = parse_roles(parsed.text, sections) if doc_kind == "resume" else ()
    # a title taken from the file's own fields (HTML <title>, DOCX properties, a JobPosting's
    # or JSON Resume's name) has not been through clean_text: repair its mojibake the same way
    title = (repair_mojibake(parsed.title) if parsed.title else None) or _first_line(parsed.text)
    metadata = parsed.metadata
    if any(r.current for r in roles):
        # what "Current" is counted to needs the text's latest date: read it once here,
        # not at every assessment (scanning a résumé's dates costs more than scoring it)
        from .dates import latest_written_date

        latest = latest_written_date(parsed.text)
        metadata = {**metadata, "latest_date": latest.isoformat() if latest else None}
    return Document(
        id=doc_id or content_id(data),
        text=parsed.text,
        source=name,
        media_type=parsed.media_type,
        kind=doc_kind,
        title=title,
        pages=parsed.pages,
        sections=sections,
        roles=roles,
        metadata=metadata,
    )


def _first_line(text: str) -> str | None:
    for line in text.split("\n"):
        s = line.strip(" -#*")
        if s:
            return s if len(s) <= 100 else None
    return None


def _dispatch(fmt: str, data: bytes, name: str, limits: ReadLimits) -> _Parsed:
    if fmt == "pdf":
        from .pdf import read_pdf

        text, meta = read_pdf(data, name, limits)
        return _Parsed(text, MEDIA_TYPES["pdf"], meta, pages=meta.get("pages"))
    if fmt == "docx":
        from .docx import read_docx

        text, meta = read_docx(data, name, limits)
        return _Parsed(clean_text(text), MEDIA_TYPES["docx"], meta, title=meta.get("docx_title"))
    text, encoding = decode_bytes(data, name)
    return _from_text(text, encoding, name)


def parse_text(
    text: str,
    name: str,
    *,
    kind: DocumentKind | None = None,
    limits: ReadLimits | None = None,
    doc_id: str | None = None,
) -> Document:
    """What :func:`parse_bytes` gives for the same text in a UTF-8 file called ``name``:
    a string that is already decoded (a row of a résumé export) is read exactly as a
    file holding it would be (JSON Resume, HTML, Markdown or plain text, by content).

    Runs in this process, like the corpus readers' own text clean-up: no third-party
    parser but the HTML one the posting corpora use, on text bounded by ``limits``."""
    lim = limits or ReadLimits()
    if len(text) > lim.max_text_chars:
        raise doc_error(D104, name, f"{len(text)} characters of text, limit {lim.max_text_chars}")
    if not text.strip():
        raise doc_error(D113, name, "the text is empty")
    parsed = _guarded(name, lambda: _from_text(text, "utf-8", name))
    return _document(parsed, text.encode("utf-8"), name, kind, lim, doc_id)


def _from_text(text: str, encoding: str, name: str) -> _Parsed:
    """Decoded text to its parsed form: JSON, HTML, Markdown or plain text."""
    stripped = text.lstrip("\ufeff \t\r\n")
    suffix = Path(name).suffix.lower()
    if stripped[:1] in ("{", "["):
        try:
            value = json.loads(stripped)
        except ValueError as exc:
            if suffix in (".json", ".jsonld"):
                raise doc_error(D116, name, f"invalid JSON ({exc})") from None
        else:
            parsed = _from_json(value, name)
            parsed.metadata["encoding"] = encoding
            return parsed
    if _is_html(stripped, suffix):
        return _from_html(text, encoding, name)
    return _plain(text, encoding, stripped, suffix)


def _is_html(stripped: str, suffix: str) -> bool:
    return suffix in (".html", ".htm", ".xhtml") or _HTML_HINT.search(stripped[:4096]) is not None


def _plain(text: str, encoding: str, stripped: str, suffix: str) -> _Parsed:
    if suffix in (".md", ".markdown") or re.search(r"(?m)^#{1,4} \S", stripped[:4096]):
        return _Parsed(_markdown_text(text), MEDIA_TYPES["markdown"], {"encoding": encoding})
    return _Parsed(clean_text(text), MEDIA_TYPES["text"], {"encoding": encoding})


def _markdown_text(text: str) -> str:
    text = re.sub(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+", "", text)
    text = re.sub(r"(?m)^([ \t]*)[*+][ \t]+", r"\1- ", text)
    text = re.sub(r"\*\*|__", "", text)
    text = _MD_LINK.sub(r"\1", text)
    return clean_text(text)


# A link or image, ``[text](target)``, on one line. Neither part may hold the bracket
# that opens it, so each ``[`` scans at most to the next one: a megabyte of ``[`` (or of
# ``[](``) costs linear time, not quadratic. Longer or nested links stay as written.
_MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,1000})\]\([^()\n]{0,2000}\)")


def _from_json(value: Any, name: str) -> _Parsed:
    from .jobposting import find_job_postings, render_job_posting
    from .jsonresume import is_json_resume, is_ler_rs, render_json_resume, render_ler_rs

    postings = find_job_postings(value)
    if postings:
        text, meta, title = render_job_posting(postings[0])
        if len(postings) > 1:
            meta["more_postings"] = len(postings) - 1
        return _Parsed(text, "application/ld+json", meta, title=title, kind="posting")
    if is_json_resume(value):
        text, meta, sections, roles, person = render_json_resume(value)
        return _Parsed(text, "application/json", meta, title=person, kind="resume", sections=sections, roles=roles)
    if isinstance(value, dict) and is_ler_rs(value):
        text, meta, sections, roles, person = render_ler_rs(value)
        if text.strip():
            return _Parsed(text, "application/json", meta, title=person, kind="resume", sections=sections, roles=roles)
    raise doc_error(D116, name, "JSON that is neither a JSON Resume, a schema.org JobPosting nor LER-RS")


def _from_html(text: str, encoding: str, name: str) -> _Parsed:
    from .html import read_html
    from .jobposting import find_job_postings, render_job_posting

    body, meta, json_ld = read_html(text)
    meta["encoding"] = encoding
    postings = [p for item in json_ld for p in find_job_postings(item)]
    if postings:
        ptext, pmeta, title = render_job_posting(postings[0])
        pmeta.update(meta)
        pmeta["embedded_in_html"] = True
        return _Parsed(ptext, MEDIA_TYPES["html"], pmeta, title=title, kind="posting")
    return _Parsed(clean_text(body), MEDIA_TYPES["html"], meta, title=meta.get("html_title"))
