"""Pattern detectors for the personal details blind mode masks (names live in :mod:`.names`).

Each detector takes the text (and, where it matters, the document's sections) and returns
``(start, end, kind, detail)`` spans. They are deliberately simple and visible: a reviewer
sees every span masked, so a detector that over-masks is noticed, and one that under-masks
is fixed by adding a word to a data file. Phone numbers use Google's libphonenumber port
(``phonenumbers``), which knows every country's formats.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import Iterator, Sequence

from ..errors import MissingExtraError
from ..records import Section

__all__ = [
    "Span",
    "find_addresses",
    "find_birth_and_age",
    "find_emails",
    "find_gender_markers",
    "find_graduation_years",
    "find_labelled",
    "find_links",
    "find_phones",
]

Span = tuple[int, int, str, str]


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("skillmix.fairness").joinpath("data", name).read_text("utf-8")
    lines = (ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return list(csv.DictReader(lines))


# --------------------------------------------------------------------------- contact

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_PROFILE_HOSTS = (
    r"linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com|facebook\.com|fb\.com|"
    r"instagram\.com|tiktok\.com|youtube\.com|behance\.net|dribbble\.com|medium\.com|"
    r"about\.me|threads\.net|pinterest\.com|snapchat\.com|t\.me|wa\.me|stackoverflow\.com|"
    r"angel\.co|wellfound\.com|substack\.com|linktr\.ee|bsky\.app"
)
_URL = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"')\]]+|(?<![\w@.])(?:[\w-]+\.)?(?:{_PROFILE_HOSTS})/[^\s<>\"')\]]*",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b")


def find_emails(text: str) -> list[Span]:
    return [(m.start(), m.end(), "email", "") for m in _EMAIL.finditer(text)]


def find_links(text: str) -> list[Span]:
    """URLs (all of them: a personal site identifies as well as a profile does) and
    social handles such as ``@janedoe``."""
    out: list[Span] = []
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?":
            end -= 1
        host = re.search(_PROFILE_HOSTS, m.group(), re.IGNORECASE)
        out.append((m.start(), end, "profile_link", "profile" if host else "url"))
    for m in _HANDLE.finditer(text):
        out.append((m.start(), m.end(), "profile_link", "handle"))
    return out


_PHONE_FALLBACK = re.compile(
    r"(?<![\w+])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]\d{3}[\s.-]\d{4}(?!\d)"
)


def find_phones(text: str, region: str = "US") -> list[Span]:
    """Phone numbers in any format libphonenumber recognises (``region`` is the default
    country for numbers written without ``+``), plus plain North-American patterns."""
    try:
        import phonenumbers
    except ImportError as err:  # pragma: no cover - depends on the install
        raise MissingExtraError.for_module("phonenumbers", "fairness") from err
    out: list[Span] = []
    for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
        out.append((match.start, match.end, "phone", ""))
    for m in _PHONE_FALLBACK.finditer(text):
        out.append((m.start(), m.end(), "phone", ""))
    return out


# --------------------------------------------------------------------------- addresses

_STREET_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
    r"Parkway|Pkwy|Terrace|Ter|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl|Close|Crescent|"
    r"Cres|Grove|Gardens|Row|Walk|Mews|Plaza|Alley|Loop|Pike|Run"
)
_STREET = re.compile(
    rf"\b(?!(?:19|20)\d\d\b)\d{{1,6}}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w.'-]*\s+){{1,4}}(?:{_STREET_TYPES})\b\.?"
    r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|#)\.?\s*#?\s*[\w-]+)?"
)
_PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d+\b", re.IGNORECASE)
_US_CITY_ZIP = re.compile(r"\b[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){0,2},\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[ABD-HJLNP-UW-Z]{2}\b")


def find_addresses(text: str) -> list[Span]:
    out: list[Span] = []
    for rx, detail in ((_STREET, "street"), (_PO_BOX, "po_box"), (_US_CITY_ZIP, "city_zip"),
                       (_UK_POSTCODE, "postcode")):
        out.extend((m.start(), m.end(), "address", detail) for m in rx.finditer(text))
    return out


# --------------------------------------------------------------------------- labelled details


@lru_cache(maxsize=1)
def _label_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {r["label"].lower(): r["kind"] for r in _rows("personal_labels.csv")}
    alts = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    rx = re.compile(
        rf"(?im)(?:^|(?<=\|))[ \t]*(?:[-*•▪◦·]\s*)?({alts})[ \t]*(?::|-|–)[ \t]*([^\n|;]{{1,80}})"
    )
    return rx, kinds


def find_labelled(text: str) -> list[Span]:
    """``Label: value`` pairs at the start of a line whose label names a personal detail
    (date of birth, gender, marital status...); the value is masked."""
    rx, kinds = _label_regex()
    out: list[Span] = []
    for m in rx.finditer(text):
        start, end = m.span(2)
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end > start:
            label = m.group(1).lower()
            out.append((start, end, kinds[label], label))
    return out


_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+\d{{4}}|(?:19|20)\d{{2}})"
)
_BORN = re.compile(rf"\bborn\s+(?:on\s+|in\s+)?({_DATE})", re.IGNORECASE)
_AGE = re.compile(
    r"\b(?:\d{2}\s*-?\s*(?:years?|yrs?)\s*-?\s*old|aged?\s+\d{2})\b", re.IGNORECASE
)


def find_birth_and_age(text: str) -> list[Span]:
    out: list[Span] = [(m.start(1), m.end(1), "date_of_birth", "born") for m in _BORN.finditer(text)]
    out += [(m.start(), m.end(), "age", "") for m in _AGE.finditer(text)]
    return out


# --------------------------------------------------------------------------- education years

_YEAR = re.compile(r"(?<![\d/.-])(?:19[3-9]\d|20[0-4]\d)(?![\d/])|(?<![\w'’])['’]\d{2}(?!\d)")
_GRAD_PHRASE = re.compile(
    r"\b(?:class\s+of|graduat(?:ed|ion|ing)(?:\s+(?:in|on|date|year))?:?|expected(?:\s+graduation)?:?)"
    r"\s+(?:(?:in\s+)?" + _MONTHS + r"\s+)?((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_DEGREE_LINE = re.compile(
    r"\b(?:bachelor|master|b\.?\s?a\.?|b\.?\s?s\.?c?\.?|m\.?\s?s\.?c?\.?|m\.?\s?a\.?|mba|ph\.?\s?d\.?|"
    r"doctorate|diploma|degree|high school|secondary school|ged|university|college|academy|"
    r"graduat\w*|alumn\w*|a\.?a\.?s\.?|coursework|gpa)\b",
    re.IGNORECASE,
)


def find_graduation_years(text: str, sections: Sequence[Section]) -> list[Span]:
    """Years that date a candidate's schooling (and so their age): every year in an
    education section, years on a line that names a degree or school outside the
    experience section, and ``Class of 2010`` / ``graduated 2010`` anywhere."""
    out: list[Span] = []
    experience = [(s.start, s.end) for s in sections if s.kind == "experience"]
    for sec in sections:
        if sec.kind == "education":
            for m in _YEAR.finditer(text, sec.start, sec.end):
                out.append((m.start(), m.end(), "graduation_year", "education section"))
    pos = 0
    for line in text.splitlines(keepends=True):
        if (len(line) <= 160 and _DEGREE_LINE.search(line)
                and not any(a <= pos < b for a, b in experience)):
            for m in _YEAR.finditer(line):
                out.append((pos + m.start(), pos + m.end(), "graduation_year", "degree line"))
        pos += len(line)
    for m in _GRAD_PHRASE.finditer(text):
        out.append((m.start(1), m.end(1), "graduation_year", "graduation phrase"))
    return out


# --------------------------------------------------------------------------- gender markers


@lru_cache(maxsize=1)
def _gender_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = _rows("gender_terms.csv")
    words = sorted({r["term"] for r in rows if r["kind"] != "title"}, key=len, reverse=True)
    titles = sorted({r["term"] for r in rows if r["kind"] == "title"}, key=len, reverse=True)
    word_rx = re.compile(
        r"(?<![\w'’])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'’])",
        re.IGNORECASE,
    )
    title_rx = re.compile(
        r"(?<![\w/'’-])(?:" + "|".join(re.escape(t) for t in titles) + r")\.?(?=\s+[A-Z])"
    )
    return word_rx, title_rx


#: capitalised words after which "Ms"/"Mr" without a full stop is a product or a degree
#: ("Ms Word", "MS Computer Science"), not an honorific.
_NOT_A_NAME_AFTER_TITLE = frozenset("""word excel access office project visio sql exchange
    sharepoint outlook powerpoint dynamics teams windows visual publisher dos paint server
    azure onenote frontpage works money navision crm degree in of computer science
    information management business finance accounting engineering education nursing
    marketing communications psychology mathematics""".split())


def find_gender_markers(text: str) -> list[Span]:
    """Pronouns, honorifics and gendered words (see ``data/gender_terms.csv``)."""
    word_rx, title_rx = _gender_regexes()
    out: list[Span] = [(m.start(), m.end(), "gender_marker", "word") for m in word_rx.finditer(text)]
    for m in title_rx.finditer(text):
        if not m.group().endswith("."):
            nxt = re.match(r"\s+([A-Za-z]+)", text[m.end():m.end() + 40])
            if nxt and nxt.group(1).lower() in _NOT_A_NAME_AFTER_TITLE:
                continue
        out.append((m.start(), m.end(), "gender_marker", "title"))
    return out


def iter_all(text: str, sections: Sequence[Section], region: str) -> Iterator[Span]:
    """Every pattern detector's spans (names excluded)."""
    yield from find_emails(text)
    yield from find_links(text)
    yield from find_phones(text, region)
    yield from find_addresses(text)
    yield from find_labelled(text)
    yield from find_birth_and_age(text)
    yield from find_graduation_years(text, sections)
    yield from find_gender_markers(text)
