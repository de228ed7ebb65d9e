"""The coded errors of optional extras (``X``): one definition per code.

Raise one by calling it: ``raise CODE(message, source=..., hint=...)``; the summary and
hint here are what ``docs/errors.md`` lists (``python scripts/write_errors_doc.py``).
"""

from __future__ import annotations

from . import MissingExtraError, ErrorCode

__all__ = [
    "X001", "X002",
]

X001 = ErrorCode("X001", MissingExtraError, "An optional dependency is not installed.",
                 "Install the extra the message names.")
X002 = ErrorCode("X002", MissingExtraError, "The MiniLM transformer weights are not installed.")
