"""Section detection and document-kind guessing, driven by data files.

A line is a heading when its shape says so (short; Title Case, ALL CAPS, a trailing colon,
Markdown ``#`` or ``**bold**``) and its words are in the heading vocabulary
(``data/headings.csv``), or when it is exactly a known heading whatever its shape. A
"Heading: text" line opens a section too. Equal-opportunity paragraphs are found by the
cues in ``data/cues.csv`` even without a heading, and marked as boilerplate.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

from ..records import DocumentKind, Section

__all__ = ["detect_sections", "guess_kind", "heading_key", "unglue_headings"]

# An e-mail address (tried only where a run of its characters starts: from every position
# of a long run it would cost quadratic time) or a phone number.
_CONTACT = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|\(?\+?\d[\d ()-]{7,}\d")
#: a sentence glued to the next one ("bonuses.High school"): where a line break was lost
_GLUED_SENTENCE = re.compile(r"(?<=[a-z)][.!?])(?=[A-Z][a-z])")
#: inline headings of a pay line (an amount, not a list), as ``heading_key`` writes them
_PAY_HEADINGS = frozenset({"pay", "salary", "compensation", "wage", "wages", "pay rate",
                           "pay range", "salary range", "base pay", "base salary",
                           "hourly rate", "rate of pay"})
_BULLET = re.compile(r"^(?:[\s\-–—•·*#>▪■●○◦]+|\(?\d{1,2}[.)]\s*|[ivx]{1,4}[.)]\s+)+")


@dataclass(frozen=True, slots=True)
class _Heading:
    doc: str
    section: str
    boilerplate: bool
    match: str
    phrase: str


def _data_rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("skillmix.io").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[tuple[str, str], _Heading], tuple[_Heading, ...]]:
    exact: dict[tuple[str, str], _Heading] = {}
    contains = []
    for row in _data_rows("headings.csv"):
        h = _Heading(row["doc"], row["section"], row["boilerplate"] == "1", row["match"], row["phrase"])
        if h.match == "exact":
            exact.setdefault((h.doc, h.phrase), h)
        else:
            contains.append(h)
    return exact, tuple(contains)


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[tuple[re.Pattern[str], int], ...]]:
    out: dict[str, list[tuple[re.Pattern[str], int]]] = {}
    for row in _data_rows("cues.csv"):
        flags = re.IGNORECASE | re.MULTILINE
        if row["pattern"] == r"\bEEO\b":
            flags = re.MULTILINE
        out.setdefault(row["kind"], []).append((re.compile(row["pattern"], flags), int(row["weight"])))
    return {k: tuple(v) for k, v in out.items()}


def _has_contact(text: str) -> bool:
    """An e-mail address or a phone number (9+ digits) in ``text``."""
    return any("@" in m.group(0) or sum(c.isdigit() for c in m.group(0)) >= 9 for m in _CONTACT.finditer(text))


def heading_key(line: str) -> str:
    """Normalise a heading: lower case, no bullets/numbering/punctuation, ``&`` -> and."""
    s = _BULLET.sub("", line.strip()).strip("*_ ").rstrip(":：").strip("*_ ")
    s = s.lower().replace("&", " and ").replace("’", "").replace("'", "")
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def _shaped(line: str) -> bool:
    s = line.strip()
    if s.startswith("#") or (s.startswith("**") and s.rstrip(":").endswith("**")):
        return True
    if s.endswith(":"):
        return True
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", s)]
    small = {"and", "or", "of", "the", "to", "for", "in", "a", "an", "with", "you", "we", "our", "at", "on"}
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)


def _looks_like_job_title(key: str) -> bool:
    from .roles import _has_title_word

    return _has_title_word(key)


def _lookup(key: str, doc: str) -> _Heading | None:
    exact, _ = _vocabulary()
    docs = ("resume", "posting") if doc == "unknown" else (doc,)
    for d in docs:
        h = exact.get((d, key))
        if h is not None:
            return h
    return None


#: words that may follow a résumé heading's keyword and leave it the heading's head noun
#: ("Project Highlights", "Skills and Abilities", "Summary of Skills", "CPR Certification
#: 2012"); any other word makes the keyword a modifier of a skill or a duty ("Project
#: Management", "Employment Law", "Educational Leadership", "projects that included")
_HEAD_FOLLOWERS = frozenset("""
    highlights summary summaries details history used profile description descriptions
    overview list and of section included include includes information record records
    portfolio experience experiences skills education languages training certifications
    certificates licenses awards honors achievements accomplishments abilities
    qualifications competencies expertise strengths interests activities affiliations
    publications references tools technologies objective objectives credentials
    recognition recognitions honours coursework background continued cont contd work
    development licensure proficiencies software memberships undertaken received
    qualification set trainings professional summary
