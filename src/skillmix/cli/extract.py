"""``skillmix extract FILE...``: skills with evidence and context."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..batch import BatchReport
from ..errors import ConfigError, SkillmixError
from .output import emit_json, emit_rows, output_options

__all__ = ["extract"]

COLUMNS = ["source", "skill", "label", "area", "surface", "start", "end", "section",
           "requirement", "years", "negated", "usage", "extractor"]


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--taxonomy", "-t", default="builtin", show_default=True,
              help="Taxonomy spec: builtin, esco, onet, lightcast:PATH, a YAML file, or A+B.")
@click.option("--kind", type=click.Choice(["posting", "resume", "auto"]), default="auto",
              show_default=True, help="What the documents are.")
@click.option("--include-negated/--no-include-negated", default=True, show_default=True)
@click.option("--semantic", is_flag=True,
              help="Also link sentences with no lexical match to ESCO (semantic extra; slower).")
@output_options()
def extract(files: tuple[str, ...], taxonomy: str, kind: str, include_negated: bool,
            semantic: bool, fmt: str) -> None:
    """Find every skill in FILES (PDF, DOCX, HTML, text, JSON; '-' reads stdin).

    CSV, JSONL and Parquet files are read as corpora of postings, one per row."""
    from ..extract import get_extractor
    from ..io import read_document

    extractor = get_extractor(taxonomy, semantic=semantic)
    want = None if kind == "auto" else kind
    report = BatchReport()
    if files == ("-",):
        docs = [read_document(sys.stdin.buffer.read(), name="<stdin>", kind=want)]
        report.done = 1
    else:
        missing = [f for f in files if f != "-" and not Path(f).exists()]
        if missing and len(missing) == len(files):
            raise ConfigError("C001", f"no such file: {missing[0]}.", hint="Check the path.")
        docs = _documents(files, want, report)
    rows = []
    results = []
    for doc in docs:
        ext = extractor.extract(doc)
        results.append({"document": doc.id, "source": doc.source, "kind": doc.kind,
                        "taxonomy": ext.taxonomy, "taxonomy_version": ext.taxonomy_version,
                        "mentions": [m.to_dict() for m in ext.mentions
                                     if include_negated or not m.negated]})
        for m in ext.mentions:
            if not include_negated and m.negated:
                continue
            rows.append({"source": doc.source, "skill": m.skill_id, "label": m.label,
                         "area": m.area, "surface": m.surface, "start": m.start,
                         "end": m.end, "section": m.section, "requirement": m.requirement,
                         "years": m.years, "negated": m.negated, "usage": m.usage,
                         "extractor": m.extractor})
    if fmt == "json":
        emit_json({"documents": results, "report": report.to_dict()})
    else:
        emit_rows(rows, fmt, title="Skills", columns=COLUMNS)
    for f in report.failures:
        click.echo(f"error: {f.error}", err=True)
    if report.failed or report.skipped:
        click.echo(f"{report.summary()}", err=True)
        if report.done == 0:
            sys.exit(1)


CORPUS_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")


def _documents(files, kind, report):
    """Documents from FILES: corpus files (CSV/JSONL/Parquet) yield one posting per row,
    other files one document each; failures are counted in ``report``."""
    from ..io import read_corpus, read_documents

    singles = [f for f in files if not f.lower().endswith(CORPUS_SUFFIXES)]
    for f in files:
        if f.lower().endswith(CORPUS_SUFFIXES):
            try:
                for posting in read_corpus(f, report=report):
                    yield posting.document
            except SkillmixError as err:
                report.record(f, err, "collect")
    if singles:
        yield from read_documents(singles, kind=kind, report=report)
