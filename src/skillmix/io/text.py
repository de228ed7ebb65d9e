"""Plain text and Markdown: encoding detection and the text clean-up every reader shares.

Decoding tries, in order: a byte-order mark (UTF-8/16/32), strict UTF-8, then
charset-normalizer's best guess. A file that is mostly UTF-8 with some lines in a legacy
encoding (a résumé pasted together from two editors) is decoded line by line. Whatever is
chosen is recorded in ``metadata["encoding"]``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .codes import doc_error
from .mojibake import repair_mojibake
from ..errors.document_codes import D110

__all__ = ["clean_text", "decode_bytes", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = "cp1252"
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def looks_binary(data: bytes) -> bool:
    """True when ``data`` (a prefix is enough) is not text in any encoding we read."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if not head:
        return False
    if b"\x00" in head:
        # UTF-16 without a BOM has a NUL in every other byte; anything else is binary.
        even = head[0::2].count(0)
        odd = head[1::2].count(0)
        half = max(1, len(head) // 2)
        return not (even > 0.3 * half and odd < 0.05 * half or odd > 0.3 * half and even < 0.05 * half)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > 0.02 * len(head)


# Bytes under 32 that are not tab, line feed, form feed, carriage return or escape.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def decode_bytes(data: bytes, source: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)``. Raises D110."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise doc_error(D110, source, f"byte-order mark says {enc} but {exc.reason}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text, enc
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed, f"mixed(utf-8+{_LEGACY})"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:2_000_000]))
    if not matches:
        raise doc_error(D110, source, "no encoding decodes it to readable text")
    best = matches[0]
    # Candidates that read as well as the best one are ties; prefer the Western code
    # pages most résumés and postings come in.
    for m in matches:
        if (
            m.encoding in _WESTERN
            and m.chaos <= best.chaos + 0.01
            and m.coherence >= best.coherence - 0.15
        ):
            best = m
            break
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise doc_error(D110, source, f"guessed {best.encoding} but it does not decode") from None


def _plausible(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return True
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return good > 0.95 * len(sample)


def _decode_mixed(data: bytes) -> str | None:
    """Line-by-line UTF-8 with a cp1252 fallback, when both really occur."""
    lines = data.split(b"\n")
    utf8_non_ascii = 0
    legacy = 0
    out = []
    for line in lines:
        try:
            text = line.decode("utf-8")
            if not line.isascii():
                utf8_non_ascii += 1
        except UnicodeDecodeError:
            legacy += 1
            text = line.decode(_LEGACY, errors="replace")
        out.append(text)
    if utf8_non_ascii and legacy:
        return "\n".join(out)
    return None


# ----------------------------------------------------------------- shared clean-up

_FULLWIDTH_COMMA = re.compile("\u00ef\u00bc[\u0080-\u009f\u008c\u0152]?\u200b?")
# Deleted and space-like characters. A character class scanned by ``re`` is much faster
# than ``str.translate`` with a dict (a lookup per character), and does the same here:
# every character of a class maps to the one replacement.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]+")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2002\u2003\u2009\t\x0b]")
_RUNS_OF_SPACES = re.compile(" {2,}")
_BLANK_LINES = re.compile("\n{3,}")


def clean_text(text: str, *, repair: bool = True) -> str:
    """Normalise line ends, spaces and mojibake; keep line structure.

    ``repair=False`` leaves mojibake as it is (the benchmark's baseline; see
    :mod:`skillmix.io.mojibake`).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _FULLWIDTH_COMMA.sub(",", text)
    if repair:
        text = repair_mojibake(text)
    text = unicodedata.normalize("NFC", text)
    # Every zero-width, space-like and control character is non-printable, and
    # ``isprintable`` is one fast pass: most texts have none, and skip three scans.
    if not text.replace("\n", "").isprintable():
        text = _ZERO_WIDTH.sub("", text)
        text = _SPACES.sub(" ", text)
        text = _CONTROLS.sub("", text)
    # Runs of spaces never cross a line end, so one pass over the whole text does what a
    # pass per line did; then each line is stripped.
    if "  " in text:
        text = _RUNS_OF_SPACES.sub(" ", text)
    text = "\n".join([line.strip() for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")
