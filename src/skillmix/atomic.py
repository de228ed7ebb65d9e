"""Writing files so that a crash never leaves half of one under its real name.

Every cache and result file skillmix writes (compiled vocabularies, label embeddings,
market partitions and reports) goes through :func:`atomic_write`: the content is written
to a temporary file in the destination's folder, then renamed over the destination
(``os.replace`` is atomic on POSIX). Readers see the old file or the new one; on any
failure the temporary file is removed and the error propagates.

:func:`replacing` is the same as a ``with`` block, for a writer that streams into the file
while it works (the CLI's ``-o FILE``) and may decide at the end that nothing should
replace the destination.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from . import interrupts

__all__ = ["Pending", "atomic_write", "atomic_write_bytes", "replacing"]


class Pending:
    """The temporary file of a :func:`replacing` block; :meth:`cancel` leaves the
    destination as it was (the temporary file is removed all the same)."""

    __slots__ = ("cancelled", "tmp")

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


@contextmanager
def replacing(path: Path, *, mode: int | None = None) -> Iterator[Pending]:
    """A temporary file next to ``path`` (its folder created) that is renamed over
    ``path`` when the block ends without an exception and without
    :meth:`Pending.cancel`; ``mode`` sets its permissions (``mkstemp`` creates files as
    0600). An exception, ``KeyboardInterrupt`` included, removes the temporary file and
    propagates: ``path`` is never half-written. After a Ctrl-C the CLI noted
    (:mod:`skillmix.interrupts`) nothing is put in place, even if the interrupt was lost."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    pending = Pending(Path(tmp))
    try:
        yield pending
        if interrupts.requested():  # a Ctrl-C that a finaliser swallowed still counts
            raise KeyboardInterrupt
        if not pending.cancelled:
            if mode is not None:
                os.chmod(tmp, mode)
            os.replace(tmp, path)
            return
    except BaseException:
        _remove(tmp)
        raise
    _remove(tmp)


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def atomic_write(path: Path, write: Callable[[Path], None], *, mode: int | None = None) -> None:
    """Create ``path`` by calling ``write(tmp)`` on a temporary path next to it, then
    renaming. ``mode`` sets the permissions (``mkstemp`` creates files as 0600)."""
    with replacing(path, mode=mode) as pending:
        write(pending.tmp)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """:func:`atomic_write` of ``data``, flushed to disk before the rename."""
    def write(tmp: Path) -> None:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    atomic_write(path, write, mode=mode)
