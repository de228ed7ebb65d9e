"""Text normalisation for matching, length-preserving so spans stay exact.

Matching runs on a normalised copy of the text in which every character stands at the
same offset as in the original: letters are lower-cased, characters that can be part of
a skill name (letters, digits, ``+ # . &``) are kept, and everything else (whitespace,
hyphens, slashes, quotes, brackets, bullets) becomes a space. A match at ``[s, e)`` in
the normalised text is therefore the span ``[s, e)`` of the original, and
``text[s:e]`` is always the evidence a user sees. The same function normalises
taxonomy surface forms, so ``"Search-Engine Optimisation"`` and
``"search engine optimisation"`` meet.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["KEEP", "normalise", "normalise_form"]

KEEP = frozenset("+#.&")
_ASCII_TABLE: dict[int, str] = {}
for _c in range(128):
    _ch = chr(_c)
    if _ch.isalnum():
        _ASCII_TABLE[_c] = _ch.lower()
    elif _ch in KEEP:
        _ASCII_TABLE[_c] = _ch
    else:
        _ASCII_TABLE[_c] = " "

_NON_ASCII_CACHE: dict[int, str] = {}


def _map_char(ch: str) -> str:
    """The one-character normal form of a non-ASCII character."""
    code = ord(ch)
    hit = _NON_ASCII_CACHE.get(code)
    if hit is not None:
        return hit
    if ch.isalnum():
        low = ch.lower()
        out = low if len(low) == 1 else ch
    elif ch in "\u2019\u2018\u02bc":
        out = " "
    else:
        cat = unicodedata.category(ch)
        out = ch if cat.startswith("M") else " "
    _NON_ASCII_CACHE[code] = out
    return out


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: the ASCII table as bytes: ``bytes.translate`` is a plain table walk, where
#: ``str.translate`` on a text holding any non-ASCII character looks every character up
#: in a dict (a posting with a few curly quotes took 35x the time of a plain one)
_ASCII_BYTES = bytes(ord(_ASCII_TABLE[c]) for c in range(128)) + bytes(128)


def _ascii_run(run: str) -> str:
    return run.encode("ascii").translate(_ASCII_BYTES).decode("ascii")


def normalise(text: str) -> str:
    """Normalise ``text`` for matching; ``len(result) == len(text)`` always.

    Most texts are ASCII but for a few quotes, dashes or bullets: their ASCII runs go
    through the byte table and each other character through :func:`_map_char`. A text
    in mostly non-ASCII script (one such character in 32 or more) takes one general
    pass instead, which costs less than many short runs."""
    if text.isascii():
        return _ascii_run(text)
    where = [m.start() for m in _NON_ASCII.finditer(text)]
    if len(where) * 32 > len(text):
        return _NON_ASCII.sub(lambda m: _map_char(m.group()), text.translate(_ASCII_TABLE))
    parts = []
    prev = 0
    for i in where:
        parts.append(_ascii_run(text[prev:i]))
        parts.append(_map_char(text[i]))
        prev = i + 1
    parts.append(_ascii_run(text[prev:]))
    return "".join(parts)


_SPACES = re.compile(r" +")


def normalise_form(form: str) -> str:
    """Normalise a taxonomy surface form: as :func:`normalise`, then collapse spaces
    and strip, and drop a trailing full stop (``"etc."`` stays matchable)."""
    out = _SPACES.sub(" ", normalise(form)).strip()
    while out.endswith("."):
        out = out[:-1].rstrip()
    return out