""".split())


def _heads(key: str, phrase: str) -> bool:
    """Whether résumé heading keyword ``phrase`` is the head of ``key``: each word after
    the word it starts is one of :data:`_HEAD_FOLLOWERS` or a number."""
    words = key.split()
    first, n = phrase.split()[0], len(phrase.split())
    for i, w in enumerate(words):
        if w.startswith(first) and " ".join(words[i:i + n]).startswith(phrase):
            rest = words[i + n:]
            if all(r in _HEAD_FOLLOWERS or r.isdigit() for r in rest):
                return True
    return False


def _lookup_contains(key: str, doc: str) -> _Heading | None:
    _, contains = _vocabulary()
    docs = ("resume", "posting") if doc == "unknown" else (doc,)
    for h in contains:
        if h.doc in docs and re.search(rf"\b{re.escape(h.phrase)}", key):
            if h.doc == "resume" and not _heads(key, h.phrase):
                continue  # "Project Management" in a skills list is no heading
            return h
    return None


def _classify_line(line: str, doc: str) -> tuple[_Heading, str] | None:
    s = line.strip()
    if not s or len(s) > 90:
        return None
    key = heading_key(s)
    if not key or len(key.split()) > 12:
        return None
    if s.endswith((".", ",", ";")) and not s.endswith("..."):
        return None
    h = _lookup(key, doc)
    if h is not None:
        return h, s
    colon = s.rstrip("*_ ").endswith((":", "："))
    if _shaped(s) and (len(key.split()) <= 4 and not _looks_like_job_title(key) or colon and len(key.split()) <= 12):
        h = _lookup_contains(key, doc)
        if h is not None:
            return h, s
    return None


#: The last two to four capitalised words of a line (the candidates for a heading glued
#: onto it: résumé sites that flatten their layout write the next section's heading at the
#: end of the line before, "... B.Tech.Education Details", "• Dbms Education Details").
_TAIL_WORDS = re.compile(r"(?:[A-Z][A-Za-z&/-]*\s+){0,3}[A-Z][A-Za-z&/-]*\s*$")
_DATED_LINE = re.compile(
    r"\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE)


def _glued_tail_heading(line: str, doc: str, dated: bool = False) -> tuple[int, _Heading, str] | None:
    """``(offset in line, heading, text)`` when a heading of two or more words that the
    vocabulary knows exactly closes ``line``: glued onto the text before it ("SPSSEducation
    Details", "B.Tech.Education Details"), after a sentence's end or a bracket, or after a
    plain space when the next line is ``dated`` (its entries open with dates). Only exact
    headings: "ASU Scholastic Award" or "Special Education" at a line's end is text."""
    m = _TAIL_WORDS.search(line)
    if m is None:
        return None
    words = [(w.start(), w.group()) for w in re.finditer(r"\S+", line[m.start():])]
    for i in range(len(words) - 1):  # the longest known heading first, two words at least
        at = m.start() + words[i][0]
        head = line[at:].strip()
        h = _lookup(heading_key(head), doc)
        if h is None:
            continue
        before = line[:at]
        if before.endswith((" ", "\t")):
            if not (dated or before.rstrip().endswith((".", ")", "]", ":", ";", "•"))):
                return None
        elif before and not (before[-1].islower() or before[-1].isdigit() or before[-1] in ".)]:;•"
                             or before[-1].isupper()):
            return None
        return at, h, head
    # glued inside a word ("SPSSEducation Details"): the heading starts at the last capital
    # that follows another capital or a small letter in the first word
    first = line[m.start():].split()[0] if line[m.start():].split() else ""
    for j in range(1, len(first)):
        if first[j].isupper() and (first[j - 1].isupper() or first[j - 1].islower()) and \
                (j + 1 < len(first) and first[j + 1].islower()):
            at = m.start() + j
            head = line[at:].strip()
            h = _lookup(heading_key(head), doc)
            if h is not None and len(head.split()) >= 2:
                return at, h, head
    return None


def _inline_heading(line: str, doc: str) -> tuple[_Heading, str] | None:
    """``Skills: Python, SQL`` -> the skills heading."""
    head, sep, rest = line.partition(":")
    if not sep or not rest.strip() or len(head) > 40:
        return None
    key = heading_key(head)
    if not key or len(key.split()) > 5:
        return None
    h = _lookup(key, doc)
    return (h, head.strip() + ":") if h is not None else None


@lru_cache(maxsize=2)
def _leading_pattern(doc: str) -> re.Pattern[str]:
    """A known heading that opens a line and is glued to its text ("What We OfferFlexible
    working hours", "ResponsibilitiesManage ...") or parted from it by a list mark
    ("Benefits · Salary: $40 - $45K per year· ...")."""
    exact, _ = _vocabulary()
    phrases = sorted({phrase for (d, phrase) in exact if d == doc and len(phrase) >= 5},
                     key=len, reverse=True)
    alts = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?P<h>{alts})(?:(?=(?-i:[A-Z])(?-i:[a-z]))|[ \t]+[·•|–—][ \t]+)",
                      re.IGNORECASE)


