"""Résumé exports (CSV, TSV, JSONL, Parquet) streamed as :class:`~skillmix.records.Resume`.

An applicant-tracking export or a public résumé dataset holds one résumé a row. Each row is
read exactly as a file holding the same text would be (:func:`~skillmix.io.reader.parse_text`:
sections, roles and dates as for a ``.txt``, ``.html`` or JSON Resume file), so a résumé
scores the same whether it arrives as a file or as a row. Rows stream one at a time, as in
:func:`~skillmix.io.read_corpus`; a row that cannot be read is a recorded failure (``D114``),
never a crash. Presets for known exports live in ``data/resume_presets.yaml`` and are
sniffed from the header when none is named.

Why a reader of its own: a posting export and a résumé export look alike (a CSV with a text
column), and reading a résumé export as one document, or as postings, gives confident and
wrong answers (962 résumés scored as one candidate with 23 years of experience).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..batch import BatchReport, OnError, run_batch
from ..errors.config_codes import C024, C025
from ..errors.document_codes import D113, D114, D115
from ..records import Resume
from .codes import doc_error
from .column_names import RESUME_FIELDS, check_field_columns, header_columns, normal_name
from .corpus import LazyPresets, cell_text, load_presets, open_export, row_object
from .limits import ReadLimits
from .reader import parse_text
from .text import clean_text

__all__ = ["RESUME_PRESETS", "ResumeMapping", "read_resume_corpus", "sniff_resume_preset"]


@dataclass(frozen=True, slots=True)
class ResumeMapping:
    """Which column holds what: ``text`` (columns that may hold the résumé, the first one
    present is read) unless ``json_resume`` (each row is a JSON Resume object)."""

    text: tuple[str, ...] = ()
    id: str | None = None
    name: str | None = None
    meta: tuple[str, ...] = ()
    json_resume: bool = False
    signature: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ResumeMapping":
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown or not (data.get("text") or data.get("json_resume")):
            raise C024(
                "a résumé export mapping needs 'text' (or 'json_resume: true') and only "
                f"these keys: {sorted(names)}; got {sorted(data)}.",
            )
        values = dict(data)
        for key in ("text", "meta", "signature"):
            if key in values:
                v = values[key]
                values[key] = (v,) if isinstance(v, str) else tuple(v or ())
        return cls(**values)


@lru_cache(maxsize=1)
def _presets() -> dict[str, ResumeMapping]:
    return load_presets("resume_presets.yaml", ResumeMapping.from_dict)


#: The built-in résumé export mappings by name (``kaggle``, ``livecareer``, ``jsonresume``, ``generic``).
RESUME_PRESETS: Mapping[str, ResumeMapping] = LazyPresets(_presets)


def _folded(columns: Iterable[str]) -> dict[str, str]:
    """A column's name without case or punctuation ("Resume Text" reads ``resume_text``)
    to the column as written (the first of any that clash)."""
    out: dict[str, str] = {}
    for c in columns:
        out.setdefault(normal_name(str(c)), str(c))
    return out


def _fits(m: ResumeMapping, cols: Mapping[str, str]) -> bool:
    return m.json_resume or any(normal_name(t) in cols for t in m.text)


def sniff_resume_preset(columns: Iterable[str], *, generic: bool = True) -> str | None:
    """The résumé preset whose signature columns are all present (most specific first);
    ``generic=False`` leaves out the catch-all ``generic`` preset (whose text columns, such
    as ``text``, a posting export may have too)."""
    cols = _folded(columns)
    best = None
    for name, m in _presets().items():
        if m.signature and all(normal_name(s) in cols for s in m.signature) and _fits(m, cols):
            if best is None or len(m.signature) > len(_presets()[best].signature):
                best = name
    if best is None and generic and _fits(_presets()["generic"], cols):
        return "generic"
    return best


def read_resume_corpus(
    path: str | Path,
    preset: str | None = None,
    mapping: ResumeMapping | Mapping[str, Any] | None = None,
    *,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    limits: ReadLimits | dict[str, Any] | None = None,
    field_columns: Mapping[str, str] | None = None,
) -> Iterator[Resume]:
    """Stream the résumés of a CSV, TSV, JSONL or Parquet export, one per row.

    ``preset`` names a built-in mapping (see :data:`RESUME_PRESETS`); ``mapping`` gives one
    (a :class:`ResumeMapping` or a dict of its fields); with neither, the preset is sniffed
    from the columns. ``field_columns`` (``text``, ``id``, ``name`` -> a column, the command
    line's ``--column``) is put over that. Raises D115 when the columns do not fit (naming
    a posting preset when the file looks like a job-board export); bad rows follow
    ``on_error``. A row's id is its id column or, without one, the content id of its text
    (as for a file).
    """
    given = check_field_columns(field_columns or {}, RESUME_FIELDS)
    p, fmt, lim, columns, rows = open_export(path, on_error, limits)
    if not columns and fmt != "jsonl":
        raise doc_error(D113, str(p), "the export is empty (no header)")
    if mapping is not None:
        m = mapping if isinstance(mapping, ResumeMapping) else ResumeMapping.from_dict(mapping)
    elif preset is not None:
        if preset not in _presets():
            raise C025(f"unknown résumé export preset {preset!r}; known: {sorted(_presets())}.")
        m = _presets()[preset]
    else:
        found = sniff_resume_preset(columns)
        if found is None and "text" not in given:
            raise doc_error(D115, str(p), _no_fit(columns), hint=_HINT)
        m = _presets()[found or "generic"]
    if given:
        m = _given_columns(m, given, columns, str(p))
    cols = _folded(columns)
    text_col = next((cols[normal_name(t)] for t in m.text if normal_name(t) in cols), None)
    if columns and not m.json_resume and text_col is None:
        raise doc_error(D115, str(p), f"no résumé text column ({', '.join(m.text)}) among "
                        f"{columns[:12]}", hint=_HINT)
    id_col = cols.get(normal_name(m.id), m.id) if m.id else None
    name_col = cols.get(normal_name(m.name), m.name) if m.name else None
    meta_cols = [cols.get(normal_name(c), c) for c in m.meta]

    def work(item: tuple[int, Any]) -> Resume:
        src = f"{p}:{item[0]}"
        row = row_object(item[1], src)
        return _row_resume(row, m, text_col, id_col, name_col, meta_cols, src, lim)

    seen = 0

    def counted() -> Iterator[tuple[int, Any]]:
        nonlocal seen
        for item in rows:
            seen += 1
            yield item

    yield from run_batch(counted(), work, source=lambda item: f"{p}:{item[0]}",
                         on_error=on_error, report=report)
    if not seen:  # a header and nothing else: say so, rather than end with no résumé
        raise doc_error(D113, str(p), "the export holds no rows")


_HINT = ("A résumé export needs a column holding each résumé's text (resume, resume_text, "
         "text, cv or content), or one JSON Resume object a JSONL line; --column text=NAME "
         "(from Python, field_columns=) names another.")


def _given_columns(m: ResumeMapping, given: Mapping[str, str], columns: list[str],
                   source: str) -> ResumeMapping:
    """``m`` with the user's columns put over it (:func:`~.column_names.header_columns`)."""
    named = header_columns(given, columns, source)
    return replace(m, text=(named["text"],) if "text" in named else m.text,
                   json_resume=m.json_resume and "text" not in named,
                   id=named.get("id", m.id), name=named.get("name", m.name))


