"""Error codes of optional extras and unexpected failures (``X``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import ErrorCode, MissingExtraError, SkillmixError

__all__ = [
    "X001", "X002", "X500",
]

X001 = ErrorCode("X001", MissingExtraError, "An optional dependency is not installed.",
                 "Install the extra the message names.")
X002 = ErrorCode("X002", MissingExtraError, "The MiniLM transformer weights are not installed.")
X500 = ErrorCode("X500", SkillmixError,
                 "An unexpected error: a bug in skillmix or an input it does not guard yet.",
                 "Rerun with SKILLMIX_DEBUG=1 for the traceback and report it.")
