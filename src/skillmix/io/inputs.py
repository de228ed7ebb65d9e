"""Documents from what a user names on a command line: files, folders and exports.

A CSV, TSV, JSONL or Parquet file is an export with one document per row: a job-board export
yields postings (:func:`~skillmix.io.read_corpus`), a résumé export résumés
(:func:`~skillmix.io.read_resume_corpus`). Which one is the caller's ``kind`` or, without
one, the columns' (:func:`corpus_kind`). Anything else is one document (folders are walked)
and is read in the sandbox, in batches (:func:`~skillmix.io.read_documents`). Documents come
out in the order the inputs were given, one at a time, so a consumer that writes each
result before asking for the next runs in constant memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..batch import BatchReport, OnError, check_on_error
from ..errors import SkillmixError
from ..records import Document, DocumentKind, Posting, Resume
from .read import expand_paths, read_documents
from .corpus import corpus_columns, read_corpus, sniff_preset
from .limits import ReadLimits
from .resume_corpus import read_resume_corpus, sniff_resume_preset

__all__ = ["CORPUS_SUFFIXES", "corpus_kind", "is_corpus", "iter_corpus", "iter_documents",
           "iter_records", "one_document"]

CORPUS_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet")


def is_corpus(path: str | Path) -> bool:
    """Whether ``path`` names a job-board export (by its suffix) rather than one document."""
    return str(path).lower().endswith(CORPUS_SUFFIXES)


def one_document(path: str | Path, what: str) -> Path:
    """``path`` when it names one document; [C427] for an export of many, which read as
    one document would merge every row into one posting or candidate."""
    if is_corpus(path):
        from ..errors.config_codes import C427

        raise C427(f"{what} takes one document, and {Path(path).name} is an export with one "
                   "per row.", source=str(path),
                   hint="Give one posting or résumé file, or rank the export as the pool "
                        "(rank --candidate RESUME jobs.csv, rank --job POSTING resumes.csv).")
    return Path(path)


def corpus_kind(path: str | Path, field_columns: Mapping[str, str] | None = None) -> DocumentKind:
    """Whether an export holds résumés or postings, by its columns: a known résumé export
    (Kaggle, LiveCareer, JSON Resume lines) is résumés; then any job-board preset, the
    generic one included, is postings; a résumé text column (``resume``, ``cv``...) is
    résumés; anything else is read as postings, whose reader names the problem. A user's
    ``field_columns`` naming a ``description`` or a ``text`` says it outright."""
    named = {str(k).strip().lower() for k in (field_columns or {})}
    if "description" in named or "text" in named:
        return "posting" if "description" in named else "resume"
    if not Path(path).is_file():
        return "posting"  # the reader says what is wrong with the path
    columns = corpus_columns(Path(path))
    if sniff_resume_preset(columns, generic=False) is not None:
        return "resume"
    if sniff_preset(columns) is not None:
        return "posting"
    return "resume" if sniff_resume_preset(columns) is not None else "posting"


def iter_corpus(
    path: str | Path,
    *,
    kind: DocumentKind | None = None,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    limits: ReadLimits | dict[str, Any] | None = None,
    field_columns: Mapping[str, str] | None = None,
) -> Iterator[Posting | Resume]:
    """The records of one export, one per row: résumés or postings as ``kind`` says
    (sniffed from the columns when None); ``field_columns`` names columns the reader
    would not find (:func:`~skillmix.io.read_corpus`, :func:`~skillmix.io.read_resume_corpus`)."""
    knd = kind or corpus_kind(path, field_columns)
    if knd == "resume":
        yield from read_resume_corpus(path, on_error=on_error, report=report, limits=limits,
                                      field_columns=field_columns)
    else:
        yield from read_corpus(path, on_error=on_error, report=report, limits=limits,
                               field_columns=field_columns)


def iter_records(
    paths: Iterable[str | Path] | str | Path,
    *,
    kind: DocumentKind | None = None,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    limits: ReadLimits | dict[str, Any] | None = None,
    field_columns: Mapping[str, str] | None = None,
) -> Iterator[Document | Posting | Resume]:
    """What :func:`iter_documents` reads, as read: an export's rows keep their
    :class:`~skillmix.records.Posting` or :class:`~skillmix.records.Resume` (title,
    company, the candidate's name), a file is a :class:`~skillmix.records.Document`.
    Folders are walked first, so an export inside a folder is read row by row too."""
    check_on_error(on_error)
    rep = report if report is not None else BatchReport()
    singles: list[Path] = []
    for p in expand_paths([paths] if isinstance(paths, (str, Path)) else paths):
        if not is_corpus(p):
            singles.append(p)
            continue
        if singles:
            yield from read_documents(singles, kind=kind, on_error=on_error, report=rep,
                                      limits=limits)
            singles = []
        try:
            yield from iter_corpus(p, kind=kind, on_error=on_error, report=rep, limits=limits,
                                   field_columns=field_columns)
        except SkillmixError as err:
            if on_error == "raise":
                raise
            rep.record(str(p), err, on_error)
    if singles:
        yield from read_documents(singles, kind=kind, on_error=on_error, report=rep, limits=limits)


def iter_documents(
    paths: Iterable[str | Path] | str | Path,
    *,
    kind: DocumentKind | None = None,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    limits: ReadLimits | dict[str, Any] | None = None,
    field_columns: Mapping[str, str] | None = None,
) -> Iterator[Document]:
    """Stream the documents of ``paths`` (one path, or many; folders are walked);
    failures follow ``on_error`` and are counted in ``report`` (an export that cannot be
    opened at all counts as one failure). A single path is one input, as in
    :func:`read_documents`: a string is not read as an iterable of one-letter paths (its
    "/" would walk the whole file system)."""
    for item in iter_records(paths, kind=kind, on_error=on_error, report=report, limits=limits,
                             field_columns=field_columns):
        yield item if isinstance(item, Document) else item.document
