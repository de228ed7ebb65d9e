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
"""

from __future__ import annotations

import gc
import pickle
from pathlib import Path
from typing import Any

from .atomic import atomic_write

__all__ = ["load_pickle", "save_pickle"]


def load_pickle(path: Path) -> Any | None:
    """The object pickled in ``path``, or None when the file is missing or damaged."""
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
