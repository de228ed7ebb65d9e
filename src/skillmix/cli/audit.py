"""``skillmix audit``: adverse-impact audit of a run, and the decision log.

``skillmix audit --results RESULTS --demographics FILE`` computes LL144 impact ratios;
``--out report.html`` (or .json/.csv, repeatable) writes reports; ``--fail-on-flags`` makes a
flagged impact ratio exit with status 3, so a pipeline can stop on it. Tables: sex,
race/ethnicity, their intersections, and age group (under 40; 40 and over, the ADEA's). The demographics file is
read here and nowhere else: scoring and ranking never see it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Sequence

import click

from .output import emit_json, emit_rows, output_options

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    from ..fairness.audit import Audit

__all__ = ["audit"]

#: exit status of ``--fail-on-flags`` when a category is flagged (1 is an error, 2 a usage error)
FLAGGED_EXIT = 3

COLUMNS = ["audit", "dimension", "category", "n", "hits", "rate", "impact_ratio", "four_fifths",
           "p_value", "small", "unknown"]
#: the printed table names the flag for a person: ``four_fifths`` (CSV, JSON, reports:
#: unchanged) is True when the category is *flagged*, which a bare "True" under
#: "four_fifths" read as "passes the four-fifths rule"
TABLE_COLUMNS = [("flagged" if c == "four_fifths" else c) for c in COLUMNS]


@click.command()
@click.option("--results", "results", required=True, type=click.Path(dir_okay=False),
              help="A ranking (skillmix rank --json), scorecards, or CSV/JSONL rows with ids "
                   "and scores and/or selection decisions.")
@click.option("--demographics", required=True, type=click.Path(dir_okay=False),
              help="CSV/JSON/JSONL with id, sex, race/ethnicity and age (age, birth_year or "
                   "age_band) per candidate.")
@click.option("--kind", type=click.Choice(["auto", "selection", "scoring"]), default="auto",
              show_default=True, help="Which audit: auto runs every one the results allow.")
@click.option("--top", type=click.IntRange(min=1), default=None,
              help="Select a ranking's top K (selection audit).")
@click.option("--id-field", default=None, help="Results column holding the candidate id.")
@click.option("--score-field", default=None, help="Results column holding the score.")
@click.option("--selected-field", default=None, help="Results column holding the decision.")
@click.option("--test", type=click.Choice(["fisher", "z"]), default="fisher", show_default=True,
              help="Significance test against the highest-rate category.")
@click.option("--threshold", type=float, default=0.8, show_default=True,
              help="Impact ratio under which a category is flagged (four-fifths rule).")
@click.option("--exclude-small/--keep-small", default=False, show_default=True,
              help="Leave categories under 2% of the sample out of the impact ratios.")
@click.option("--out", "outs", multiple=True, type=click.Path(dir_okay=False),
              help="Write a report: .html, .json or .csv (repeatable).")
@click.option("--fail-on-flags", is_flag=True,
              help="Exit with status 3 when any impact ratio is flagged (for CI pipelines); "
                   "the reports are written first.")
@output_options()
def audit(results: str, demographics: str, kind: str, top: int | None, id_field: str | None,
          score_field: str | None, selected_field: str | None, test: str, threshold: float,
          exclude_small: bool, outs: tuple[str, ...], fail_on_flags: bool, fmt: str) -> None:
    """Bias audit of a scoring or ranking run (NYC LL144 impact ratios, four-fifths rule)."""
    from ..fairness import load_demographics, load_outcomes, write_report
    from ..fairness.audit import run_audits
    from ..fairness.report import audit_rows

    outcomes = load_outcomes(results, top=top, id_field=id_field, score_field=score_field,
                             selected_field=selected_field)
    demo = load_demographics(demographics)
    audits = run_audits(outcomes, demo, kind=kind, test=test, threshold=threshold,  # type: ignore[arg-type]
                        exclude_small=exclude_small, results_path=results,
                        demographics_path=demographics)
    for out in outs:
        path = write_report(audits, out)
        click.echo(f"wrote {path}", err=True)
    if fmt == "json":
        emit_json({"audits": [a.to_dict() for a in audits]})
    else:
        if fmt == "table":
            rows = [{**r, "rate": f"{r['rate']:.4f}",
                     "impact_ratio": "" if r["impact_ratio"] is None else f"{r['impact_ratio']:.4f}",
                     "p_value": "" if r["p_value"] is None else f"{r['p_value']:.4g}",
                     "flagged": "FLAGGED" if r["four_fifths"] else "no"}
                    for r in audit_rows(audits)]
            emit_rows(rows, fmt, title="Bias audit", columns=TABLE_COLUMNS,
                      caption=f"flagged: impact ratio under {threshold:g} (the four-fifths "
                              "rule; --threshold). CSV and JSON name it four_fifths "
                              "(true = flagged).")
        else:
            emit_rows(audit_rows(audits), fmt, title="Bias audit", columns=COLUMNS)
    _note_empty_tables(audits)
    _note_unmatched(audits[0])
    flagged = sum(len(a.flagged()) for a in audits)
    if flagged:
        click.echo(f"{flagged} categor{'y' if flagged == 1 else 'ies'} below the four-fifths "
                   f"threshold.", err=True)
    sys.stdout.flush()
    if flagged and fail_on_flags:
        sys.exit(FLAGGED_EXIT)


def _note_empty_tables(audits: Sequence["Audit"]) -> None:
    """Say on stderr which tables have no known category (no age column, say): they
    print no rows, and an absent table should not pass for an unflagged one."""
    seen = set()
    for a in audits:
        for t in a.tables:
            if not t.rows and t.dimension not in seen:
                seen.add(t.dimension)
                click.echo(f"{t.dimension}: no one audited has a known category "
                           f"({t.unknown} of {a.total} unknown); no rates to compare.",
                           err=True)


def _note_unmatched(a: "Audit") -> None:
    """Say on stderr when the two files do not name the same people: demographics rows no
    result names are left out of every rate (a ranking saved with ``rank --top 10`` holds
    only its top 10, so the rest of the pool, never selected, would go unaudited), and
    results with no demographics row count as unknown."""
    if a.unused_demographics:
        n = a.unused_demographics
        click.echo(f"note: {n} row{'s' if n != 1 else ''} of the demographics file match no "
                   f"one in the results and {'are' if n != 1 else 'is'} not audited. If the "
                   "results are a ranking saved by skillmix rank, it holds only its top "
                   "results: rank with --top at least the size of the pool to audit everyone "
                   "who applied.", err=True)
    if a.missing_demographics:
        n = a.missing_demographics
        click.echo(f"note: {n} of the {a.total} audited {'have' if n != 1 else 'has'} no row "
                   "in the demographics file; they count as unknown in every table.", err=True)
