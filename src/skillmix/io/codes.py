"""The coded errors of document reading (``D1xx``), in one place.

Each code has a fixed message shape and a hint that says what to do; readers call
:func:`doc_error` so the wording stays consistent and tests can rely on the codes.
"""

from __future__ import annotations

from ..errors import DocumentError

__all__ = ["CODES", "doc_error"]

#: code -> (what went wrong, what to do)
CODES: dict[str, tuple[str, str]] = {
    "D101": ("unsupported document type", "Pass a PDF, DOCX, HTML, text, Markdown or JSON file."),
    "D102": (
        "PDF has no extractable text (scanned image?)",
        "Run OCR first or pass a text version.",
    ),
    "D103": ("PDF is encrypted", "Remove the password and save an unprotected copy."),
    "D104": ("document is over a size limit", "Split it, or raise the limit (ReadLimits)."),
    "D105": ("reading took too long and was stopped", "Check the file, or raise ReadLimits.max_seconds."),
    "D106": ("reading ran out of memory and was stopped", "Check the file, or raise ReadLimits.max_memory_mb."),
    "D107": (
        "archive looks like a decompression bomb",
        "Re-save the document from its editor; do not pass untrusted archives.",
    ),
    "D108": (
        "XML declares a DOCTYPE or entities, which are refused",
        "Re-save the document from its editor.",
    ),
    "D109": ("document is corrupt or truncated", "Re-export or re-download the file."),
    "D110": ("text encoding could not be determined", "Save the file as UTF-8."),
    "D111": ("file could not be opened", "Check the path and its permissions."),
    "D112": ("the reader process crashed", "The file is probably malformed; re-export it."),
    "D113": ("document has no text", "Pass a document with text in it."),
    "D114": ("corpus row is invalid", "Fix the row or the column mapping."),
    "D115": ("corpus columns do not fit the mapping", "Pass preset= or mapping= naming the columns."),
    "D116": ("JSON is not valid or not a known document shape", "Pass JSON Resume, schema.org JobPosting or HR Open LER-RS."),
    "D117": ("text is over the extraction limit", "Split the document, or raise ExtractLimits.max_chars for trusted input."),
    "D118": ("extraction found more mentions than the limit", "This is not one résumé or posting; split it."),
    "D119": ("extraction took too long", "Split the document, or raise ExtractLimits.max_seconds."),
}


def doc_error(code: str, source: str | None, detail: str = "", hint: str | None = None) -> DocumentError:
    """A :class:`DocumentError` with the standard wording for ``code``."""
    what, todo = CODES[code]
    detail = detail.rstrip(" .")
    message = f"{what}{': ' + detail if detail else ''}."
    return DocumentError(code, message, source=source, hint=hint or todo)
