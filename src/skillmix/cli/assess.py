"""``skillmix assess RESUME... --profile NAME|FILE`` or ``--job POSTING``: scorecards."""

from __future__ import annotations

from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, Iterator

import click

from ..batch import BatchReport
from ..errors.config_codes import C001, C040, C041
from .output import (Sink, column_option, display_name, echo_notes, emit_rows, field_columns,
                     finish_batch, kind_note, language_note, limit_option, no_documents,
                     open_output, output_options)
from .progress import progress

__all__ = ["assess"]


def _today(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise C040(f"--today must be a date like 2026-11-01, not {value!r}.") from None


@click.command()
@click.argument("resumes", nargs=-1)
@click.option("--profile", "-p", default=None,
              help="Built-in profile name or a profile YAML file "
                   "[default: social-media-technologist].")
@click.option("--job", "-j", "job", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Derive the profile from this job posting instead (PDF, HTML, text, JSON).")
@click.option("--today", "--as-of", "today", default=None, metavar="YYYY-MM-DD",
              help="Count years and recency to this date (default: today); --as-of, as "
                   "rank names it, is the same.")
@click.option("--markdown", "md_dir", default=None, type=click.Path(file_okay=False),
              help="Also write a one-page Markdown scorecard per résumé into this folder.")
@click.option("--html", "html_dir", default=None, type=click.Path(file_okay=False),
              help="Also write a one-page HTML scorecard per résumé into this folder.")
@click.option("--blind", is_flag=True,
              help="Blind mode, as in the API: mask names, contacts, age and gender markers "
                   "before scoring, and name each résumé by a neutral label (Candidate 7KQ3).")
@click.option("--list-profiles", is_flag=True, help="List the built-in profiles and exit.")
@click.option("--show-profile", is_flag=True,
              help="Print the profile (as YAML) that would be used, and exit.")
@output_options(stream=True)
@limit_option
@column_option
def assess(resumes: tuple[str, ...], profile: str | None, job: str | None, today: str | None,
           md_dir: str | None, html_dir: str | None, blind: bool, list_profiles: bool,
           show_profile: bool, fmt: str, output: str | None, quiet: bool, limit: int | None,
           columns: tuple[str, ...]) -> None:
    """Score RESUMES (files, folders, or a CSV/JSONL/Parquet export with one résumé a row)
    against a role profile, with evidence, red flags and interview questions for each gap."""
    from ..assess import available_profiles, load_profile
    from ..assess.render import scorecard_rows

    if list_profiles:
        emit_rows([{"profile": k, "label": v} for k, v in available_profiles().items()], fmt,
                  title="Role profiles")
        return
    if profile and job:
        raise C041("use --profile or --job, not both.",
                   hint="--job derives the profile from a posting.")
    prof = _job_profile(job) if job else load_profile(profile or "social-media-technologist")
    if show_profile:
        import yaml

        click.echo(yaml.safe_dump(prof.to_dict(), sort_keys=False, allow_unicode=True))
        return
    if not resumes:
        raise click.UsageError("give at least one RESUME (or --list-profiles).")
    missing = [r for r in resumes if not Path(r).exists()]
    if missing and len(missing) == len(resumes):
        raise C001(f"no such file: {missing[0]}.", hint="Check the path.")

    from ..assess import assess_stream
    from ..extract import get_extractor

    report = BatchReport()
    extractor = get_extractor(prof.taxonomy)
    notes: list[str] = []
    as_of = _today(today)
    docs = _documents(resumes, limit, blind, report, notes, as_of, field_columns(columns))

    def pairs(advance):  # type: ignore[no-untyped-def]
        for d in docs:
            yield extractor.extract(d), d
            advance(1)

    folders = _page_folders(md_dir, html_dir)
    with open_output(output, report=report) as out, progress(quiet, "assessing") as advance:
        sink = Sink(fmt, out, columns=(), title=f"Fit against {prof.id} {prof.version}",
                    head={"profile": prof.id, "profile_version": prof.version},
                    array="scorecards", name_column="source")
        flags: list[str] = []
        for card in assess_stream(pairs(advance), prof, today=as_of, report=BatchReport()):
            _write_pages(card, folders)
            if sink.wants_records:
                sink.record(card)
            if sink.wants_rows:
                # the whole source: the sink names it for a person (short_names)
                sink.rows({**row, "source": card.source} for row in scorecard_rows([card]))
                if fmt == "table":
                    flags += [f"  {card.source}: [{f.severity}] {f.message}"
                              for f in card.red_flags[1:]]
        if report.total == 0:
            raise no_documents(resumes)
        sink.close(report=report.to_dict())
    for line in flags:
        click.echo(line)
    echo_notes(notes, "like these")
    finish_batch(report)


def _documents(resumes: tuple[str, ...], limit: int | None, blind: bool,
               report: BatchReport, notes: list[str], today: date | None = None,
               named: dict[str, str] | None = None) -> Iterator[Any]:
    """The résumés, read lazily (at most ``limit``), masked in blind mode; an export
    (CSV, TSV, JSONL, Parquet) gives one résumé a row, and in blind mode the name its
    row gives is masked in the text too. A file that reads like a posting adds a note, and
    so does one with a role starting after ``--today`` (a current role counts only up to
    it: a mistyped date would otherwise shrink candidates' years without a word)."""
    from ..io import iter_records
    from ..records import Resume

    items: Iterator[Any] = iter_records(list(resumes), kind="resume", report=report,
                                        field_columns=named)
    if limit is not None:
        items = islice(items, limit)
    for item in items:
        row = isinstance(item, Resume)  # an export's row, sorted by its columns
        doc, name = (item.document, item.name) if row else (item, None)
        if blind:
            from ..fairness import blind_document

            doc = blind_document(doc, name=name)
        # after masking, so that a note in blind mode names the neutral label, not the file
        note = None if row else kind_note(doc, "resume")
        if note:
            notes.append(note)
        note = language_note(doc)
        if note:
            notes.append(note)
        later = [r.start for r in doc.roles if today and r.start and r.start > today]
        if later:
            notes.append(f"note: {display_name(doc.source)}: {len(later)} role(s) start after "
                         f"--today {today} (the first {min(later)}), and a current role counts "
                         "only up to --today: check the date.")
        yield doc


def _page_folders(md_dir: str | None, html_dir: str | None) -> list[tuple[Path, Any, str]]:
    """``(folder, render, suffix)`` for each page format asked for, the folder created."""
    from ..assess.render import scorecard_html, scorecard_markdown

    folders = []
    for folder, render, suffix in ((md_dir, scorecard_markdown, ".md"),
                                   (html_dir, scorecard_html, ".html")):
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            folders.append((Path(folder), render, suffix))
    return folders


def _write_pages(card: Any, folders: list[tuple[Path, Any, str]]) -> None:
    """One page per scorecard in each folder, named by the résumé and its document id."""
    for folder_path, render, suffix in folders:
        name = Path(card.source).stem or card.document_id
        (folder_path / f"{name}-{card.document_id[:8]}{suffix}").write_text(render(card), "utf-8")


def _job_profile(path: str):
    from ..assess import profile_from_posting
    from ..extract import get_extractor
    from ..io import read_document
    from ..io.inputs import one_document

    doc = read_document(one_document(path, "--job"), kind="posting")
    return profile_from_posting(get_extractor("builtin").extract(doc), doc)
