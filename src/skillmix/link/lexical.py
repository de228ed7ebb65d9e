"""The lexical channel of the linker: BM25 over each concept's labels, and exact phrases.

Every concept's document is the bag of (lightly stemmed) words of its preferred and
alternative labels. :meth:`LexicalIndex.bm25` scores all concepts for a batch of texts
with an inverted index in numpy; :meth:`LexicalIndex.phrases` finds concepts one of whose
labels occurs word for word in a text ("SQL", "JavaScript", "web programming"), which the
dense channel tends to drown in long sentences.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Sequence

import numpy as np

__all__ = ["LexicalIndex", "stem", "words"]

_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[.\-/][a-z0-9+#]+)*|[+#]{1,2}[a-z0-9]*")

STOPWORDS = frozenset(
    """a an and are as at be by for from has have in into is it its of on or our that the their
    this to we will with you your who what which while within able ability strong good great
    excellent experience experienced knowledge understanding skills skill work working using
    use including etc e.g i.e plus well must should can years year proven solid deep""".split()
)


def words(text: str) -> list[str]:
    """Lowercased word tokens (keeping ``c++``, ``c#``, ``node.js``, ``ci/cd`` whole)."""
    return _WORD.findall(text.lower())


def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "developing"/"develop", "reports"/"report"."""
    w = word
    if len(w) <= 3 or not w.isalpha():
        return w
    for suf, rep in (
        ("ational", "ate"), ("ization", "ize"), ("isation", "ize"), ("ities", "ity"),
        ("iness", "y"), ("ness", ""), ("ments", "ment"), ("ings", ""), ("ing", ""),
        ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ed", ""), ("es", "e"), ("s", ""),
    ):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: len(w) - len(suf)] + rep
            break
    if w.endswith("ise"):
        w = w[:-3] + "ize"
    if len(w) > 4 and w[-1] == "e":
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w


def _key(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text))


class LexicalIndex:
    """BM25 and phrase lookup over concepts, each given as a list of label texts."""

    def __init__(self, concept_texts: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.5,
                 max_phrase: int = 6) -> None:
        self.n = len(concept_texts)
        self.max_phrase = max_phrase
        postings: dict[str, dict[int, int]] = defaultdict(dict)
        lengths = np.zeros(self.n, dtype=np.float32)
        phrases: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for i, texts in enumerate(concept_texts):
            for t in texts:
                key = _key(t)
                if not key:
                    continue
                if len(key) <= max_phrase:
                    phrases[key].add(i)
                for w in key:
                    if w in STOPWORDS:
                        continue
                    postings[w][i] = postings[w].get(i, 0) + 1
                    lengths[i] += 1
        avg = float(lengths.mean()) or 1.0
        self._terms: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for w, docs in postings.items():
            ids = np.fromiter(docs.keys(), dtype=np.int32, count=len(docs))
            tf = np.fromiter(docs.values(), dtype=np.float32, count=len(docs))
            idf = math.log(1.0 + (self.n - len(docs) + 0.5) / (len(docs) + 0.5))
            norm = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[ids] / avg))
            self._terms[w] = (ids, (idf * norm).astype(np.float32))
        self._phrases = {k: np.fromiter(v, dtype=np.int32) for k, v in phrases.items()}

    def bm25(self, texts: Sequence[str]) -> np.ndarray:
        """A ``(len(texts), n_concepts)`` float32 matrix of BM25 scores."""
        out = np.zeros((len(texts), self.n), dtype=np.float32)
        for r, t in enumerate(texts):
            row = out[r]
            for w in set(_key(t)):
                hit = self._terms.get(w)
                if hit is not None:
                    row[hit[0]] += hit[1]
        return out

    @staticmethod
    def key(text: str) -> tuple[str, ...]:
        """The text's stemmed lower-case words, as BM25 and phrase lookup see them."""
        return _key(text)

    def bm25_sparse(self, text: str | tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """BM25 of one text (or its :meth:`key`) as (concept ids, scores) over the
        concepts it touches."""
        key = _key(text) if isinstance(text, str) else text
        hits = [self._terms[w] for w in set(key) if w in self._terms]
        if not hits:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        ids = np.concatenate([h[0] for h in hits])
        vals = np.concatenate([h[1] for h in hits])
        uniq, inv = np.unique(ids, return_inverse=True)
        return uniq, np.bincount(inv, weights=vals).astype(np.float32)

    def phrases(self, text: str | tuple[str, ...]) -> list[tuple[int, int, int, int]]:
        """``(concept, start_word, end_word, n_words)`` for every label found verbatim
        in a text (or its :meth:`key`)."""
        key = _key(text) if isinstance(text, str) else text
        found = []
        for i in range(len(key)):
            for j in range(i + 1, min(len(key), i + self.max_phrase) + 1):
                ids = self._phrases.get(key[i:j])
                if ids is None:
                    continue
                if j - i == 1 and key[i] in STOPWORDS:
                    continue
                for c in ids:
                    found.append((int(c), i, j, j - i))
        return found
