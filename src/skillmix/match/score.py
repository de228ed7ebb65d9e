"""The vectorised score: every document of an index against one query, in a few sparse products.

Two directions, one formula (see :mod:`.params`):

* **candidates for a job** — the index holds résumés as a CSC matrix of *expanded*
  evidence ``e'`` (rows candidates, columns skills); the job is a dense demand vector
  ``d``. Only the job's demanded columns are touched: ``M = E'[:, J] @ Q[J]`` gives each
  candidate's matched demand per area in one product.
* **jobs for a candidate** — the index holds postings as a CSR matrix of demand ``D``;
  the candidate is a dense vector ``e'``. Scaling ``D``'s stored values by ``e'`` at their
  columns and summing them per area gives the same numerators.

Both return a :class:`Components` of float64 arrays; :func:`combine` weighs them.
Everything a single candidate needs is computed by the same code on a one-row matrix, so
a counterfactual's score is exactly what a re-ranked index would give.
"""

from __future__ import annotations

from typing import Sequence

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .params import MatchParams

__all__ = ["Components", "combine", "expand", "score_candidates", "score_jobs"]


@dataclass(frozen=True, slots=True)
class Components:
    """Per-document component arrays (same length), each in [0, 1]."""

    skill: np.ndarray
    area: np.ndarray
    years: np.ndarray
    text: np.ndarray
    #: only when the occupation component is on (``w_occupation`` > 0)
    occupation: np.ndarray | None = None
    #: seniority fit (:mod:`.level`): 1 when levels are close or unknown
    level: np.ndarray | None = None
    #: jobs for a candidate only: the share of the candidate's own skills (by rarity) the
    #: job asks for; ``skill`` and ``area`` are then harmonic means with it
    use: np.ndarray | None = None

    def row(self, i: int) -> dict[str, float]:
        out = {"skill": float(self.skill[i]), "area": float(self.area[i]),
               "years": float(self.years[i]), "text": float(self.text[i])}
        if self.use is not None:
            out["use"] = float(self.use[i])
        if self.level is not None:
            out["level"] = float(self.level[i])
        if self.occupation is not None:
            out["occupation"] = float(self.occupation[i])
        return out


def combine(c: Components, params: MatchParams) -> np.ndarray:
    out = (params.w_skill * c.skill + params.w_area * c.area + params.w_years * c.years
           + params.w_text * c.text)
    if c.occupation is not None:
        out = out + params.w_occupation * c.occupation
    if c.level is not None and params.w_level > 0:
        out += params.w_level * c.level  # out is this function's own array: add in place
        out -= params.w_level
    return out


