"""A static (bag-of-word-pieces) query encoder distilled from all-MiniLM-L6-v2.

Running the transformer on every sentence costs ~15 ms of a 2-core CPU; the linker's
fast mode instead embeds a text as the normalised sum of one learned vector per
word piece, trained (``scripts/train_linker_static.py``) so that this sum lands where
MiniLM puts the whole text. Label embeddings stay the transformer's, so the static
encoder only has to map queries into that space. A text is encoded in microseconds.

The table ships as ``data/static_minilm.npz`` (int8 rows with a float32 scale per
row); :meth:`StaticEncoder.load` reads it together with the tokenizer from the model
package, so the ``semantic`` extra is still required.
"""

from __future__ import annotations

import json
import zipfile
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from skillmix.errors import TaxonomyError
from skillmix.link._wordpiece import WordPiece
from skillmix.link.encoder import MODEL_ID, TokenBatch, model_zip_path

__all__ = ["StaticEncoder", "default_static_path", "quantise", "dequantise"]

STATIC_FILE = "static_minilm.npz"


def default_static_path() -> Path:
    return Path(str(resources.files("skillmix.link").joinpath("data", STATIC_FILE)))


def quantise(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric per-row int8 quantisation: ``table ~= q * scale[:, None]``."""
    scale = np.abs(table).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(table / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def dequantise(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return q.astype(np.float32) * scale[:, None]


class StaticEncoder:
    """Sum-of-piece-vectors encoder with the :class:`MiniLMEncoder` query interface
    (``encode``, ``encode_tokens``, ``dim``, ``model_id``, ``tokenizer``)."""

    #: label embeddings are MiniLM's, so the cache key is the transformer's.
    model_id = MODEL_ID

    def __init__(self, table: np.ndarray, tokenizer: WordPiece, *, max_length: int = 128) -> None:
        self.table = np.ascontiguousarray(table, dtype=np.float32)
        self.tokenizer = tokenizer
        self.dim = int(table.shape[1])
        self.max_length = max_length

    @classmethod
    def load(cls, path: str | Path | None = None, *, zip_path: Path | None = None) -> "StaticEncoder":
        p = Path(path) if path is not None else default_static_path()
        try:
            with np.load(p) as data:
                table = dequantise(data["q"], data["scale"])
            with zipfile.ZipFile(zip_path or model_zip_path()) as zf:
                vocab = json.loads(zf.read("tokenizer.json"))["model"]["vocab"]
        except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise TaxonomyError(
                "T307", f"cannot read the static query encoder: {exc}.", source=str(p),
                hint="Rebuild it with scripts/train_linker_static.py or reinstall skillmix.",
            ) from exc
        return cls(table, WordPiece(vocab))

    def _pieces(self, text: str) -> tuple[list[int], list[int], tuple[str, ...]]:
        ids: list[int] = []
        wid: list[int] = []
        words = self.tokenizer.words(text)
        for w, (_, pieces) in enumerate(words):
            ids.extend(pieces)
            wid.extend([w] * len(pieces))
        n = self.max_length - 2
        return ids[:n], wid[:n], tuple(w for w, _ in words)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for r, t in enumerate(texts):
            ids, _, _ = self._pieces(t)
            if ids:
                out[r] = self.table[ids].sum(0)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[TokenBatch]]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        tokens: list[TokenBatch] = []
        for r, t in enumerate(texts):
            ids, wid, words = self._pieces(t)
            vec = self.table[ids] if ids else np.zeros((0, self.dim), dtype=np.float32)
            if ids:
                out[r] = vec.sum(0)
            tokens.append(TokenBatch(vectors=vec, word_ids=np.asarray(wid, dtype=np.int32), words=words))
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out, tokens
