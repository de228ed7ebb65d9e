"""Parquet corpora opened and streamed within bounds, so a tiny file cannot cost gigabytes.

Why: Parquet describes data instead of holding it. A 1.7 KB file can declare billions of
run-length-encoded rows, or a dictionary value of a hundred megabytes that every row
repeats (compressed, it is a few bytes); decoded naively that took 1 GB and 150 s of CPU.
:func:`open_parquet` checks the footer before any page is read: rows at most
``max(100_000, file size / 2)``, declared uncompressed bytes at most
``max(ReadLimits.max_uncompressed_bytes, ReadLimits.max_compression_ratio x file size)``.
:func:`iter_rows` then reads text columns dictionary-encoded and counts the bytes the rows
would decode to *before* building them, refusing the file (``[D107]``) once the count
passes the same budget. Any error of the Arrow reader is a coded ``[D109]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from .codes import doc_error
from .limits import ReadLimits
from ..errors.document_codes import D107, D109, D111

__all__ = ["decoded_budget", "iter_rows", "open_parquet", "text_columns"]

#: fewest rows any Parquet file may hold, however small it is
MIN_ROWS = 100_000
#: rows read (and checked) at a time
BATCH_ROWS = 512


def decoded_budget(size: int, lim: ReadLimits) -> int:
    """Bytes a file of ``size`` bytes may decode to."""
    return int(max(lim.max_uncompressed_bytes, lim.max_compression_ratio * size))


def open_parquet(path: str | Path, lim: ReadLimits | None = None) -> Any:
    """A ``pyarrow.parquet.ParquetFile`` whose footer is within bounds (see module docs)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - the market extra
        from ..errors import MissingExtraError

        raise MissingExtraError.for_module("pyarrow", "market") from None
    lim = lim or ReadLimits()
    p = Path(path)
    try:
        size = p.stat().st_size
        pf = pq.ParquetFile(str(p))
        pf = pq.ParquetFile(str(p), read_dictionary=text_columns(pf))
        meta = pf.metadata
        declared = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        rows = meta.num_rows
    except OSError as exc:
        raise doc_error(D111, str(p), exc.strerror or type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 - Arrow raises its own tree (ArrowInvalid...)
        raise doc_error(D109, str(p), f"not a readable Parquet file "
                                        f"({type(exc).__name__})") from None
    if rows > max(MIN_ROWS, size // 2):
        raise doc_error(D107, str(p), f"{size} bytes declare {rows} rows")
    if declared > decoded_budget(size, lim):
        raise doc_error(D107, str(p), f"{size} bytes declare {declared} uncompressed bytes")
    return pf


def _decoded_bytes(column: Any) -> int:
    """Bytes a column of a batch decodes to, computed without decoding it."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_dictionary(column.type):
        value_type = column.type.value_type
        if pa.types.is_string(value_type) or pa.types.is_binary(value_type) or \
                pa.types.is_large_string(value_type) or pa.types.is_large_binary(value_type):
            lengths = pc.binary_length(column.dictionary)
            taken = pc.take(lengths, column.indices)
            return int(pc.sum(taken).as_py() or 0)
        return column.indices.nbytes + column.dictionary.nbytes
    return column.nbytes


def text_columns(pf: Any) -> list[str]:
    """Names of the string and binary columns of a file (read dictionary-encoded)."""
    import pyarrow as pa

    return [f.name for f in pf.schema_arrow
            if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)
            or pa.types.is_binary(f.type) or pa.types.is_large_binary(f.type)]


def iter_rows(pf: Any, path: str | Path, lim: ReadLimits | None = None) -> Iterator[dict[str, Any]]:
    """The rows of an opened file as dicts, refusing it (``[D107]``) when they would decode
    to more than :func:`decoded_budget`; Arrow errors mid-file are ``[D109]``."""
    lim = lim or ReadLimits()
    p = Path(path)
    budget = decoded_budget(p.stat().st_size, lim)
    spent = 0
    batches = pf.iter_batches(batch_size=BATCH_ROWS)  # text columns: see open_parquet
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - Arrow's own tree
            raise doc_error(D109, str(p), f"a row group is unreadable "
                                            f"({type(exc).__name__})") from None
        spent += sum(_decoded_bytes(col) for col in batch.columns)
        if spent > budget:
            raise doc_error(D107, str(p), f"rows decode to more than {budget} bytes")
        yield from batch.to_pylist()
