"""PDF: pypdfium2 first, pypdf as the fallback (both permissively licensed).

pdfium's own text export glues words together on PDFs that place every glyph with its own
positioning operator and draw no space characters (wkhtmltopdf/Qt output, common among
résumé builders). :func:`_pdfium_page_text` rebuilds the text from character positions:
it learns each glyph's natural advance in the document (the smallest step seen to the next
glyph on the same line) and inserts a space where a step is wider than that by a fraction of
the line height. When the result still looks poor (few dictionary-shaped words), pypdf is
tried too and the better text is kept; ``metadata["extractor"]`` says which one won.
"""

from __future__ import annotations

import re
import time
from typing import Any

from .codes import doc_error
from .dates import parse_timestamp
from .limits import ReadLimits
from .text import clean_text
from ..errors.document_codes import D102, D103, D104, D105, D109

__all__ = ["read_pdf", "text_quality"]

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NEWLINES = (10, 13)
_SPACE = 32


def text_quality(text: str) -> float:
    """Share of letters that sit in word-shaped tokens (2-18 letters): 0..1, higher is better.

    Glued words ("ofinsideand") and letter-per-line output both score low; it is a cheap,
    language-agnostic guard, not a spell check.
    """
    total = 0
    good = 0
    for m in _WORD.finditer(text):
        n = len(m.group(0))
        total += n
        if 2 <= n <= 18 or n == 1 and m.group(0) in "aAI":
            good += n
    return good / total if total else 0.0


def read_pdf(data: bytes, source: str, limits: ReadLimits, engine: str = "auto") -> tuple[str, dict[str, Any]]:
    """Return ``(text, metadata)`` for PDF bytes; raise coded errors (D102/D103/D104/D109).

    ``engine`` is ``"auto"`` (pdfium, pypdf when pdfium fails or reads poorly),
    ``"pypdfium2"`` or ``"pypdf"`` (one engine only; used by the benchmark).
    """
    meta: dict[str, Any] = {}
    text: str | None = None
    err: Exception | None = None
    if engine in ("auto", "pypdfium2"):
        try:
            text, meta = _read_pdfium(data, source, limits)
        except Exception as exc:  # noqa: BLE001 - coded below or retried with pypdf
            if getattr(exc, "code", None) in (D103.code, D104.code, D105.code) or engine == "pypdfium2":
                raise _translate(exc, source) from None
            err = exc
    if engine == "pypdf" or (engine == "auto" and (text is None or text_quality(text) < 0.9)):
        try:
            alt, alt_meta = _read_pypdf(data, source, limits)
        except Exception as exc:  # noqa: BLE001
            if text is None:
                raise _translate(err or exc, source) from None
        else:
            if text is None or text_quality(alt) > text_quality(text) + 0.02:
                text, meta = alt, alt_meta
    assert text is not None
    text = clean_text(text)
    if sum(ch.isalnum() for ch in text[:10000]) < 20:
        raise doc_error(D102, source, f"{meta.get('pages', '?')} page(s), no text layer")
    meta["quality"] = round(text_quality(text), 4)
    return text, meta


def _translate(exc: Exception, source: str) -> Exception:
    if getattr(exc, "code", None):
        return exc
    msg = str(exc)
    low = msg.lower()
    if "password" in low or "encrypt" in low or "security" in low:
        return doc_error(D103, source, msg[:120])
    return doc_error(D109, source, f"{type(exc).__name__}: {msg[:160]}")


# ------------------------------------------------------------------------ pdfium


def _read_pdfium(data: bytes, source: str, limits: ReadLimits) -> tuple[str, dict[str, Any]]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _translate(exc, source) from None
    try:
        n = len(pdf)
        if n > limits.max_pages:
            raise doc_error(D104, source, f"{n} pages, limit {limits.max_pages}")
        parts = []
        starts = []
        size = 0
        deadline = time.monotonic() + limits.max_seconds
        for i in range(n):
            if time.monotonic() > deadline:
                raise doc_error(D105, source, f"stopped after {i} of {n} pages")
            page = pdf[i]
            try:
                starts.append(size)
                part = _pdfium_page_text(page)
                parts.append(part)
                size += len(part) + 2
                if size > limits.max_text_chars:
                    raise doc_error(D104, source, f"more than {limits.max_text_chars} characters of text")
            finally:
                page.close()
        meta: dict[str, Any] = {"pages": n, "extractor": "pypdfium2"}
        try:
            info = pdf.get_metadata_dict(skip_empty=True)
            meta.update({f"pdf_{k.lower()}": v for k, v in info.items() if k in ("Producer", "Creator")})
            meta.update(_written(info.get("ModDate"), info.get("CreationDate")))
        except Exception:  # noqa: BLE001 - metadata is optional
            pass
        return "\n\n".join(parts), meta
    finally:
        pdf.close()


