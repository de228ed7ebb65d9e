"""The trainable model behind both static tables (``train_linker_static.py``,
``train_linker_student.py``): a text is the normalised sum of one vector per word piece.

:class:`BagOfPieces` does the forward pass for a batch of piece-id sequences, and a step
of Adam on only the rows the batch touched (a table has 30,522 rows, a batch touches a
few thousand), given the loss gradient with respect to the normalised sums.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from skillmix.link.static import quantise


def save_table(path: Path, table: np.ndarray) -> str:
    """Write ``table`` int8-quantised per row (what :class:`StaticEncoder` reads)."""
    q, scale = quantise(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, q=q, scale=scale)
    return f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)"


def epoch_orders(seqs: Sequence[np.ndarray], epochs: int, seed: int):
    """One shuffled order of the non-empty sequences per epoch: the one shuffle both
    trainers (numpy here, torch in ``gpu_teacher.py``) batch from, so they see the same
    batches."""
    rng = np.random.default_rng(seed)
    keep = np.flatnonzero(np.array([len(s) for s in seqs]) > 0)
    for _ in range(epochs):
        yield keep[rng.permutation(len(keep))]


class BagOfPieces:
    def __init__(self, table: np.ndarray, *, lr: float, b1: float = 0.9, b2: float = 0.999,
                 eps: float = 1e-8) -> None:
        self.table = table.copy()
        self._m = np.zeros_like(self.table)
        self._v = np.zeros_like(self.table)
        self.lr, self.b1, self.b2, self.eps = lr, b1, b2, eps
        self._step = 0
        self._batch: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    def forward(self, seqs: Sequence[np.ndarray]) -> np.ndarray:
        """Normalised sums, one row per (non-empty) sequence; remembered for :meth:`step`."""
        lens = np.array([len(s) for s in seqs])
        ids = np.concatenate(list(seqs))
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
        seg = np.repeat(np.arange(len(seqs)), lens)
        s = np.add.reduceat(self.table[ids], starts, axis=0)
        norm = np.maximum(np.linalg.norm(s, axis=1, keepdims=True), 1e-9)
        u = s / norm
        self._batch = (ids, seg, u, norm)
        return u

    def step(self, grad_u: np.ndarray) -> None:
        """Back-propagate ``d loss / d u`` through the normalisation and the sums, then
        update the touched rows with Adam."""
        assert self._batch is not None, "call forward first"
        ids, seg, u, norm = self._batch
        gs = (grad_u - u * (u * grad_u).sum(1, keepdims=True)) / norm
        grows = gs[seg]
        order = np.argsort(ids, kind="stable")
        uniq, first = np.unique(ids[order], return_index=True)
        g = np.add.reduceat(grows[order], first, axis=0)
        self._step += 1
        b1, b2 = self.b1, self.b2
        self._m[uniq] = b1 * self._m[uniq] + (1 - b1) * g
        self._v[uniq] = b2 * self._v[uniq] + (1 - b2) * g * g
        mh = self._m[uniq] / (1 - b1**self._step)
        vh = self._v[uniq] / (1 - b2**self._step)
        self.table[uniq] -= self.lr * mh / (np.sqrt(vh) + self.eps)
        self._batch = None
