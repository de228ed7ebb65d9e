"""``skillmix extract FILE...``: skills with evidence and context."""

from __future__ import annotations

import sys
from itertools import islice
from pathlib import Path

import click

from ..batch import BatchReport
from ..errors import SkillmixError
from ..errors.config_codes import C001
from .output import (Sink, column_option, field_columns, finish_batch, language_note, limit_option,
                     no_documents, open_output, output_options)
from .progress import progress

__all__ = ["extract"]

COLUMNS = ["source", "document", "skill", "label", "area", "surface", "start", "end", "section",
           "requirement", "years", "negated", "usage", "extractor", "confidence"]
#: the table a person reads in a terminal: the file's short name, not its path and id, and
#: no offsets (CSV and JSON keep every column)
TABLE_COLUMNS = ["source", "label", "surface", "section", "requirement", "years", "negated",
                 "usage", "confidence"]


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--taxonomy", "-t", default="builtin", show_default=True,
              help="Taxonomy spec: builtin, esco, onet, lightcast:PATH, a YAML file, or A+B.")
@click.option("--kind", type=click.Choice(["posting", "resume", "auto"]), default="auto",
              show_default=True, help="What the documents are.")
@click.option("--include-negated/--no-include-negated", default=True, show_default=True,
              help="Keep negated mentions (\"Salesforce experience not required\"), marked "
                   "negated=True; --no-include-negated leaves them out.")
@click.option("--semantic", is_flag=True,
              help="Also link sentences with no lexical match to ESCO (semantic extra; slower).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0,
              show_default=True, metavar="P",
              help="Keep only credits: mentions that count (not negated, consumer or "
                   "incidental) whose confidence (how likely a careful recruiter credits "
                   "the skill, measured on blind gold documents) is at least P; above 0 it "
                   "overrides --include-negated. 0 keeps every mention.")
@output_options(stream=True)
@limit_option
@column_option
def extract(files: tuple[str, ...], taxonomy: str, kind: str, include_negated: bool,
            semantic: bool, min_confidence: float, fmt: str, output: str | None, quiet: bool,
            limit: int | None, columns: tuple[str, ...]) -> None:
    """Find every skill in FILES (PDF, DOCX, HTML, text, JSON; '-' reads stdin).

    CSV, TSV, JSONL and Parquet files are exports with one document per row: postings, or
    résumés when --kind resume says so or the columns do (a résumé text column, JSON Resume
    lines). Each record names its document: ``source`` is the file (``FILE:ROW`` for a row)
    and ``document`` its id (the row's own id, else the content id of its text)."""
    from ..extract import get_extractor
    from ..io import iter_documents, read_document

    extractor = get_extractor(taxonomy, semantic=semantic)
    want = None if kind == "auto" else kind
    report = BatchReport()
    if files == ("-",):
        from ..io import ReadLimits
        from ..io.limits import read_stream

        data = read_stream(sys.stdin.buffer, ReadLimits().max_bytes)  # D104 past the limit
        docs = iter([read_document(data, name="<stdin>", kind=want)])  # type: ignore[arg-type]
        report.done = 1
    else:
        missing = [f for f in files if f != "-" and not Path(f).exists()]
        if missing and len(missing) == len(files):
            raise C001(f"no such file: {missing[0]}.", hint="Check the path.")
        docs = iter_documents(files, kind=want, report=report,  # type: ignore[arg-type]
                              field_columns=field_columns(columns))
    if limit is not None:
        docs = islice(docs, limit)
    with open_output(output, report=report) as out, progress(quiet, "extracting") as advance:
        sink = Sink(fmt, out, columns=COLUMNS, title="Skills", array="documents",
                    table_columns=TABLE_COLUMNS,
                    # the table names each file short; CSV keeps the whole path
                    name_column="source" if fmt == "table" else None)
        from ..io.limits import extract_within

        seen = 0
        for doc in docs:
            seen += 1
            try:
                ext = extract_within(extractor, doc)  # D117-D119: the same limits as the API
            except SkillmixError as err:
                if files == ("-",):
                    raise
                report.done -= 1
                report.record(doc.source, err, "collect")
                continue
            note = language_note(doc)
            if note and not quiet:
                click.echo(note, err=True)
            mentions = ext.kept(min_confidence, include_negated=include_negated)
            if sink.wants_records:
                sink.record({"document": doc.id, "source": doc.source, "kind": doc.kind,
                             "taxonomy": ext.taxonomy, "taxonomy_version": ext.taxonomy_version,
                             "mentions": mentions})
            if sink.wants_rows:
                sink.rows({"source": doc.source, "document": doc.id, "skill": m.skill_id,
                           "label": m.label, "area": m.area, "surface": m.surface,
                           "start": m.start, "end": m.end, "section": m.section,
                           "requirement": m.requirement, "years": m.years,
                           "negated": m.negated, "usage": m.usage, "extractor": m.extractor,
                           "confidence": m.confidence}
                          for m in mentions)
            advance(1)
        if not seen and report.total == 0:
            raise no_documents(files)
        sink.close(report=report.to_dict())
    finish_batch(report)
