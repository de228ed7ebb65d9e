"""Text relevance: BM25 over the documents' words, via bm25s (the ``match`` extra).

Skills miss what the taxonomy does not name; BM25 catches the rest of the wording a
posting and a résumé share. bm25s keeps the index as a sparse matrix, so one query over
100,000 documents is a handful of column sums. We tokenize ourselves (lower-cased words
of two or more characters, English stop words dropped, ``c++``/``c#`` kept) so a query's
tokens always match the index's, and drop the query tokens the index has never seen.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..errors import MissingExtraError

__all__ = ["TextIndex", "tokenize"]

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*[a-z0-9+#]|[a-z0-9]{2,}")


def _bm25s() -> Any:
    try:
        import bm25s
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingExtraError.for_module("bm25s", "match") from None
    return bm25s


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN  # type: ignore[import-untyped]

    return frozenset(STOPWORDS_EN)


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens without English stop words."""
    _bm25s()
    stop = _stopwords()
    return [t for t in _TOKEN.findall(text.lower()) if t not in stop]


class TextIndex:
    """A BM25 index over a list of texts, queried with another text."""

    def __init__(self, k1: float = 1.5, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self._model: Any = None

    def fit(self, texts: Sequence[str]) -> "TextIndex":
        bm25s = _bm25s()
        corpus = [tokenize(t) or ["<empty>"] for t in texts]
        model = bm25s.BM25(k1=self.k1, b=self.b)
        model.index(corpus, show_progress=False)
        self._model = model
        return self

    def __len__(self) -> int:
        return 0 if self._model is None else int(self._model.scores["num_docs"])

    def scores(self, text: str) -> np.ndarray:
        """BM25 score of every indexed text for the query ``text`` (float32 array)."""
        model = self._model
        vocab = model.vocab_dict
        tokens = [t for t in tokenize(text) if t in vocab]
        if not tokens:
            return np.zeros(len(self), dtype=np.float32)
        return np.asarray(model.get_scores(tokens), dtype=np.float32)

    def save(self, folder: str | Path) -> None:
        self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: str | Path, *, mmap: bool = False) -> "TextIndex":
        bm25s = _bm25s()
        model = bm25s.BM25.load(str(folder), mmap=mmap, show_progress=False)
        out = cls(k1=float(model.k1), b=float(model.b))
        out._model = model
        return out
