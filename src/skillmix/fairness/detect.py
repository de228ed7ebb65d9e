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
    "find_profile_handles",
]

Span = tuple[int, int, str, str]


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("skillmix.fairness").joinpath("data", name).read_text("utf-8")
    lines = (ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return list(csv.DictReader(lines))


# --------------------------------------------------------------------------- contact

_EMAIL = re.compile(r"(?<![\w.+-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}")
_PROFILE_HOSTS = (
    r"linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com|facebook\.com|fb\.com|"
    r"instagram\.com|tiktok\.com|youtube\.com|behance\.net|dribbble\.com|medium\.com|"
    r"about\.me|threads\.net|pinterest\.com|snapchat\.com|t\.me|wa\.me|stackoverflow\.com|"
    r"angel\.co|wellfound\.com|substack\.com|linktr\.ee|bsky\.app"
)
_TLDS = (r"com|net|org|io|dev|me|co|app|ee|ly|us|uk|ca|in|info|biz|xyz|site|page|tv|gg|ai|"
         r"de|fr|es|it|nl|au|nz|ie|eu|online|blog|design|studio|link|bio|art")
_URL = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"')\]]+|(?<![\w@./-])[a-z0-9][\w.-]*\.(?:{_TLDS})/[^\s<>\"')\]]*",
    re.IGNORECASE,
)
_PROFILE_RX = re.compile(_PROFILE_HOSTS, re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b")


def find_emails(text: str) -> list[Span]:
    return [(m.start(), m.end(), "email", "") for m in _EMAIL.finditer(text)]


_URL_TOKEN = re.compile(r"[^\s<>\"'()\[\]|,;]+")


_NETWORKS = (r"Twitter|X|LinkedIn|GitHub|GitLab|Facebook|Instagram|TikTok|YouTube|Behance|"
             r"Dribbble|Medium|Threads|Pinterest|Snapchat|Telegram|WhatsApp|Stack ?Overflow|"
             r"Mastodon|Bluesky|Reddit|SoundCloud|Twitch|Discord|Skype|Kaggle|Substack")
_HANDLE_WORD = r"@?[A-Za-z0-9_][A-Za-z0-9_.\-]{0,38}[A-Za-z0-9_]"
_PROFILE_PAIR = re.compile(
    rf"(?:{_NETWORKS})[ \t]*[:\-–]?[ \t]*({_HANDLE_WORD})(?:[ \t]+(?:https?://|www\.)\S+)?",
    re.IGNORECASE)
_PROFILE_LINE = re.compile(
    rf"(?im)^[ \t]*(?:[-*•][ \t]*)?(?:(?:{_NETWORKS})[ \t]*[:\-–]?[ \t]*{_HANDLE_WORD}"
    rf"(?:[ \t]+(?:https?://|www\.)\S+)?[ \t]*[|,;•·]?[ \t]*)+$")


def find_profile_handles(text: str) -> list[Span]:
    """Usernames next to a network's name on a line that holds only such pairs (and
    their links): "Twitter jreyes", "LinkedIn: jordanreyes | GitHub jr" (how a JSON
    Resume's ``basics.profiles`` is written out). Why a whole line: "Facebook Ads" or
    "Twitter analytics" inside a sentence is a skill, not a handle."""
    out: list[Span] = []
    for line in _PROFILE_LINE.finditer(text):
        for m in _PROFILE_PAIR.finditer(line.group()):
            if re.fullmatch(_NETWORKS, m.group(1).lstrip("@"), re.IGNORECASE):
                continue
            a, b = m.span(1)
            out.append((line.start() + a, line.start() + b, "profile_link", "username"))
    return out


def find_links(text: str) -> list[Span]:
    """URLs (all of them: a personal site identifies as well as a profile does) and
    social handles such as ``@janedoe``."""
    out: list[Span] = []
    for tok in _URL_TOKEN.finditer(text):
        word = tok.group()
        if "." not in word or ("/" not in word and not word.lower().startswith("www.")):
            continue
        for m in _URL.finditer(word):
            end = m.end()
            while end > m.start() and word[end - 1] in ".,;:!?":
                end -= 1
            detail = "profile" if _PROFILE_RX.search(m.group()) else "url"
            out.append((tok.start() + m.start(), tok.start() + end, "profile_link", detail))
    if "@" in text:
        for m in _HANDLE.finditer(text):
            out.append((m.start(), m.end(), "profile_link", "handle"))
    return out


_PHONE_CANDIDATE = re.compile(r"\+?\(?\d[\d \t().\-/]{5,}\d")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d")
_PHONE_FALLBACK = re.compile(
    r"(?<![\w+])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]\d{3}[\s.-]\d{4}(?!\d)"
)


#: a North-American number short by one digit, as printed ("(305) 436-400" in a real
#: résumé PDF): the area code in brackets, or three groups joined by one "-" or "."
_PHONE_SHORT = re.compile(
    r"(?<![\w+(])(?:\(\d{3}\)[ \t]?\d{3}[ \t.-]\d{3}|\d{3}([.-])\d{3}\1\d{3})(?![\d\w])"
)


def find_phones(text: str, region: str = "US") -> list[Span]:
    """Phone numbers in any format libphonenumber recognises (``region`` is the default
    country for numbers written without ``+``), plus plain North-American patterns."""
    try:
        import phonenumbers
    except ImportError as err:  # pragma: no cover - depends on the install
        raise MissingExtraError.for_module("phonenumbers", "fairness") from err
    out: list[Span] = []
    # libphonenumber tries every digit run; only runs with enough digits to be a phone
    # number (and that are not a year range) are handed to it, with a little context
    for cand in _PHONE_CANDIDATE.finditer(text):
        chunk = cand.group()
        if sum(c.isdigit() for c in chunk) < 7 or _YEAR_RANGE.fullmatch(chunk.strip()):
            continue
        lo = max(0, cand.start() - 4)
        for match in phonenumbers.PhoneNumberMatcher(text[lo:cand.end() + 4], region,
                                                     leniency=phonenumbers.Leniency.VALID):
            out.append((lo + match.start, lo + match.end, "phone", ""))
    for m in _PHONE_FALLBACK.finditer(text):
        out.append((m.start(), m.end(), "phone", ""))
    # a number short by a digit is still the candidate's (a truncated PDF line): masked
    out += [(m.start(), m.end(), "phone", "short") for m in _PHONE_SHORT.finditer(text)]
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
_STATE_ZIP = re.compile(r",[ \t]*[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b")
_CITY_BEFORE = re.compile(r"[A-Z][A-Za-z.'-]+(?:[ \t][A-Z][A-Za-z.'-]+){0,2}$")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[ABD-HJLNP-UW-Z]{2}\b")


def find_addresses(text: str) -> list[Span]:
    out: list[Span] = []
    for rx, detail in ((_STREET, "street"), (_PO_BOX, "po_box"), (_UK_POSTCODE, "postcode")):
        out.extend((m.start(), m.end(), "address", detail) for m in rx.finditer(text))
    # "Springfield, IL 62704": find the state and ZIP, then the city words before them
    for m in _STATE_ZIP.finditer(text):
        lo = max(0, m.start() - 40)
        city = _CITY_BEFORE.search(text, lo, m.start())
        if city:
            out.append((city.start(), m.end(), "address", "city_zip"))
    return out


# --------------------------------------------------------------------------- labelled details


@lru_cache(maxsize=1)
def _label_regex() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Three readings of ``Label: value``: at a line's start or after "|" (a colon, or a
    dash with a space before it: "DOB - 1990", while "Photo-editing" and "Mobile-first"
    are words); after a sentence on the same line (a colon only: "...in 2019. Gender:
    F"); and anywhere (tried where the value before it was cut at a label)."""
    kinds = {r["label"].lower(): r["kind"] for r in _rows("personal_labels.csv")}
    alts = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    value = r"[ \t]*([^\n|;]+)"
    line = re.compile(
        rf"(?im)(?:^|(?<=\|))[ \t]*(?:[-*•▪◦·]\s*)?({alts})(?:[ \t]*:|[ \t]+[-–]){value}")
    after_sentence = re.compile(rf"(?i)(?<=[.;][ \t])({alts})[ \t]*:{value}")
    anywhere = re.compile(rf"(?i)\b({alts})[ \t]*:{value}")
    return line, after_sentence, anywhere, kinds


_NEXT_LABEL = re.compile(r"[ \t]+[A-Z][A-Za-z.]*(?:[ \t][A-Za-z.]+){0,2}[ \t]*:")
_MAX_VALUE_WORDS = 8


def find_labelled(text: str) -> list[Span]:
    """``Label: value`` pairs at the start of a line (or of a sentence on it) whose label
    names a personal detail (date of birth, gender, marital status...); the value is
    masked. Where unsure how far a value goes, more is masked, not less."""
    line, after_sentence, anywhere, kinds = _label_regex()

    def first(pos: int) -> re.Match[str] | None:
        found = [m for m in (line.search(text, pos), after_sentence.search(text, pos)) if m]
        return min(found, key=lambda m: m.start()) if found else None

    out: list[Span] = []
    m = first(0)
    while m is not None:
        start, end = m.span(2)
        after: re.Match[str] | None = None
        # the value ends at the next "Label:" on the line, and after at most eight words
        # (a word cap, not a character cap: swapping "Male" for "Female" must not move it)
        nxt = _NEXT_LABEL.search(text, start, end)
        if nxt:
            # the next label may be one of ours ("Roman Catholic Marital Status: Single"):
            # the value ends where it starts; else at the last word before the colon
            after = anywhere.search(text, nxt.start())
            if after is not None and after.start() < nxt.end():
                end = after.start()
            else:
                after = None
                colon = text.rindex(":", nxt.start(), nxt.end())
                end = text.rfind(" ", nxt.start(), colon) + 1 or nxt.start()
                end = max(end, nxt.start())
        words = list(re.finditer(r"\S+", text[start:end]))
        if len(words) > _MAX_VALUE_WORDS:
            end = start + words[_MAX_VALUE_WORDS - 1].end()
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end > start:
            label = m.group(1).lower()
            out.append((start, end, kinds[label], label))
        m = after or first(max(end, start))
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
    done: set[int] = set()
    for hit in _DEGREE_LINE.finditer(text):
        start = text.rfind("\n", 0, hit.start()) + 1
        if start in done:
            continue
        done.add(start)
        end = text.find("\n", hit.end())
        end = len(text) if end == -1 else end
        if end - start <= 160 and not any(a <= start < b for a, b in experience):
            for m in _YEAR.finditer(text, start, end):
                out.append((m.start(), m.end(), "graduation_year", "degree line"))
    for m in _GRAD_PHRASE.finditer(text):
        out.append((m.start(1), m.end(1), "graduation_year", "graduation phrase"))
    return out


# --------------------------------------------------------------------------- gender markers


@lru_cache(maxsize=1)
def _gender_terms() -> tuple[tuple[str, ...], re.Pattern[str]]:
    rows = _rows("gender_terms.csv")
    words = tuple(sorted({r["term"].lower() for r in rows if r["kind"] != "title"},
                         key=len, reverse=True))
    titles = sorted({r["term"] for r in rows if r["kind"] == "title"}, key=len, reverse=True)
    title_rx = re.compile(
        r"(?<![\w'’])(?:" + "|".join(re.escape(t) for t in titles) + r")\.?(?=\s+[A-Z])"
    )
    return words, title_rx


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "'"


def _find_words(low: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``words`` in ``low`` (lower case, ’ written '), longest
    first; a hyphen or slash ends a word ("Mother-Baby", "he/him")."""
    found: list[tuple[int, int]] = []
    taken: set[int] = set()
    n = len(low)
    for w in words:
        pos = low.find(w)
        while pos != -1:
            end = pos + len(w)
            if end < n and low[end] == "'" and not w.endswith("'"):
                # a possessive: "my daughters' school", "his wife's firm"
                end += 2 if low.startswith("'s", end) else 1
            if ((pos == 0 or not _word_char(low[pos - 1]))
                    and (end >= n or not _word_char(low[end]) or w.endswith("'"))
                    and pos not in taken):
                found.append((pos, end))
                taken.update(range(pos, end))
            pos = low.find(w, pos + 1)
    return found


#: capitalised words after which "Ms"/"Mr" without a full stop is a product or a degree
#: ("Ms Word", "MS Computer Science"), not an honorific.
_NOT_A_NAME_AFTER_TITLE = frozenset("""word excel access office project visio sql exchange
    sharepoint outlook powerpoint dynamics teams windows visual publisher dos paint server
    azure onenote frontpage works money navision crm degree in of computer science
    information management business finance accounting engineering education nursing
    marketing communications psychology mathematics""".split())


def find_gender_markers(text: str) -> list[Span]:
    """Pronouns, honorifics and gendered words (see ``data/gender_terms.csv``)."""
    words, title_rx = _gender_terms()
    low = text.lower().replace("\u2019", "'")
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("\u2019", "'")
    out: list[Span] = [(a, b, "gender_marker", "word") for a, b in _find_words(low, words)]
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
    yield from find_profile_handles(text)
    yield from find_phones(text, region)
    yield from find_addresses(text)
    yield from find_labelled(text)
    yield from find_birth_and_age(text)
    yield from find_graduation_years(text, sections)
    yield from find_gender_markers(text)
