"""Semantic fallback: ESCO skills the lexical matcher cannot see.

Most phrasings in real postings match no label word for word ("partner with your many
stakeholders"). Where a sentence has no lexical mention at all, :class:`SemanticFallback`
asks the ESCO linker (:mod:`skillmix.link`, the ``semantic`` extra) to propose skill-like
spans in it, and the extractor turns each into a mention with ``extractor="semantic"``,
``taxonomy="esco"`` and the similarity as ``confidence``; the context rules apply as for
lexical mentions.

It is off by default: span proposals run a couple of hundred sentences a second on a
2-core CPU with the static query encoder, far more than lexical matching costs (about
2,000 postings a second). Turn it on with ``Extractor(semantic=True)`` or
``skillmix extract --semantic`` when recall matters more than speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from ..errors.config_codes import C050

__all__ = ["SemanticFallback", "SemanticSpan"]


@dataclass(frozen=True, slots=True)
class SemanticSpan:
    """A span the linker proposed: text offsets, the ESCO concept, the similarity."""

    start: int
    end: int
    skill_id: str
    label: str
    score: float


class SemanticFallback:
    """Proposes ESCO skill spans in sentences that lexical matching left empty.

    ``linker`` is an :class:`skillmix.link.EscoLinker` (by default the shipped ESCO with
    the fast static query encoder; loads in a few seconds from the shipped label
    embeddings). ``threshold`` is the minimum cosine
    similarity between a window of the sentence and a label; sentences shorter than
    ``min_words`` or longer than ``max_words`` are left alone (headings, long boilerplate).
    """

    name = "semantic"

    def __init__(
        self,
        linker: Any | None = None,
        *,
        threshold: float = 0.85,
        min_words: int = 3,
        max_words: int = 60,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise C050(f"semantic threshold must be in (0, 1], got {threshold}.")
        if linker is None:
            from ..link import EscoLinker

            linker = EscoLinker.load(query_encoder="static")
        self.linker = linker
        self.threshold = threshold
        self.min_words = min_words
        self.max_words = max_words
        self.version = f"link-{getattr(linker.config, 'version', '1')}"

    def spans(self, text: str, sentences: Sequence[tuple[int, int]]) -> list[SemanticSpan]:
        """Proposed spans in the given sentences (offsets into ``text``), in text order."""
        from ..link.spans import propose_spans_many

        kept: list[tuple[int, int]] = []
        for start, end in sentences:
            words = len(text[start:end].split())
            if self.min_words <= words <= self.max_words:
                kept.append((start, end))
        found = propose_spans_many(self.linker, [text[a:b] for a, b in kept], threshold=self.threshold)
        out: list[SemanticSpan] = []
        for (start, _end), proposals in zip(kept, found):
            for p in proposals:
                uri = p.uri or ""
                out.append(SemanticSpan(start + p.start, start + p.end,
                                        uri.rsplit("/", 1)[-1] or p.label, p.label, p.score))
        return out
