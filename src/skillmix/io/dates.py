"""Dates and date ranges as résumés write them.

``Jan 2020 – Mar 2022``, ``01/2020 to 03/2022``, ``March 2020 - Current``, ``2019 - 2021``,
``2019-03 – present``, ``Summer 2018 - Fall 2019``, ``Jan '19 - Present``. Dates become
first-of-month :class:`datetime.date`. A year alone means January of that year (start and
end alike, so ``2019 - 2021`` lasts 25 months by :meth:`Role.months`); seasons map to
their first month (Spring = March, Summer = June, Fall/Autumn = September, Winter = December).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "DateRange", "find_date_ranges", "find_single_date", "latest_written_date", "parse_date",
    "parse_timestamp",
]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DATE = (
    rf"(?:{_MONTH},?\s*(?:{_YEAR}|'\d\d)"
    rf"|(?:spring|summer|fall|autumn|winter)\s+{_YEAR}"
    rf"|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"
    rf"|{_YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2])(?![\d])"
    rf"|{_YEAR})"
)
_NOW = r"(?:present|current(?:ly)?|now|today|to\s+date|ongoing|till\s+date|date)"
_SEP = r"\s*(?:-|–|—|‒|−|~|to|until|till|through|thru)\s*"
_RANGE = re.compile(
    rf"(?<![\w/])(?P<start>{_DATE})(?:{_SEP}(?P<end>{_DATE}|{_NOW})|\s*,\s*(?P<now>{_NOW}))(?![\w/])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date range found in text; ``start``/``end`` index the text."""

    begin: date | None
    finish: date | None
    current: bool
    start: int
    end: int
    year_only: bool


def parse_date(text: str) -> date | None:
    """Parse one date (``Mar 2020``, ``03/2020``, ``2020-03-15``, ``2020``, ``Summer 2020``)."""
    s = text.strip().lower().rstrip(".")
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.]\d{1,2})?(?:t.*)?", s)
    if m:
        year = int(m.group(1))
        month = int(m.group(2) or 1)
        return _mk(year, month)
    m = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{4})", s)
    if m:
        return _mk(int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(\d{4})", s)
    if m:
        return _mk(int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"([a-z]+)\.?,?\s*(\d{4}|'\d\d)", s)
    if m:
        word, yr = m.group(1), m.group(2)
        year = 2000 + int(yr[1:]) if yr.startswith("'") else int(yr)
        if year > 2000 + date.today().year % 100 + 1 and yr.startswith("'"):
            year -= 100
        if word in _SEASONS:
            return _mk(year, _SEASONS[word])
        month = _MONTHS.get(word[:4] if word.startswith("sept") else word[:3])
        return _mk(year, month) if month else None
    return None


def _mk(year: int, month: int) -> date | None:
    if 1 <= month <= 12 and 1900 <= year <= 2100:
        return date(year, month, 1)
    return None


def find_date_ranges(text: str, offset: int = 0) -> list[DateRange]:
    """Every date range in ``text`` (``offset`` is added to the spans)."""
    found = []
    for m in _RANGE.finditer(text):
        begin = parse_date(_squash(m.group("start")))
        end_raw = m.group("end") or m.group("now")
        current = re.fullmatch(_NOW, end_raw.strip(), re.IGNORECASE) is not None
        finish = None if current else parse_date(_squash(end_raw))
        if begin is None or (not current and finish is None):
            continue
        if finish is not None and finish < begin:
            continue
        year_only = re.fullmatch(_YEAR, m.group("start").strip()) is not None
        found.append(DateRange(begin, finish, current, m.start() + offset, m.end() + offset, year_only))
    return found


_MONTH_DATE = re.compile(
    rf"(?<![\w/])(?:{_MONTH},?\s*{_YEAR}|(?:0?[1-9]|1[0-2])\s*/\s*{_YEAR})(?![\w/])", re.IGNORECASE
)


def find_single_date(line: str) -> DateRange | None:
    """A lone month-and-year date opening or closing a short line (a role whose end is
    not given): ``January 2012 Company Name`` -> start only, not current."""
    if find_date_ranges(line):
        return None
    s = line.strip()
    for m in _MONTH_DATE.finditer(line):
        at_start = line[: m.start()].strip() == ""
        at_end = line[m.end():].strip(" .)") == ""
        if (at_start or at_end) and len(s) <= 90:
            begin = parse_date(_squash(m.group(0)))
            if begin is not None:
                return DateRange(begin, None, False, m.start(), m.end(), False)
    return None


def _squash(s: str) -> str:
    return re.sub(r"\s*([/.])\s*", r"\1", s.strip())


_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def parse_timestamp(value: object) -> date | None:
    """A PDF info date (``D:20210808154956+05'30'``) or an ISO date/datetime as the day it
    names; ``None`` when it is not one. Used for the date a document was written."""
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    s = str(value or "").strip()
    m = _PDF_DATE.match(s)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    if s[4:5] == "-":  # ISO: 2021-08-08[T...]
        iso = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", s)
        if not iso:
            return None
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3) or 1)
    try:
        return date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def latest_written_date(text: str) -> date | None:
    """The latest month the text writes as a date: range starts and ends ("Current" is no
    date) and month-and-year dates. Lone years are left out: "Windows Server 2019" and
    "Office 2016" are products, not dates. ``None`` when the text writes no such date."""
    latest: date | None = None
    for r in find_date_ranges(text):
        for d in (r.begin, r.finish):
            if d is not None and (latest is None or d > latest):
                latest = d
    for m in _MONTH_DATE.finditer(text):
        d = parse_date(_squash(m.group(0)))
        if d is not None and (latest is None or d > latest):
            latest = d
    return latest
