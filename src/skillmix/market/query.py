"""Ad-hoc SQL over a run folder: the tables are DuckDB views, so any question the report
does not answer is one query away (``skillmix market query DIR "SELECT ..."``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors.market_codes import K150
from .run_folder import MarketStore

__all__ = ["query"]


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
        single = [i for i, d in enumerate(cur.description) if str(d[1]) in ("FLOAT", "FLOAT[]")]
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
    and widening 0.933 to a double reads 0.9330000281333923 (seven significant digits
    are all a FLOAT carries)."""
    if isinstance(v, float):
        return float(f"{v:.7g}")
    if isinstance(v, list):
        return [_as_single(x) for x in v]
    return v


def _single_precision(row: tuple[Any, ...], columns: list[int]) -> tuple[Any, ...]:
    out = list(row)
    for i in columns:
        out[i] = _as_single(out[i])
    return tuple(out)