def expand(evidence: sp.csr_matrix, neighbours: sp.csr_matrix, credit: float) -> sp.csr_matrix:
    """``e'[r, s] = max(e[r, s], credit * max over neighbours t of s of e[r, t])``.

    Vectorised: every stored (row, t, v) is repeated once per neighbour s of t with value
    ``credit * v``; the original and repeated entries are then reduced by maximum per
    (row, column). Explicit zeros (consumer-only skills) give no credit and are dropped.
    """
    ev = evidence.tocoo()
    keep = ev.data > 0
    rows, cols, vals = ev.row[keep], ev.col[keep], ev.data[keep].astype(np.float64)
    n, s = evidence.shape
    if credit > 0 and rows.size:
        deg = np.diff(neighbours.indptr)[cols]
        total = int(deg.sum())
        if total:
            starts = np.repeat(neighbours.indptr[cols], deg)
            offsets = np.arange(total) - np.repeat(np.cumsum(deg) - deg, deg)
            n_cols = neighbours.indices[starts + offsets]
            rows = np.concatenate([rows, np.repeat(rows, deg)])
            cols = np.concatenate([cols, n_cols])
            vals = np.concatenate([vals, np.repeat(vals * credit, deg)])
    if not rows.size:
        return sp.csr_matrix((n, s), dtype=np.float64)
    key = rows.astype(np.int64) * s + cols
    order = np.argsort(key, kind="stable")
    key, vals = key[order], vals[order]
    first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    best = np.maximum.reduceat(vals, first)
    ukey = key[first]
    return sp.csr_matrix((best, (ukey // s, ukey % s)), shape=(n, s))


def _text(bm25: np.ndarray, best: float) -> np.ndarray:
    return bm25 / best if best > 0 else np.zeros_like(bm25, dtype=np.float64)


def score_candidates(
    expanded: sp.csc_matrix,
    years: sp.csc_matrix,
    demand: np.ndarray,
    asked_years: np.ndarray,
    area_of: np.ndarray,
    area_weights: np.ndarray,
    bm25: np.ndarray,
    bm25_best: float,
    prior: float = 0.0,
    alternatives: Sequence[tuple[int, Sequence[int]]] = (),
) -> Components:
    """Components of every candidate (rows of ``expanded``) for one job.

    ``demand`` (S,) is the job's demand x rarity, ``asked_years`` (S,) the years it asks
    per skill (0: none), ``area_of`` (S,) each skill's area column, ``area_weights`` (A,)
    the profile's weight per area (used where the job has demand). ``prior`` is the
    demand mass a job is shrunk by (skill and area are scaled by ``D / (D + prior)``).
    ``alternatives`` are the job's example lists as (demanded column, alternative
    columns): a candidate's evidence for the demanded skill is the best over the group.
    """
    n = expanded.shape[0]
    n_areas = area_weights.shape[0]
    J = np.flatnonzero(demand > 0)
    total = float(demand[J].sum())
    if not J.size or total <= 0:
        zeros = np.zeros(n)
        return Components(zeros, zeros, np.ones(n), _text(bm25.astype(np.float64), bm25_best))
    # skill and area are both linear in e': fold the per-area normalisation into one
    # (J x 2) coefficient block and touch only the demanded columns
    dJ = demand[J]
    den = np.bincount(area_of[J], weights=dJ, minlength=n_areas)
    active = den > 0
    w = area_weights * active
    if w.sum() <= 0:
        w = active.astype(np.float64)
    coef = np.divide(w, den, out=np.zeros(n_areas), where=active) / w.sum()
    conf = total / (total + prior)
    B = np.stack([dJ * (conf / total), dJ * (coef[area_of[J]] * conf)], axis=1)
    M = np.asarray(expanded[:, J] @ B)
    if alternatives:
        pos = {int(c): k for k, c in enumerate(J)}
        for col, others in alternatives:
            k = pos.get(int(col))
            if k is None or not len(others):
                continue
            own = expanded[:, [col]].toarray()[:, 0]
            best = np.maximum(own, expanded[:, list(others)].toarray().max(axis=1))
            M += np.outer(best - own, B[k])
    skill = np.ascontiguousarray(M[:, 0])
    area = np.ascontiguousarray(M[:, 1])
    K = np.flatnonzero(asked_years[J] > 0)
    if K.size:
        cols = J[K]
        have = years[:, cols].toarray()
        ratio = np.minimum(1.0, have / asked_years[cols])
        yrs = ratio @ demand[cols] / demand[cols].sum()
    else:
        yrs = np.ones(n)
    return Components(skill, area, yrs, _text(bm25.astype(np.float64), bm25_best))


def score_jobs(
    demand: sp.csr_matrix,
    asked_years: np.ndarray,
    row_of: np.ndarray,
    area_onehot: sp.csr_matrix,
    area_den: np.ndarray,
    area_weights: np.ndarray,
    evidence: np.ndarray,
    years: np.ndarray,
    bm25: np.ndarray,
    bm25_best: float,
    prior: float = 0.0,
    alternatives: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    own: np.ndarray | None = None,
) -> Components:
    """Components of every job (rows of ``demand``) for one candidate.

    ``own`` (S,) is the candidate's own evidence times rarity (not expanded to
    neighbours). With it, ``skill`` and ``area`` are each the harmonic mean of two
    coverages: how much of the job's demand (overall; per area) the candidate meets, and
    how much of the candidate (the share of ``own``) the job asks for. Why: ranked by the
    first alone, a posting that asks three generic skills ("team leadership", "budget
    management") is met by almost every senior candidate and outranks the jobs of their
    own field (a new-user trial: a Director of Social Media Marketing got a School
    Counselor 2nd and the Social Media Manager 25th); the harmonic mean needs both, as F1
    needs precision and recall. No weight is tuned: every blend of either component the
    cross-validation tried (0, 0.25, 0.5, 0.75 or 1 of the harmonic mean, 10 folds over
    the candidates of ``bench/rank_jobs_quality.py``) chose the full one; the figures are
    in docs/match.md.

    ``asked_years`` and ``row_of`` are aligned with ``demand.data``; ``area_den`` (m, A)
    holds each job's demand per area and ``area_weights`` (m, A) its profile weights;
    ``evidence`` (S,) is the candidate's expanded evidence and ``years`` (S,) their years.
    ``alternatives`` are the jobs' example lists as (position of the demanded entry in
    ``demand.data``, -1 where it is not demanded; group pointers; alternative columns):
    the candidate's evidence for the demanded skill is the best over its group.
    """
    m = demand.shape[0]
    cols = demand.indices
    ev = evidence[cols]
    if alternatives is not None and alternatives[0].size:
        pos, ptr, members = alternatives
        best = np.maximum.reduceat(evidence[members], ptr[:-1]) if members.size else None
        if best is not None:
            ok = pos >= 0
            ev = ev.copy()
            ev[pos[ok]] = np.maximum(ev[pos[ok]], best[ok])
    got = demand.data * ev
    num = sp.csr_matrix((got, cols, demand.indptr), shape=demand.shape) @ area_onehot
    num = np.asarray(num.todense()) if sp.issparse(num) else np.asarray(num)
    total = area_den.sum(axis=1)
    safe = np.where(total > 0, total, 1.0)
    skill = np.where(total > 0, num.sum(axis=1) / safe, 0.0)
    active = area_den > 0
    w = np.where(active, area_weights, 0.0)
    none = w.sum(axis=1) <= 0
    w[none] = active[none]
    wsum = np.where(w.sum(axis=1) > 0, w.sum(axis=1), 1.0)
    cov = np.divide(num, area_den, out=np.zeros_like(num), where=active)
    area = (cov * w).sum(axis=1) / wsum
    conf = total / (total + prior) if prior > 0 else np.ones(m)
    skill = skill * conf
    area = area * conf
    use = None
    if own is not None:
        mass = float(own.sum())
        job, col = row_of, cols
        if alternatives is not None and alternatives[0].size and alternatives[2].size \
                and row_of.size:
            # a skill of the candidate's that stands in an example list the job gives
            # ("Hootsuite, Buffer or similar") is one the job asks for
            pos, ptr, members = alternatives
            member_job = np.repeat(np.where(pos >= 0, row_of[np.maximum(pos, 0)], -1),
                                   np.diff(ptr))
            ok = member_job >= 0
            job = np.concatenate([row_of, member_job[ok]])
            col = np.concatenate([cols, members[ok]])
        # each skill once per job, however many lists name it: the share cannot pass 1
        pair = np.unique(job.astype(np.int64) * own.size + col)
        used = np.bincount(pair // own.size, weights=own[pair % own.size], minlength=m)
        use = np.minimum(1.0, used / mass) if mass > 0 else np.zeros(m)
        both = skill + use
        skill = np.divide(2.0 * skill * use, both, out=np.zeros(m), where=both > 0)
        both = area + use
        area = np.divide(2.0 * area * use, both, out=np.zeros(m), where=both > 0)
    asked = asked_years > 0
    if asked.any():
        ratio = np.minimum(1.0, years[cols[asked]] / asked_years[asked])
        y_num = np.bincount(row_of[asked], weights=demand.data[asked] * ratio, minlength=m)
        y_den = np.bincount(row_of[asked], weights=demand.data[asked], minlength=m)
        yrs = np.where(y_den > 0, y_num / np.where(y_den > 0, y_den, 1.0), 1.0)
    else:
        yrs = np.ones(m)
    return Components(skill, area, yrs, _text(bm25.astype(np.float64), bm25_best), use=use)
