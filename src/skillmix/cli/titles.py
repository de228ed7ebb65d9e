"""``skillmix titles TITLE|FILE...``: job titles to O*NET-SOC occupations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..batch import BatchReport
from ..errors.config_codes import C001
from .output import emit_json, emit_rows, finish_batch, no_documents, output_options

__all__ = ["titles"]

CORPUS_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
COLUMNS = ["document", "title", "soc", "soc_title", "score", "matched", "disagrees", "candidates"]


@click.command()
@click.argument("items", nargs=-1, required=True)
@click.option("--preset", default=None, help="Corpus preset for CSV/JSONL/Parquet files (default: sniffed).")
@click.option("--text/--no-text", "use_text", default=True, show_default=True,
              help="Use each posting's own text to break ties between occupations.")
@click.option("-k", "--top", "k", default=5, show_default=True, type=click.IntRange(1, 20),
              help="Candidates per title.")
@click.option("--jsonl", "fmt", flag_value="jsonl", help="One JSON object per line (streams).")
@output_options()
def titles(items: tuple[str, ...], preset: str | None, use_text: bool, k: int, fmt: str) -> None:
    """Normalise job titles to O*NET-SOC 2019 occupations (top k, with the title matched).

    Each ITEM is a title ("Sr. Mktg Coord. (Remote)"), a corpus file (CSV, JSONL,
    Parquet: one row per posting, titles read with the posting's text), or a text file
    with one title per line. '-' reads titles from stdin, one per line."""
    from ..occupations import TitleNormaliser
    from ..occupations.corpus import TitleRow, titles_of_corpus

    norm = TitleNormaliser(k=k)
    report = BatchReport()

    def rows():
        for item in items:
            path = Path(item)
            if item == "-":
                for line in sys.stdin:
                    if line.strip():
                        report.done += 1
                        yield TitleRow("", norm.normalise(line.strip()))
            elif item.lower().endswith(CORPUS_SUFFIXES):
                if not path.is_file():
                    raise C001(f"no such file: {item}.", hint="Check the path.")
                yield from titles_of_corpus(path, preset=preset, normaliser=norm, use_text=use_text,
                                            report=report)
            elif path.suffix.lower() == ".txt" and path.is_file():
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    if line.strip():
                        report.done += 1
                        yield TitleRow("", norm.normalise(line.strip()))
            else:
                report.done += 1
                yield TitleRow("", norm.normalise(item))

    if fmt == "jsonl":
        for row in rows():
            click.echo(json.dumps(row.to_dict(k), ensure_ascii=False))
        _found_any(items, report)
    elif fmt == "json":
        found = [r.to_dict(k) for r in rows()]
        _found_any(items, report)
        emit_json({"titles": found, "report": report.to_dict()})
    else:
        out = []
        for r in rows():
            d = r.to_dict(k)
            cands = d.pop("candidates")
            d["candidates"] = "; ".join(f"{c['soc']} {c['title']} ({c['score']:.2f})" for c in cands[1:])
            out.append(d)
        _found_any(items, report)
        if out or report.done:
            emit_rows(out, fmt, title="Occupations", columns=COLUMNS)
    finish_batch(report)


def _found_any(items: tuple[str, ...], report: BatchReport) -> None:
    """[C002] when the files given (empty ones, stdin with no line) held no title."""
    if report.total == 0:
        raise no_documents(items, "titles")
