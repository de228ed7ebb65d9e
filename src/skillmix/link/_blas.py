"""Limit OpenBLAS threads around the linker's many small matrix products.

numpy's bundled OpenBLAS starts one busy-waiting thread per core for every product; for
the linker's small products on a shared 2-core machine that made ranking 10x slower
than one thread. :func:`blas_threads` sets the count for a block and restores it after.
It finds the OpenBLAS numpy loaded (Linux ``/proc/self/maps``); anywhere else, or for
another BLAS, it does nothing.
"""

from __future__ import annotations

import ctypes
import re
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

__all__ = ["blas_threads"]

_PREFIXES = ("scipy_openblas", "openblas")


@lru_cache(maxsize=1)
def _openblas() -> tuple[object, object] | None:
    try:
        import numpy  # noqa: F401  (make sure numpy's BLAS is loaded)

        with open("/proc/self/maps", encoding="utf-8") as fh:
            paths = sorted(set(re.findall(r"(/\S*openblas\S*\.so\S*)", fh.read())))
    except OSError:
        return None
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix in _PREFIXES:
            for suffix in ("64_", ""):
                get = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
                put = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
                if get is not None and put is not None:
                    get.restype = ctypes.c_int
                    put.argtypes = [ctypes.c_int]
                    return get, put
    return None


@contextmanager
def blas_threads(n: int | None) -> Iterator[None]:
    """Run the block with ``n`` OpenBLAS threads (``None``: leave the setting alone)."""
    fns = _openblas() if n else None
    if fns is None:
        yield
        return
    get, put = fns
    before = get()  # type: ignore[operator]
    if before == n:
        yield
        return
    put(n)  # type: ignore[operator]
    try:
        yield
    finally:
        put(before)  # type: ignore[operator]
