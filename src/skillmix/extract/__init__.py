"""Skill extraction: phrase matching over taxonomies, with context rules."""

from __future__ import annotations

from functools import lru_cache

from ..records import Extraction
from .engine import EXTRACTOR_VERSION, Extractor, Input, as_document
from .semantic import SemanticFallback

__all__ = [
    "EXTRACTOR_VERSION",
    "Extractor",
    "SemanticFallback",
    "as_document",
    "extract",
    "get_extractor",
]


@lru_cache(maxsize=8)
def get_extractor(taxonomy: str = "builtin", context: bool = True,
                  semantic: bool = False) -> Extractor:
    """A shared :class:`Extractor` per taxonomy spec and settings (built once per
    process). ``semantic=True`` adds the ESCO linker where lexical matching finds
    nothing (the ``semantic`` extra; much slower, see :mod:`.semantic`)."""
    return Extractor(taxonomy, context=context, semantic=semantic)


def extract(item: Input, *, taxonomy: str = "builtin", kind: str | None = None) -> Extraction:
    """Extract skill mentions from a document, posting, résumé or plain text."""
    return get_extractor(taxonomy).extract(item, kind=kind)
