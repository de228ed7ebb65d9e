"""Shared output options (``--json``, ``--csv``, ``--table``) and their writers.

Commands build rows (lists of dicts with the same keys) or JSON-ready objects from
library records, then hand them here; no command formats output itself.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, Callable, Iterable, Sequence

import click

__all__ = ["emit_json", "emit_rows", "output_options"]


def output_options(default: str = "table") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add mutually exclusive ``--json/--csv/--table`` flags as ``fmt``."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        fn = click.option("--table", "fmt", flag_value="table", default=default == "table",
                          help="Human-readable table (default).")(fn)
        fn = click.option("--csv", "fmt", flag_value="csv", default=default == "csv",
                          help="CSV rows.")(fn)
        fn = click.option("--json", "fmt", flag_value="json", default=default == "json",
                          help="JSON for machines.")(fn)
        return fn

    return deco


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, indent=2, ensure_ascii=False, default=str))


def emit_rows(rows: Sequence[dict[str, Any]], fmt: str, *, title: str | None = None,
              columns: Iterable[str] | None = None) -> None:
    cols = list(columns) if columns is not None else (list(rows[0]) if rows else [])
    if fmt == "json":
        emit_json(list(rows))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow(r)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for c in cols:
            table.add_column(c)
        for r in rows:
            table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
        console = Console()
        if not console.is_terminal:
            console = Console(width=160)
        console.print(table)
