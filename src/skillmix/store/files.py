"""Original uploaded files on disk, one per document, under the store's files folder.

Why keep originals: a reviewer may want the PDF as sent, and re-extraction with a newer
taxonomy starts from the bytes. Paths are made here from store-assigned ids only (never
from a user's file name), so an upload cannot escape the folder.

Why stage then publish: a file written before its database row commits is orphaned by a
crash in between, and erasure (which finds files through rows) never reaches it. So
:meth:`FileStore.stage` writes ``<name>.part`` (mode 0600), the row commits, and
:meth:`FileStore.publish` renames it; a failed transaction :meth:`discard` removes it.
:meth:`FileStore.sweep` (run at start-up and on every erasure) finishes or removes what a
crash left: a ``.part`` whose row committed is published, any other ``.part`` and any file
with no row are overwritten with zeros and removed.

Why the sweep looks only at the shard folders: the files folder is shared. Market runs keep
their outputs under ``market/<job id>/`` (:mod:`skillmix.service.market`); those files have
no document row and are not orphans. A sweep that took every file without a row for a crash
left-over emptied every finished run on each erasure and each start-up, so it now considers
only what :meth:`FileStore.rel_for` makes: files directly inside a two-character shard
folder (:meth:`FileStore.document_files`).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Callable, Iterable

from ..errors.store_codes import S020, S021, S022, S023

__all__ = ["FileStore", "PART"]

_SAFE_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")
#: suffix of a staged file whose row has not committed yet
PART = ".part"


class FileStore:
    """A folder of files named ``<document id><suffix>`` in two-character shards."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _path(self, rel: str) -> Path:
        path = (self.root / rel).resolve()
        if self.root.resolve() not in path.parents:
            raise S020(f"stored file path {rel!r} leaves the files folder.")
        return path

    @staticmethod
    def rel_for(doc_id: str, suffix: str = "") -> str:
        """The path a document's file gets, relative to the folder."""
        suffix = suffix.lower()
        if not _SAFE_SUFFIX.match(suffix):
            suffix = ".bin"
        return f"{doc_id[:2]}/{doc_id}{suffix}"

    def stage(self, doc_id: str, data: bytes, suffix: str = "") -> str:
        """Write ``data`` as ``<rel>.part`` (0600, synced) and return ``rel``; call
        :meth:`publish` once the document's row has committed, :meth:`discard` if not."""
        rel = self.rel_for(doc_id, suffix)
        path = self._path(rel)
        tmp = path.with_name(path.name + PART)
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as err:
            _shred(tmp)
            raise S021(f"cannot write {path}: {err.strerror}.",
                       hint="Check the files folder exists and is writable.") from err
        return rel

    def publish(self, rel: str) -> None:
        """Give a staged file its real name (after its row committed)."""
        path = self._path(rel)
        try:
            os.replace(path.with_name(path.name + PART), path)
        except OSError as err:
            raise S023(f"cannot publish {path}: {err.strerror}.",
                       hint="The row is saved; restart the server to finish it.") from err

    def discard(self, rel: str) -> None:
        """Remove a staged file whose transaction failed (zeros first)."""
        path = self._path(rel)
        _shred(path.with_name(path.name + PART))

    def put(self, doc_id: str, data: bytes, suffix: str = "") -> str:
        """Write ``data`` for a document at once (stage and publish); return ``rel``."""
        rel = self.stage(doc_id, data, suffix)
        self.publish(rel)
        return rel

    def get(self, rel: str) -> bytes:
        try:
            return self._path(rel).read_bytes()
        except FileNotFoundError as err:

            raise S022(f"stored file {rel!r} is missing.") from err

    def delete(self, rel: str) -> bool:
        """Remove a stored file (overwritten with zeros first), and its staged copy if a
        crash left one; True if either existed."""
        path = self._path(rel)
        staged = _shred(path.with_name(path.name + PART))
        return _shred(path) or staged

    def sweep(self, committed: Callable[[Iterable[str]], set[str]], *,
              part_age_s: float = 0.0) -> dict[str, int]:
        """Finish or remove what crashes left, given ``committed(rels)`` (the subset of
        ``rels`` that rows point to). ``part_age_s``: leave staged files younger than this
        alone (an upload may be committing now; 0 at start-up, when none can be)."""
        counts = {"published": 0, "removed": 0}
        files = self.document_files()
        if not files:
            return counts
        rels = {}
        for p in files:
            name = p.name[:-len(PART)] if p.name.endswith(PART) else p.name
            rels[p] = p.parent.relative_to(self.root).as_posix() + "/" + name
        known = committed(set(rels.values()))
        now = time.time()
        for path, rel in rels.items():
            if path.name.endswith(PART):
                try:
                    young = now - path.stat().st_mtime < part_age_s
                except FileNotFoundError:
                    continue
                if young:
                    continue
                if rel in known and not self._path(rel).exists():
                    os.replace(path, self._path(rel))
                    counts["published"] += 1
                    continue
            elif rel in known:
                continue
            if _shred(path):
                counts["removed"] += 1
        return counts

    def document_files(self) -> list[Path]:
        """The files laid out as documents' files are (``<shard>/<name>``, the shard two
        characters, staged ``.part`` copies included): what :meth:`sweep` may remove.
        Files anywhere else in the folder belong to someone else (a market run's outputs)."""
        if not self.root.is_dir():
            return []
        shards = [d for d in self.root.iterdir()
                  if len(d.name) == 2 and d.is_dir() and not d.is_symlink()]
        return sorted(p for d in shards for p in d.iterdir() if p.is_file())

    def all_files(self) -> list[Path]:
        """Every file under the folder, documents' and others' (market runs)."""
        if not self.root.exists():
            return []
        return sorted(p for p in self.root.rglob("*") if p.is_file())


def _shred(path: Path) -> bool:
    """Overwrite a file with zeros, sync, unlink, drop its shard folder if empty; True if
    it existed."""
    try:
        if path.is_symlink():  # never write through a link to somewhere else
            path.unlink()
            return True
        size = path.stat().st_size
    except FileNotFoundError:
        return False
    try:
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
    except FileNotFoundError:
        return False
    try:
        path.parent.rmdir()
    except OSError:
        pass
    return True
