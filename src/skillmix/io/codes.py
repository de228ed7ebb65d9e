"""The standard wording of document-reading errors (``D1xx``).

The codes, their meaning and their usual hint live in the catalog
(:mod:`skillmix.errors.document_codes`); readers call :func:`doc_error` so the message
always starts with that meaning and tests can rely on the codes.
"""

from __future__ import annotations

from ..errors import DocumentError, ErrorCode

__all__ = ["doc_error"]


def doc_error(code: ErrorCode[DocumentError], source: str | None, detail: str = "",
              hint: str | None = None) -> DocumentError:
    """A :class:`DocumentError` for ``code``: its catalog summary, ``detail`` after a colon,
    and the catalog hint unless ``hint`` says more."""
    what = code.summary.rstrip(".")
    if not what.split()[0].isupper():  # "Document is..." -> "document is...", not "PDF"
        what = what[0].lower() + what[1:]
    detail = detail.rstrip(" .")
    message = f"{what}{': ' + detail if detail else ''}."
    return code(message, source=source, hint=hint or code.hint)
