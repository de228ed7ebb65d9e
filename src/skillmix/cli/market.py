"""``skillmix market``: run the corpus pipeline, report on it, query it, check the classifier.

Thin commands over :mod:`skillmix.market`; the progress bar (rich, on stderr, with rate
and ETA, counted in records) is the only thing done here; ``--quiet`` (or ``--silent``)
turns it off, and it stays off when stderr is not a terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import click

from .output import emit_json, emit_rows, field_columns, output_options

__all__ = ["market_group"]


@click.group("market")
def market_group() -> None:
    """Map the job market: which postings ask for social media skills, and what else."""
    from ..extras import require_extra

    require_extra("market")


def _progress_bar(silent: bool) -> tuple[Callable[[Any], None], Callable[[], None]]:
    """``(update, stop)``: a bar counted in records (inside partitions too), only for a
    person at a terminal: nothing with ``--quiet`` or when stderr is a pipe or a file."""
    from .progress import progress_enabled, rate_column

    if not progress_enabled(silent):
        return (lambda _p: None), (lambda: None)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TaskProgressColumn(), rate_column("postings"), TimeElapsedColumn(), TextColumn("ETA"),
                   TimeRemainingColumn(), console=Console(stderr=True), transient=False)
    task = bar.add_task("planning", total=None)
    bar.start()

    def update(p: Any) -> None:
        labels = {"plan": "planning", "extract": "extracting", "dedup": "deduplicating",
                  "done": "done"}
        bar.update(task, description=labels.get(p.phase, p.phase), completed=p.done, total=p.total)

    return update, bar.stop


@market_group.command("run")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False),
              help="Run folder (created; an unfinished run there is resumed).")
@click.option("--preset", help="Column preset for every corpus (linkedin, remotive, adzuna, "
              "jobspy, generic); sniffed from the columns when left out.")
@click.option("--column", "column_specs", multiple=True, metavar="FIELD=COLUMN",
              help="Which column holds a field (description, title, company, location, "
              "date, id, url), e.g. --column 'description=Job Text'; repeat for more. Put "
              "over the preset or what the column names say.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (tcp://HOST:8786); without it, "
              "--engine dask starts a LocalCluster.")
@click.option("--workers", "-w", type=int, help="Worker processes (default: CPUs; 0 runs inline).")
@click.option("--partition-size", type=int, default=1000, show_default=True,
              help="Postings per partition (the unit of work and of resume).")
@click.option("--dedup/--no-dedup", default=True, show_default=True,
              help="Mark exact and near-duplicate postings (MinHash).")
@click.option("--near-threshold", type=float, default=0.8, show_default=True,
              help="Estimated Jaccard similarity above which postings are near duplicates.")
@click.option("--taxonomy", "-t", default="builtin", show_default=True)
@click.option("--rules", type=click.Path(dir_okay=False, exists=True),
              help="Classifier rules YAML (default: the packaged rules).")
@click.option("--restart", is_flag=True, help="Discard a previous run in --out and start again.")
@click.option("--on-error", type=click.Choice(["collect", "skip", "raise"]), default="collect",
              show_default=True, help="What an unreadable record does.")
@click.option("--quiet", "-q", "--silent", "silent", is_flag=True,
              help="No progress bar (there is none either when stderr is not a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
def run_cmd(corpora: tuple[str, ...], out: str, preset: str | None,
            column_specs: tuple[str, ...], engine: str,
            scheduler: str | None, workers: int | None, partition_size: int, dedup: bool,
            near_threshold: float, taxonomy: str, rules: str | None, restart: bool,
            on_error: str, silent: bool, as_json: bool) -> None:
    """Read, deduplicate, extract and classify CORPORA (CSV, JSONL, Parquet) into --out."""
    from ..market import DedupSettings, RunSettings, run_market

    settings = RunSettings(taxonomy=taxonomy, dedup=dedup,
                           dedup_settings=DedupSettings(threshold=near_threshold),
                           rules=str(Path(rules).resolve()) if rules else None,
                           partition_size=partition_size)
    update, stop = _progress_bar(silent)
    try:
        try:
            summary = run_market(list(corpora), out, preset=preset,
                                 field_columns=field_columns(column_specs), settings=settings,
                                 engine=engine,  # type: ignore[arg-type]
                                 workers=workers, scheduler=scheduler, restart=restart,
                                 on_error=on_error, progress=update)  # type: ignore[arg-type]
        finally:
            stop()
    except KeyboardInterrupt:  # the entry point then says "aborted" and exits 130
        if (Path(out) / "manifest.json").exists():
            click.echo(f"interrupted: the partitions finished so far are kept in {out}; run the "
                       "same command again to resume (--restart starts over).", err=True)
        else:  # stopped while planning: there is nothing to resume yet
            click.echo("interrupted before any partition was planned; nothing was kept.",
                       err=True)
        raise
    if as_json:
        emit_json(summary.to_dict())
    else:
        rate = summary.records / summary.seconds if summary.seconds else 0.0
        click.echo(f"{summary.records:,} records in {summary.partitions} partitions "
                   f"({summary.resumed_partitions} resumed) in {summary.seconds:.1f}s "
                   f"({rate:,.0f}/s); {summary.postings:,} postings after removing "
                   f"{summary.duplicates_exact:,} exact and {summary.duplicates_near:,} near duplicates; "
                   f"{summary.requires_social:,} require social media skills.")
        click.echo(f"Tables: {Path(out) / 'postings'}, {Path(out) / 'mentions'}. "
                   f"Next: skillmix market report {out}")
    for f in summary.failures[:20]:
        click.echo(f"error: {f.error}", err=True)
    if summary.failed or summary.skipped:
        click.echo(f"{summary.failed} failed, {summary.skipped} skipped records", err=True)


@market_group.command("report")
@click.argument("run_dir", type=click.Path(file_okay=False))
@click.option("--out", "-o", type=click.Path(file_okay=False),
              help="Where to write the report (default: RUN_DIR/report).")
@click.option("--top", type=int, default=40, show_default=True, help="Rows in top-N tables.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON.")
def report_cmd(run_dir: str, out: str | None, top: int, as_json: bool) -> None:
    """Write the HTML report, CSV/Parquet tables and JSON of a finished run."""
    from ..market import build_report, write_report
    from ..market.report import dates_summary

    report = build_report(run_dir, top=top)
    paths = write_report(report, out or Path(run_dir) / "report")
    if as_json:
        emit_json(report.to_dict())
        return
    h = report.headline
    click.echo(f"{h.postings:,} postings; {h.requires_social:,} ({h.social_share:.1%}) require social "
               f"media skills, {h.social_title_hidden:,} of them ({h.social_title_hidden_share:.1%}) "
               f"without saying so in the title; convergence (tech + comm areas): "
               f"{h.convergence_share:.1%} of all, {h.convergence_share_social:.1%} of social.")
    click.echo(f"Posting dates: {dates_summary(h)}"
               + ("." if h.dated == h.postings else " (the trends by month and skill growth count only those)."))
    click.echo(f"Report: {paths[0]}")


@market_group.command("query")
@click.argument("run_dir", type=click.Path(file_okay=False))
@click.argument("sql")
@output_options()
def query_cmd(run_dir: str, sql: str, fmt: str) -> None:
    """Run SQL on a run folder (views: postings, mentions, duplicates, postings_all, mentions_all)."""
    from ..market import query

    cols, rows = query(run_dir, sql)
    emit_rows([dict(zip(cols, r)) for r in rows], fmt, columns=cols)


def _pm(v: Any) -> str:
    return f"{v['mean']:.3f} ± {v['sd']:.3f}" if v else ""


@market_group.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True))
@click.option("--postings", type=click.Path(file_okay=False, exists=True),
              help="Folder holding the labelled corpora (linkedin/remotive/adzuna files); needed with one LABELS file.")
@click.option("--folds", default=5, show_default=True, help="Cross-validation folds (grouped by company).")
@click.option("--repeats", default=5, show_default=True, help="Repeats of the K-fold split (different shuffles).")
@click.option("--seed", default=18, show_default=True)
@click.option("--preset", help="Column preset of CORPUS (two-argument form; sniffed when left out).")
@click.option("--rules", type=click.Path(dir_okay=False, exists=True), help="Classifier rules YAML (two-argument form).")
@click.option("--shipped", is_flag=True, help="Score the shipped model as it is on LABELS (held-out labels: "
              "nothing is fitted; keyword and rule classifier on the same postings).")
@click.option("--model", "model_path", type=click.Path(dir_okay=False, exists=True),
              help="With --shipped: a model JSON instead of the packaged one.")
@click.option("--by-corpus", is_flag=True, help="Leave one corpus out: fit on the other corpora, score each "
              "corpus in turn (keyword and rule classifier on the same postings; ± is a bootstrap over companies).")
@click.option("--json", "as_json", is_flag=True)
def eval_cmd(paths: tuple[str, ...], postings: str | None, folds: int, repeats: int, seed: int,
             preset: str | None, rules: str | None, shipped: bool, model_path: str | None, by_corpus: bool,
             as_json: bool) -> None:
    """Cross-validate the learned classifier: ``eval LABELS --postings DIR`` prints grouped,
    nested CV figures (mean ± sd over repeats) of the learned model next to the keyword
    baseline and the rule classifier on the same folds. ``eval CORPUS LABELS`` scores the
    rule classifier and the keyword baseline on one labelled corpus (development figures).
    ``eval LABELS --postings DIR --shipped`` scores the shipped model on held-out labels;
    ``eval LABELS --postings DIR --by-corpus`` leaves one corpus out at a time."""
    if shipped:
        if len(paths) != 1 or postings is None:
            raise click.UsageError("--shipped takes one LABELS file and --postings DIR.")
        _eval_shipped(paths[0], postings, model_path, seed, as_json)
        return
    if len(paths) == 2:
        _eval_corpus(paths[0], paths[1], preset, rules, as_json)
        return
    if len(paths) != 1 or postings is None:
        raise click.UsageError("give LABELS with --postings DIR (cross-validation), or CORPUS LABELS.")
    if by_corpus:
        _eval_by_corpus(paths[0], postings, seed, as_json)
        return
    from ..market import cross_validate_labels

    rep = cross_validate_labels(paths[0], postings, folds=folds, repeats=repeats, seed=seed,
                                progress=None if as_json else (lambda msg: click.echo(msg, err=True)))
    d = rep.to_dict()
    if as_json:
        emit_json(d)
        return
    names = {"learned": "learned classifier", "keyword": "keyword 'social media' in text",
             "rules": "rule classifier (no fitting)"}
    rows = []
    for m, name in names.items():
        p, f = d["pooled"][m], d["per_fold"][m]
        rows.append({"model": name, "precision": _pm(p["precision"]), "recall": _pm(p["recall"]),
                     "F1": _pm(p["f1"]), "F1 per fold": _pm(f["f1"]),
                     "strength acc (positives)": _pm(p["strength_acc_pos"]),
                     "areas macro-F1": _pm(p.get("areas_macro_f1"))})
    emit_rows(rows, "table", title=(f"{d['n']} postings, {d['positives']} positive, {d['groups']} company groups; "
                                   f"{d['folds']}-fold grouped CV x {d['repeats']} repeats (mean ± sd over repeats)"))
    click.echo("areas F1 (learned): " + ", ".join(f"{a} {v['mean']:.3f}" for a, v in d["areas_f1"].items()))
    click.echo("by source (pooled, mean of repeats): " + "; ".join(
        f"{k} P {v['precision']:.3f} R {v['recall']:.3f}"
        + (f" strength {v['strength_acc_pos']:.3f}" if "strength_acc_pos" in v else "")
        + (f" areas {v['areas_macro_f1']:.3f}" if "areas_macro_f1" in v else "")
        + f" ({v['positives']:.0f} positive)"
        for k, v in d["by_source"].items()))
    for src, areas in d["areas_f1_by_source"].items():
        click.echo(f"{src} areas F1 (learned, mean ± sd over repeats): " + ", ".join(
            f"{a} {_pm(v)}" for a, v in areas.items()))
    sd = d["by_source_sd"].get("linkedin/learned")
    if sd:
        li = d["by_source"]["linkedin/learned"]
        click.echo("linkedin (learned, mean ± sd over repeats): " + ", ".join(
            f"{k} {li[k]:.3f} ± {sd[k]:.3f}" for k in ("precision", "recall", "f1", "strength_acc_pos", "areas_macro_f1")
            if k in li))
    if d["errors"]["false_negatives"] or d["errors"]["false_positives"]:
        click.echo(f"usually wrong: false negatives {', '.join(d['errors']['false_negatives']) or '-'}; "
                   f"false positives {', '.join(d['errors']['false_positives']) or '-'}", err=True)
    sys.stdout.flush()


def _eval_by_corpus(labels: str, postings: str, seed: int, as_json: bool) -> None:
    from ..market.generalization import leave_one_corpus_out_labels

    rep = leave_one_corpus_out_labels(labels, postings, seed=seed, progress=lambda msg: click.echo(msg, err=True))
    d = rep.to_dict()
    if as_json:
        emit_json(d)
        return

    def fig(v: Any) -> str:
        return "n/a" if v is None else f"{v['value']:.3f} ± {v['sd']:.3f}"

    rows = []
    for s in d["splits"]:
        for m, name in (("learned", "learned classifier"), ("keyword", "keyword 'social media' in text"),
                        ("rules", "rule classifier")):
            sc = s["scores"][m]
            rows.append({"test corpus": f"{s['test']} ({s['n']}, {s['positives']} positive)", "model": name,
                         "precision": fig(sc.get("precision")), "recall": fig(sc.get("recall")),
                         "F1": fig(sc.get("f1")), "strength acc (positives)": fig(sc.get("strength_acc_pos")),
                         "areas macro-F1": fig(sc.get("areas_macro_f1")) if m != "keyword" else ""})
    emit_rows(rows, "table", title=("leave one corpus out: fitted on the other corpora, nothing fitted on the test "
                                   f"corpus; ± = bootstrap sd over its company groups ({d['rounds']} rounds)"))
    for s in d["splits"]:
        click.echo(f"{s['test']} areas F1 (learned): " + ", ".join(
            f"{a} {v['value']:.3f}" for a, v in s["areas_f1"].items()))
    sys.stdout.flush()
    for s in d["splits"]:
        if s["false_positives"] or s["false_negatives"]:
            click.echo(f"{s['test']}: false positives {', '.join(s['false_positives']) or '-'}; "
                       f"false negatives {', '.join(s['false_negatives']) or '-'}", err=True)


def _eval_shipped(labels: str, postings: str, model_path: str | None, seed: int, as_json: bool) -> None:
    from ..market.heldout import score_held_out

    rep = score_held_out(labels, postings, model=model_path, seed=seed)
    d = rep.to_dict()
    if as_json:
        emit_json(d)
        return
    ci = d["intervals"]

    def fig(model: str, key: str, value: float | None) -> str:
        if value is None:
            return ""
        lo_hi = ci.get(key) if model == "learned" else None
        return f"{value:.3f}" + (f" [{lo_hi[0]:.3f}, {lo_hi[1]:.3f}]" if lo_hi else "")

    names = {"learned": "learned classifier (shipped)", "keyword": "keyword 'social media' in text",
             "rules": "rule classifier"}
    rows = []
    for m, name in names.items():
        s = d["scores"][m]
        has_pos = rep.positives > 0
        rows.append({"model": name, "TP": s["tp"], "FP": s["fp"], "FN": s["fn"],
                     "false-positive rate": fig(m, "false_positive_rate", d["false_positive_rate"][m]),
                     "precision": fig(m, "precision", s["precision"]) if s["tp"] + s["fp"] else "n/a",
                     "recall": fig(m, "recall", s["recall"]) if has_pos else "n/a",
                     "strength acc (positives)": fig(m, "strength_acc_pos", s["strength_accuracy_positives"])
                     if has_pos else "n/a",
                     "areas macro-F1": fig(m, "areas_macro_f1", s["areas_macro_f1"])})
    emit_rows(rows, "table", title=(f"held-out: {rep.n} postings, {rep.positives} positive, {rep.groups} company "
                                   f"groups; model {rep.model_version}, nothing fitted [bootstrap 95% over groups]"))
    click.echo("areas F1 (learned): " + ", ".join(f"{a} {v:.3f}" for a, v in d["scores"]["learned"]["areas_f1"].items()))
    click.echo("by source (learned): " + "; ".join(
        f"{k} n {v['n']:.0f}, {v['positives']:.0f} positive, FP {v['false_positives']:.0f}, areas {v['areas_macro_f1']:.3f}"
        + (f", recall {v['recall']:.3f}, strength {v['strength_acc_pos']:.3f}" if "recall" in v else "")
        for k, v in d["by_source"].items()))
    sys.stdout.flush()
    for m in names:
        if d["false_positives"][m] or d["false_negatives"][m]:
            click.echo(f"{m}: false positives {', '.join(d['false_positives'][m]) or '-'}; "
                       f"false negatives {', '.join(d['false_negatives'][m]) or '-'}", err=True)
    sys.stdout.flush()


def _eval_corpus(corpus: str, labels: str, preset: str | None, rules: str | None, as_json: bool) -> None:
    from ..market import SocialMediaClassifier, evaluate_classifier

    ev = evaluate_classifier(corpus, labels, preset=preset, classifier=SocialMediaClassifier(rules))
    if as_json:
        emit_json(ev.to_dict())
        return
    rows = []
    for name, sc in (("rule classifier", ev.classifier), ("keyword baseline", ev.baseline)):
        rows.append({"model": name, "precision": sc.precision, "recall": sc.recall, "f1": sc.f1,
                     "strength_acc": sc.strength_accuracy,
                     "strength_acc_pos": sc.strength_accuracy_positives,
                     "areas_macro_f1": "" if sc.areas_macro_f1 is None else sc.areas_macro_f1})
    emit_rows(rows, "table", title=f"{ev.n} postings, {ev.positives} require social media skills "
                                   "(development figures: the rules were written on this set)")
    if ev.false_positives or ev.false_negatives:
        click.echo(f"false positives: {', '.join(ev.false_positives) or '-'}; "
                   f"false negatives: {', '.join(ev.false_negatives) or '-'}", err=True)
    sys.stdout.flush()


@market_group.command("agreement")
@click.argument("first", type=click.Path(dir_okay=False, exists=True))
@click.argument("second", type=click.Path(dir_okay=False, exists=True))
@click.option("--source", help="Only the postings of one corpus (linkedin, remotive, adzuna).")
@click.option("--json", "as_json", is_flag=True)
def agreement_cmd(first: str, second: str, source: str | None, as_json: bool) -> None:
    """Agreement of two labelling passes (Cohen's kappa, per-area F1) on the postings both label."""
    from ..market import label_agreement

    ag = label_agreement(first, second, source=source)
    if as_json:
        emit_json(ag.to_dict())
        return
    click.echo(f"{ag.n} postings labelled twice; positive: {ag.positives_a} (first) / {ag.positives_b} (second)")
    click.echo(f"requires_social_media: Cohen's kappa {ag.kappa:.3f}, raw agreement {ag.observed:.3f}")
    if ag.strength_agreement is not None:
        click.echo(f"strength agreement where both say yes: {ag.strength_agreement:.3f}")
    click.echo(f"areas: macro F1 {ag.areas_macro_f1:.3f} (" +
               ", ".join(f"{a} {v:.3f}" for a, v in ag.areas_f1.items()) + ")")
    if ag.disagreements:
        click.echo("disagree on: " + ", ".join(ag.disagreements))
