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
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error as exc:
        raise K150(f"the query failed: {exc}", source=str(run_dir),
                   hint="Views: postings, mentions, duplicates, postings_all, mentions_all.") from None
    finally:
        con.close()
