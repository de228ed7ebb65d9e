"""Mojibake repair: UTF-8 text that was read as Windows-1252 on its way to us.

Two kinds reach the readers, and :func:`repair_mojibake` (called once, from
:func:`~skillmix.io.text.clean_text`, which every reader passes its text through) fixes
both before spans are cut, so evidence quotes point into the repaired text:

*Lossless*, where every byte survived (``cafÃ©``, ``â€œSocialâ€\\x9d``, a bullet
``â—¦``, text encoded twice): each run of a lead byte's character and its continuation
bytes' characters is encoded back to bytes and decoded as UTF-8; a run that does not decode,
or decodes to a script no Western résumé holds (what ``CAFÉ”`` or ``ESPAÑA”`` would give:
IPA, Cyrillic, Hebrew to NKo), is left as it was.

*Lossy*, where one byte was dropped on the way and no decoder can restore it: a PDF
producer drops the bytes cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) and the
invisible soft hyphen (0xAD). What was there is then decided from context by the small
table below; every rule is taken from a LiveCareer résumé in the shared data
(the LiveCareer set of the project's shared data: 40 of its 1,274 PDFs with text change):

========================  =================  ==============================================
seen                      becomes            why (real example)
========================  =================  ==============================================
``Â`` + space / line end  space              C2 A0, a no-break space whose A0 became a space
                                             (``2011.\\nÂ\\nRodrÃguez``)
``Â`` + other mark        (dropped)          C2 AD, a soft hyphen the PDF drew as ``‐`` at a
                                             line end (``Consulting Â‐``)
letter ``Â`` letter       ``-``              C2 AD, a soft hyphen standing for the writer's
                                             hyphen; the PDF draws no gap after ``Â``, so it
                                             was no space (``inÂhouse``, ``offÂline``,
                                             ``webÂdesign``); all-capital ``CÂMARA`` is left
`` Â`` + word             (dropped)          C2 AD again, a dash that began a list item
                                             (``sites ÂDeveloped``, ``media Âincluding``);
                                             only where casing says it is no word of its own:
                                             ``Â`` + ``Ab``, or ``Â`` + lower case after a
                                             lower-case word (French ``Âge``, ``Moyen Âge``
                                             are left)
letter ``Ã`` lower case   ``í``              C3 AD, í with its soft-hyphen byte dropped
                                             (``MicrobiologÃa``, ``RaÃces``, ``RÃo``);
                                             ``JOÃO`` (upper case after) is left
letter ``â€`` letter      ``‐`` (U+2010)     E2 80 90, a hyphen (``multiâ€channel``,
                                             ``selfâ€starter``)
word ``â€`` + `` and``    ``‐`` (U+2010)     the same hyphen left hanging (``onâ€ and
/ `` or`` / `` to``                          offpremise``), unless a “ is open on the line
                                             (``the “closeâ€ and through``)
other ``â€`` after a      ``”``              E2 80 9D, a closing quote (``“exceeds
word or mark                                 expectationsâ€ ratings``, ``Hi!â€ Greets``)
========================  =================  ==============================================

The table runs before the decoder, so that what the decoder gives back (an ``Â`` from
``Ã‚``) is never taken for a mark; it reads the quotes it looks back at either way
(``the â€œcloseâ€ and``). Text without a mojibake-shaped
pair of characters or one of the lossy marks comes back unchanged after one regex search.

Why not ftfy: on the shared data (1,274 LiveCareer résumés, 2,946 postings, 166 Kaggle
résumés, the gold documents) ftfy's encoding fixer run after this module changes nothing.
Run instead of the decoder, it leaves ``â—¦ â—† â–ª ï‚§`` bullets and a ``â„¢`` in ten
résumés (its badness measure does not flag them), and before the table it reads
``expectationsâ€ ratings`` as ``expectations† ratings`` (the space taken for a lost
0xA0). ``python bench/io_mojibake.py --ftfy`` measures both.
"""

from __future__ import annotations

import re

__all__ = ["repair_mojibake"]

# What a byte 0x80-0xBF (the continuation bytes of UTF-8) reads as in cp1252, plus the
# C1 controls that Latin-1 gives for the bytes cp1252 leaves undefined.
_CONT = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
# Worth a closer look: a lead byte's character followed by a continuation byte's (the
# lossless case), or one of the lossy marks of the table.
# Every branch starts at the lead character, so ``re`` scans for that one class (ten
# times faster than branches that start with a letter).
_SUSPECT = re.compile(f"[\u00c2-\u00f4](?:[{_CONT}]|(?<=\u00c2)|(?<=[A-Za-z]\u00c3)(?=[a-z]))")

