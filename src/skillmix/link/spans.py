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

import numpy as np

from skillmix.link.lexical import STOPWORDS
from skillmix.link.linker import EscoLinker

__all__ = ["ProposedSpan", "propose_spans"]

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
    scores = linker.score([text])[0]
    k = min(candidates, len(scores))
    short = np.argpartition(-scores, k - 1)[:k]
    cols = np.concatenate([np.arange(linker._starts[c], linker._end(c)) for c in short])
    owners = linker._owner[cols]
    wtexts = [text[toks[i][0] : toks[j - 1][1]] for i, j in wins]
    # windows compare with every label of the shortlist: use an encoder whose cosines are
    # calibrated against labels (the static encoder's distilled table, not its student)
    phrases = getattr(linker.query_encoder, "encode_phrases", None)
    vec = phrases(wtexts) if phrases is not None else linker.query_encoder.encode_tokens(wtexts)[0]
    sims = vec @ linker._label_emb[cols].T
    best_col = sims.argmax(1)
    best = sims[np.arange(len(wins)), best_col]
    lowered = {t.lower() for c in short for t in linker.space.concepts[c].texts}
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
        c = int(owners[best_col[w]])
        out.append(
            ProposedSpan(toks[i][0], toks[j - 1][1], wtexts[w], linker._uris[c], linker._labels[c], float(best[w]))
        )
    return sorted(out, key=lambda s: s.start)
