"""Ranking quality on labelled data: nDCG@10, nDCG@50 and MAP against graded relevance.

The labels are coarse: each job gives a relevance grade to each résumé *category* (the
folder a résumé sits in), so every résumé of a category shares its grade. For each job the
whole pool is ranked (ties broken by pool order) and scored:

* ``nDCG@k`` with gain ``2**grade - 1`` and log2 discount, normalised by the ideal order;
* ``MAP``: mean over jobs of average precision, a résumé counting as relevant when its
  grade is at least ``min_relevant``.

Several scorers run over the same pool in one pass — the full skillmix score and a
BM25-only baseline (the same ranker with every weight but ``w_text`` at 0) by default —
so the comparison never depends on two runs agreeing about their inputs.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from ..errors.config_codes import C410, C411, C412, C413, C414
from .features import MatchDocument
from .index import Matcher
from .params import MatchParams
from .rank import score_all
from .score import combine

__all__ = ["METHODS", "average_precision", "evaluate_pool", "load_relevance", "ndcg"]

#: scorers the evaluation knows: name -> the weights it keeps (others set to 0)
METHODS: dict[str, tuple[str, ...]] = {
    "skillmix": ("w_skill", "w_area", "w_years", "w_text", "w_occupation", "w_level"),
    "bm25": ("w_text",),
    "skills-only": ("w_skill", "w_area", "w_years"),
}


def ndcg(grades_ranked: np.ndarray, all_grades: np.ndarray, k: int) -> float:
    """nDCG@k of grades in ranked order, against the ideal order of ``all_grades``."""
    disc = 1.0 / np.log2(np.arange(2, k + 2))
    gains = (2.0 ** grades_ranked[:k] - 1.0)
    ideal = (2.0 ** np.sort(all_grades)[::-1][:k] - 1.0)
    idcg = float((ideal * disc[: ideal.size]).sum())
    return float((gains * disc[: gains.size]).sum()) / idcg if idcg > 0 else 0.0


def average_precision(relevant_ranked: np.ndarray) -> float:
    """AP of a 0/1 array in ranked order (0 when nothing is relevant)."""
    total = int(relevant_ranked.sum())
    if total == 0:
        return 0.0
    hits = np.cumsum(relevant_ranked)
    ranks = np.flatnonzero(relevant_ranked) + 1
    return float((hits[relevant_ranked.astype(bool)] / ranks).sum() / total)


def load_relevance(path: str | Path) -> dict[str, dict[str, float]]:
    """A relevance map: JSON ``{job_id: {CATEGORY: grade}}`` (optionally under
    ``"grades"``, beside a ``"rubric"`` saying how grades were given)."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as err:
        raise C410(f"cannot read the relevance map ({err}).", source=str(path),
                   hint='Expected JSON: {"JOB_ID": {"CATEGORY": grade, ...}, ...}') from None
    grades = data.get("grades", data) if isinstance(data, dict) else None
    if not isinstance(grades, dict) or not all(isinstance(v, dict) for v in grades.values()):
        raise C411("the relevance map must map job ids to {category: grade}.",
                   source=str(path))
    return {str(j): {str(c).upper(): float(g) for c, g in cats.items()} for j, cats in grades.items()}


def _params_for(base: MatchParams, keep: Sequence[str]) -> MatchParams:
    zero = {w: 0.0 for w in ("w_skill", "w_area", "w_years", "w_text", "w_occupation", "w_level")
            if w not in keep}
    return dataclasses.replace(base, **zero)  # type: ignore[arg-type]  # weights are floats


def evaluate_pool(
    jobs: Sequence[MatchDocument],
    resumes: Sequence[MatchDocument],
    categories: Sequence[str],
    relevance: Mapping[str, Mapping[str, float]],
    *,
    params: MatchParams | None = None,
    taxonomy: str = "builtin",
    methods: Iterable[str] = ("skillmix", "bm25"),
    min_relevant: float = 1.0,
    ks: Sequence[int] = (10, 50),
) -> dict[str, Any]:
    """Rank ``resumes`` (labelled by ``categories``) for each job named in ``relevance``
    and return the metrics per method, with per-job figures."""
    params = params or MatchParams()
    methods = list(methods)
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise C412(f"unknown ranking method(s) {unknown}.",
                   hint=f"Known: {', '.join(METHODS)}.")
    use = [j for j in jobs if j.id in relevance]
    if not use:
        raise C413("no job of the relevance map is among the jobs given.",
                   hint="The map's keys must be the postings' ids (e.g. LinkedIn job_id).")
    if len(resumes) != len(categories) or not resumes:
        raise C414("every résumé needs a category (and there must be some).")
    matcher = Matcher(params, taxonomy).fit([*use, *resumes])
    index = matcher.index(resumes)
    cats = np.array([c.upper() for c in categories])
    per_job: dict[str, dict[str, dict[str, float]]] = {}
    sums = {m: {f"ndcg@{k}": 0.0 for k in ks} | {"map": 0.0} for m in methods}
    for job in use:
        grades_map = relevance[job.id]
        grades = np.array([grades_map.get(c, 0.0) for c in cats])
        comps, _ = score_all(matcher, job, index)
        per_job[job.id] = {}
        for m in methods:
            scores = combine(comps, _params_for(params, METHODS[m]))
            order = np.lexsort((np.arange(scores.size), -scores))
            g = grades[order]
            row = {f"ndcg@{k}": ndcg(g, grades, k) for k in ks}
            row["map"] = average_precision((g >= min_relevant).astype(np.int64))
            per_job[job.id][m] = {k: round(v, 4) for k, v in row.items()}
            for k, v in row.items():
                sums[m][k] += v
    n = len(use)
    return {
        "methods": {m: {k: round(v / n, 4) for k, v in s.items()} for m, s in sums.items()},
        "jobs": n, "resumes": len(resumes), "min_relevant": min_relevant,
        "per_job": per_job, "parameters": params.to_dict(),
        "taxonomy": matcher.taxonomy_name_, "taxonomy_version": matcher.taxonomy_version_,
    }