def _no_fit(columns: list[str]) -> str:
    from .corpus import sniff_preset

    posting = sniff_preset(columns) if columns else None
    if posting is not None and posting != "generic":
        return (f"the columns {columns[:12]} are a job-board export ({posting}), "
                "not résumés")
    return f"no résumé text column among the columns {columns[:12]}"


def _row_resume(row: Mapping[str, Any], m: ResumeMapping, text_col: str | None,
                id_col: str | None, name_col: str | None, meta_cols: list[str], src: str,
                lim: ReadLimits) -> Resume:
    if m.json_resume:
        import json

        text = json.dumps(row, ensure_ascii=False)
    else:
        text = cell_text(row.get(text_col)) if text_col else ""
    if not text.strip():
        raise doc_error(D114, src, f"empty résumé column {text_col!r}" if text_col else
                        "an empty row")
    rid = cell_text(row.get(id_col)).strip() if id_col else ""
    if rid.endswith(".0") and rid[:-2].isdigit():
        rid = rid[:-2]
    doc = parse_text(text, src, kind="resume", limits=lim, doc_id=rid or None)
    if m.json_resume and doc.media_type != "application/json":
        raise doc_error(D114, src, "a JSON line that is not a JSON Resume object")
    name = clean_text(cell_text(row.get(name_col))).strip() or None if name_col else None
    meta = {c: row.get(c) for c in meta_cols if row.get(c) not in (None, "")}
    if meta:
        doc = doc.replace(metadata={**doc.metadata, **meta})
    if name is None and m.json_resume:
        name = doc.title
    return Resume(document=doc, id=doc.id, name=name)
