"""Self-reported demographics for audits, and nothing else.

This module is the only place skillmix reads sex, race/ethnicity or age, and only the
audit imports it: the readers, the extractor, the assessor and the ranker never do (a test
walks their imports to prove it). A demographics file is a CSV, JSON or JSONL file with one
row per candidate: an id matching the results' ids, a sex, a race/ethnicity and an age (as
an age, a birth year or an age band). Sex and race are normalised to the EEO-1 categories
LL144 audits use, age to the two groups of the US Age Discrimination in Employment Act
(under 40; 40 and over, the protected group); blanks, "declined" and anything not
recognised count as unknown (and are reported as such, never guessed). skillmix never
infers an age from anything else (a résumé's dates included): it is read from this file.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..errors.config_codes import C001
from ..errors.fairness_codes import F130, F131, F132, F137
from ..records import Record

__all__ = [
    "ADEA_AGE",
    "AGE_GROUPS",
    "Demographic",
    "RACES",
    "SEXES",
    "intersection",
    "load_demographics",
    "normalise_age",
    "normalise_birth_year",
    "normalise_race",
    "normalise_sex",
    "read_table",
]

#: EEO-1 sex categories (others given verbatim in a file are kept as their own category).
SEXES = ("Male", "Female")
#: EEO-1 race/ethnicity categories, in the order EEO-1 lists them.
RACES = (
    "Hispanic or Latino",
    "White",
    "Black or African American",
    "Native Hawaiian or Pacific Islander",
    "Asian",
    "Native American or Alaska Native",
    "Two or More Races",
)
#: The age from which the ADEA protects workers (29 U.S.C. 631(a)).
ADEA_AGE = 40
#: The two age groups of an ADEA adverse-impact analysis, younger first.
AGE_GROUPS = ("Under 40", "40 and over")
#: Ages outside this range are taken for errors in the file and count as unknown.
_AGE_MIN, _AGE_MAX = 14, 100

_UNKNOWN = {"", "unknown", "na", "n/a", "none", "null", "decline", "declined",
            "declined to answer", "declined to state", "prefer not to say",
            "prefer not to answer", "not disclosed", "undisclosed", "not specified", "?"}

_SEX_ALIASES = {"m": "Male", "male": "Male", "man": "Male", "men": "Male",
                "f": "Female", "female": "Female", "woman": "Female", "women": "Female"}

_RACE_ALIASES = {
    "hispanic or latino": RACES[0], "hispanic": RACES[0], "latino": RACES[0], "latina": RACES[0],
    "latinx": RACES[0], "hispanic/latino": RACES[0],
    "white": RACES[1], "white (not hispanic or latino)": RACES[1], "caucasian": RACES[1],
    "black or african american": RACES[2], "black": RACES[2], "african american": RACES[2],
    "black/african american": RACES[2],
    "native hawaiian or pacific islander": RACES[3],
    "native hawaiian or other pacific islander": RACES[3], "pacific islander": RACES[3],
    "native hawaiian": RACES[3], "nhpi": RACES[3],
    "asian": RACES[4],
    "native american or alaska native": RACES[5], "american indian or alaska native": RACES[5],
    "native american": RACES[5], "american indian": RACES[5], "alaska native": RACES[5],
    "aian": RACES[5],
    "two or more races": RACES[6], "two or more": RACES[6], "multiracial": RACES[6],
    "multiple": RACES[6], "mixed": RACES[6],
}


@dataclass(frozen=True, slots=True)
class Demographic(Record):
    """One candidate's self-reported categories (``None`` when unknown).

    ``age_group`` is one of :data:`AGE_GROUPS`, never an age: the number of years is not
    kept past reading the file."""

    id: str
    sex: str | None = None
    race: str | None = None
    age_group: str | None = None


def normalise_sex(value: Any) -> str | None:
    """``Male``/``Female`` for their usual spellings; another stated value is kept in
    title case as its own category; blanks and refusals are ``None``."""
    if value is None:
        return None
    text = str(value).strip()
    low = text.lower()
    if low in _UNKNOWN:
        return None
    return _SEX_ALIASES.get(low, text[:1].upper() + text[1:])


def normalise_race(value: Any) -> str | None:
    """The EEO-1 race/ethnicity category for a value, or ``None`` if unknown or not an
    EEO-1 category (an auditor must map other schemes explicitly, not have them guessed)."""
    if value is None:
        return None
    low = " ".join(str(value).strip().lower().split())
    if low in _UNKNOWN:
        return None
    return _RACE_ALIASES.get(low)


def intersection(d: Demographic) -> str | None:
    """The LL144 intersectional category (``"Black or African American Female"``)."""
    if d.sex is None or d.race is None:
        return None
    return f"{d.race} {d.sex}"


# ------------------------------------------------------------------------------- age
#
# An age is read as the span of ages it allows, (youngest, oldest): an age gives one age, a
# band such as "25-34" or "40+" a range, a birth year the two ages a person born that year
# can have on the audit date. The span gives the group when it lies wholly on one side of
# 40, and nothing (unknown) when it straddles 40 or lies outside 14-100.

_Span = tuple[float, float]

#: a whole number of years: "42", "+42", "42.0" (a spreadsheet's float); "-3" reads, then
#: is impossible
_WHOLE = re.compile(r"[+-]?(\d+)(?:\.0*)?")
#: a birth year: four digits ("1984", "1984.0"); "84" leaves the century to a guess
_YEAR = re.compile(r"(\d{4})(?:\.0*)?")
#: the forms of an age band, tried in turn on lower-case text without "years"/"age"
_BANDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), kind) for pattern, kind in (
        (r"(\d+) ?(?:\+|plus|and (?:over|older|above|up|more)|or (?:over|older|above|more))",
         "from"),
        (r"(?:>=|at least) ?(\d+)", "from"),
        (r"(?:>|over|above|older than|more than) ?(\d+)", "after"),
        (r"(?:<|under|below|younger than|less than) ?(\d+)", "before"),
        (r"(?:<=|at most) ?(\d+)", "upto"),
        (r"(\d+) ?(?:and|or) (?:under|younger|below|less)", "upto"),
        (r"(\d+) ?(?:-|to) ?(\d+)", "range"),
    ))


def _given(value: Any) -> str | None:
    """A value's text, or ``None`` for a blank, a refusal, or text without a digit
    (no age in any form read here: "declined to self-identify", "forty")."""
    if value is None or isinstance(value, bool):
        return None
    text = " ".join(str(value).split())
    if text.lower() in _UNKNOWN or not any(c.isdigit() for c in text):
        return None
    return text


def _age_span(text: str) -> _Span | None:
    """The ages a whole number of years or an age band allows; ``None`` when the text is
    neither."""
    t = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    t = t.replace("\u2265", ">=").replace("\u2264", "<=")
    # the unit may stand against the figure ("42yo", "42yrs")
    t = re.sub(r"(?:\b|(?<=\d))(?:(?:years?|yrs?)\b\.?(?: old)?|y/?o\b)", " ", t)
    t = " ".join(re.sub(r"^(?:ages?|aged)\b", "", t.strip()).split())
    if _WHOLE.fullmatch(t):
        years = int(t.split(".")[0])
        return (years, years)
    for pattern, kind in _BANDS:
        m = pattern.fullmatch(t)
        if not m:
            continue
        n = int(m.group(1))
        if kind == "from":
            return (n, math.inf)
        if kind == "after":
            return (n + 1, math.inf)
        if kind == "before":
            return (0, n - 1)
        if kind == "upto":
            return (0, n)
        top = int(m.group(2))
        return (n, top) if n <= top else None
    return None


def _birth_year_span(text: str, as_of: date) -> _Span | None:
    """The ages someone born in the year ``text`` can be on ``as_of``: two (before and after
    their birthday), one on 31 December; ``None`` when ``text`` is not a four-digit year."""
    m = _YEAR.fullmatch(text)
    if not m:
        return None
    oldest = as_of.year - int(m.group(1))
    if (as_of.month, as_of.day) == (12, 31):
        return (oldest, oldest)
    return (oldest - 1, oldest)


def _possible(span: _Span) -> bool:
    """Whether an applicant can be of an age in ``span`` (outside 14-100: an error in the
    file, a birth year in the age column, say)."""
    youngest, oldest = span
    return oldest >= _AGE_MIN and youngest <= _AGE_MAX


def _group(span: _Span) -> str | None:
    youngest, oldest = span
    if not _possible(span):
        return None
    if youngest >= ADEA_AGE:
        return AGE_GROUPS[1]
    if oldest < ADEA_AGE:
        return AGE_GROUPS[0]
    return None  # straddles 40 ("35-44", a birth year 40 years back): not guessed


def _audit_date() -> date:
    return datetime.now(timezone.utc).date()


def normalise_age(value: Any) -> str | None:
    """The age group (:data:`AGE_GROUPS`) of an age in whole years (``42``, ``"42"``) or
    of an age band (``"40+"``, ``"40 and over"``, ``"under 40"``, ``"<40"``, ``"45-54"``).

    ``None`` (unknown) for blanks and refusals, ages under 14 or over 100, numbers that are
    not whole (``"42.5"``), anything that is not an age, and bands that straddle 40
    (``"35-44"``): an unknown is never guessed."""
    text = _given(value)
    span = None if text is None else _age_span(text)
    return None if span is None else _group(span)


def normalise_birth_year(value: Any, as_of: date | None = None) -> str | None:
    """The age group of someone born in the year ``value`` (four digits), on ``as_of``
    (default: today, UTC, the date an audit is stamped with).

    A year alone does not say whether this year's birthday has passed, so someone born
    exactly 40 years before ``as_of`` is 39 or 40: unknown, except on 31 December.
    ``None`` too for blanks, refusals, two-digit years and years that allow no age from 14
    to 100."""
    text = _given(value)
    span = None if text is None else _birth_year_span(text, as_of or _audit_date())
    return None if span is None else _group(span)


@dataclass(slots=True)
class _AgeColumn:
    """One kind of age column of a file, and what it held (for :data:`F137`): ``given``
    counts its values other than blanks and refusals, ``read`` those that read as a
    possible age (a band across 40 included: it reads, it only gives no group)."""

    what: str
    names: tuple[str, ...]
    birth_year: bool = False
    column: str = ""
    given: int = 0
    read: int = 0
    first_unread: str = ""

    def span(self, row: Mapping[str, Any], as_of: date) -> _Span | None:
        hit = _lookup(row, self.names)
        text = None if hit is None else _given(hit[1])
        if hit is None or text is None:
            return None
        span = _birth_year_span(text, as_of) if self.birth_year else _age_span(text)
        self.column = self.column or hit[0]
        self.given += 1
        if span is not None and _possible(span):
            self.read += 1
        else:
            self.first_unread = self.first_unread or text
        return span


def _age_group(row: Mapping[str, Any], columns: list[_AgeColumn], as_of: date) -> str | None:
    """The group of the first column, in order, whose value gives one (an age before a
    birth year before an age band); every column is still read, for the check."""
    found = None
    for col in columns:
        span = col.span(row, as_of)
        if found is None and span is not None:
            found = _group(span)
    return found


def _check_age_columns(columns: list[_AgeColumn], path: str | Path) -> None:
    for col in columns:
        if col.given and not col.read:
            raise F137(f"column {col.column!r} holds no value that reads as {col.what} "
                       f"(first: {col.first_unread!r}).", source=str(path),
                       hint="Give ages in whole years from 14 to 100 (42), birth years "
                            "with four digits (1984) and age bands as '40+', 'under 40' or "
                            "'25-34'; blanks and refusals count as unknown.")


def read_table(path: str | Path) -> Iterator[Mapping[str, Any]]:
    """Rows of a CSV, JSON (a list of objects, or an object with a list under ``rows``,
    ``results`` or ``candidates``) or JSONL file."""
    p = Path(path)
    if not p.is_file():
        raise C001(f"no such file: {p}.", hint="Check the path.")
    text = p.read_text("utf-8-sig")
    name = p.name.lower()
    try:
        if name.endswith(".jsonl") or name.endswith(".ndjson"):
            for line in text.splitlines():
                if line.strip():
                    row = json.loads(line)
                    if isinstance(row, Mapping):
                        yield row
            return
        if name.endswith(".json") or text.lstrip()[:1] in ("[", "{"):
            data = json.loads(text)
            if isinstance(data, Mapping):
                for key in ("rows", "results", "candidates", "scorecards", "matches"):
                    if isinstance(data.get(key), list):
                        data = data[key]
                        break
                else:
                    data = [data]
            yield from (r for r in data if isinstance(r, Mapping))
            return
    except json.JSONDecodeError as err:
        raise F130(f"not valid JSON ({err.msg} at line {err.lineno}).",
                   source=str(p), hint="Pass CSV, JSON or JSONL.") from err
    yield from csv.DictReader(io.StringIO(text))


def _field(row: Mapping[str, Any], names: Iterable[str]) -> Any:
    hit = _lookup(row, names)
    return None if hit is None else hit[1]


def _lookup(row: Mapping[str, Any], names: Iterable[str]) -> tuple[str, Any] | None:
    """``(column as written, value)`` of the first of ``names`` (lower case) the row has,
    its columns matched case-insensitively."""
    keys = {str(k).strip().lower(): k for k in row}
    for n in names:
        if n in keys:
            return str(keys[n]).strip(), row[keys[n]]
    return None


def load_demographics(path: str | Path, *, id_field: str = "id", sex_field: str = "sex",
                      race_field: str = "race", age_field: str = "age",
                      birth_year_field: str = "birth_year", age_band_field: str = "age_band",
                      as_of: date | None = None) -> dict[str, Demographic]:
    """Read a demographics file into ``id -> Demographic``.

    Column names are matched case-insensitively; besides the ones given, ``candidate_id``,
    ``gender``, ``race_ethnicity``/``ethnicity``, ``year_of_birth`` and ``age_group`` are
    understood. A duplicate id is an error (which row would be right?).

    The age group comes from the first of the row's ``age``, birth year and age band that
    gives one: a stated age wins over a birth year that disagrees with it (an age is
    usually recorded when the person applied, the moment the ADEA looks at, while a birth
    year is only turned into an age at ``as_of``, the audit date by default), and an
    unknown age (blank, refused, impossible) leaves the birth year to decide. A column
    that holds values but not one that reads as a possible age in its form is an error
    (``F137``), so a file of full birth dates, decimal ages or birth years under ``age`` is
    not silently audited as all unknown.
    """
    out: dict[str, Demographic] = {}
    day = as_of or _audit_date()
    ids = (id_field.lower(), "id", "candidate_id", "candidate", "resume_id")
    sexes = (sex_field.lower(), "sex", "gender")
    races = (race_field.lower(), "race", "race_ethnicity", "race/ethnicity", "ethnicity")
    ages = [
        _AgeColumn("an age", (age_field.lower(), "age", "age_years", "age in years")),
        _AgeColumn("a birth year", (birth_year_field.lower(), "birth_year", "year_of_birth",
                                    "birth year", "year of birth", "birthyear", "yob"),
                   birth_year=True),
        _AgeColumn("an age band", (age_band_field.lower(), "age_band", "age_group",
                                   "age band", "age group", "age_range", "age range")),
    ]
    for i, row in enumerate(read_table(path), start=1):
        cid = _field(row, ids)
        if cid is None or str(cid).strip() == "":
            raise F131(f"row {i} has no candidate id.", source=str(path),
                       hint=f"Add an '{id_field}' column matching the results' ids.")
        key = str(cid).strip()
        if key in out:
            raise F132(f"candidate {key!r} appears twice.", source=str(path),
                       hint="Keep one row per candidate.")
        out[key] = Demographic(key, normalise_sex(_field(row, sexes)),
                               normalise_race(_field(row, races)), _age_group(row, ages, day))
    _check_age_columns(ages, path)
    return out
