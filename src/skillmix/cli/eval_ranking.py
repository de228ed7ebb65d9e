"""``skillmix eval ranking``: nDCG@10, nDCG@50 and MAP of the ranker against a BM25-only
baseline, on résumés filed in category folders and a per-job relevance map."""

from __future__ import annotations

from pathlib import Path

import click

from ..batch import BatchReport
from .output import emit_json

__all__ = ["ranking"]


@click.command(name="ranking")
@click.option("--jobs", "jobs", required=True, multiple=True,
              type=click.Path(exists=True, path_type=Path),
              help="Postings: a job-board export (CSV/JSONL/Parquet), files or folders. "
              "Only those whose id is in the relevance map are used.")
@click.option("--resumes", required=True, type=click.Path(exists=True, file_okay=False,
              path_type=Path), help="Folder of résumés in one sub-folder per category.")
@click.option("--relevance", required=True, type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help='JSON map {"JOB_ID": {"CATEGORY": grade}}.')
@click.option("--method", "methods", multiple=True, default=("skillmix", "bm25"),
              show_default=True, type=click.Choice(["skillmix", "bm25", "skills-only"]),
              help="Scorers to compare (repeat the option).")
@click.option("--min-relevant", type=float, default=1.0, show_default=True,
              help="Lowest grade counted as relevant for MAP.")
@click.option("--weights", default=None, help="Override parameters: skill=0.45,text=0.25,...")
@click.option("--as-of", default=None, help="Date recency is measured against (YYYY-MM-DD).")
@click.option("--limit-per-category", type=int, default=None,
              help="Use only the first N résumés of each category (quick runs).")
@click.option("--per-job/--no-per-job", default=False, show_default=True,
              help="Include each job's figures.")
@click.option("--no-cache", is_flag=True, help="Re-read every résumé (no parsed-document cache).")
def ranking(jobs: tuple[Path, ...], resumes: Path, relevance: Path, methods: tuple[str, ...],
            min_relevant: float, weights: str | None, as_of: str | None,
            limit_per_category: int | None, per_job: bool, no_cache: bool) -> None:
    """Rank the résumés under RESUMES for each job of the relevance map and print nDCG@10,
    nDCG@50 and MAP per method as JSON (the BM25-only baseline is the same ranker with
    only its text weight)."""
    from ..match import MatchParams, read_pool, to_match_document
    from ..match.evaluate import evaluate_pool, load_relevance
    from ..match.labelled import read_labelled_folder

    params = MatchParams()
    if as_of:
        params = MatchParams.parse_weights(f"as_of={as_of}")
    if weights:
        params = MatchParams.parse_weights(weights, params)
    rel = load_relevance(relevance)
    report = BatchReport()
    postings = [p for p in read_pool([str(j) for j in jobs], "posting", report=report)
                if p.id in rel]
    job_docs = [to_match_document(p, kind="posting", today=params.today()) for p in postings]
    labelled = read_labelled_folder(resumes, cache=not no_cache, report=report,
                                    limit_per_category=limit_per_category)
    docs = [to_match_document(d.document, kind="resume", today=params.today()) for d in labelled]
    out = evaluate_pool(job_docs, docs, [d.category for d in labelled], rel, params=params,
                        methods=methods, min_relevant=min_relevant)
    if not per_job:
        out.pop("per_job")
    out["report"] = report.to_dict()
    emit_json(out)
