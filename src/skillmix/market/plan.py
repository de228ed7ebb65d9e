"""Cut corpora into partitions that any worker can read on its own.

A partition is a byte range of whole records (CSV, JSONL) or a run of row groups
(Parquet), so a worker reads only its own slice from the shared file system and the
driver never holds posting text. The cut is a pure function of the file's bytes and the
partition size, recorded in the run's manifest: a resumed run re-uses exactly the same
partitions, which is what makes "no posting lost or counted twice" checkable.

CSV records may span lines (quoted newlines); a record ends at a newline where the count
of quote characters so far is even (RFC 4180 escapes a quote by doubling it, which keeps
the parity), so the scan needs no CSV parsing and runs at line-iteration speed.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..errors.config_codes import C080
from ..errors.market_codes import K101, K102, K103
from ..io.corpus import PRESETS, CorpusMapping, resolve_mapping

__all__ = ["CorpusFile", "PartitionSpec", "describe_input", "plan_partitions"]

#: uid = corpus index * ROW_SPACE + record index, so uids sort in corpus order
ROW_SPACE = 1 << 40


@dataclass(frozen=True, slots=True)
class CorpusFile:
    """One input corpus: where it is, its identity (size and mtime, checked on resume)
    and the column mapping its rows are read with."""

    index: int
    path: str
    fmt: str
    size: int
    mtime_ns: int
    mapping: CorpusMapping
    preset: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["mapping"] = {k: list(v) if isinstance(v, tuple) else v for k, v in d["mapping"].items()}
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "CorpusFile":
        values = dict(d)
        values["mapping"] = CorpusMapping.from_dict(dict(d["mapping"]))
        return cls(**values)

    def identity(self) -> tuple[str, int, int]:
        return (self.path, self.size, self.mtime_ns)


@dataclass(frozen=True, slots=True)
class PartitionSpec:
    """A slice of one corpus: bytes ``[start, end)`` of a CSV/JSONL file (CSV slices are
    read with ``header`` in front) or row groups ``[start, end)`` of a Parquet file.
    ``first_row`` is the record index of its first record in the file."""

    number: int
    corpus: int
    path: str
    fmt: str
    start: int
    end: int
    first_row: int
    rows: int
    header: bytes = b""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["header"] = self.header.decode("latin-1")
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PartitionSpec":
        values = dict(d)
        values["header"] = str(d.get("header", "")).encode("latin-1")
        return cls(**values)


def _format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    raise K101(
        "a corpus must be .csv, .tsv, .jsonl, .ndjson or .parquet "
        "(uncompressed: partitions are byte ranges).", source=str(path),
    )


def _not_text(path: Path, fmt: str) -> None:
    """K101 for a CSV or JSONL corpus whose bytes are a document or binary data (a PDF or
    a Word file renamed ``jobs.csv``): said as such, not as a header with no description
    column named ``%PDF-1.4``."""
    if fmt == "parquet":
        return
    from ..io.text import looks_binary

    with path.open("rb") as fh:
        head = fh.read(4096)
    what = ("a PDF document" if head.startswith(b"%PDF-") else
            "a zip archive (a Word or Excel file?)" if head.startswith((b"PK\x03\x04", b"PK\x05\x06")) else
            "binary data" if looks_binary(head) else None)
    if what is not None:
        raise K101(f"this file is {what}, not a {fmt.upper()} corpus.", source=str(path),
                   hint="A corpus is a CSV, TSV, JSONL or Parquet export of postings; a single "
                        "posting or résumé is read as a document, not as a corpus.")


#: how many lines of a JSONL corpus are tried for the first JSON object (its field names)
_JSONL_SNIFF_LINES = 100


def _csv_header(fh: io.BufferedReader) -> bytes:
    header = b""
    parity = 0
    for line in fh:
        header += line
        parity ^= line.count(b'"') & 1
        if not parity:
            break
    return header


def _columns(path: Path, fmt: str) -> list[str]:
    if fmt == "csv":
        with path.open("rb") as fh:
            header = _csv_header(fh)
        text = header.decode("utf-8-sig", errors="replace")
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        rows = list(csv.reader(io.StringIO(text), dialect=dialect))
        return rows[0] if rows else []
    if fmt == "jsonl":
        # the first line that is a JSON object names the fields: a broken line before it is
        # a bad record the run counts (as it counts one further down), not a file without
        # fields; so is a line that is JSON but no object
        with path.open("rb") as fh:
            for tried, line in enumerate(fh):
                if tried >= _JSONL_SNIFF_LINES:
                    break
                if line.strip():
                    try:
                        obj = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(obj, dict):
                        return list(obj)
        return []
    from ..io.parquet import open_parquet

    return list(open_parquet(path).schema_arrow.names)  # D107/D109, never an Arrow traceback


def describe_input(
    index: int, path: str | Path, *, preset: str | None = None,
    mapping: CorpusMapping | Mapping[str, Any] | None = None,
    field_columns: Mapping[str, str] | None = None,
) -> CorpusFile:
    """Check one input and resolve its column mapping (given, named, sniffed or found by
    the columns' names; ``field_columns`` put over it)."""
    p = Path(path).resolve()
    if not p.is_file():
        raise K102("no such corpus file.", source=str(path), hint="Check the path.")
    fmt = _format(p)
    _not_text(p, fmt)
    st = p.stat()
    cols = _columns(p, fmt) if mapping is None or field_columns else []
    m, name = resolve_mapping(cols, preset, mapping, field_columns, source=str(p))
    if m is None:
        why = (f"none of its first {_JSONL_SNIFF_LINES} lines is a JSON object"
               if fmt == "jsonl" else "its first line is blank")
        found = (f"no column of {cols[:12]}" if cols else
                 f"no column names were found (the file is empty, or {why}), so none")
        raise K103(
            f"{found} reads as a job description.", source=str(p),
            hint=f"Name it with --column description=NAME (and title=, company=, date=... "
                 f"as needed), or pass --preset (one of {sorted(PRESETS)}).",
        )
    if fmt != "jsonl" and cols and m.description not in cols:
        # a preset of another export: refused here, before any partition is cut, not by a
        # worker reading its first partition (the web trial's "adzuna" read as "linkedin").
        # A JSONL file has no header: its first object may leave a field out.
        from ..errors.document_codes import D115
        from ..io.codes import doc_error

        shown = cols[:12] + ["…"] if len(cols) > 12 else cols
        by = f"the preset {name!r}" if name else "the mapping"
        raise doc_error(D115, str(p), f"{by} reads the description from column "
                                      f"{m.description!r}, which this export lacks; its "
                                      f"columns: {shown}",
                        hint=f"Pass the preset of this export (one of {sorted(PRESETS)}), or "
                             "none to find the columns by their names, or name the column "
                             "with --column description=NAME.")
    return CorpusFile(index=index, path=str(p), fmt=fmt, size=st.st_size,
                      mtime_ns=st.st_mtime_ns, mapping=m, preset=name)


def plan_partitions(
    corpora: list[CorpusFile], partition_size: int, first_number: int = 0
) -> Iterator[PartitionSpec]:
    """The partitions of every corpus, in corpus order (streams; constant memory)."""
    if partition_size < 1:
        raise C080(f"partition size must be at least 1, not {partition_size}.")
    number = first_number
    for cf in corpora:
        for spec in _plan_one(cf, partition_size, number):
            number = spec.number + 1
            yield spec


def _plan_one(cf: CorpusFile, size: int, number: int) -> Iterator[PartitionSpec]:
    if cf.fmt == "parquet":
        from ..io.parquet import open_parquet

        md = open_parquet(cf.path).metadata
        start_rg, rows, first = 0, 0, 0
        for rg in range(md.num_row_groups):
            rows += md.row_group(rg).num_rows
            if rows >= size or rg == md.num_row_groups - 1:
                yield PartitionSpec(number, cf.index, cf.path, cf.fmt, start_rg, rg + 1, first, rows)
                number += 1
                first += rows
                start_rg, rows = rg + 1, 0
        return
    with open(cf.path, "rb") as fh:
        header = _csv_header(fh) if cf.fmt == "csv" else b""
        pos = len(header)
        start = pos
        rows = first = 0
        parity = 0
        csv_mode = cf.fmt == "csv"
        for line in fh:
            pos += len(line)
            if csv_mode:
                parity ^= line.count(b'"') & 1
                if parity:
                    continue
            rows += 1
            if rows >= size:
                yield PartitionSpec(number, cf.index, cf.path, cf.fmt, start, pos, first, rows, header)
                number += 1
                first += rows
                start, rows = pos, 0
        if rows:
            yield PartitionSpec(number, cf.index, cf.path, cf.fmt, start, pos, first, rows, header)


def file_identity(path: str) -> tuple[str, int, int]:
    st = os.stat(path)
    return (path, st.st_size, st.st_mtime_ns)
