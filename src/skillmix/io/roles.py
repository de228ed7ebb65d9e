"""Work history: one :class:`~skillmix.records.Role` per dated job in a résumé.

A role is anchored on a line holding a date range (``Jan 2020 – Mar 2022``, ``01/2015 to
Current``, ``2019 - 2021``...). Its title and employer are read from what surrounds the
dates on that line, or from the line before (a title on its own line) or after (an
employer line such as ``Company Name , City , State``); words from
``data/title_words.txt`` tell a title from an employer. Each role's span runs from its
first line to the next role (or the end of the experience section), so its bullets are
inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..records import Role, Section
from .dates import DateRange, find_date_ranges, find_single_date

__all__ = ["parse_roles"]

_SKIP_KINDS = {"education", "certifications", "skills", "projects", "contact"}
_SEPARATORS = re.compile(r"\s+[|•·–—]\s+|\s+-\s+|\s*\|\s*|\s+at\s+|\s+@\s+|\s*,\s+|\s+,\s*|\t")
_LOCATION = re.compile(
    r"(?:\bCity\s*,\s*State\b|\bCity\b|\bState\b|,\s*[A-Z]{2}\b(?:\s+\d{5})?"
    r"|\b(?:Remote|Hybrid|On-?site)\b)"
)
_PLACEHOLDER = re.compile(r"\bCompany\s*Name\b", re.IGNORECASE)
_TRAILING_NOTE = re.compile(r"(?<=\w[.\w])\s+\([^()]*\)?\s*$")
_BULLET = re.compile(r"^\s*[-–—•·*▪■●○◦]\s*")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    text = resources.files("skillmix.io").joinpath("data").joinpath("title_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _has_title_word(s: str) -> bool:
    words = set(re.findall(r"[a-z]+", s.lower()))
    return bool(words & _title_words())


def _clean_part(s: str) -> str:
    s = _BULLET.sub("", s).lstrip(" ,;:|-–—[])\t").rstrip(" ,;:|-–—[](\t")
    # brackets go only when unbalanced: "Data Analyst (Intern)" keeps its note (the level
    # is read from it), a part cut from "(Dayton, Ohio)" loses its stray bracket
    if s.endswith(")") and "(" not in s:
        s = s[:-1]
    if s.startswith("(") and ")" not in s:
        s = s[1:]
    if "(" in s and ")" not in s[s.rfind("("):]:
        s = s[: s.rfind("(")]
    return s.strip(" ,;:|-–—\t")


def _employer_name(s: str | None) -> str | None:
    """An employer without the note that closes it: "Threadline Inc. (social commerce
    startup)" is Threadline Inc."""
    return (_TRAILING_NOTE.sub("", s) or s) if s else s


def _wordy(s: str) -> bool:
    """Mostly letters (a title or a name), not a phone number or a postcode."""
    chars = [c for c in s if not c.isspace()]
    letters = sum(c.isalpha() for c in chars)
    return letters >= 2 and letters >= 0.5 * len(chars)


def _is_location(s: str) -> bool:
    rest = _LOCATION.sub("", s)
    return not re.sub(r"[\s,]+", "", rest) or bool(re.fullmatch(r"[A-Z][\w .'-]*,\s*[A-Z]{2}", s.strip()))


def _split_employer_line(s: str) -> tuple[str | None, str | None]:
    """From ``Title Company Name , City , State`` or ``Acme Corp, Boston, MA`` get
    ``(title_before, employer)``."""
    m = _PLACEHOLDER.search(s)
    if m:
        before = _clean_part(s[: m.start()])
        after = _clean_part(_LOCATION.sub("", s[m.end():]))
        if after and (len(after.split()) > 8 or after.endswith(".") or not _wordy(after)):
            after = ""
        return (before or after or None), "Company Name"
    parts = [p for p in (_clean_part(p) for p in _SEPARATORS.split(s)) if p and _wordy(p)]
    parts = [p for p in parts if not _is_location(p)]
    if not parts:
        return None, None
    titles = [p for p in parts if _has_title_word(p)]
    others = [p for p in parts if p not in titles]
    return (titles[0] if titles else None), (_employer_name(others[0]) if others else None)


