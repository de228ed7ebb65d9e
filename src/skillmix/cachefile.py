"""Pickled cache files: read fast, written atomically, never trusted to be whole.

Some shipped data takes far longer to build than to load (the O*NET title index, the
occupations' term profiles), so the first process builds it and keeps a pickle in the
settings' cache folder, under a name that carries a digest of everything it is made from.
Two things make reading one fast: the cyclic garbage collector is paused while the pickle
loads (unpickling creates hundreds of thousands of objects and no cycles, yet each batch of
new objects starts a collection that walks all the older ones: a third of the load time
of the title index went there), and callers store many small records as columns of plain
values rather than as records (see ``TitleIndex.__getstate__``).

A file that cannot be read, or is not what the caller expects, is built again; one that
cannot be written only costs the time it would have saved.

Unpickling runs code named in the file, so a pickle is only read when nobody else could
have written it: a regular file owned by this user, writable by no one else, in a folder
that no one else can write to either (or a shared folder with the sticky bit, such as /tmp,
where others cannot replace our files). Any other file is ignored and built again; this
guards a cache folder on a shared machine, where a world-writable ``$SKILLMIX_CACHE_DIR``
would otherwise let another account run code in every skillmix process.
"""

from __future__ import annotations

import gc
import os
import pickle
import stat
from pathlib import Path
from typing import Any

from .atomic import atomic_write

__all__ = ["load_pickle", "save_pickle", "trusted"]

_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def trusted(path: Path) -> bool:
    """Whether only this user could have written ``path`` (see the module's docstring).
    Where the platform has no owners (no ``os.geteuid``), every file is trusted."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:  # pragma: no cover - Windows
        return True
    uid = geteuid()
    try:
        st = os.lstat(path)
        parent = os.stat(Path(path).parent)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_uid != uid or st.st_mode & _OTHERS_WRITE:
        return False
    if parent.st_mode & _OTHERS_WRITE and not parent.st_mode & stat.S_ISVTX:
        return False
    return parent.st_uid in (uid, 0) or not parent.st_mode & _OTHERS_WRITE


def load_pickle(path: Path) -> Any | None:
    """The object pickled in ``path``, or None when the file is missing, damaged, or
    could have been written by someone else (:func:`trusted`)."""
    if not trusted(path):
        return None
    paused = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - any damage to the file means: build it again
        return None
    finally:
        if paused:
            gc.enable()


def save_pickle(path: Path, obj: Any) -> bool:
    """Pickle ``obj`` into ``path`` atomically; False when the folder cannot be written."""

    def write(tmp: Path) -> None:
        with tmp.open("wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        atomic_write(path, write)
    except OSError:
        return False
    return True
