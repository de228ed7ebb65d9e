"""Ad-hoc SQL over a run folder: the tables are DuckDB views, so any question the report
does not answer is one query away (``skillmix market query DIR "SELECT ..."``)."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from ..errors.market_codes import K150
from .run_folder import MarketStore

__all__ = ["query"]

_F32 = struct.Struct("<f")


def query(run_dir: str | Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """``(columns, rows)`` of ``sql`` over the views ``postings``, ``mentions``,
    ``duplicates``, ``postings_all``, ``mentions_all`` (and ``signatures_all``)."""
    import duckdb

    con = MarketStore(run_dir).connect()
    try:
        cur = con.execute(sql)
        if cur.description is None:
            return [], []
        rows = cur.fetchall()
        single = [i for i, d in enumerate(cur.description) if "FLOAT" in str(d[1])]
        if single and rows:
            rows = [_single_precision(r, single) for r in rows]
        return [d[0] for d in cur.description], rows
    except duckdb.Error as exc:
        raise K150(f"the query failed: {exc}", source=str(run_dir),
                   hint="Views: postings, mentions, duplicates, postings_all, mentions_all.") from None
    finally:
        con.close()


def _as_single(v: Any) -> Any:
    """A 4-byte float as the number it holds: the tables keep ``social_score`` as FLOAT,
    and widening 0.933 to a double reads 0.9330000281333923. The shortest decimal (6 to 9
    significant digits) that reads back as the same 4-byte float; any other number, a
    DOUBLE beside it in a STRUCT say, comes back as it is. Lists and structs are walked."""
    if isinstance(v, float):
        for digits in (6, 7, 8, 9):
            short = float(f"{v:.{digits}g}")
            if _F32.unpack(_F32.pack(short))[0] == v:
                return short
        return v
    if isinstance(v, list):
        return [_as_single(x) for x in v]
    if isinstance(v, dict):
        return {k: _as_single(x) for k, x in v.items()}
    return v


def _single_precision(row: tuple[Any, ...], columns: list[int]) -> tuple[Any, ...]:
    out = list(row)
    for i in columns:
        out[i] = _as_single(out[i])
    return tuple(out)
