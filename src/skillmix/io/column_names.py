"""Which column of an unknown job-board export is which, by its name.

The presets (``data/corpus_presets.yaml``) know a few exports by their exact columns. A
user's own export (an ATS dump, a scrape, a spreadsheet) names the same fields in its own
words: "Job Title", "Job Description", "Employer", "Posted On". Rather than refuse such a
file until its columns are renamed, the reader maps each field from a list of the names
exports use (``data/column_names.yaml``), compared without regard to case, spaces or
punctuation. Only the description is required, and a vague one ("text", "body") counts
only beside a title column: a résumé export has text too, and must not read as postings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable, Mapping

from ..errors.config_codes import C024

__all__ = ["FIELDS", "POSTING_FIELDS", "RESUME_FIELDS", "check_field_columns", "header_columns",
           "infer_columns", "normal_name", "posting_columns"]

#: the posting fields a mapping can name, besides the description
FIELDS = ("title", "company", "location", "date", "id", "url")
#: every field a posting export's columns can be named for
POSTING_FIELDS = ("description", *FIELDS)
#: the fields a résumé export's columns can be named for
RESUME_FIELDS = ("text", "id", "name")


def normal_name(column: str) -> str:
    """``"Job Title"``, ``"job-title"``, ``"JOB_TITLE"`` and ``"jobTitle"`` all read
    ``job_title`` (a scraper's camelCase is split where a lower-case letter meets a
    capital)."""
    split = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", column)
    return re.sub(r"[^a-z0-9]+", "_", split.lower()).strip("_")


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    from ..yamlio import safe_load

    text = resources.files("skillmix.io").joinpath("data", "column_names.yaml").read_text("utf-8")
    return {field: tuple(normal_name(n) for n in names) for field, names in safe_load(text).items()}


def infer_columns(columns: Iterable[str]) -> dict[str, str]:
    """Field -> column for every field whose column is recognised (``description`` among
    them only when one can be the description). Each column serves one field; the first
    listed name wins. A vague description ("text", "body", "content") counts only beside
    both a title and a company column, and never beside a résumé's text column
    ("resume", "cv"): a résumé export has a text and often a title too."""
    by_norm: dict[str, str] = {}
    for col in columns:
        by_norm.setdefault(normal_name(col), col)
    names = _names()
    used: set[str] = set()

    def pick(field: str) -> str | None:
        for name in names[field]:
            col = by_norm.get(name)
            if col is not None and col not in used:
                used.add(col)
                return col
        return None

    found: dict[str, str] = {}
    desc = pick("description")
    for field in FIELDS:
        col = pick(field)
        if col is not None:
            found[field] = col
    resume_text = any(n in by_norm for n in names["resume_text"])
    if desc is None and "title" in found and "company" in found and not resume_text:
        desc = pick("weak_description")
    return found if desc is None else {"description": desc, **found}


def posting_columns(columns: Iterable[str]) -> bool:
    """Whether the columns' names say which one holds a job description."""
    return "description" in infer_columns(columns)


def check_field_columns(given: Mapping[str, str],
                        allowed: tuple[str, ...] = POSTING_FIELDS) -> dict[str, str]:
    """A user's field -> column names, checked: [C024] for a field not ``allowed`` (a
    posting export's fields by default; :data:`RESUME_FIELDS` for résumés), an empty
    column name or a field named twice (field names compare without case)."""
    out: dict[str, str] = {}
    for field, column in given.items():
        key = str(field).strip().lower()
        if key not in allowed or not str(column).strip():
            what = "a résumé export" if allowed == RESUME_FIELDS else "a job-board export"
            raise C024(f"{what} names its columns for the fields {list(allowed)}; "
                       f"got {field!r}={column!r}.")
        if key in out:
            raise C024(f"the field {key!r} is named twice ({out[key]!r} and {column!r}).")
        out[key] = str(column)
    return out


def header_columns(given: Mapping[str, str], columns: Iterable[str], source: str) -> dict[str, str]:
    """The user's field -> column names matched to the header: the same name, else the one
    that reads the same without case, spaces or punctuation ("job text" for "Job Text ");
    [D115] naming ``source`` for a name the header lacks. With no header known (a JSONL
    file read without its first object), the names stand as given."""
    from .codes import doc_error
    from ..errors.document_codes import D115

    cols = list(columns)
    if not cols:
        return dict(given)
    by_norm: dict[str, str] = {}
    for col in cols:
        by_norm.setdefault(normal_name(col), col)
    out: dict[str, str] = {}
    for field, name in given.items():
        header = name if name in cols else by_norm.get(normal_name(name))
        if header is None:
            raise doc_error(D115, source, f"no column {name!r} among {cols[:12]}",
                            hint="Name a column of the file's header (its case and spaces "
                                 "may differ).")
        out[field] = header
    return out
