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

import itertools
import re
import time
from functools import lru_cache
from typing import Any

from .codes import doc_error
from .dates import parse_timestamp
from .limits import ReadLimits
from .text import clean_text
from ..errors.document_codes import D102, D103, D104, D105, D109

__all__ = ["read_pdf", "text_quality"]

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: one character for which ``str.isalnum()`` is true (``\w`` is exactly that, plus "_")
_ALNUM = re.compile(r"[^\W_]")
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
    if len(list(itertools.islice(_ALNUM.finditer(text, 0, 10000), 20))) < 20:
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


def _c_function(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """The C function behind a pypdfium2 binding, re-typed to take plain addresses.

    Called twice per glyph, pypdfium2's typed bindings spend about half their time
    converting the handle and the output struct (8.0 against 4.4 ms a LiveCareer résumé);
    untyped pointer arguments also let each box land straight in a numpy row."""
    import ctypes

    address = ctypes.cast(fn, ctypes.c_void_p).value
    assert address is not None
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


@lru_cache(maxsize=1)
def _glyph_calls() -> tuple[Any, Any]:
    """pdfium's loose-box and code-point calls, untyped (made once a process)."""
    import ctypes

    import pypdfium2.raw as raw

    return (
        _c_function(raw.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
                    ctypes.c_void_p),
        _c_function(raw.FPDFText_GetUnicode, ctypes.c_uint, ctypes.c_void_p, ctypes.c_int),
    )


def _pdfium_page_text(page: Any) -> str:
    """The page's text, with a space wherever the gap to the next glyph on a line is wider
    than the glyph's natural advance by more than 12% of the line height (module docstring).

    pdfium is asked for each glyph's code point and loose box (two C calls a glyph, into
    numpy); the spacing is then decided in numpy. pdfium's own generated characters are only
    spaces and line breaks, which never take part in the spacing, so they need no flag of
    their own. ``tests/io/test_pdf_page_text.py`` checks this against the glyph-by-glyph
    loop it replaced.
    """
    import ctypes

    import numpy as np
    import pypdfium2.raw as raw

    box, unicode_of = _glyph_calls()
    tp = page.get_textpage()
    try:
        handle = ctypes.cast(tp.raw, ctypes.c_void_p).value
        n = raw.FPDFText_CountChars(tp.raw)
        if n <= 0:
            return ""
        rects = np.zeros((n, 4), dtype=np.float32)  # FS_RECTF: left, top, right, bottom
        base = rects.ctypes.data
        ok = [box(handle, k, base + 16 * k) for k in range(n)]
        codes = [unicode_of(handle, k) for k in range(n)]
    finally:
        tp.close()
    b = rects.astype(np.float64)
    if 0 in ok:  # a glyph without a box takes the one before it, as a reused struct would
        for k in range(1, n):
            if not ok[k]:
                b[k] = b[k - 1]
    left, top, right, bottom = b[:, 0], b[:, 1], b[:, 2], b[:, 3]
    u = np.asarray(codes, dtype=np.int64)
    blank = (u == _SPACE) | np.isin(u, _NEWLINES)
    height = top - bottom
    same_line = np.abs(bottom[:-1] - bottom[1:]) <= 0.5
    # A glyph's natural advance is kept per (code point, height to 0.1 pt), rounded as
    # Python's round() does; the key is one integer per glyph.
    heights, height_at = np.unique(height, return_inverse=True)
    tenth: dict[float, int] = {}
    height_id = np.array([tenth.setdefault(round(float(x), 1), len(tenth)) for x in heights],
                         dtype=np.int64)[height_at.reshape(-1)]
    _, key = np.unique(u * len(tenth) + height_id, return_inverse=True)
    key = key.reshape(-1)
    advance = np.full(int(key.max()) + 1, 1e9)
    step = left[1:] - left[:-1]
    seen = ~blank[:-1] & ~blank[1:] & same_line & (step > 0)
    np.minimum.at(advance, key[:-1][seen], step[seen])
    shown = np.flatnonzero(u != 0)  # code point 0: nothing to write, and no neighbour
    if shown.size == 0:
        return ""
    prev, cur = shown[:-1], shown[1:]
    natural = np.minimum(advance[key[prev]], right[prev] - left[prev])
    gap = ((left[cur] - left[prev]) - natural > 0.12 * height[prev])
    spaced = gap & ~blank[cur] & ~blank[prev] & (np.abs(bottom[prev] - bottom[cur]) <= 0.5)
    out = np.insert(u[shown], np.flatnonzero(spaced) + 1, _SPACE)
    return "".join([chr(c) if c < 0x110000 else "\ufffd" for c in out.tolist()])


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
