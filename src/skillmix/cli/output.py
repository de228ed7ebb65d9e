"""Shared output options and their writers.

``--table`` (default), ``--csv``, ``--json`` and, for commands over many documents,
``--jsonl``, ``-o/--output FILE`` and ``--quiet``. Commands build rows (dicts with the
same keys) or JSON-ready records from library records and hand them to a :class:`Sink`;
no command formats output itself.

``--jsonl`` and ``--csv`` are written as records are produced, one line at a time, so
memory stays flat however many documents go through; so is ``--json`` where a command
names the array its records go in (one JSON document, indented, written record by
record); ``--table`` collects first and is meant for small inputs.

``-o FILE`` is written through a temporary file beside FILE that replaces it only when
the command ends having produced something (:func:`open_output`), and without a format
flag FILE's suffix picks the format (:data:`SUFFIX_FORMATS`).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import stat
import sys
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any, BinaryIO, Callable, Iterable, Iterator, Sequence

import click

from ..jsonio import dumps

#: ``--jsonl`` output is flushed at most this often (and when the command ends).
FLUSH_SECONDS = 0.2

__all__ = ["SUFFIX_FORMATS", "Sink", "batch_status", "column_option", "display_name", "echo_notes",
           "emit_json", "emit_rows", "field_columns", "finish_batch", "kind_note", "language_note",
           "limit_option", "no_documents", "open_output", "output_options", "short_names",
           "suffix_format"]

#: the format an output file's suffix asks for when no format flag is given (where the
#: command offers it; any other suffix keeps the command's default)
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
                  ".md": "markdown"}

OUTPUT_HELP = ("Write to FILE instead of standard output; FILE is replaced only when the "
               "command has produced output (an earlier FILE survives a failed or "
               "interrupted run). Without a format flag, FILE's suffix picks the format: "
               ".jsonl or .ndjson, .json, .csv (any other: the table).")


def output_options(default: str = "table", *, stream: bool = False
                   ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add mutually exclusive ``--json/--csv/--table`` flags as ``fmt``; with ``stream``
    also ``--jsonl``, ``-o/--output FILE`` (``output``) and ``-q/--quiet`` (``quiet``).
    With ``stream``, a command given no format flag gets the one ``-o FILE``'s suffix asks
    for (:func:`suffix_format`), else ``default``: its flags carry no default of their own,
    so that a flag given is told from none."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        if stream:
            fn = _format_from_suffix(fn, default, ("table", "csv", "json", "jsonl"))
        fn = _one_format(fn, None if stream else default)
        if stream:
            fn = click.option("--quiet", "-q", is_flag=True,
                              help="No progress bar and no summary on stderr (errors still "
                                   "print).")(fn)
            fn = click.option("--output", "-o", "output", default=None, metavar="FILE",
                              type=click.Path(dir_okay=False, allow_dash=True),
                              help=OUTPUT_HELP)(fn)
            fn = click.option("--jsonl", "fmt_jsonl", is_flag=True,
                              help="JSON Lines: one record per document, written as it is "
                                   "produced (memory stays flat).")(fn)
        fn = click.option("--table", "fmt_table", is_flag=True,
                          help="Human-readable table (default).")(fn)
        fn = click.option("--csv", "fmt_csv", is_flag=True,
                          help="CSV rows" + (", written as they are produced." if stream else "."))(fn)
        fn = click.option("--json", "fmt_json", is_flag=True,
                          help="One JSON document, written record by record (memory stays flat)."
                          if stream else "JSON for machines.")(fn)
        return fn

    return deco


_FORMATS = ("json", "csv", "table", "jsonl")


def _one_format(fn: Callable[..., Any], default: str | None) -> Callable[..., Any]:
    """``fn`` given one ``fmt`` from the format flags, each its own boolean. Why: flags
    that shared one ``fmt`` let the last one win, so ``--json --csv`` silently wrote CSV;
    two formats are now a usage error naming both. A command's own extra format flag
    that still writes ``fmt`` (``titles --jsonl``) counts as one of them."""

    @functools.wraps(fn)
    def chosen(*args: Any, **kwargs: Any) -> Any:
        given = [f for f in _FORMATS if kwargs.pop(f"fmt_{f}", False)]
        if kwargs.get("fmt") is not None:
            given.append(kwargs["fmt"])
        if len(given) > 1:
            flags = " and ".join(f"--{f}" for f in given)
            both = " both" if len(given) == 2 else ""
            raise click.UsageError(f"{flags} are{both} output formats; give only one of them.")
        kwargs["fmt"] = given[0] if given else default
        return fn(*args, **kwargs)

    return chosen


def _format_from_suffix(fn: Callable[..., Any], default: str, offered: Sequence[str]
                        ) -> Callable[..., Any]:
    """``fn`` with ``fmt`` filled in when no flag gave it: ``output``'s suffix, else
    ``default``."""

    @functools.wraps(fn)
    def resolved(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("fmt") is None:
            kwargs["fmt"] = suffix_format(kwargs.get("output"), offered) or default
        return fn(*args, **kwargs)

    return resolved


def suffix_format(path: str | None, offered: Sequence[str]) -> str | None:
    """The format ``path``'s suffix asks for (:data:`SUFFIX_FORMATS`, any case) when it
    is one of ``offered``; None for standard output, another suffix or none."""
    if not path or path == "-":
        return None
    fmt = SUFFIX_FORMATS.get(Path(path).suffix.lower())
    return fmt if fmt in offered else None


def column_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--column FIELD=COLUMN`` (repeatable) as ``columns``: which column of an export
    holds what, where its names do not say (:func:`field_columns` parses it)."""
    return click.option(
        "--column", "columns", multiple=True, metavar="FIELD=COLUMN",
        help="Which column of every export given holds a field, where its names do not say: "
             "description, title, company, location, date, id, url for job postings; text, "
             "id, name for résumés (e.g. --column 'text=CV Body'); repeat for more.")(fn)