def _pdfium_page_text(page: Any) -> str:
    import pypdfium2.raw as raw

    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        rect = raw.FS_RECTF()
        chars = []
        get_unicode = raw.FPDFText_GetUnicode
        is_generated = raw.FPDFText_IsGenerated
        loose_box = raw.FPDFText_GetLooseCharBox
        for k in range(n):
            u = get_unicode(tp, k)
            loose_box(tp, k, rect)
            chars.append((u, is_generated(tp, k), rect.left, rect.right, rect.bottom, rect.top))
    finally:
        tp.close()
    # The natural advance of each glyph: the smallest step to the next glyph on its line.
    advance: dict[tuple[int, float], float] = {}
    for a, b in zip(chars, chars[1:]):
        if a[1] or b[1] or a[0] in (10, 13, 32) or b[0] in (10, 13, 32):
            continue
        if abs(a[4] - b[4]) > 0.5:
            continue
        step = b[2] - a[2]
        if step <= 0:
            continue
        key = (a[0], round(a[5] - a[4], 1))
        if step < advance.get(key, 1e9):
            advance[key] = step
    out: list[str] = []
    prev = None
    for c in chars:
        u, generated, left, _right, bottom, _top = c
        if u == 0:
            continue
        if (
            prev is not None
            and not generated
            and u not in (10, 13, 32)
            and prev[0] not in (10, 13, 32)
            and abs(prev[4] - bottom) <= 0.5
        ):
            height = prev[5] - prev[4]
            natural = min(advance.get((prev[0], round(height, 1)), 1e9), prev[3] - prev[2])
            if (left - prev[2]) - natural > 0.12 * height:
                out.append(" ")
        out.append(chr(u) if u < 0x110000 else "\ufffd")
        prev = c
    return "".join(out)


# ------------------------------------------------------------------------- pypdf


def _read_pypdf(data: bytes, source: str, limits: ReadLimits) -> tuple[str, dict[str, Any]]:
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception:  # noqa: BLE001
            ok = 0
        if not ok:
            raise doc_error(D103, source, "a password is needed to open it")
    n = len(reader.pages)
    if n > limits.max_pages:
        raise doc_error(D104, source, f"{n} pages, limit {limits.max_pages}")
    parts = []
    size = 0
    deadline = time.monotonic() + limits.max_seconds
    for i, page in enumerate(reader.pages):
        if time.monotonic() > deadline:
            raise doc_error(D105, source, f"stopped after {i} of {n} pages")
        try:
            part = page.extract_text(extraction_mode="layout") or ""
        except Exception:  # noqa: BLE001 - layout mode chokes on some fonts
            part = page.extract_text() or ""
        # layout mode pads columns with runs of spaces: a wide gap separates items.
        part = re.sub(r" {4,}", "\n", re.sub(r"(?m)^ +", "", part))
        parts.append(part)
        size += len(part)
        if size > limits.max_text_chars:
            raise doc_error(D104, source, f"more than {limits.max_text_chars} characters of text")
    meta: dict[str, Any] = {"pages": n, "extractor": "pypdf"}
    try:
        info: Any = reader.metadata or {}
        meta.update(_written(info.get("/ModDate"), info.get("/CreationDate")))
    except Exception:  # noqa: BLE001 - metadata is optional
        pass
    return "\n\n".join(parts), meta


def _written(*values: object) -> dict[str, str]:
    """``{"written": ISO day}`` from the first PDF info date that parses (modified before
    created): the day the file was made bounds what "Current" in its text can mean."""
    for value in values:
        day = parse_timestamp(value)
        if day is not None:
            return {"written": day.isoformat()}
    return {}
