"""Original uploaded files on disk, one per document, under the store's files folder.

Why keep originals: a reviewer may want the PDF as sent, and re-extraction with a newer
taxonomy starts from the bytes. Paths are made here from store-assigned ids only (never
from a user's file name), so an upload cannot escape the folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import StoreError

__all__ = ["FileStore"]

_SAFE_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")


class FileStore:
    """A folder of files named ``<document id><suffix>`` in two-character shards."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _path(self, rel: str) -> Path:
        path = (self.root / rel).resolve()
        if self.root.resolve() not in path.parents:
            raise StoreError("S020", f"stored file path {rel!r} leaves the files folder.")
        return path

    def put(self, doc_id: str, data: bytes, suffix: str = "") -> str:
        """Write ``data`` for a document and return its path relative to the folder."""
        suffix = suffix.lower()
        if not _SAFE_SUFFIX.match(suffix):
            suffix = ".bin"
        rel = f"{doc_id[:2]}/{doc_id}{suffix}"
        path = self._path(rel)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".part")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError as err:
            raise StoreError("S021", f"cannot write {path}: {err.strerror}.",
                             hint="Check the files folder exists and is writable.") from err
        return rel

    def get(self, rel: str) -> bytes:
        try:
            return self._path(rel).read_bytes()
        except FileNotFoundError as err:
            from ..errors import NotFoundError

            raise NotFoundError("S022", f"stored file {rel!r} is missing.") from err

    def delete(self, rel: str) -> bool:
        """Remove a stored file (overwritten with zeros first); True if it existed."""
        path = self._path(rel)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return False
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
        try:
            path.parent.rmdir()
        except OSError:
            pass
        return True

    def all_files(self) -> list[Path]:
        if not self.root.exists():
            return []
        return sorted(p for p in self.root.rglob("*") if p.is_file())