def field_columns(specs: tuple[str, ...]) -> dict[str, str]:
    """``--column FIELD=COLUMN`` options as field -> column ([C024] for one without "=");
    the reader checks the fields for its kind of export."""
    from ..errors.config_codes import C024

    out: dict[str, str] = {}
    for spec in specs:
        field, sep, column = spec.partition("=")
        if not sep:
            raise C024(f"--column takes FIELD=COLUMN; got {spec!r}.")
        out[field] = column
    return out


def limit_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--limit N``: stop after N documents (corpus rows count one each)."""
    return click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
                        help="Stop after N documents (a corpus row is one).")(fn)


@contextmanager
def open_output(path: str | None, *, report: Any = None) -> Iterator[BinaryIO]:
    """The binary stream to write to: ``path``, or standard output for None and ``-``.

    ``path`` is written through a temporary file beside it (:func:`skillmix.atomic.replacing`)
    that replaces it when the block ends, so an error or Ctrl-C mid-run leaves an earlier
    ``path`` whole and no half-written one. With a ``report`` (a
    :class:`~skillmix.batch.BatchReport`, read when the block ends) in which no input was
    done, nothing replaces ``path`` either, and a note on stderr names it: a run whose
    every input failed must not trade the user's earlier results for an empty table.
    A ``path`` that is a link, a device or a pipe (``/dev/null``, ``/dev/stdout``) is
    written in place, as a temporary file beside it could not be (or would replace the
    link)."""
    if path is None or path == "-":
        out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
        if out is None:  # a test runner's text stream
            yield _TextBytes(sys.stdout)  # type: ignore[misc]
        else:
            yield out
            out.flush()
        return
    target = Path(path)
    if target.is_symlink() or (target.exists() and not target.is_file()):
        try:
            fh = target.open("wb")
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        with fh:
            yield fh
        return
    from ..atomic import replacing

    existed = target.exists()
    with ExitStack() as stack:
        try:
            # a folder that does not exist yet is made, as --markdown and --out make theirs
            pending = stack.enter_context(replacing(target, mode=_file_mode(target)))
            fh = stack.enter_context(pending.tmp.open("wb"))
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        yield fh
        if report is not None and report.done == 0:
            pending.cancel()
            kept = "; it keeps its earlier content" if existed else ""
            click.echo(f"note: nothing was written to {path} (no input succeeded){kept}.",
                       err=True)


def _cannot_write(path: str, exc: OSError) -> Exception:
    from ..errors.config_codes import C005

    why = ("a part of the path is a file, not a folder"
           if isinstance(exc, (FileExistsError, NotADirectoryError)) else exc.strerror or exc)
    return C005(f"cannot write {path}: {why}.", source=str(path))


def _file_mode(target: Path) -> int:
    """The permissions the output file gets: those of the file it replaces, else what
    ``open`` would give a new one (0666 less the umask), not the temporary file's 0600."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _TextBytes(io.RawIOBase):
    """Bytes written to a text stream (for environments whose stdout has no buffer)."""

    def __init__(self, text: IO[str]) -> None:
        self._text = text

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self._text.write(bytes(b).decode("utf-8"))
        return len(b)

    def flush(self) -> None:
        self._text.flush()