@lru_cache(maxsize=2)
def _leading_prefixes(doc: str) -> frozenset[str]:
    """The first four letters of every heading :func:`_leading_pattern` knows: most lines
    start otherwise, and need not try its hundreds of alternatives."""
    exact, _ = _vocabulary()
    return frozenset(phrase[:4] for (d, phrase) in exact if d == doc and len(phrase) >= 5)


def _leading_heading(line: str, lead: int, doc: str) -> tuple[_Heading, str] | None:
    """The heading a posting's line opens with, glued to its text (see
    :func:`_leading_pattern`)."""
    if line[lead:lead + 4].lower() not in _leading_prefixes(doc):
        return None
    m = _leading_pattern(doc).match(line, lead)
    if m is None:
        return None
    h = _vocabulary()[0].get((doc, heading_key(m.group("h"))))
    return (h, m.group("h")) if h is not None else None


def detect_sections(text: str, kind: DocumentKind | str = "unknown") -> tuple[Section, ...]:
    """Sections of ``text`` in document order; EEO paragraphs found without a heading come
    after the section that holds them (so :meth:`Document.section_at` prefers them)."""
    doc = kind if kind in ("resume", "posting") else guess_kind(text)
    heads: list[tuple[int, _Heading, str]] = []
    inline: list[Section] = []
    pos = 0
    lines = text.split("\n")
    for k, line in enumerate(lines):
        lead = len(line) - len(line.lstrip())
        found = _classify_line(line, doc)
        if found is None and doc == "posting" and k > 0 and len(line) > lead + 5 \
                and line[lead].isupper():
            # (not the first line: "Benefits – Payroll Analyst" is a title)
            found = _leading_heading(line, lead, doc)
        if found is not None:
            heads.append((pos + lead, found[0], found[1]))
        else:
            tail = None
            if doc == "resume" and len(line) > 20:
                dated = k + 1 < len(lines) and _DATED_LINE.match(lines[k + 1]) is not None
                tail = _glued_tail_heading(line, doc, dated)
            body = line[:tail[0]] if tail is not None else line
            found = _inline_heading(body, doc)
            if found is not None:
                # "Skills: Python, SQL" is a section of one line, nested in the one around it.
                h, heading = found
                end = len(body.rstrip())
                if h.boilerplate and heading_key(heading) in _PAY_HEADINGS:
                    # flattened text: "Pay: $40K, based on bonuses.High school diploma
                    # required" - a sentence glued to the next marks a lost line break. Not
                    # in a benefits list, whose items are glued the same way ("Benefits:
                    # Medical.Dental.Free Excel training"): those stay benefits
                    glued = _GLUED_SENTENCE.search(body, lead + len(heading))
                    end = glued.start() if glued is not None else end
                inline.append(Section(h.section, heading, pos + lead, pos + end, h.boilerplate))
            if tail is not None:
                heads.append((pos + tail[0], tail[1], tail[2]))
        pos += len(line) + 1
    sections: list[Section] = []
    for i, (start, h, heading) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        end = start + len(text[start:end].rstrip())  # not text[:end]: one copy per heading
        if end > start:
            sections.append(Section(h.section, heading, start, end, h.boilerplate))
    if doc == "resume":
        first = sections[0].start if sections else len(text)
        if first > 0 and _has_contact(text[:first]) and not any(s.kind == "contact" for s in sections):
            # The lines above the first heading of a résumé, when they hold an e-mail
            # address or a phone number, are its contact block.
            sections.insert(0, Section("contact", "", 0, len(text[:first].rstrip()), False))
    legal = [s for s in sections if s.kind == "legal"]
    extra = list(inline)
    for start, end in _eeo_spans(text):
        if any(s.start <= start and end <= s.end for s in legal):
            continue
        extra.append(Section("legal", "", start, end, True))
    if extra:
        merged = sections + extra
        merged.sort(key=lambda s: (s.start, -(s.end - s.start)))
        return tuple(merged)
    return tuple(sections)


