"""``skillmix eval``: measure skillmix's components on public benchmarks."""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["eval_group"]


@click.group(name="eval")
def eval_group() -> None:
    """Measure skillmix on public benchmarks."""


@eval_group.command(name="esco-linking")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--labels",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Label space, one ESCO preferred label a line "
    "[default: skills_en_label.txt beside FILE or in the shared benchmark folder; "
    "else every ESCO concept].",
)
@click.option(
    "--esco",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="ESCO skills_en.csv(.gz) [default: the copy shipped with skillmix].",
)
@click.option("--depth", type=int, default=100, show_default=True, help="Ranks read per sentence (for MRR).")
@click.option(
    "--query",
    type=click.Choice(["static", "transformer"]),
    default="static",
    show_default=True,
    help="Query encoder: static word-piece tables (fast: the distilled table for windows, "
    "the ranking student for sentences) or MiniLM on every sentence (~10x slower).",
)
def esco_linking(file: Path, labels: Path | None, esco: Path | None, depth: int, query: str) -> None:
    """Score ESCO skill linking on FILE (Decorte et al. format, span level: sentence, span,
    sub_span, label as in TECH and HOUSE; or sentence level: sentence, label as in
    TECHWOLF) and print RP@1/5/10, MRR, n and sentences_per_second (ranking only;
    load_seconds is reported apart) as JSON."""
    from skillmix.link.evaluate import evaluate_linker_file, round_scores

    scores = evaluate_linker_file(file, labels=labels, esco=esco, depth=depth, query=query)
    click.echo(json.dumps(round_scores(scores), indent=2))


from .eval_ranking import ranking  # noqa: E402  (issue #6)

eval_group.add_command(ranking)

from .eval_skills import skills  # noqa: E402  (issue #13)

eval_group.add_command(skills)
