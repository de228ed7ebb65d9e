"""Writing files so that a crash never leaves half of one under its real name.

Every cache and result file skillmix writes (compiled vocabularies, label embeddings,
market partitions and reports) goes through :func:`atomic_write`: the content is written
to a temporary file in the destination's folder, then renamed over the destination
(``os.replace`` is atomic on POSIX). Readers see the old file or the new one; on any
failure the temporary file is removed and the error propagates.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

__all__ = ["atomic_write", "atomic_write_bytes"]


def atomic_write(path: Path, write: Callable[[Path], None], *, mode: int | None = None) -> None:
    """Create ``path`` by calling ``write(tmp)`` on a temporary path next to it, then
    renaming. ``mode`` sets the permissions (``mkstemp`` creates files as 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """:func:`atomic_write` of ``data``, flushed to disk before the rename."""
    def write(tmp: Path) -> None:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    atomic_write(path, write, mode=mode)
