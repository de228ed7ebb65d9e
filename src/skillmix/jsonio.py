"""Compact JSON for the hot paths: the sandbox's frames and streamed ``--jsonl`` output.

Turning records into dicts field by field (:func:`~skillmix.records.to_jsonable`) and then
encoding them with the standard library took as long as extracting the skills. orjson
(Apache-2.0/MIT, one small wheel, no dependencies) encodes frozen dataclasses, dates and
tuples natively and is an order of magnitude faster; it is a core dependency, and when a
platform has no wheel for it the standard library does the same job more slowly.

Both paths give the same JSON values: records as objects of their fields in declaration
order, dates and datetimes in ISO 8601, tuples and sets as arrays, other mappings as
objects with string keys, anything else unknown as its ``str``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .records import to_jsonable

__all__ = ["BACKEND", "RawJson", "dumps", "loads"]

try:  # pragma: no cover - which branch runs depends on the installation
    import orjson as _orjson
except ImportError:  # pragma: no cover
    _orjson = None  # type: ignore[assignment]

#: ``"orjson"`` or ``"json"``: which encoder this process uses.
BACKEND = "orjson" if _orjson is not None else "json"


class RawJson(Mapping[str, Any]):
    """A JSON object kept as the text it arrived in, parsed only when read as a mapping;
    :func:`dumps` copies the text into its output as it is.

    Why: a stored result shares a payload of up to a few hundred KB with the result it
    reuses (see :mod:`skillmix.service.memo`); the API sends it back unchanged, so parsing
    it to write it out again cost more than the rest of the request."""

    __slots__ = ("text", "_value")

    def __init__(self, text: str | bytes) -> None:
        self.text = text
        self._value: dict[str, Any] | None = None

    def _parsed(self) -> dict[str, Any]:
        if self._value is None:
            value = loads(self.text)
            self._value = value if isinstance(value, dict) else {}
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self._parsed()[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._parsed())

    def __len__(self) -> int:
        return len(self._parsed())

    def __repr__(self) -> str:
        return f"RawJson({len(self.text)} chars)"


def _default(value: Any) -> Any:
    if isinstance(value, RawJson):
        return _orjson.Fragment(value.text) if value._value is None else value._value
    if isinstance(value, (set, frozenset)):
        return list(value)
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    return str(value)


def dumps(value: Any) -> bytes:
    """``value`` as compact UTF-8 JSON bytes (no trailing newline)."""
    if _orjson is not None:
        return _orjson.dumps(value, default=_default, option=_orjson.OPT_NON_STR_KEYS)
    return json.dumps(to_jsonable(value), ensure_ascii=False, default=str,
                      separators=(",", ":")).encode("utf-8")


def loads(data: bytes | str) -> Any:
    """Parse JSON bytes or text."""
    if _orjson is not None:
        return _orjson.loads(data)
    return json.loads(data)