_NBSP_LOST = re.compile("\u00c2(?=[^\\S\u00a0]|$)")
_SHY_BEFORE_MARK = re.compile(f"\u00c2(?=[^\\w\\s{_CONT}])")
_SHY_IN_WORD = re.compile("(?<=[A-Za-z])\u00c2(?=[A-Za-z])")
_SHY_BEFORE_WORD = re.compile("(?:(?<=\\s)|^)\u00c2(?=[A-Za-z])", re.M)
_I_ACUTE = re.compile("(?<=[A-Za-z])\u00c3(?=[a-z])")
_E2_80 = re.compile(f"\u00e2\u20ac(?![{_CONT}])")
_HANGING = re.compile(r" (?:and|or|to)\b")
# How far the context rules look back (a quotation, the word before): bounded, so that a
# megabyte on one line with a mark every few characters stays linear.
_LOOK_BACK = 400
_CLOSE_QUOTE = re.compile(f"\u201d|\u00e2\u20ac(?:\u009d|(?![{_CONT}]))")


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8-read-as-cp1252 mojibake undone (see the module docstring);
    text that shows none is returned unchanged and costs one regex search."""
    if text.isascii() or not _SUSPECT.search(text):
        return text
    # the table first: a character the decoder gives back (an Â, say) is text, not a mark
    return _decode_sequences(_repair_lossy(text))


_SEQUENCE = re.compile(f"[\u00c2-\u00f4][{_CONT}]{{1,3}}")
# What a lead byte and cp1252 punctuation after it decode to when the text was no mojibake
# at all: ``CAFÉ”`` gives U+025D, ``Fuß”`` U+07DD, ``ESPAÑA”`` U+045D. One such
# character alone is a misreading; a run of them (``Ð¡ÐµÑ€Ð³ÐµÐ¹``) is a name in Cyrillic.
_IMPLAUSIBLE = re.compile("[\u0250-\u036f\u0400-\u04ff\u0590-\u07ff]")


def _decode_sequences(text: str) -> str:
    """Each run of a lead byte's character and its continuation bytes' characters that
    decodes as UTF-8, decoded; twice encoded text takes a second pass."""
    for _ in range(3):
        fixed = _SEQUENCE.sub(_decode_one, text)
        if fixed == text:
            break
        text = fixed
    return text


def _decode_one(m: re.Match[str]) -> str:
    chunk = m.group(0)
    raw = bytearray()
    for ch in chunk:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 255:
                return chunk
            raw.append(ord(ch))  # the five bytes cp1252 leaves undefined, read as C1 controls
    try:
        out = raw.decode("utf-8")
    except UnicodeDecodeError:
        return chunk
    if _IMPLAUSIBLE.match(out) and not _in_run(m):
        return chunk
    return out


def _in_run(m: re.Match[str]) -> bool:
    """Whether another mojibake sequence touches this one (a word of Cyrillic or Greek
    mojibake is a run of them; ``ESPAÑA”`` has one)."""
    s = m.string
    if _SEQUENCE.match(s, m.end()):
        return True
    return any(_SEQUENCE.fullmatch(s, m.start() - k, m.start()) for k in (2, 3, 4) if m.start() >= k)


def _repair_lossy(text: str) -> str:
    if "\u00c2" in text:
        text = _NBSP_LOST.sub(" ", text)
        text = _SHY_BEFORE_MARK.sub("", text)
        text = _SHY_IN_WORD.sub(_hyphen_unless_capitals, text)
        text = _SHY_BEFORE_WORD.sub(_drop_unless_word, text)
    if "\u00c3" in text:
        text = _I_ACUTE.sub("\u00ed", text)
    if "\u00e2\u20ac" in text:
        text = _E2_80.sub(_e2_80, text)
    return text


def _hyphen_unless_capitals(m: re.Match[str]) -> str:
    s = m.string
    before, after = s[m.start() - 1], s[m.end()]
    # CÂMARA: a capital Â between capitals is Portuguese or French spelt in capitals
    return m.group(0) if before.isupper() and after.isupper() else "-"


def _drop_unless_word(m: re.Match[str]) -> str:
    s = m.string
    after = s[m.end() : m.end() + 2]
    if after[:1].isupper():
        # ÂNational: a word of its own would be Âge or ÂGE, not two capitals then lower case
        return "" if after[1:].islower() else m.group(0)
    # Âincluding after "media": French and Portuguese capitalise Â only to begin a
    # sentence or a name, never after a word in lower case
    prev = s[max(0, m.start() - _LOOK_BACK) : m.start()].rstrip().rsplit(None, 1)[-1:]
    return "" if prev and prev[0].isalpha() and prev[0].islower() else m.group(0)


def _e2_80(m: re.Match[str]) -> str:
    s = m.string
    start, end = m.start(), m.end()
    before = s[start - 1] if start else " "
    after = s[end] if end < len(s) else "\n"
    if before.isspace():
        return m.group(0)  # an opening quote would be lossless (â€œ); nothing seen to go by
    if before.isalnum() and after.isascii() and after.isalnum():
        return "\u2010"
    if before.isalpha() and _HANGING.match(s, end) and not _quote_open(s, start):
        return "\u2010"
    return "\u201d"


def _quote_open(s: str, pos: int) -> bool:
    """Whether a “ opened earlier on the line that holds ``pos`` (at most
    :data:`_LOOK_BACK` characters back) is still open there; the quotes may still be
    mojibake, as the table runs before the decoder."""
    start = max(0, pos - _LOOK_BACK)
    newline = s.rfind("\n", start, pos)
    line = s[newline + 1 if newline >= 0 else start : pos]
    opened = max(line.rfind("\u201c"), line.rfind("\u00e2\u20ac\u0153"))
    closed = max((m.start() for m in _CLOSE_QUOTE.finditer(line)), default=-1)
    return opened > closed