def _employer_cue(line: str) -> bool:
    return bool(_PLACEHOLDER.search(line) or re.search(r"\bCity\s*,\s*State\b", line) or re.search(r",\s*[A-Z]{2}\b", line))


def _title_line(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 80 or _BULLET.match(line) or s.endswith((".", ";")):
        return False
    if find_date_ranges(s):
        return False
    return _has_title_word(s) or _PLACEHOLDER.search(s) is not None or s.istitle() or s.isupper()


def _anchor(line: str) -> DateRange | None:
    ranges = find_date_ranges(line)
    if not ranges:
        single = find_single_date(line)
        if single is not None and _employer_cue(line[: single.start] + line[single.end:]):
            return single
        return None
    dr = ranges[0]
    stripped = line.strip()
    rest = (line[: dr.start] + line[dr.end:]).strip()
    before = line[: dr.start].strip()
    at_edge = before == "" or line[dr.end:].strip(" .)") == "" or len(rest) <= 90 \
        or _employer_before(before, line[dr.end:])
    if not at_edge:
        return None
    # a long line with bare years is prose ("from 2015 - 2020 we grew ..."), unless the
    # years close a heading after a separator other than a comma: "Senior Engineer, Acme
    # Inc. (social commerce startup), Seattle, WA | 2020 - Present"
    if dr.year_only and len(stripped) > 90 and not (
            line[dr.end:].strip(" .)") == "" and _HEADING_SEP_END.search(line[: dr.start])):
        return None
    if _BULLET.match(line) and len(rest) > 40:
        return None
    return dr


def _employer_before(before: str, after: str) -> bool:
    """Whether the words before a line's dates are an employer's name, so the dates open
    a role heading however long its title runs: "Company Name October 1993 to January
    2012 Shipping and Receiving Clerk/Scheduling Clerk/Inventory Control Clerk/Customer
    Service" (a LiveCareer heading whose title wraps to the next line). Other capitalised
    words open one only when a job title or an employer follows the dates ("Won Employee
    Of The Year March 2019 to June 2020 for growing our Instagram following" is an award)."""
    if len(before) > 40 or before.endswith((".", ";", ":", ",")):
        return False
    if _employer_cue(before):
        return True
    words = before.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    head = " ".join(after.split()[:6])
    # "Acme Corp May 2012 to Current Senior Manager ...", or the title first and the
    # employer after: "Engineering Supervisor 11/2014 to Current Company Name City , State"
    return _has_title_word(head) or _employer_cue(head)


#: a heading's separator right before its closing dates: "Seattle, WA | ", "Acme – "
_HEADING_SEP_END = re.compile(r"(?:[|•·–—]|\s-)\s*$")
_SEP_LINE = re.compile(r"^\s*(?:to|-|–|—|until|through)\s*$", re.IGNORECASE)


def _join_split_ranges(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``September 2015`` / ``to`` / ``Current`` on three lines -> one logical line (the
    offsets of the first line are kept; the joined text is only used to read dates)."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        off, line = lines[i]
        if (
            i + 2 < len(lines)
            and _SEP_LINE.match(lines[i + 1][1])
            and len(line.strip()) <= 20
            and len(lines[i + 2][1].strip()) <= 20
        ):
            joined = f"{line.strip()} to {lines[i + 2][1].strip()}"
            if find_date_ranges(joined):
                out.append((off, joined))
                i += 3
                continue
        out.append((off, line))
        i += 1
    return out


def _regions(text: str, sections: tuple[Section, ...]) -> list[tuple[int, int]]:
    exp = [(s.start, s.end) for s in sections if s.kind == "experience"]
    if exp:
        return exp
    spans = []
    pos = 0
    for s in sorted((s for s in sections if s.kind in _SKIP_KINDS), key=lambda s: s.start):
        if s.start > pos:
            spans.append((pos, s.start))
        pos = max(pos, s.end)
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def parse_roles(text: str, sections: tuple[Section, ...] = ()) -> tuple[Role, ...]:
    """The dated roles of a résumé's work history, in document order."""
    roles: list[Role] = []
    heading_starts = {s.start for s in sections}  # once: a résumé can have thousands
    for begin, end in _regions(text, sections):
        roles.extend(_roles_in(text, begin, end, heading_starts))
    return tuple(roles)


def _logical_lines(text: str, begin: int, end: int) -> list[tuple[int, str]]:
    """The lines of ``text[begin:end]`` with their offsets, date ranges split over
    three lines joined into one."""
    raw: list[tuple[int, str]] = []
    pos = begin
    for line in text[begin:end].split("\n"):
        raw.append((pos, line))
        pos += len(line) + 1
    return _join_split_ranges(raw)


@dataclass(slots=True)
class _Draft:
    """A role being read around its date line: title and employer so far, where its span
    starts (the date line, or a title or employer line above it), and the date line's."""

    title: str | None
    employer: str | None
    span_start: int
    line_start: int


def _likelier_title(a: str | None, b: str | None) -> str | None:
    """Of two candidate titles, the one naming a job title word, else the shorter."""
    if not a or not b:
        return a or b
    return min((a, b), key=lambda x: (not _has_title_word(x), len(x)))


def _names_beside_dates(line: str, dr: DateRange) -> tuple[str | None, str | None]:
    """Title and employer from the words before and after the dates on their line."""
    title, employer = None, None
    parts = [p for p in (line[: dr.start], line[dr.end:]) if _clean_part(p)]
    cued = [p for p in parts if _employer_cue(p)]
    for part in cued + [p for p in parts if p not in cued]:
        t, e = _split_employer_line(part)
        if cued and part not in cued:
            # "Company Name 2014 to Current Housekeeper": the side without the
            # employer is the title, unless the employer's side holds a likelier one
            # ("Company Name City , State Consultant 01/2010 to Current Publicly traded
            # ... company"; but "Engineering Supervisor 11/2014 to Current Company Name
            # City , State Assist management ...": that duty is no title)
            title = _likelier_title(title, t or e)
            continue
        title = title or t
        employer = employer or e
    return title, employer


def _line_above(lines: list[tuple[int, str]], i: int, taken: set[int]) -> tuple[int, str] | None:
    """The nearest non-blank line above line ``i`` that no role has used, if any."""
    j = i - 1
    while j > 0 and not lines[j][1].strip() and j not in taken:
        j -= 1
    return lines[j] if j >= 0 and j not in taken and lines[j][1].strip() else None


def _employer_below(d: _Draft, nxt: tuple[int, str] | None) -> bool:
    """An employer line below completes the draft (title and employer from it); whether
    the line was used."""
    if nxt is None or not _employer_cue(nxt[1]) or len(nxt[1]) > 120 or _anchor(nxt[1]) is not None:
        return False
    t, e = _split_employer_line(nxt[1])
    if d.title is None and t and len(t) <= 80:
        d.title = t
    d.employer = d.employer or e
    return True


def _title_above(d: _Draft, prev: tuple[int, str] | None, first: bool,
                 heading_starts: set[int]) -> None:
    """A title line above (or, for a section's first role, a short line that reads like
    one) gives the title, and the role's span starts there."""
    if d.title is not None or prev is None or prev[0] in heading_starts:
        return
    if not (_title_line(prev[1]) or (first and 0 < len(prev[1].strip()) <= 60
                                     and not prev[1].rstrip().endswith("."))):
        return
    t, e = _split_employer_line(prev[1])
    d.title = t or _clean_part(prev[1])
    d.employer = d.employer or e
    d.span_start = prev[0]


def _employer_above(d: _Draft, prev: tuple[int, str] | None, heading_starts: set[int]) -> None:
    """A short employer line (not a bullet or a sentence) right above gives the employer,
    and the role's span starts there."""
    if (
        d.employer is None
        and d.span_start == d.line_start
        and prev is not None
        and prev[0] not in heading_starts
        and _employer_cue(prev[1])
        and len(prev[1].strip()) <= 80
        and not _BULLET.match(prev[1])
        and not prev[1].rstrip().endswith(".")
        and _anchor(prev[1]) is None
    ):
        t, e = _split_employer_line(prev[1])
        if e:
            d.employer = e
            d.title = d.title or t
            d.span_start = prev[0]


def _title_below(d: _Draft, nxt: tuple[int, str] | None) -> bool:
    """A title line below gives the title; whether the line was used."""
    if d.title is not None or nxt is None or not _title_line(nxt[1]) or not _has_title_word(nxt[1]):
        return False
    t, e = _split_employer_line(nxt[1])
    d.title = t or _clean_part(nxt[1])
    d.employer = d.employer or e
    return True


def _read_around(d: _Draft, lines: list[tuple[int, str]], i: int, heading_starts: set[int],
                 taken: set[int]) -> None:
    """Complete a draft from the lines around its date line ``i`` (marking the lines it
    uses as taken)."""
    prev = _line_above(lines, i, taken)
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if (
        d.title is None
        and d.employer is not None
        and not _PLACEHOLDER.search(d.employer)
        and nxt is not None
        and _employer_cue(nxt[1])
        and _anchor(nxt[1]) is None
    ):
        # "Personal Assistant 01/1999 to 12/2002" / "Company Name": the words beside
        # the dates are the title, the next line is the employer.
        d.title, d.employer = d.employer, None
    if d.title is not None and d.employer is not None:
        return
    if _employer_below(d, nxt):
        taken.add(i + 1)
    # the section's first role: its date line is the second after the heading
    first = i >= 1 and (i == 1 or lines[i - 2][0] in heading_starts) and lines[0][0] in heading_starts
    _title_above(d, prev, first, heading_starts)
    _employer_above(d, prev, heading_starts)
    if (i + 1) not in taken and _title_below(d, nxt):
        taken.add(i + 1)


def _roles_in(text: str, begin: int, end: int, heading_starts: set[int]) -> list[Role]:
    """The roles of one work-history region: one per date line, named from around it."""
    lines = _logical_lines(text, begin, end)
    found: list[tuple[int, DateRange, str, str | None]] = []  # (span start, dates, title, employer)
    taken: set[int] = set()
    for i, (off, line) in enumerate(lines):
        if off in heading_starts:
            continue
        dr = _anchor(line)
        if dr is None:
            continue
        d = _Draft(*_names_beside_dates(line, dr), span_start=off, line_start=off)
        _read_around(d, lines, i, heading_starts, taken)
        if d.title is None and d.employer is not None and _has_title_word(d.employer):
            d.title, d.employer = d.employer, None
        taken.add(i)
        found.append((d.span_start, dr, d.title or "", d.employer))
    return _spanned(text, begin, end, found)


def _spanned(text: str, begin: int, end: int,
             found: list[tuple[int, DateRange, str, str | None]]) -> list[Role]:
    """Roles from what was found: each one's span runs to the next one's start (or the
    region's end), trailing blank space left out."""
    roles = []
    for k, (span_start, dr, title, employer) in enumerate(found):
        span_end = found[k + 1][0] if k + 1 < len(found) else end
        span_end = begin + len(text[begin:span_end].rstrip())
        roles.append(
            Role(
                title=title,
                employer=employer,
                start=dr.begin,
                end=dr.finish,
                current=dr.current,
                span_start=span_start,
                span_end=max(span_end, span_start),
            )
        )
    return roles