class Sink:
    """Records and rows of one command, written in ``fmt`` to ``out``.

    A command calls :meth:`record` once per document (used by ``jsonl`` and ``json``) and
    :meth:`rows` with that document's rows (used by ``csv`` and ``table``); ``wants_rows``
    / ``wants_records`` say which are needed, so nothing is built for nothing.
    :meth:`close` writes what was collected; ``wrap`` turns the list of records into the
    ``--json`` document. Empty ``columns`` are taken from the first row.

    ``table_columns``, when given, are the table's columns (a narrower view of
    ``columns``, which CSV keeps whole).

    ``caption``, when given, is printed under the table (what its numbers mean).

    ``name_column`` is the column whose rows hold each document's whole ``source``: CSV
    shows its :func:`display_name`, the table the :func:`short_names` of the run (that
    column's values and ``sources``, the run's other inputs), so that two files of one
    name in different folders do not read the same.
    """

    def __init__(self, fmt: str, out: BinaryIO, *, columns: Sequence[str], title: str | None = None,
                 wrap: Callable[[list[Any]], Any] | None = None, array: str | None = None,
                 head: dict[str, Any] | None = None, name_column: str | None = None,
                 sources: Iterable[str] = (), table_columns: Sequence[str] | None = None,
                 caption: str | None = None) -> None:
        self.fmt = fmt
        self.caption = caption
        self.out = out
        # the table on a terminal shows what a person reads (``table_columns``); CSV keeps
        # every column
        self.columns = list(table_columns if table_columns and fmt == "table" else columns)
        self.name_column = name_column
        self.sources = list(sources) if name_column and fmt == "table" else []
        self.title = title
        self.wrap = wrap or (lambda records: records)
        self._flushed = time.monotonic()
        # ``--json`` with ``array``: {**head, array: [records...], **extra}, written record
        # by record instead of collected (the same bytes as one json.dumps of it all).
        self._array = _JsonObjectWriter(out, head or {}, array) if array and fmt == "json" else None
        self.wants_records = fmt in ("jsonl", "json")
        self.wants_rows = fmt in ("csv", "table")
        self._records: list[Any] = []
        self._rows: list[dict[str, Any]] = []
        self._text: io.TextIOWrapper | None = None
        self._csv: csv.DictWriter[str] | None = None

    def record(self, obj: Any) -> None:
        if self.fmt == "jsonl":
            self.out.write(dumps(obj) + b"\n")
            now = time.monotonic()
            if now - self._flushed >= FLUSH_SECONDS:  # a flush per record costs a system call
                self.out.flush()
                self._flushed = now
        elif self.fmt == "json":
            if self._array is not None:
                self._array.item(obj)
            else:
                self._records.append(obj)

    def rows(self, rows: Iterable[dict[str, Any]]) -> None:
        if not self.columns:  # columns from the first row
            rows = list(rows)
            if rows:
                self.columns = list(rows[0])
        if self.fmt == "csv" and self.name_column:
            col = self.name_column
            rows = ({**r, col: display_name(r[col])} if r.get(col) else r for r in rows)
        if self.fmt == "csv":
            if self._csv is None:
                self._text = io.TextIOWrapper(self.out, encoding="utf-8", newline="",
                                              write_through=True)
                self._csv = csv.DictWriter(self._text, fieldnames=self.columns,
                                           extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerows(rows)
        elif self.fmt == "table":
            self._rows.extend(rows)

    def close(self, **extra: Any) -> None:
        if self._array is not None:
            self._array.close(extra)
        elif self.fmt == "json":
            _write_json(self.out, self.wrap(self._records), extra)
        elif self.fmt == "csv":
            if self._csv is None:
                self.rows(())
            assert self._text is not None
            self._text.flush()
            self._text.detach()
        elif self.fmt == "table":
            report = extra.get("report")
            if isinstance(report, dict) and report.get("done") == 0 and not self._rows:
                # every input failed (or none was found): the errors say so, and an empty
                # frame above them would read as "no skills found"
                self.out.flush()
                return
            if self.name_column:
                self._short_names(self.name_column)
            _write_table(self.out, self._rows, self.columns, self.title, self.caption)
        self.out.flush()

    def _short_names(self, col: str) -> None:
        names = short_names([*self.sources, *(r[col] for r in self._rows if r.get(col))])
        self._rows = [{**r, col: names[r[col]]} if r.get(col) else r for r in self._rows]


class _JsonObjectWriter:
    """``{**head, key: [items], **tail}`` as ``json.dumps(..., indent=2)`` would write it,
    one item at a time, so ``--json`` holds one record in memory, not all of them."""

    def __init__(self, out: BinaryIO, head: dict[str, Any], key: str) -> None:
        self.out = out
        self.head = head
        self.key = key
        self.items = 0
        self.opened = False

    def _open(self) -> None:
        members = [_member(k, v) for k, v in self.head.items()]
        members.append(f"  {_dumps(self.key)}: [")
        self.out.write(("{\n" + ",\n".join(members)).encode("utf-8"))
        self.opened = True

    def item(self, obj: Any) -> None:
        if not self.opened:
            self._open()
        text = _indent(_dumps(obj), "    ", first=True)
        self.out.write(((",\n" if self.items else "\n") + text).encode("utf-8"))
        self.items += 1

    def close(self, tail: dict[str, Any]) -> None:
        if not self.opened:
            self._open()
        end = "\n  ]" if self.items else "]"
        rest = "".join(",\n" + _member(k, v) for k, v in tail.items())
        self.out.write((end + rest + "\n}\n").encode("utf-8"))


def _dumps(value: Any) -> str:
    from ..records import to_jsonable

    return json.dumps(to_jsonable(value), indent=2, ensure_ascii=False, default=str)


def _indent(text: str, pad: str, *, first: bool) -> str:
    lines = text.split("\n")
    return "\n".join((pad + line) if i or first else line for i, line in enumerate(lines))


def _member(key: str, value: Any) -> str:
    return f"  {_dumps(key)}: " + _indent(_dumps(value), "  ", first=False)


def _write_json(out: BinaryIO, obj: Any, extra: dict[str, Any]) -> None:
    from ..records import to_jsonable

    if isinstance(obj, dict):
        obj = {**obj, **extra}
    text = json.dumps(to_jsonable(obj), indent=2, ensure_ascii=False, default=str)
    out.write(text.encode("utf-8") + b"\n")


_NAME_COLUMNS = frozenset({"source", "document"})


def _write_table(out: BinaryIO, rows: Sequence[dict[str, Any]], cols: Sequence[str],
                 title: str | None, caption: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, caption=caption, caption_justify="left", show_lines=False)
    for c in cols:
        # the column that names each document wraps rather than ending in an ellipsis:
        # rows of one export differ only at the end ("resumes.csv:41", "resumes.csv:42")
        table.add_column(c, overflow="fold" if c in _NAME_COLUMNS else "ellipsis")
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
    if out is getattr(sys.stdout, "buffer", None):
        console = Console()
        if not console.is_terminal:
            console = Console(width=160)
        console.print(table)
        return
    text = io.StringIO()
    Console(file=text, width=160).print(table)
    out.write(text.getvalue().encode("utf-8"))


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, indent=2, ensure_ascii=False, default=str))


