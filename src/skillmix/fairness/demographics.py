"""Self-reported demographics for audits, and nothing else.

This module is the only place skillmix reads sex or race/ethnicity, and only the audit
imports it: the readers, the extractor, the assessor and the ranker never do (a test walks
their imports to prove it). A demographics file is a CSV, JSON or JSONL file with one row
per candidate: an id matching the results' ids, a sex and a race/ethnicity. Values are
normalised to the EEO-1 categories LL144 audits use; blanks, "declined" and anything not
recognised count as unknown (and are reported as such, never guessed).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..errors.config_codes import C001
from ..errors.fairness_codes import F130, F131, F132
from ..records import Record

__all__ = [
    "Demographic",
    "RACES",
    "SEXES",
    "intersection",
    "load_demographics",
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
    """One candidate's self-reported categories (``None`` when unknown)."""

    id: str
    sex: str | None = None
    race: str | None = None


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
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    for n in names:
        if n in lowered:
            return lowered[n]
    return None


def load_demographics(path: str | Path, *, id_field: str = "id", sex_field: str = "sex",
                      race_field: str = "race") -> dict[str, Demographic]:
    """Read a demographics file into ``id -> Demographic``.

    Column names are matched case-insensitively; besides the ones given, ``candidate_id``,
    ``gender`` and ``race_ethnicity``/``ethnicity`` are understood. A duplicate id is an
    error (which row would be right?).
    """
    out: dict[str, Demographic] = {}
    ids = (id_field.lower(), "id", "candidate_id", "candidate", "resume_id")
    sexes = (sex_field.lower(), "sex", "gender")
    races = (race_field.lower(), "race", "race_ethnicity", "race/ethnicity", "ethnicity")
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
                               normalise_race(_field(row, races)))
    return out
