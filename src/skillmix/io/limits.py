"""Limits on what reading one untrusted document may cost.

:class:`ReadLimits` is checked before a file is read (size), while it is parsed (pages,
archive members, wall time) and by the worker process the sandbox starts (memory and CPU
time through ``resource.setrlimit``). Going over any limit is a coded
:class:`~skillmix.errors.DocumentError`, never a hang or a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..errors import ConfigError

__all__ = ["ReadLimits"]


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What one document may cost to read.

    ``max_bytes`` is checked before reading; ``max_pages`` caps PDF pages read (longer PDFs
    are an error, not silently truncated); ``max_seconds`` is wall time in the sandbox (the
    worker is killed after it) and also its CPU-time limit; ``max_memory_mb`` is the worker's
    address-space limit. The archive limits apply to zip-based formats (DOCX) and are checked
    from the zip directory before any member is inflated.
    """

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200
    max_seconds: float = 30.0
    max_memory_mb: int = 1024
    max_archive_entries: int = 2000
    max_uncompressed_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: float = 100.0
    max_text_chars: int = 5_000_000

    def __post_init__(self) -> None:
        for name in (
            "max_bytes",
            "max_pages",
            "max_seconds",
            "max_memory_mb",
            "max_archive_entries",
            "max_uncompressed_bytes",
            "max_compression_ratio",
            "max_text_chars",
        ):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                raise ConfigError(
                    "C020",
                    f"ReadLimits.{name} must be a positive number, not {value!r}.",
                )

    @classmethod
    def coerce(cls, value: "ReadLimits | dict[str, Any] | None") -> "ReadLimits":
        """Normalise ``None`` (defaults), a dict of overrides or a ReadLimits."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            unknown = set(value) - set(cls.__dataclass_fields__)
            if unknown:
                raise ConfigError(
                    "C021",
                    f"unknown read limit(s) {sorted(unknown)}; "
                    f"known: {sorted(cls.__dataclass_fields__)}.",
                )
            return cls(**value)
        raise ConfigError("C022", f"limits must be a ReadLimits or a dict, not {type(value).__name__}.")

    def with_(self, **changes: Any) -> "ReadLimits":
        return replace(self, **changes)
