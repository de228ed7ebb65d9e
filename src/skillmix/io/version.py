"""The reader's version: a digest of what decides how a document is read."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["reader_sha"]


def reader_sha(root=None) -> str:  # type: ignore[no-untyped-def]
    """A digest of the document reader (the ``skillmix.io`` package's modules and data
    files): the sections, roles and dates it finds decide what a mention counts for, so
    a reader change must change ``EXTRACTOR_VERSION`` too (parsed-document caches and
    market runs are keyed on it)."""
    if root is None:
        return _installed()
    return _digest(root)


@lru_cache(maxsize=1)
def _installed() -> str:
    from importlib import resources

    return _digest(resources.files("skillmix.io"))


def _digest(root) -> str:  # type: ignore[no-untyped-def]
    import hashlib

    h = hashlib.sha256()
    for folder, suffixes in ((root, (".py",)), (root / "data", (".csv", ".yaml", ".txt"))):
        for p in sorted(folder.iterdir(), key=lambda p: p.name):
            if p.name.endswith(suffixes):
                h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()
