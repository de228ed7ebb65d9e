"""Résumé folders labelled by category, read once and cached.

Ranking experiments (``skillmix eval ranking``, ``bench/rank_*.py``) read the same
hundreds of PDFs again and again; parsing is the slow part (about 0.15 s a PDF) while
extraction takes milliseconds. So the parsed :class:`~skillmix.records.Document` of each
file is pickled in a cache file keyed by the folder, and each entry is re-read only when
its file's size or modification time changed. The cache holds parsed text only: change
the taxonomy or the extractor and nothing stale is served.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterator, Literal

from ..atomic import atomic_write_bytes
from ..batch import BatchReport, OnError
from ..records import Document, Role, Section

__all__ = ["LabelledDocument", "read_labelled_folder"]

_CACHE_VERSION = 1
_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".html", ".htm", ".json"}


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    """A document and the category folder it came from (its coarse relevance label)."""

    category: str
    path: str
    document: Document


def _cache_dir() -> Path:
    from ..config import current_settings

    return current_settings().cache("match")


def _files(root: Path) -> Iterator[tuple[str, Path]]:
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for f in sorted(folder.iterdir()):
            if f.is_file() and f.suffix.lower() in _SUFFIXES and not f.name.startswith("."):
                yield folder.name, f


def _wanted(root: Path, limit_per_category: int | None) -> list[tuple[str, Path]]:
    """``(category, file)`` for each file to read, at most ``limit_per_category`` a folder."""
    wanted: list[tuple[str, Path]] = []
    counts: dict[str, int] = {}
    for cat, f in _files(root):
        if limit_per_category is not None and counts.get(cat, 0) >= limit_per_category:
            continue
        counts[cat] = counts.get(cat, 0) + 1
        wanted.append((cat, f))
    return wanted


def _cache_file(root: Path, kind: str, cache: "Literal[True] | str | Path") -> Path:
    """The parsed-documents cache of ``root`` for ``kind`` (``cache``: True for the
    settings' cache folder, or another folder)."""
    base = _cache_dir() if cache is True else Path(cache)
    # the record layout is part of the key: a cache written before a field was added
    # to Document, Section or Role is never unpickled into the new classes
    layout = ",".join(f.name for cls in (Document, Section, Role) for f in fields(cls))
    # and the reader: a skillmix whose reader finds other sections or roles parses afresh
    # (only the reader: an extraction-rule change does not re-read a folder of PDFs)
    from ..io.version import reader_sha

    folder = hashlib.sha256(f"{root.resolve()}|{kind}".encode()).hexdigest()[:16]
    made = hashlib.sha256(f"{layout}|{reader_sha()}".encode()).hexdigest()[:8]
    return base / f"docs-{folder}-{made}.v{_CACHE_VERSION}.pkl"


def _prune_stale(cache_file: Path) -> None:
    """Remove the caches of the same folder written by another reader or record layout:
    they can never be read again (best effort)."""
    folder = cache_file.name.split("-")[1]
    for old in cache_file.parent.glob(f"docs-{folder}-*.pkl"):
        if old != cache_file:
            try:
                old.unlink()
            except OSError:
                pass


def _load_cache(cache_file: Path) -> dict[str, tuple[int, int, Document]]:
    """Parsed documents by path, with the size and mtime they were parsed at."""
    from ..cachefile import load_pickle

    if not cache_file.is_file():
        return {}
    loaded = load_pickle(cache_file)  # None: broken or written by someone else
    return loaded if isinstance(loaded, dict) else {}


def read_labelled_folder(
    root: str | Path,
    *,
    kind: str = "resume",
    cache: bool | str | Path = True,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    limit_per_category: int | None = None,
) -> list[LabelledDocument]:
    """Every document under ``root/<CATEGORY>/``, labelled with its category.

    ``cache=True`` keeps parsed documents in ``$SKILLMIX_CACHE_DIR/match`` (or the user
    cache folder); a path names another folder; ``False`` reads every file afresh.
    ``limit_per_category`` keeps the first N files (sorted by name) of each folder.
    Unreadable files follow the batch policy and are counted in ``report``.
    """
    from ..io import read_documents

    root = Path(root)
    rep = report if report is not None else BatchReport()
    wanted = _wanted(root, limit_per_category)
    cache_file = _cache_file(root, kind, cache) if cache else None
    store = _load_cache(cache_file) if cache_file is not None else {}

    out: list[LabelledDocument] = []
    todo: list[tuple[str, Path]] = []
    for cat, f in wanted:
        st = f.stat()
        hit = store.get(str(f))
        if hit is not None and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
            out.append(LabelledDocument(cat, str(f), hit[2]))
            rep.done += 1
        else:
            todo.append((cat, f))
    if todo:
        by_path = {str(f): cat for cat, f in todo}
        for doc in read_documents(
            [f for _, f in todo], kind=kind, on_error=on_error, report=rep  # type: ignore[arg-type]
        ):
            cat = by_path[doc.source]
            out.append(LabelledDocument(cat, doc.source, doc))
            st = Path(doc.source).stat()
            store[doc.source] = (st.st_size, st.st_mtime_ns, doc)
        if cache_file is not None:
            atomic_write_bytes(cache_file, pickle.dumps(store, protocol=pickle.HIGHEST_PROTOCOL))
            _prune_stale(cache_file)
    order = {str(f): i for i, (_, f) in enumerate(wanted)}
    out.sort(key=lambda d: order.get(d.path, 0))
    return out
