"""Skill extraction: phrase matching over taxonomies, with context rules."""

from __future__ import annotations

from functools import lru_cache

from ..records import Extraction
from .engine import EXTRACTOR_VERSION, Extractor, Input, as_document

__all__ = ["EXTRACTOR_VERSION", "Extractor", "as_document", "extract", "get_extractor"]


@lru_cache(maxsize=8)
def get_extractor(taxonomy: str = "builtin", context: bool = True) -> Extractor:
    """A shared :class:`Extractor` per taxonomy spec (built once per process)."""
    return Extractor(taxonomy, context=context)


def extract(item: Input, *, taxonomy: str = "builtin", kind: str | None = None) -> Extraction:
    """Extract skill mentions from a document, posting, résumé or plain text."""
    return get_extractor(taxonomy).extract(item, kind=kind)
