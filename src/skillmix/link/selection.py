"""Choosing the linker's fusion weights so that the choice holds on unseen sentences.

The Decorte validation splits hold 75 (TECH) and 61 (HOUSE) sentences. Weights picked on
them and reported on them overstate what a new sentence gets (the issue #16 gap: TECH
RP@5 78 on validation, 61 on test). This module makes the honest estimate cheap:

* :class:`FusionInputs` computes every channel of an :class:`EscoLinker` once for a set
  of texts and re-fuses them for any :class:`LinkerConfig` exactly as
  :meth:`EscoLinker.score` does (window scores are computed lazily, per concept, as
  new shortlists need them), so a grid of hundreds of weightings costs seconds;
* :func:`group_folds` assigns sentences to folds so that near-duplicates (job-ad
  boilerplate repeated across postings) and neighbouring sentences of one posting
  never sit on both sides of a split, balanced across the TECH and HOUSE files;
* :func:`nested_cv` chooses a configuration on the training folds only and scores it
  on the held-out fold: the mean and spread across folds estimate the *procedure*
  "pick the best configuration on the grid", never scoring a sentence used to pick.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np

from skillmix.grouping import Groups
from skillmix.link._blas import blas_threads

if TYPE_CHECKING:
    from skillmix.link.linker import EscoLinker, LinkerConfig

__all__ = ["CVResult", "FusionInputs", "group_folds", "nested_cv", "sentence_metrics"]


class FusionInputs:
    """Channels of ``linker`` for ``texts``, re-fused for any config (same scores as
    ``linker.score`` with that config; the query encoder and label space are fixed)."""

    def __init__(self, linker: "EscoLinker", texts: Sequence[str]) -> None:
        self.linker = linker
        self.texts = list(texts)
        with blas_threads(linker.config.blas_threads):
            self.sent, self.tokens = linker.query_encoder.encode_tokens(self.texts)
            self.label = self.sent @ linker._pref_emb.T
            self.desc = self.sent @ linker._desc_emb.T
        n, c = self.label.shape
        self.bm25_raw = np.zeros((n, c), dtype=np.float32)
        self.phrase = np.zeros((n, c), dtype=np.float32)
        for r, t in enumerate(self.texts):
            key = linker.lexical.key(t)
            ids, raw = linker.lexical.bm25_sparse(key)
            self.bm25_raw[r, ids] = raw
            found = [ci for ci, _i, _j, _n in linker.lexical.phrases(key)]
            if found:
                self.phrase[r, found] = 1.0
        #: window score per (row, concept); NaN until first needed
        self._window = np.full((n, c), np.nan, dtype=np.float32)
        self._has_windows = np.ones(n, dtype=bool)
        self._window_key: tuple[float, float, int] | None = None

    def _fill_windows(self, cfg: "LinkerConfig", short: np.ndarray) -> None:
        key = (cfg.alt_mix, cfg.window_context, cfg.max_window)  # all a window score depends on
        if self._window_key != key:
            self._window[:] = np.nan
            self._has_windows[:] = True
            self._window_key = key
        old = self.linker.config
        self.linker.config = cfg
        try:
            for r in range(len(self.texts)):
                if not self._has_windows[r]:
                    continue
                need = short[r][np.isnan(self._window[r, short[r]])]
                if not len(need):
                    continue
                win = self.linker._window_channel(self.sent[r], self.tokens[r], need)
                if win is None:
                    self._has_windows[r] = False
                    continue
                self._window[r, need] = win
        finally:
            self.linker.config = old

    def scores(self, cfg: "LinkerConfig") -> np.ndarray:
        """``(len(texts), n_concepts)`` final scores under ``cfg`` (``sentence_alts`` and
        ``w_prior`` are not supported: they are off by default)."""
        base = cfg.w_label * self.label + cfg.w_desc * self.desc
        if cfg.w_bm25:
            base += cfg.w_bm25 * (self.bm25_raw / (self.bm25_raw + cfg.bm25_half))
        if cfg.w_phrase:
            base += cfg.w_phrase * self.phrase
        k = min(cfg.shortlist, base.shape[1]) if cfg.w_window else 0
        if not k:
            return base
        short = np.argpartition(-base, k - 1, axis=1)[:, :k]
        with blas_threads(cfg.blas_threads):
            self._fill_windows(cfg, short)
        rows = np.arange(base.shape[0])[:, None]
        win = self._window[rows, short]
        on = self._has_windows[:, None] & ~np.isnan(win)
        base[rows, short] += np.where(on, cfg.w_window * np.nan_to_num(win) + 100.0, 0.0)
        return base


def sentence_metrics(scores: np.ndarray, golds: Sequence[frozenset[int]], depth: int = 100) -> np.ndarray:
    """Per sentence ``[RP@1, RP@5, RP@10, RR]`` (RP in 0..1) from scores over the
    concepts; ``golds`` holds concept indices. Ties break by index, as a stable sort."""
    d = min(depth, scores.shape[1])
    top = np.argpartition(-scores, d - 1, axis=1)[:, :d]
    out = np.zeros((len(golds), 4))
    for r, gold in enumerate(golds):
        row = top[r][np.lexsort((top[r], -scores[r, top[r]]))]
        hit = np.fromiter((i in gold for i in row), dtype=bool, count=len(row))
        for j, k in enumerate((1, 5, 10)):
            out[r, j] = hit[:k].sum() / min(k, len(gold))
        first = np.flatnonzero(hit)
        out[r, 3] = 1.0 / (first[0] + 1) if len(first) else 0.0
    return out


_SHINGLE_WORDS = re.compile(r"[a-z0-9]+")


def group_folds(texts: Sequence[str], strata: Sequence[str], k: int = 5, *, seed: int = 0,
                block: int = 6, shingle: int = 5) -> np.ndarray:
    """A fold id in ``0..k-1`` per text.

    Groups never split across folds: runs of ``block`` consecutive texts of one stratum
    (the benchmark files list a posting's sentences together), joined with every text
    sharing a ``shingle``-word sequence with another (boilerplate reposted across
    postings). Groups are dealt to folds, per stratum, largest first into the currently
    smallest fold, after a ``seed``-ed shuffle: every fold holds both strata."""
    n = len(texts)
    joined = Groups(n)
    pos: dict[str, int] = {}
    for i, s in enumerate(strata):
        j = pos.get(s, 0)
        pos[s] = j + 1
        if j % block:
            joined.join(i, i - 1)  # same block as the previous text of this stratum
    seen: dict[tuple[str, ...], int] = {}
    for i, t in enumerate(texts):
        w = _SHINGLE_WORDS.findall(t.lower())
        grams = [tuple(w[j : j + shingle]) for j in range(max(1, len(w) - shingle + 1))]
        for g in grams:
            if g in seen:
                joined.join(i, seen[g])
            else:
                seen[g] = i
    groups = joined.members()
    rng = np.random.default_rng(seed)
    folds = np.zeros(n, dtype=np.int64)
    sizes = np.zeros((k,), dtype=np.int64)
    for stratum in dict.fromkeys(strata):
        # a group belongs to the stratum of its first member
        mine = [g for g in groups if strata[g[0]] == stratum]
        order = rng.permutation(len(mine))
        mine = sorted((mine[o] for o in order), key=len, reverse=True)
        local = np.zeros(k, dtype=np.int64)
        for g in mine:
            f = int(np.lexsort((sizes, local))[0])  # fewest of this stratum, then fewest overall
            folds[g] = f
            local[f] += len(g)
            sizes[f] += len(g)
    return folds


@dataclass(frozen=True, slots=True)
class CVResult:
    """Held-out metrics of a nested cross-validation.

    ``held_out`` is per sentence ``[RP@1, RP@5, RP@10, RR]`` under the configuration
    chosen without that sentence's fold; ``fold_means`` the same averaged per fold;
    ``chosen`` the index (into the candidate list) chosen for each fold."""

    held_out: np.ndarray
    folds: np.ndarray
    fold_means: np.ndarray
    chosen: tuple[int, ...]

    def mean_sd(self) -> tuple[np.ndarray, np.ndarray]:
        """Mean and standard deviation across folds of ``[RP@1, RP@5, RP@10, MRR]``."""
        return self.fold_means.mean(0), self.fold_means.std(0, ddof=1)


def objective(m: np.ndarray) -> float:
    """What selection maximises: RP@5 plus MRR, both 0..1, averaged over sentences."""
    return float(m[:, 1].mean() + m[:, 3].mean())


def nested_cv(per_config: Sequence[np.ndarray], folds: np.ndarray) -> CVResult:
    """For each fold, the candidate with the best :func:`objective` on the other folds,
    scored on this fold. ``per_config[c]`` holds candidate ``c``'s
    :func:`sentence_metrics` for every sentence; ties go to the earlier candidate."""
    k = int(folds.max()) + 1
    held = np.zeros_like(per_config[0])
    means = np.zeros((k, per_config[0].shape[1]))
    chosen: list[int] = []
    for f in range(k):
        train = folds != f
        best = max(range(len(per_config)), key=lambda c: (objective(per_config[c][train]), -c))
        chosen.append(best)
        held[~train] = per_config[best][~train]
        means[f] = per_config[best][~train].mean(0)
    return CVResult(held, folds, means, tuple(chosen))
