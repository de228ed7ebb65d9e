"""``skillmix rank``: candidates for a job, or jobs for a candidate, with explanations."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import click

from ..batch import BatchReport
from ..errors.config_codes import C420, C421, C422, C423, C424, C425, C426
from ..errors.match_codes import M011
from ..records import Document, to_jsonable
from .output import (Sink, batch_status, column_option, display_name, echo_notes,
                     field_columns, kind_note, language_note, no_documents, open_output,
                     output_options)
from .progress import progress

__all__ = ["rank"]

COLUMNS = ["rank", "score", "document", "title", "skill", "area", "years", "text", "level",
           "matched", "missing_required", "what_if", "seniority"]


@click.command()
@click.argument("pool", nargs=-1)
@click.option("--job", "job", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Rank the résumés in POOL for this posting.")
@click.option("--candidate", "candidate", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Rank the postings in POOL (files, folders or a CSV/JSONL/"
              "Parquet export) for this résumé.")
@click.option("--top", type=int, default=10, show_default=True, help="How many results.")
@click.option("--index", "index_dir", type=click.Path(exists=True, file_okay=False),
              default=None, help="Rank a saved index instead of POOL.")
@click.option("--save-index", type=click.Path(file_okay=False), default=None,
              help="Save the index built from POOL to this folder.")
@click.option("--profile", default=None,
              help="Role profile (name or YAML) whose area weights the area component uses.")
@click.option("--weights", default=None,
              help="Override parameters (defaults: skill=0.45,area=0.2,years=0.1,text=0.25,"
                   "level=0, ...; level=0.05 makes a far seniority mismatch cost up to 5 points).")
@click.option("--as-of", "--today", "as_of", default=None,
              help="Date recency is measured against (YYYY-MM-DD); --today, as assess names "
                   "it, is the same.")
@click.option("--taxonomy", "-t", default="builtin", show_default=True, help="Taxonomy spec.")
@click.option("--explain/--no-explain", default=True, show_default=True,
              help="Explain each result (evidence, gaps, counterfactuals).")
@click.option("--blind", is_flag=True,
              help="Blind mode, as in the API: mask names, contacts, age and gender markers in "
                   "the résumés before ranking, and name each by a neutral label.")
@output_options(stream=True)
@column_option
def rank(pool: tuple[str, ...], job: str | None, candidate: str | None, top: int,
         index_dir: str | None, save_index: str | None, profile: str | None,
         weights: str | None, as_of: str | None, taxonomy: str, explain: bool, blind: bool,
         fmt: str, output: str | None, quiet: bool, columns: tuple[str, ...]) -> None:
    """Rank résumés for a job (--job POSTING RESUMES...) or jobs for a candidate
    (--candidate RESUME POSTINGS...). The score and its parameters are recorded with the
    ranking (see docs/match.md)."""
    from ..io import read_document
    from ..match import build, profile_area_weights, scale_notes
    from ..match import save_index as _save

    if (job is None) == (candidate is None):
        raise C420("give exactly one of --job POSTING or --candidate RESUME.",
                   hint="skillmix rank --job posting.html resumes/")
    if not pool and index_dir is None:
        raise C421("nothing to rank: give files or folders, or --index DIR.")
    query_kind = "posting" if job is not None else "resume"
    pool_kind = "resume" if job is not None else "posting"
    params = _params(as_of, weights)
    area_weights = profile_area_weights(profile) if profile else None
    from ..io.inputs import one_document

    query_path = one_document(job or candidate, "--job" if job else "--candidate")  # type: ignore[arg-type]
    query_doc = read_document(query_path, kind=query_kind)  # type: ignore[arg-type]
    if blind:
        if index_dir is not None:
            raise C425("--blind masks résumés before they are indexed; it cannot "
                       "apply to a saved index.", source=index_dir,
                       hint="Rank the files with --blind instead of --index.")
        from ..fairness import blind_document

        if query_kind == "resume":
            query_doc = blind_document(query_doc)
    report = BatchReport()
    if index_dir is not None:
        matcher, query, index = _from_index(
            index_dir, pool_kind, params if (weights or as_of) else None, query_doc, query_kind,
            area_weights)
        report.done = len(index)
    else:
        docs = _read_pool(pool, pool_kind, blind, quiet, report, field_columns(columns))
        matcher, query, index = build(query_doc, docs, query_kind=query_kind, params=params,
                                      taxonomy=taxonomy, area_weights=area_weights)
    if save_index:
        _save(matcher, index, save_index)
    ranking = matcher.rank(query, index, top=top, explain=explain)
    scales = scale_notes(ranking, query)
    with open_output(output, report=report) as out:
        _write(ranking, index, matcher, fmt, out, report, scales)
    repeats = [f for f in report.failures if f.code == M011.code]  # skipped, not failed
    for f in report.failures:
        if f.code != M011.code:
            click.echo(f"error: {f.error}", err=True)
    for f in repeats[:3]:
        click.echo(f"note: {f.error}", err=True)
    if len(repeats) > 3:
        click.echo(f"note: ... and {len(repeats) - 3} more documents that repeat an earlier "
                   "one; each is ranked once (--json lists them all).", err=True)
    if report.failed or report.skipped:
        click.echo(report.summary(), err=True)
    if len(index) == 1 and fmt != "table":  # the table's caption says it
        click.echo("note: text is relative to the pool's best, so the one document ranked "
                   "gets 100 on text if it shares any word with the query (else 0); rank it "
                   "among others to compare.",
                   err=True)
    if not query.skills:
        click.echo(f"note: {display_name(str(job or candidate))} shows no skill of the taxonomy; "
                   "the skill and area parts score 0 for everyone, so this ranking "
                   "rests on text similarity and years alone.", err=True)
    sys.stdout.flush()
    status = batch_status(report)
    if status:  # some of the pool could not be read: the rest is ranked
        sys.exit(status)


def _params(as_of: str | None, weights: str | None) -> Any:
    """The match parameters: the defaults, the ``--as-of`` day, then ``--weights``."""
    from ..match import MatchParams

    params = MatchParams()
    if as_of:
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise C422(f"--as-of {as_of[:40]!r} is not a date.",
                       hint="Write it as YYYY-MM-DD, e.g. 2026-01-31.") from None
        params = MatchParams.parse_weights(f"as_of={day}")
    if weights:
        params = MatchParams.parse_weights(weights, params)
    return params


def _from_index(index_dir: str, pool_kind: str, params: Any, query_doc: Any, query_kind: str,
                area_weights: Any) -> tuple[Any, Any, Any]:
    """``(matcher, query, index)`` from a saved index of ``pool_kind`` documents, scored
    with ``params`` (``None``: the index's own), which may not change what the index fixed."""
    from ..match import Matcher, load_index, to_match_document

    loaded, index = load_index(index_dir)
    if index.kind != pool_kind:
        raise C426(f"the index holds {index.kind}s; this ranking needs "
                   f"{pool_kind}s.", source=index_dir)
    matcher = Matcher(params if params is not None else loaded.params, loaded.taxonomy)
    if (matcher.params.bm25_k1, matcher.params.bm25_b) != (loaded.params.bm25_k1,
                                                            loaded.params.bm25_b):
        raise C424("bm25_k1 and bm25_b are fixed when an index is built.",
                   source=index_dir, hint="Rebuild the index with --save-index.")
    matcher.restore(loaded.fitted_state())
    matcher.derive(index)
    query = to_match_document(query_doc, kind=query_kind, taxonomy=matcher.taxonomy,
                              today=matcher.params.today(), area_weights=area_weights)
    return matcher, query, index


def _read_pool(pool: tuple[str, ...], pool_kind: str, blind: bool, quiet: bool,
               report: BatchReport, named: dict[str, str] | None = None) -> list[Any]:
    """The documents to rank (résumés masked with ``blind``; ``named``: the pool's
    exports' columns, ``--column``); [C423] when none could be read."""
    from ..match import read_pool

    with progress(quiet, "reading") as advance:
        docs = read_pool(list(pool), pool_kind, report=report, progress=advance,
                         field_columns=named)
        files = [isinstance(d, Document) for d in docs]  # not an export's rows
        if blind and pool_kind == "resume":
            from ..fairness import blind_document
            from ..records import Resume

            # a résumé export's row may name the candidate in a column: mask that name too
            docs = [blind_document(d.document, name=d.name) if isinstance(d, Resume)
                    else blind_document(d) for d in docs]  # type: ignore[arg-type]
    if not docs and report.total == 0:
        raise no_documents(pool)
    if not docs:
        for f in report.failures:
            click.echo(f"error: {f.error}", err=True)
        raise C423("none of the documents to rank could be read.")
    # after masking, so that a note in blind mode names the neutral label, not the file
    notes = [n for d, f in zip(docs, files) if f and (n := kind_note(d, pool_kind))]
    echo_notes(notes, "that read like the other kind")
    echo_notes([n for d in docs if (n := language_note(d))], "that do not read as English", 3)
    return docs


def _write(ranking: Any, index: Any, matcher: Any, fmt: str, out: Any, report: BatchReport,
           scales: dict[str, str]) -> None:
    """The ranking in the chosen format, each result named by its source file; the table's
    caption and the JSON's ``scales`` say what the scores are measured against."""
    position = {doc_id: i for i, doc_id in enumerate(index.ids)}
    if fmt == "json":
        data = {**ranking.to_dict(), "scales": scales}
        for row, r in zip(data["results"], ranking.results):
            row["source"] = index.sources[position[r.id]]
        Sink(fmt, out, columns=COLUMNS, wrap=lambda _: data).close(report=report.to_dict())
        return
    # "document" holds the whole source: the sink names it for a person, told apart from
    # every document ranked (two cv.pdf in different folders), not only those shown
    sink = Sink(fmt, out, columns=COLUMNS,
                title=f"{ranking.direction} ({len(index)} ranked; scores 0-100)",
                caption=f"text: {scales['text']}.\nyears: {scales['years']}.",
                name_column="document", sources=index.sources)
    for r in ranking.results:
        source = index.sources[position[r.id]]
        if sink.wants_records:
            sink.record({"source": source, **to_jsonable(r)})
        else:
            sink.rows([{
                "rank": r.rank, "score": f"{100 * r.score:.1f}",
                "document": source,
                "title": r.title or "",
                **{k: f"{100 * v:.0f}" for k, v in r.components.items()},
                "matched": len(r.matched),
                "missing_required": ", ".join(
                    matcher.labels_[matcher.column_[sid]] for sid in r.missing_required[:4]),
                "what_if": r.counterfactuals[0] if r.counterfactuals else "",
                "seniority": r.level or "",
            }])
    sink.close()
