"""Job-board corpora (CSV, JSONL, Parquet) streamed as :class:`~skillmix.records.Posting`.

Rows are read one at a time (``csv`` row by row, JSONL line by line, Parquet through
``iter_batches``), so a corpus of any size runs in constant memory. A column mapping says
which column holds the id, title, description, date, company, location and url; presets
for known exports live in ``data/corpus_presets.yaml`` and are sniffed from the header
when none is named. A row that cannot be read is a recorded failure (``D114``) in the
:class:`~skillmix.batch.BatchReport`, never a crash.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, TypeVar

from ..batch import BatchReport, OnError, check_on_error, run_batch
from ..errors.config_codes import C024, C025
from ..errors.document_codes import D101, D104, D111, D114, D115
from ..records import Document, Posting, content_id
from .codes import doc_error
from .column_names import check_field_columns, header_columns, infer_columns, posting_columns
from .html import html_to_text
from .limits import ReadLimits
from .sections import detect_sections, unglue_headings
from .text import clean_text

__all__ = ["CorpusMapping", "PRESETS", "read_corpus", "resolve_mapping", "sniff_preset"]

M = TypeVar("M")


@dataclass(frozen=True, slots=True)
class CorpusMapping:
    """Which column holds what. Only ``description`` is required."""

    description: str
    id: str | None = None
    title: str | None = None
    company: str | None = None
    location: str | None = None
    date: str | None = None
    date_format: str | None = None
    url: str | None = None
    html: bool | None = None
    append: tuple[str, ...] = ()
    meta: tuple[str, ...] = ()
    signature: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "CorpusMapping":
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown or "description" not in data:
            raise C024(
                f"a corpus mapping needs 'description' and only these keys: {sorted(names)}; "
                f"got {sorted(data)}.",
            )
        values = dict(data)
        for key in ("append", "meta", "signature"):
            if key in values:
                v = values[key]
                values[key] = (v,) if isinstance(v, str) else tuple(v or ())
        return cls(**values)

    def columns(self) -> set[str]:
        cols = {self.description, *self.append}
        cols |= {c for c in (self.id, self.title, self.company, self.location, self.date, self.url) if c}
        return cols


def load_presets(file: str, parse: Callable[[Mapping[str, Any]], M]) -> dict[str, M]:
    """The presets of a data file of ``skillmix.io`` (name -> mapping), each parsed."""
    from ..yamlio import safe_load

    text = resources.files("skillmix.io").joinpath("data").joinpath(file).read_text("utf-8")
    return {name: parse(spec) for name, spec in safe_load(text).items()}


class LazyPresets(Mapping[str, M]):
    """A read-only mapping of presets loaded on first use (importing the package reads no
    data file)."""

    def __init__(self, load: Callable[[], dict[str, M]]) -> None:
        self._load = load

    def __getitem__(self, key: str) -> M:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


@lru_cache(maxsize=1)
def _presets() -> dict[str, CorpusMapping]:
    return load_presets("corpus_presets.yaml", CorpusMapping.from_dict)


#: The built-in column mappings by name (``linkedin``, ``remotive``, ``adzuna``, ``jobspy``, ``generic``).
PRESETS: Mapping[str, CorpusMapping] = LazyPresets(_presets)


def sniff_preset(columns: Iterable[str]) -> str | None:
    """The preset whose signature columns are all present (most specific first), else
    ``generic`` when the columns' names say which one is the description
    (:func:`~skillmix.io.column_names.infer_columns`)."""
    cols = list(columns)
    best = _signature_preset(cols)
    if best is None and posting_columns(cols):
        return "generic"
    return best


def _signature_preset(cols: list[str]) -> str | None:
    """The known export whose signature columns are all present (most specific first)."""
    best = None
    for name, m in _presets().items():
        if m.signature and set(m.signature) <= set(cols) and m.description in cols:
            if best is None or len(m.signature) > len(_presets()[best].signature):
                best = name
    return best


def resolve_mapping(
    columns: Iterable[str],
    preset: str | None = None,
    mapping: CorpusMapping | Mapping[str, Any] | None = None,
    field_columns: Mapping[str, str] | None = None,
    source: str | None = None,
) -> tuple[CorpusMapping | None, str | None]:
    """``(mapping, preset name)`` for an export's columns: ``mapping`` when given, else the
    named or sniffed preset; ``generic`` maps each field by its column's name, so "Job
    Title" or "Employer" need no renaming. ``field_columns`` (field -> column, the command
    line's ``--column``; checked, [C024], and matched to the header without regard to case
    or punctuation, [D115] naming ``source`` for a column it lacks) is put over whatever was
    found, the fields the names say included; ``(None, None)`` when nothing fits."""
    cols = list(columns)
    given = check_field_columns(field_columns or {})
    if mapping is not None:
        m = mapping if isinstance(mapping, CorpusMapping) else CorpusMapping.from_dict(mapping)
        name = None
        base = {f.name: getattr(m, f.name) for f in fields(m)}
    else:
        if preset is not None and preset not in _presets():
            raise C025(f"unknown corpus preset {preset!r}; known: {sorted(_presets())}.")
        name = preset or _signature_preset(cols)
        base = {}
        if name is None or name == "generic":
            # an epoch or ISO date alike: the names say nothing of the format
            base = {**infer_columns(cols), "date_format": None}
        else:
            p = _presets()[name]
            base = {f.name: getattr(p, f.name) for f in fields(p)}
    merged = {**base, **header_columns(given, cols, source or "corpus")}
    if not merged.get("description"):
        return None, None
    if name is None and mapping is None:
        name = "generic"
    return CorpusMapping.from_dict({k: v for k, v in merged.items() if v is not None}), name


# ----------------------------------------------------------------------- row sources


def corpus_format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    raise doc_error(D101, str(path), "a corpus must be .csv, .tsv, .jsonl or .parquet")


#: longest JSONL line read (the CSV field limit is the same)
MAX_LINE_CHARS = 50 * 1024 * 1024


def _bounded_lines(fh: Any, limit: int = MAX_LINE_CHARS) -> Iterator[tuple[int, Any]]:
    """``(line number, line)``, or ``(n, ("long", chars))`` for a line over ``limit``, which
    is skipped without ever being held whole (a file with no newline cannot fill memory)."""
    n = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) <= limit or line.endswith("\n"):
            yield n, line
            continue
        size = len(line)
        while line and not line.endswith("\n"):
            line = fh.readline(1 << 20)
            size += len(line)
        yield n, ("long", size, limit)


def _csv_lines(fh: Any, source: str, limit: int = MAX_LINE_CHARS) -> Iterator[str]:
    """The physical lines of a CSV file for ``csv.reader``, refusing the file (``[D104]``)
    at a line over ``limit`` instead of reading it whole into memory."""
    for _, line in _bounded_lines(fh, limit):
        if not isinstance(line, str):
            raise doc_error(D104, source, f"a line of {line[1]} characters, limit {line[2]}")
        yield line


def corpus_rows(path: Path, fmt: str,
          lim: ReadLimits | None = None) -> tuple[list[str], Iterator[tuple[int, Any]]]:
    """``(columns, iterator of (row number, raw row))``; raw rows are parsed later so a
    bad one fails alone."""
    if fmt == "csv":
        limit = max(csv.field_size_limit(), 50 * 1024 * 1024)
        csv.field_size_limit(min(limit, sys.maxsize))
        fh = path.open("r", encoding="utf-8-sig", newline="", errors="replace")
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        reader = csv.reader(_csv_lines(fh, str(path)), dialect=dialect)
        try:
            header = next(reader)
        except StopIteration:
            fh.close()
            return [], iter(())
        except csv.Error as exc:
            fh.close()
            raise doc_error(D115, str(path), f"unreadable header ({exc})") from None

        def gen() -> Iterator[tuple[int, Any]]:
            with fh:
                n = 1
                while True:
                    n += 1
                    try:
                        row = next(reader)
                    except StopIteration:
                        return
                    except csv.Error as exc:
                        yield n, exc
                        continue
                    yield n, dict(zip(header, row)) if len(row) == len(header) else ("width", len(row), len(header))

        return header, gen()
    if fmt == "jsonl":
        first_cols = _jsonl_columns(path)

        def gen_jsonl() -> Iterator[tuple[int, Any]]:
            with path.open("r", encoding="utf-8-sig", errors="replace") as fh2:
                for n, line in _bounded_lines(fh2):
                    if not isinstance(line, str) or line.strip():
                        yield n, line

        return first_cols, gen_jsonl()
    from .parquet import iter_rows, open_parquet

    pf = open_parquet(path, lim)  # D107/D109 before any page is read
    cols = list(pf.schema_arrow.names)

    def gen_parquet() -> Iterator[tuple[int, Any]]:
        yield from enumerate(iter_rows(pf, path, lim), start=1)

    return cols, gen_parquet()


def _jsonl_columns(path: Path, look: int = 50) -> list[str]:
    """The keys of a JSONL file's first object (its columns), looking past up to ``look``
    lines that are blank or not an object (each of those fails alone when read)."""
    with path.open("r", encoding="utf-8-sig", errors="replace") as fh:
        for n, line in _bounded_lines(fh):
            if n > look:
                break
            if isinstance(line, str) and line.strip():
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                if isinstance(obj, dict):
                    return list(obj)
    return []


def corpus_columns(path: Path, lim: ReadLimits | None = None) -> list[str]:
    """The columns of an export (CSV header, first JSONL object's keys, Parquet schema),
    read without reading its rows; [] for an empty file."""
    fmt = corpus_format(path)
    if fmt == "jsonl":
        return _jsonl_columns(path)
    if fmt == "parquet":
        from .parquet import open_parquet

        return list(open_parquet(path, lim or ReadLimits()).schema_arrow.names)
    with path.open("r", encoding="utf-8-sig", newline="", errors="replace") as fh:
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        try:
            return next(csv.reader(_csv_lines(fh, str(path)), dialect=dialect), [])
        except csv.Error as exc:
            raise doc_error(D115, str(path), f"unreadable header ({exc})") from None


# ---------------------------------------------------------------------------- rows


def cell_text(value: Any) -> str:
    """A cell as text: None and NaN (pandas-made files) are empty, a list is joined."""
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas-made files
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(cell_text(v) for v in value if cell_text(v))
    return str(value)


def _parse_date(value: Any, fmt: str | None) -> date | None:
    s = cell_text(value).strip()
    if not s:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        if fmt in ("epoch_ms", "epoch_s") or re.fullmatch(r"\d{10,13}(?:\.\d+)?", s):
            num = float(s)
            if fmt == "epoch_ms" or (fmt is None and num > 1e11):
                num /= 1000.0
            return datetime.fromtimestamp(num, tz=timezone.utc).date()
        return datetime.fromisoformat(s.replace("Z", "+00:00")[:32]).date()
    except (ValueError, OverflowError, OSError):
        m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b", s)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
        return _worded_date(s)


#: dates with the month in words, as spreadsheets and scrapes write them ("Apr 3, 2025",
#: "3 April 2025"); a numeric day/month order ("03/04/2025") is ambiguous and left unread
_WORDED = ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%a %b %d %Y", "%A %B %d %Y",
           "%a %d %b %Y", "%A %d %B %Y")


def _worded_date(s: str) -> date | None:
    if not re.search(r"[A-Za-z]{3}", s):
        return None  # no month in words: spare the formats below
    flat = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|[,.]|(?<=\d)-(?=[A-Za-z])|(?<=[A-Za-z])-(?=\d)", " ", s)
    flat = " ".join(flat.split()[:5])
    for words in (flat, " ".join(flat.split()[:4]), " ".join(flat.split()[:3])):
        for fmt in _WORDED:
            try:
                return datetime.strptime(words.replace("Sept ", "Sep "), fmt).date()
            except ValueError:
                continue
    return None


def _row_posting(
    row: Mapping[str, Any], m: CorpusMapping, source: str, limits: ReadLimits
) -> Posting:
    raw = cell_text(row.get(m.description))
    html = m.html if m.html is not None else bool(re.search(r"<(?:p|div|br|li|ul|b|strong)\b", raw[:2000], re.I))
    text = html_to_text(raw) if html else clean_text(raw)
    for col in m.append:
        extra = clean_text(cell_text(row.get(col)))
        if extra and extra not in text:
            text = f"{text}\n\n{extra}" if text else extra
    text = unglue_headings(clean_text(text), "posting")
    if not text.strip():
        raise doc_error(D114, source, f"empty description column {m.description!r}")
    if len(text) > limits.max_text_chars:
        raise doc_error(D114, source, f"description over {limits.max_text_chars} characters")
    rid = cell_text(row.get(m.id)).strip() if m.id else ""
    if rid.endswith(".0") and rid[:-2].isdigit():
        rid = rid[:-2]
    title = clean_text(cell_text(row.get(m.title))) or None if m.title else None
    company = clean_text(cell_text(row.get(m.company))) or None if m.company else None
    location = clean_text(cell_text(row.get(m.location))) or None if m.location else None
    url = cell_text(row.get(m.url)).strip() or None if m.url else None
    posted = _parse_date(row.get(m.date), m.date_format) if m.date else None
    meta = {col: row.get(col) for col in m.meta if row.get(col) not in (None, "")}
    doc_id = rid or content_id(text)
    doc = Document(
        id=doc_id,
        text=text,
        source=source,
        media_type="text/html" if html else "text/plain",
        kind="posting",
        title=title,
        sections=detect_sections(text, "posting"),
        metadata=meta,
    )
    return Posting(document=doc, id=doc_id, title=title, company=company, location=location, posted=posted, url=url)


def open_export(
    path: str | Path, on_error: OnError, limits: ReadLimits | dict[str, Any] | None,
) -> tuple[Path, str, ReadLimits, list[str], Iterator[tuple[int, Any]]]:
    """What both export readers (postings, résumés) start with: the arguments checked,
    the file's format, its limits, columns and raw rows (:func:`corpus_rows`)."""
    check_on_error(on_error)
    lim = ReadLimits.coerce(limits)
    p = Path(path)
    if not p.is_file():
        raise doc_error(D111, str(p), "no such file")
    fmt = corpus_format(p)
    columns, rows = corpus_rows(p, fmt, lim)
    return p, fmt, lim, columns, rows


def read_corpus(
    path: str | Path,
    preset: str | None = None,
    mapping: CorpusMapping | Mapping[str, Any] | None = None,
    *,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    limits: ReadLimits | dict[str, Any] | None = None,
    field_columns: Mapping[str, str] | None = None,
) -> Iterator[Posting]:
    """Stream the postings of a CSV, JSONL or Parquet export.

    ``preset`` names a built-in mapping (see :data:`PRESETS`); ``mapping`` gives one (a
    :class:`CorpusMapping` or a dict of its fields); with neither, the preset is sniffed
    from the columns, or each field is found by its column's name. ``field_columns`` (field ->
    column) is put over the result (:func:`resolve_mapping`). Raises D115 when the columns
    do not fit; bad rows follow ``on_error``.
    """
    p, fmt, lim, columns, rows = open_export(path, on_error, limits)
    m, _ = resolve_mapping(columns, preset, mapping, field_columns, source=str(p))
    if m is None:
        from .resume_corpus import sniff_resume_preset

        resumes = sniff_resume_preset(columns, generic=False) if columns else None
        raise doc_error(
            D115, str(p),
            f"the columns {columns[:12]} are a résumé export ({resumes}), not postings"
            if resumes else f"no column of {columns[:12]} reads as a job description",
            hint="A job-board export needs a description column (description, job "
                 "description, ...) or the columns of a known export "
                 f"({', '.join(sorted(_presets()))}); name it with --column "
                 "description=NAME, or from Python read_corpus(path, "
                 "field_columns={'description': NAME}).",
        )
    if columns and m.description not in columns:
        raise doc_error(D115, str(p), f"no column {m.description!r} among {columns[:12]}")

    def work(item: tuple[int, Any]) -> Posting:
        src = f"{p}:{item[0]}"
        return _row_posting(row_object(item[1], src), m, src, lim)

    yield from run_batch(rows, work, source=lambda item: f"{p}:{item[0]}", on_error=on_error, report=report)


def row_object(raw: Any, src: str) -> Mapping[str, Any]:
    """One raw row of :func:`corpus_rows` as a mapping of column to value; an unreadable
    row raises its coded error here, so it fails alone."""
    if isinstance(raw, Exception):
        raise doc_error(D114, src, f"unreadable CSV row ({raw})")
    if isinstance(raw, tuple) and raw[0] == "long":
        raise doc_error(D104, src, f"a line of {raw[1]} characters, limit {raw[2]}")
    if isinstance(raw, tuple):
        raise doc_error(D114, src, f"{raw[1]} fields, header has {raw[2]}")
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError as exc:
            raise doc_error(D114, src, f"invalid JSON ({getattr(exc, 'msg', exc)})") from None
        if not isinstance(raw, dict):
            raise doc_error(D114, src, "a JSON line must be an object")
    return raw  # type: ignore[no-any-return]
