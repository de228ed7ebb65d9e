"""Limits on what reading one untrusted document may cost, and what extracting from it may.

:class:`ReadLimits` is checked before a file is read (size), while it is parsed (pages,
archive members, wall time) and by the worker process the sandbox starts (memory and CPU
time through ``resource.setrlimit``). :class:`ExtractLimits` bounds the extraction that
follows (characters in, mentions out, time), applied where extraction is called
(:func:`extract_within`: the API, the web UI and ``skillmix extract``), and
:func:`read_stream` reads stdin under the same byte limit as a file. Going over any limit
is a coded :class:`~skillmix.errors.DocumentError`, never a hang or a crash.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import IO, Any, Protocol

from ..errors.config_codes import C020, C021, C022, C023
from ..errors.document_codes import D104, D117, D118, D119

__all__ = ["ExtractLimits", "ReadLimits", "extract_within", "read_stream"]


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
                raise C020(
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
                raise C021(
                    f"unknown read limit(s) {sorted(unknown)}; "
                    f"known: {sorted(cls.__dataclass_fields__)}.",
                )
            return cls(**value)
        raise C022(f"limits must be a ReadLimits or a dict, not {type(value).__name__}.")

    def with_(self, **changes: Any) -> "ReadLimits":
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class ExtractLimits:
    """What extracting skills from one document may cost.

    Why: a text file inside every read limit (4.9 MB) took 20 s, 750 MB and made a 120 MB
    answer, because matching and the records it makes grow with the text. ``max_chars`` is
    checked before any work (matching is linear in it, so it bounds time and memory);
    ``max_mentions`` caps what is kept and answered; ``max_seconds`` refuses a result that
    took longer (a safety net: the character cap is what keeps that from happening).
    """

    max_chars: int = 500_000
    max_mentions: int = 20_000
    max_seconds: float = 30.0

    def __post_init__(self) -> None:
        for name in ("max_chars", "max_mentions", "max_seconds"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                raise C023(f"ExtractLimits.{name} must be a positive number, "
                           f"not {value!r}.")


class _Extractor(Protocol):
    def extract(self, item: Any) -> Any: ...


def extract_within(extractor: _Extractor, doc: Any, limits: ExtractLimits | None = None) -> Any:
    """``extractor.extract(doc)`` within ``limits``: ``[D117]`` too many characters (checked
    first), ``[D118]`` too many mentions, ``[D119]`` took too long."""
    from .codes import doc_error

    limits = limits or ExtractLimits()
    source = getattr(doc, "source", None) or "<document>"
    n = len(doc.text)
    if n > limits.max_chars:
        raise doc_error(D117, source, f"{n} characters, limit {limits.max_chars}")
    started = time.monotonic()
    ext = extractor.extract(doc)
    took = time.monotonic() - started
    if len(ext.mentions) > limits.max_mentions:
        raise doc_error(D118, source, f"{len(ext.mentions)}, limit {limits.max_mentions}")
    if took > limits.max_seconds:
        raise doc_error(D119, source, f"{took:.1f} s, limit {limits.max_seconds:g} s")
    return ext


def read_stream(stream: IO[bytes], max_bytes: int, *, name: str = "<stdin>") -> bytes:
    """Read a byte stream (stdin) in chunks, refusing it (``[D104]``) as soon as it passes
    ``max_bytes``: the same limit a file gets, checked before it is all in memory."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            from .codes import doc_error

            raise doc_error(D104, name, f"more than {max_bytes} bytes")
        chunks.append(chunk)
