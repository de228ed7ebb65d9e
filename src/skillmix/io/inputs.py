"""Documents from what a user names on a command line: files, folders and corpus exports.

A CSV, TSV, JSONL or Parquet file is a job-board export and yields one posting per row
(:func:`~skillmix.io.read_corpus`); anything else is one document (folders are walked) and
is read in the sandbox, in batches (:func:`~skillmix.io.read_documents`). Documents come
out in the order the inputs were given, one at a time, so a consumer that writes each
result before asking for the next runs in constant memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from ..batch import BatchReport, OnError, check_on_error
from ..errors import SkillmixError
from ..records import Document, DocumentKind
from .read import read_documents
from .corpus import read_corpus
from .limits import ReadLimits

__all__ = ["CORPUS_SUFFIXES", "is_corpus", "iter_documents"]

CORPUS_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet")


def is_corpus(path: str | Path) -> bool:
    """Whether ``path`` names a job-board export (by its suffix) rather than one document."""
    return str(path).lower().endswith(CORPUS_SUFFIXES)


def iter_documents(
    paths: Iterable[str | Path] | str | Path,
    *,
    kind: DocumentKind | None = None,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    limits: ReadLimits | dict[str, Any] | None = None,
) -> Iterator[Document]:
    """Stream the documents of ``paths`` (one path, or many); failures follow ``on_error``
    and are counted in ``report`` (an export that cannot be opened at all counts as one
    failure). A single path is one input, as in :func:`read_documents`: a string is not
    read as an iterable of one-letter paths (its "/" would walk the whole file system)."""
    check_on_error(on_error)
    rep = report if report is not None else BatchReport()
    singles: list[str | Path] = []
    for p in ([paths] if isinstance(paths, (str, Path)) else paths):
        if not is_corpus(p):
            singles.append(p)
            continue
        if singles:
            yield from read_documents(singles, kind=kind, on_error=on_error, report=rep,
                                      limits=limits)
            singles = []
        try:
            for posting in read_corpus(p, on_error=on_error, report=rep, limits=limits):
                yield posting.document
        except SkillmixError as err:
            if on_error == "raise":
                raise
            rep.record(str(p), err, on_error)
    if singles:
        yield from read_documents(singles, kind=kind, on_error=on_error, report=rep, limits=limits)
