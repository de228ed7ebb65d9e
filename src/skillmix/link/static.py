"""A static (bag-of-word-pieces) query encoder distilled from all-MiniLM-L6-v2.

Running the transformer on every sentence costs ~15 ms of a 2-core CPU; the linker's
fast mode instead embeds a text as the normalised sum of one learned vector per
word piece, trained (``scripts/train_linker_static.py``) so that this sum lands where
MiniLM puts the whole text. Label embeddings stay the transformer's, so the static
encoder only has to map queries into that space. A text is encoded in microseconds.

The table ships as ``data/static_minilm.npz`` (int8 rows with a float32 scale per
row); :meth:`StaticEncoder.load` reads it together with the tokenizer from the model
package, so the ``semantic`` extra is still required.

A second table, the *student* (``data/static_student.npz``,
``scripts/train_linker_student.py``), embeds whole texts when present: it was trained to
reproduce the accurate linker's *ranking* of ESCO concepts rather than MiniLM's
embedding, which is what the sentence-level channels need. Windows (sub-sums of a
text's pieces) keep using the distilled table, whose vectors stay in MiniLM's space
and so compare well with alternative labels.
"""

from __future__ import annotations

import gzip
import json
import zipfile
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from skillmix.errors.taxonomy_codes import T307
from skillmix.link._wordpiece import WordPiece
from skillmix.link.encoder import MODEL_ID, TokenBatch, model_zip_path

__all__ = ["StaticEncoder", "default_static_path", "default_student_path", "quantise", "dequantise"]

STATIC_FILE = "static_minilm.npz"
STUDENT_FILE = "static_student.npz"


def default_static_path() -> Path:
    return Path(str(resources.files("skillmix.link").joinpath("data", STATIC_FILE)))


def default_student_path() -> Path:
    return Path(str(resources.files("skillmix.link").joinpath("data", STUDENT_FILE)))


def _read_table(p: Path) -> np.ndarray:
    with np.load(p) as data:
        return dequantise(data["q"], data["scale"])


def quantise(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric per-row int8 quantisation: ``table ~= q * scale[:, None]``."""
    scale = np.abs(table).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(table / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def dequantise(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return q.astype(np.float32) * scale[:, None]


def default_vocab_path() -> Path:
    """The MiniLM word-piece vocabulary shipped with skillmix (one token a line, the
    line number is its id). The static encoder needs only this of the model, so
    ``--semantic`` runs without the transformer's weights (and without their package,
    whose metadata pulls in torch)."""
    return Path(__file__).resolve().parent / "data" / "minilm_vocab.txt.gz"


def read_vocab(path: Path) -> dict[str, int]:
    """Token -> id from a shipped vocabulary file (see :func:`default_vocab_path`)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as fh:
        return {line.rstrip("\n"): i for i, line in enumerate(fh)}


class StaticEncoder:
    """Sum-of-piece-vectors encoder with the :class:`MiniLMEncoder` query interface
    (``encode``, ``encode_tokens``, ``dim``, ``model_id``, ``tokenizer``)."""

    #: label embeddings are MiniLM's, so the cache key is the transformer's.
    model_id = MODEL_ID

    def __init__(self, table: np.ndarray, tokenizer: WordPiece, *, max_length: int = 128,
                 sentence_table: np.ndarray | None = None) -> None:
        self.table = np.ascontiguousarray(table, dtype=np.float32)
        self.tokenizer = tokenizer
        self.dim = int(table.shape[1])
        self.max_length = max_length
        if sentence_table is not None and sentence_table.shape != self.table.shape:
            raise T307(
                f"the student table has shape {sentence_table.shape}, "
                f"the static table {self.table.shape}.",
                hint="Rebuild it with scripts/train_linker_student.py.",
            )
        #: embeds whole texts (``encode`` and the first value of ``encode_tokens``)
        self.sentence_table = (self.table if sentence_table is None
                               else np.ascontiguousarray(sentence_table, dtype=np.float32))

    @classmethod
    def load(cls, path: str | Path | None = None, *, zip_path: Path | None = None,
             student: str | Path | bool | None = None) -> "StaticEncoder":
        """The distilled table at ``path`` (default: shipped) and, for whole texts, the
        student at ``student`` (default: the shipped one if present and ``path`` is not
        given; ``True``: the shipped one, required; ``False``: none)."""
        p = Path(path) if path is not None else default_static_path()
        if student is None:
            sp: Path | None = default_student_path() if path is None else None
            if sp is not None and not sp.is_file():
                sp = None
        elif student is False:
            sp = None
        else:
            sp = default_student_path() if student is True else Path(student)
        where = p
        try:
            table = _read_table(p)
            sentence_table = None
            if sp is not None:
                where = sp
                sentence_table = _read_table(sp)
            if zip_path is None and default_vocab_path().is_file():
                where = default_vocab_path()
                vocab = read_vocab(where)
            else:
                where = zip_path or model_zip_path()
                with zipfile.ZipFile(where) as zf:
                    vocab = json.loads(zf.read("tokenizer.json"))["model"]["vocab"]
        except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise T307(
                f"cannot read the static query encoder: {exc}.", source=str(where),
                hint="Rebuild it with scripts/train_linker_static.py (and "
                "scripts/train_linker_student.py) or reinstall skillmix.",
            ) from exc
        return cls(table, WordPiece(vocab), sentence_table=sentence_table)

    def _pieces(self, text: str) -> tuple[list[int], list[int], tuple[str, ...]]:
        ids: list[int] = []
        wid: list[int] = []
        words = self.tokenizer.words(text)
        for w, (_, pieces) in enumerate(words):
            ids.extend(pieces)
            wid.extend([w] * len(pieces))
        n = self.max_length - 2
        return ids[:n], wid[:n], tuple(w for w, _ in words)

    def _embed(self, texts: Sequence[str], table: np.ndarray) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for r, t in enumerate(texts):
            ids, _, _ = self._pieces(t)
            if ids:
                out[r] = table[ids].sum(0)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Whole texts, embedded with the student (when loaded)."""
        return self._embed(texts, self.sentence_table)

    def encode_phrases(self, texts: Sequence[str]) -> np.ndarray:
        """Short phrases embedded with the distilled table (MiniLM's space, so their
        cosines with any label are calibrated like the transformer's), never the student."""
        return self._embed(texts, self.table)

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[TokenBatch]]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        tokens: list[TokenBatch] = []
        for r, t in enumerate(texts):
            ids, wid, words = self._pieces(t)
            vec = self.table[ids] if ids else np.zeros((0, self.dim), dtype=np.float32)
            if ids:
                out[r] = self.sentence_table[ids].sum(0)
            tokens.append(TokenBatch(vectors=vec, word_ids=np.asarray(wid, dtype=np.int32), words=words))
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out, tokens
