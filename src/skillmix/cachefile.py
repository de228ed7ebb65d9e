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

__all__ = ["load_pickle", "save_pickle"]

_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def _private_group(gid: int) -> bool:
    """Whether ``gid`` is this user's own group and nobody else's (the "user private group"
    that Debian and Ubuntu give every account, under which umask 002 makes new folders
    group-writable without letting anyone else in)."""
    try:
        import grp
        import pwd
    except ImportError:  # pragma: no cover - not POSIX
        return False
    try:
        group = grp.getgrgid(gid)
        user = pwd.getpwuid(os.geteuid())
    except KeyError:
        return False
    return gid == user.pw_gid and group.gr_name == user.pw_name and not set(group.gr_mem) - {user.pw_name}


def _writers_ok(st: os.stat_result, uid: int) -> bool:
    """No one but ``uid`` (or root) can write: group write only for the user's private group."""
    if st.st_mode & stat.S_IWOTH:
        return False
    return not st.st_mode & stat.S_IWGRP or _private_group(st.st_gid)


def _folder_ok(folder: os.stat_result, uid: int) -> bool:
    """A folder in which no one else can replace our file: ours or root's, and writable by no
    one else or with the sticky bit (such as /tmp), where only a file's owner (and the
    folder's) may rename or delete it."""
    if folder.st_uid not in (uid, 0):
        return False  # its owner may rename anything in it, sticky or not
    return bool(folder.st_mode & stat.S_ISVTX) or _writers_ok(folder, uid)


def _open_trusted(path: Path) -> int | None:
    """A read-only descriptor of ``path`` if only this user could have written it (see the
    module's docstring): a regular file with one name, owned by this user and writable by
    no one else, in a folder no one else can write. The checks are made on the open file
    itself (``fstat``), with symbolic links refused (``O_NOFOLLOW``), so the file cannot be
    swapped between the check and the read. Where the platform has no owners (no
    ``os.geteuid``), every file is trusted."""
    geteuid = getattr(os, "geteuid", None)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    if geteuid is None:  # pragma: no cover - Windows
        return fd
    uid = geteuid()
    try:
        st = os.fstat(fd)
        folder = os.stat(Path(path).parent)
    except OSError:
        os.close(fd)
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_uid != uid or not _writers_ok(st, uid) \
            or st.st_nlink != 1 or not _folder_ok(folder, uid):
        os.close(fd)
        return None
    return fd


def load_pickle(path: Path) -> Any | None:
    """The object pickled in ``path``, or None when the file is missing, damaged, or
    could have been written by someone else (:func:`_open_trusted`)."""
    fd = _open_trusted(path)
    if fd is None:
        return None
    paused = gc.isenabled()
    gc.disable()
    try:
        with os.fdopen(fd, "rb") as fh:
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