def _eeo_score(text: str) -> int:
    return sum(w for pat, w in _cues()["eeo"] if pat.search(text))


# Characters that ``re.IGNORECASE`` matches to an ASCII letter although ``str.lower``
# does not turn them into that letter alone (dotted and dotless i, long s, Kelvin sign).
_CASE_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")
_META = set("\\.^$*+?{}[]()|")


def _top_level_alternation(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group and character class."""
    depth = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            j = i + 1
            if pattern[j : j + 1] == "]":
                j += 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def required_literal(pattern: str) -> str | None:
    """A piece of plain text every match of ``pattern`` must contain, or None.

    Conservative by design: the run of plain characters after any leading ``\\b``
    (``\\bdisabilit(?:y|ies)\\b`` -> ``disabilit``), dropped when the pattern has an
    alternation at its top level, a leading flag or group, or the run is under 3
    characters; a character a quantifier makes optional is left off the run.
    """
    if _top_level_alternation(pattern):
        return None
    rest = pattern
    while rest.startswith("\\b"):
        rest = rest[2:]
    run: list[str] = []
    for ch in rest:
        if ch in _META:
            if ch in "?*{":
                run = run[:-1]
            break
        if not (ch.isascii() and (ch.isalnum() or ch in " -'")):
            break
        run.append(ch)
    literal = "".join(run)
    return literal if len(literal) >= 3 else None


def _eeo_cues() -> tuple[tuple[re.Pattern[str], int, tuple[str, bool] | None], ...]:
    """The EEO cues with the literal each needs (lower-cased when the cue ignores case)."""
    return _gated_cues("eeo")


@lru_cache(maxsize=4)
def _gated_cues(kind: str) -> tuple[tuple[re.Pattern[str], int, tuple[str, bool] | None], ...]:
    """The cues of ``kind`` with the literal each needs (lower-cased when the cue ignores
    case), for :func:`_literal_gate`."""
    out = []
    for pat, weight in _cues()[kind]:
        lit = required_literal(pat.pattern)
        nocase = bool(pat.flags & re.IGNORECASE)
        out.append((pat, weight, None if lit is None else (lit.lower() if nocase else lit, nocase)))
    return tuple(out)


def _literal_gate(text: str):  # type: ignore[no-untyped-def]
    """``gate((literal, ignore_case))``: False only when no match of a cue needing that
    literal can be in ``text`` (then the cue's regex scan, the slow part, is skipped)."""
    if not text.isascii() and any(c in text for c in _CASE_ODD):
        return lambda _lit: True
    lower: list[str] = []

    def gate(lit: tuple[str, bool]) -> bool:
        if not lit[1]:
            return lit[0] in text
        if not lower:
            lower.append(text.lower())
        return lit[0] in lower[0]

    return gate


@dataclass(frozen=True, slots=True)
class _KindCue:
    pattern: re.Pattern[str]
    weight: int
    literal: tuple[str, bool] | None
    fast: re.Pattern[str] | None  # for the lower-cased text; None: use ``pattern``
    bounded: bool  # ``fast`` lost a leading ``\\b``, checked by :func:`_count_upto`


@lru_cache(maxsize=4)
def _kind_cues(kind: str) -> tuple[_KindCue, ...]:
    """The cues of ``kind`` with a faster equivalent where one exists.

    A case-insensitive cue written in lower case (its non-ASCII characters uncased) is
    compiled case-sensitive for the lower-cased text, and a leading ``\\b`` is dropped
    and checked by hand: ``re`` then finds the literal start of the cue with a string
    search instead of trying the whole pattern at every position (about 30 times faster
    on postings)."""
    out = []
    for pat, weight, literal in _gated_cues(kind):
        src = pat.pattern
        fast, bounded = None, False
        if (pat.flags & re.IGNORECASE and src == src.lower()
                and all(c.isascii() or c.lower() == c.upper() for c in src)):
            bounded = src.startswith("\\b") and not _top_level_alternation(src)
            fast = re.compile(src[2:] if bounded else src, pat.flags & ~re.IGNORECASE)
        out.append(_KindCue(pat, weight, literal, fast, bounded))
    return tuple(out)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``re`` calls \w in str patterns


def _count_upto(fast: re.Pattern[str], bounded: bool, text: str, cap: int) -> int:
    """``min(cap, len(findall))`` of the cue ``fast`` stands for, or -1 when an empty
    match makes ``findall``'s rules too subtle to follow here (the caller then asks
    ``re``). Searching on from one past a match that fails the dropped ``\\b`` finds
    exactly the matches ``findall`` finds: ``re`` tries positions left to right and the
    rest of the pattern matches the same way from a position whatever came before."""
    n = pos = 0
    size = len(text)
    search = fast.search
    while n < cap:
        m = search(text, pos)
        if m is None:
            return n
        at, end = m.span()
        if end == at:
            return -1
        if bounded and (at > 0 and _is_word(text[at - 1])) == (at < size and _is_word(text[at])):
            pos = at + 1
            continue
        n += 1
        pos = end
    return n


def _eeo_spans(text: str) -> list[tuple[int, int]]:
    """Spans of equal-opportunity text: lines with strong cues, grown over neighbouring
    lines of the same paragraph that carry a cue too (a notice wrapped over lines)."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    # One pass per cue over the whole text (not per line): most documents have no EEO
    # cue at all, and then nothing more is done. A cue counts once per line, as in
    # _eeo_score. A cue whose literal part (see required_literal) is not in the text
    # cannot match, and is not scanned for.
    starts = [b for b, _, _ in lines]
    hits: dict[int, int] = {}
    gate = _literal_gate(text)
    for pat, weight, literal in _eeo_cues():
        if literal is not None and not gate(literal):
            continue
        seen: set[int] = set()
        for m in pat.finditer(text):
            li = bisect_right(starts, m.start()) - 1
            if li not in seen:
                seen.add(li)
                hits[li] = hits.get(li, 0) + weight
    if not hits or max(hits.values()) < 3:
        return []
    scores = [hits.get(i, 0) if line.strip() else -1 for i, (_, _, line) in enumerate(lines)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if scores[i] < 3:
            i += 1
            continue
        first = last = i
        while first > 0 and scores[first - 1] >= 1:
            first -= 1
        while last + 1 < len(lines) and scores[last + 1] >= 1:
            last += 1
        begin, end = lines[first][0], lines[last][1]
        line = lines[first][2]
        if len(line) > 800:
            # A long line: start at its first EEO sentence.
            for m in re.finditer(r"[^.!?]+[.!?]?", line):
                sent = m.group(0)
                if _eeo_score(sent) >= 3:
                    begin = lines[first][0] + m.start() + _notice_start(sent)
                    break
        spans.append((begin, end))
        i = last + 1
    return spans


#: where a list item glued to the next one begins ("... Event Planning & SponsorshipsOur
#: company is committed to ..."; four lower-case letters before, so "SureCare", "DoorDash"
#: and "HubSpot" stay whole) or a dash bullet does
_ITEM_START = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])|(?<!\S)-\s+")


def _notice_start(sent: str) -> int:
    """Where the equal-opportunity notice in ``sent`` begins. In flattened job-board text
    a "sentence" (up to a full stop) can hold the whole duty list before the notice
    ("- Plan and execute events- Manage Contacts & Vendors for Event Planning &
    SponsorshipsOur company is committed to creating a diverse environment and is proud to
    be an equal opportunity employer."): then the notice starts at the last item boundary
    before its first cue, so the duties are not taken for boilerplate."""
    lead = len(sent) - len(sent.lstrip())
    if len(sent) <= 300:
        return lead
    cues = [m.start() for pat, _ in _cues()["eeo"] for m in [pat.search(sent)] if m is not None]
    first = min(cues, default=0)
    cuts = [m.end() for m in _ITEM_START.finditer(sent, 0, first)]
    return max(cuts[-1], lead) if cuts else lead


def guess_kind(text: str) -> DocumentKind:
    """``posting``, ``resume`` or ``unknown``, from headings and wording cues."""
    sample = text[:20000]
    score = {"posting": 0, "resume": 0}
    # Cues ignore case; when no character folds oddly (_CASE_ODD), matching the
    # lower-cased text case-sensitively finds the same matches, and faster.
    odd = not sample.isascii() and any(c in sample for c in _CASE_ODD)
    lower = sample if odd else sample.lower()
    for kind in score:
        for cue in _kind_cues(kind):
            if not odd and cue.literal is not None and cue.literal[0] not in (
                    lower if cue.literal[1] else sample):
                continue  # the cue cannot match: its literal part is not in the text
            n = -1 if odd or cue.fast is None else _count_upto(cue.fast, cue.bounded, lower, 3)
            if n < 0:
                n = min(3, len(cue.pattern.findall(sample)))
            score[kind] += cue.weight * n
    exact, _ = _vocabulary()
    for line in sample.split("\n"):
        if len(line) > 60:
            # a heading glued to its line's text ("Key ResponsibilitiesDevelop ...")
            m = _leading_pattern("posting").match(line) \
                if line[:1].isupper() and line[:4].lower() in _leading_prefixes("posting") else None
            if m is None:
                continue
            line = m.group("h")
        key = heading_key(line)
        in_resume = ("resume", key) in exact
        in_posting = ("posting", key) in exact
        if in_resume != in_posting:
            score["resume" if in_resume else "posting"] += 3
    if score["posting"] == score["resume"]:
        return "unknown"
    return "posting" if score["posting"] > score["resume"] else "resume"


@lru_cache(maxsize=2)
def _glued_pattern(doc: str) -> re.Pattern[str]:
    exact, _ = _vocabulary()
    phrases = sorted(
        {phrase for (d, phrase) in exact if d == doc and len(phrase) >= 5},
        key=len,
        reverse=True,
    )
    alts = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    # A known heading glued to what follows ("About UsBetsy", "Responsibilities:Curate")
    # or to what precedes it ("per weekResponsibilities:").
    return re.compile(
        rf"(?:^|(?<=(?-i:[a-z.!?:;)]))|(?<=(?-i:[.!?:;)]) ))(?=(?-i:[A-Z]))(?P<h>{alts})"
        rf"(?:(?P<c>:)|(?=(?-i:[A-Z])))",
        re.IGNORECASE | re.MULTILINE,
    )


def unglue_headings(text: str, doc: str = "posting") -> str:
    """Put known headings that lost their line breaks (job boards that flatten HTML)
    back on lines of their own. Only used on text with few line breaks."""
    if text.count("\n") * 400 > len(text):
        return text
    pattern = _glued_pattern(doc if doc in ("resume", "posting") else "posting")
    # What ``pattern.sub`` would do, tried only where a match can start: every match
    # starts at an upper-case ASCII letter (its look-ahead says so), and ``re`` finds
    # those far faster than it tries the whole pattern at every position. Matches are
    # taken left to right without overlap, as ``sub`` takes them.
    pieces: list[str] = []
    last = 0
    for cap in _UPPER.finditer(text):
        at = cap.start()
        if at < last:
            continue
        m = pattern.match(text, at)
        if m is None:
            continue
        pieces += (text[last:at], f"\n{m.group('h')}{m.group('c') or ''}\n")
        last = m.end()
    if not pieces:
        out = text
    else:
        pieces.append(text[last:])
        out = "".join(pieces)
    if "\n" in out:
        out = _LINE_END_SPACES.sub("\n", out)
    return out.strip()


_UPPER = re.compile("[A-Z]")
_LINE_END_SPACES = re.compile(r"[ \t]*\n[ \t]*")