def emit_rows(rows: Sequence[dict[str, Any]], fmt: str, *, title: str | None = None,
              columns: Iterable[str] | None = None, caption: str | None = None) -> None:
    """``rows`` in ``fmt``; the table (only) prints ``caption`` under it."""
    cols = list(columns) if columns is not None else (list(rows[0]) if rows else [])
    if fmt == "json":
        emit_json(list(rows))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(dumps(r).decode("utf-8"))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow(r)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, caption=caption, caption_justify="left", show_lines=False)
        for c in cols:
            table.add_column(c)
        for r in rows:
            table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
        console = Console()
        if not console.is_terminal:
            console = Console(width=160)
        console.print(table)


def kind_note(doc: Any, want: str) -> str | None:
    """A note when a file given as ``want`` ("resume" or "posting") reads like the other
    kind (a posting in a folder of résumés would be ranked as a candidate); None when it
    reads as asked or cannot be told. For files only (the caller's choice): an export's
    rows were told apart by its columns."""
    from ..io import guess_kind

    other = "posting" if want == "resume" else "resume"
    if guess_kind(doc.text) != other:
        return None
    names = {"resume": "a résumé", "posting": "a job posting"}
    return (f"note: {display_name(doc.source)} reads like {names[other]}; it is scored as "
            f"{names[want]}.")


#: English function words: their share of a text's words tells English prose (a fifth or
#: more of it) from other languages (a few in a hundred, from loan words and names)
_ENGLISH_FUNCTION = frozenset(
    "the and of to in with for on is are you your our we be as at or will this that an by "
    "from have has it its who what which their they all can must not".split())
#: ... and those of the languages postings most often come in besides (Spanish, French,
#: German, Portuguese, Italian): a keyword-list résumé has few English function words, so
#: only others' outnumbering them tells a language apart
_OTHER_FUNCTION = frozenset(
    "de la el en y los las con por para una un que se del al como más su sus le les des du "
    "et est pour avec une dans sur vous nous der die das und mit für ist ein eine zu von "
    "den da do com uma os em il lo di per che della nel".split())
