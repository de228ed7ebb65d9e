"""Propose skill spans in free text with the linker: word windows that look like an ESCO
skill, kept greedily from the most to the least skill-like, never overlapping.

This is the semantic counterpart of the lexical extractor: it finds "partner continuously
with your many stakeholders" where no label matches word for word. Each window (1 to
``max_window`` words, not starting or ending on a stop word or punctuation) is embedded
with the linker's query encoder (use the static one: windows are many) and compared with
the labels of the concepts the whole text ranks highest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from skillmix.link.lexical import STOPWORDS
from skillmix.link.linker import EscoLinker

__all__ = ["ProposedSpan", "propose_spans", "propose_spans_many"]

_WORD = re.compile(r"\w[\w+#]*(?:[.\-/][\w+#]+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class ProposedSpan:
    """A character span of the text, the concept it looks like, and how much."""

    start: int
    end: int
    text: str
    uri: str
    label: str
    score: float


def propose_spans(
    linker: EscoLinker,
    text: str,
    *,
    threshold: float = 0.8,
    max_window: int = 5,
    candidates: int = 50,
) -> list[ProposedSpan]:
    """Non-overlapping spans of ``text`` whose best label similarity is >= ``threshold``,
    in text order. A window that is verbatim a label scores 1."""
    return propose_spans_many(linker, [text], threshold=threshold, max_window=max_window,
                              candidates=candidates)[0]


def propose_spans_many(
    linker: EscoLinker,
    texts: Sequence[str],
    *,
    threshold: float = 0.8,
    max_window: int = 5,
    candidates: int = 50,
) -> list[list[ProposedSpan]]:
    """:func:`propose_spans` for many texts: the texts are scored in batches (the
    product with every label is read once per batch, not once per text)."""
    out: list[list[ProposedSpan]] = []
    size = linker.config.batch_size
    for lo in range(0, len(texts), size):
        part = list(texts[lo : lo + size])
        scores = linker.score(part)
        for text, row in zip(part, scores):
            out.append(_propose(linker, text, row, threshold, max_window, candidates))
    return out


def _propose(linker: EscoLinker, text: str, scores: np.ndarray, threshold: float,
             max_window: int, candidates: int) -> list[ProposedSpan]:
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if not toks:
        return []
    bad = [w.lower() in STOPWORDS or not w[0].isalnum() for _s, _e, w in toks]
    wins = [
        (i, j)
        for i in range(len(toks))
        if not bad[i]
        for j in range(i + 1, min(len(toks), i + max_window) + 1)
        if not bad[j - 1]
    ]
    if not wins:
        return []
    k = min(candidates, len(scores))
    short = np.argpartition(-scores, k - 1)[:k]
    _rows, owners, label_emb = linker.label_rows(short)
    wtexts = [text[toks[i][0] : toks[j - 1][1]] for i, j in wins]
    # windows compare with every label of the shortlist: use an encoder whose cosines are
    # calibrated against labels (the static encoder's distilled table, not its student)
    phrases = getattr(linker.query_encoder, "encode_phrases", None)
    vec = phrases(wtexts) if phrases is not None else linker.query_encoder.encode_tokens(wtexts)[0]
    sims = vec @ label_emb.T
    best_col = sims.argmax(1)
    best = sims[np.arange(len(wins)), best_col]
    lowered = frozenset().union(*(linker.lowered_texts[c] for c in short))
    for w, t in enumerate(wtexts):
        if t.lower() in lowered:
            best[w] = 1.0
    order = np.argsort(-best, kind="stable")
    taken = np.zeros(len(toks), dtype=bool)
    out: list[ProposedSpan] = []
    for w in order:
        if best[w] < threshold:
            break
        i, j = wins[w]
        if taken[i:j].any():
            continue
        taken[i:j] = True
        uri, label = linker.concept(int(owners[best_col[w]]))
        out.append(ProposedSpan(toks[i][0], toks[j - 1][1], wtexts[w], uri, label, float(best[w])))
    return sorted(out, key=lambda s: s.start)