_LETTER_WORD = re.compile(r"[^\W\d_]+")


def language_note(doc: Any) -> str | None:
    """A note when a document does not read as English: the reader's skill names, its
    negation and its required/preferred cues are English, so another language gives
    unreliable credits without any error (a new-user trial: "No se requiere experiencia con
    Salesforce" read as Salesforce required). None for English or short texts. ``doc`` is a
    :class:`~skillmix.records.Document`, or an export row's ``Posting``/``Resume`` (named
    by its document's source)."""
    words = _LETTER_WORD.findall(doc.text.lower())
    if len(words) < 40:
        return None
    share = sum(w in _ENGLISH_FUNCTION for w in words) / len(words)
    other = sum(w in _OTHER_FUNCTION for w in words) / len(words)
    if other < 0.08 or other < 2 * share:
        return None
    source = doc.source if hasattr(doc, "source") else doc.document.source
    return (f"note: {display_name(source)} does not read as English ({share:.0%} English "
            f"function words); skillmix reads English, so its skills, negations and "
            f"requirement levels are unreliable here.")


def echo_notes(notes: Sequence[str], rest: str, limit: int = 5) -> None:
    """The first ``limit`` notes on stderr, then one line for the others ("note: ... and
    12 more that read like the other kind"): a folder of a thousand files must not bury
    the output under notes."""
    for n in notes[:limit]:
        click.echo(n, err=True)
    if len(notes) > limit:
        click.echo(f"note: ... and {len(notes) - limit} more {rest}.", err=True)


def display_name(source: str) -> str:
    """How a person tells documents apart in a table: the file name, or ``name:row`` for a
    corpus row (``jobs.csv:42``). Machine output keeps the whole ``source``. Where the
    other documents of the run are known, :func:`short_names` tells apart two files of
    one name."""
    return source.replace("\\", "/").rsplit("/", 1)[-1] or source


_ROW = re.compile(r"(.+):(\d+)")


def short_names(sources: Iterable[str]) -> dict[str, str]:
    """Each source's shortest path suffix that no other file among ``sources`` ends with:
    ``cv.pdf`` while it is the only one, ``a/cv.pdf`` and ``b/cv.pdf`` for two. An export's
    row (``FILE:ROW``) is named by its file's suffix and the row, so every row of one
    export reads alike (``a/jobs.csv:42``). A name that is no path (a blind label) stays."""
    split = {s: _ROW.fullmatch(s) for s in set(sources)}
    files = {(m.group(1) if m else s) for s, m in split.items()}
    shown = _shortest_suffixes(files)
    return {s: f"{shown[m.group(1)]}:{m.group(2)}" if m else shown[s] for s, m in split.items()}


def _shortest_suffixes(paths: set[str]) -> dict[str, str]:
    parts = {p: p.replace("\\", "/").split("/") for p in paths}
    shown: dict[str, str] = {}
    left = dict(parts)
    k = 1
    while left:
        # a suffix unique among the paths not yet named is unique among all: a path named
        # at a shorter length differs from every other in its last k-1 parts already
        tails = {p: "/".join(segs[-k:]) for p, segs in left.items()}
        counts = Counter(tails.values())
        for p, tail in tails.items():
            if counts[tail] == 1 or k >= len(parts[p]):
                shown[p] = tail or p
        left = {p: segs for p, segs in left.items() if p not in shown}
        k += 1
    return shown


def no_documents(inputs: Sequence[str], what: str = "documents") -> Exception:
    """[C002] for a command whose inputs held nothing to read (an empty folder): the same
    coded error from every command that takes files or folders."""
    from ..errors.config_codes import C002

    return C002(f"no {what} found in {', '.join(inputs)[:200]}.",
                hint="Pass files, or folders that contain readable documents.")


def finish_batch(report: Any) -> None:
    """End a batch command: each failure on stderr as its coded line, then the counts
    when anything failed or was skipped, and exit 1 when any input failed (the rest were
    still written) or when nothing at all was done: one rule, whether the failed file was
    given alone or among others (see :func:`batch_status`)."""
    for f in report.failures:
        click.echo(f"error: {f.error}", err=True)
    if report.failed or report.skipped:
        click.echo(report.summary(), err=True)
    status = batch_status(report)
    if status:
        sys.exit(status)


def batch_status(report: Any) -> int:
    """The exit status of a batch command: 1 when any input failed or none was done
    (every one skipped), else 0. Skipped inputs (a repeat of an earlier document) are no
    failure."""
    return 1 if report.failed or (report.done == 0 and report.skipped) else 0
