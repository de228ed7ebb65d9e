"""Ranking quality the other way: jobs for a candidate, on hand-labelled LinkedIn postings.

    .venv/bin/python bench/rank_jobs_quality.py [--resumes DIR] [--categories A,B] [--weights 0,0.05,...]

``bench/rank_quality.py`` measures ``rank --job``; this measures ``rank --candidate`` with
the same metrics. Rubric, fixed before any ranking was run: the queries are every LiveCareer
résumé of the categories the ranking relevance map grades 3 (DIGITAL-MEDIA,
PUBLIC-RELATIONS: social media and communications work); the pool is the 232 postings of
``linkedin_2024-04_sample.csv``, graded from their hand labels
(``linkedin_2024-04_sample_labels.jsonl``, written by a reader who never saw a ranking):
``core`` social media work 3, ``secondary`` 1, ``none`` 0; MAP counts grade >= 1.

For each weight of the level (seniority) penalty ``w_level`` the full ranker is scored over
the same components (computed once per candidate), and the weight is chosen by 10-fold
cross-validation over the candidates on MAP (ties go to the smaller weight). The grades
know nothing of seniority, so this asks whether the penalty costs ranking by fit; the
``far_mismatch_in_top10`` figure (mean count of top-10 postings whose level component is
below 1, i.e. two or more levels from the candidate's) shows what it does to levels, by the
reader's own account.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skillmix.io import read_corpus  # noqa: E402
from skillmix.match import Matcher, MatchParams, to_match_document  # noqa: E402
from skillmix.match.evaluate import average_precision, ndcg  # noqa: E402
from skillmix.match.labelled import read_labelled_folder  # noqa: E402
from skillmix.match.rank import score_all  # noqa: E402
from skillmix.match.score import combine  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
AS_OF = date(2026, 11, 25)
GRADE = {"core": 3.0, "secondary": 1.0, "none": 0.0}
METRICS = ("ndcg@10", "ndcg@50", "map")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--resumes", type=Path, default=SHARED / "resumes" / "livecareer")
    ap.add_argument("--jobs", type=Path, default=SHARED / "postings" / "linkedin_2024-04_sample.csv")
    ap.add_argument("--labels", type=Path,
                    default=SHARED / "postings" / "linkedin_2024-04_sample_labels.jsonl")
    ap.add_argument("--categories", default="DIGITAL-MEDIA,PUBLIC-RELATIONS")
    ap.add_argument("--weights", default="0,0.05,0.1,0.2,0.3")
    ap.add_argument("--folds", type=int, default=10)
    args = ap.parse_args()
    t = time.perf_counter()
    weights = [float(w) for w in args.weights.split(",")]
    cats = {c.strip().upper() for c in args.categories.split(",")}
    labels = {str(r["job_id"]): GRADE[r["strength"]]
              for r in map(json.loads, args.labels.read_text("utf-8").splitlines()) if r}
    jobs = [to_match_document(p, today=AS_OF) for p in read_corpus(args.jobs)]
    grades = np.array([labels.get(j.id, 0.0) for j in jobs])
    docs = [d for d in read_labelled_folder(args.resumes) if d.category.upper() in cats]
    resumes = [to_match_document(d.document, kind="resume", today=AS_OF) for d in docs]
    params = MatchParams(as_of=AS_OF)
    matcher = Matcher(params).fit([*jobs, *resumes])
    index = matcher.index(jobs)
    per: dict[float, list[dict[str, float]]] = {w: [] for w in weights}
    for r in resumes:
        comps, _ = score_all(matcher, r, index)
        for w in weights:
            scores = combine(comps, dataclasses.replace(params, w_level=w))
            order = np.lexsort((np.arange(scores.size), -scores))
            g = grades[order]
            per[w].append({"ndcg@10": ndcg(g, grades, 10), "ndcg@50": ndcg(g, grades, 50),
                           "map": average_precision((g >= 1).astype(np.int64)),
                           "far": float((comps.level[order[:10]] < 1).sum())})  # type: ignore[index]
    out = {
        "candidates": len(resumes), "postings": len(jobs),
        "relevant_postings": int((grades >= 1).sum()),
        "candidates_with_level": sum(r.level is not None for r in resumes),
        "postings_with_level": sum(j.level is not None for j in jobs),
        "by_weight": {str(w): {k: _mean_sd([q[k] for q in per[w]]) for k in METRICS}
                      | {"far_mismatch_in_top10": _mean_sd([q["far"] for q in per[w]])}
                      for w in weights},
        "paired_change_vs_0": {str(w): {k: _mean_sd([a[k] - b[k] for a, b in zip(per[w], per[weights[0]])])
                                        for k in METRICS} for w in weights[1:]},
        "cross_validation": _cross_validate(per, weights, args.folds),
        "seconds": round(time.perf_counter() - t, 1),
    }
    print(json.dumps(out, indent=2))


def _mean_sd(xs: list[float]) -> dict[str, float]:
    return {"mean": round(statistics.fmean(xs), 4), "sd": round(statistics.pstdev(xs), 4)}


def _cross_validate(per: dict[float, list[dict[str, float]]], weights: list[float], folds: int) -> dict:
    """The weight chosen on the other folds' MAP, and its figures on each held-out fold."""
    n = len(per[weights[0]])
    fold_of = np.arange(n) % folds
    chosen, held = [], []
    for f in range(folds):
        train = np.flatnonzero(fold_of != f)
        test = np.flatnonzero(fold_of == f)
        best = max(weights, key=lambda w: (sum(per[w][i]["map"] for i in train), -w))
        chosen.append(best)
        held.append({k: statistics.fmean(per[best][i][k] for i in test) for k in METRICS})
    return {"chosen_weights": chosen,
            **{k: _mean_sd([h[k] for h in held]) for k in METRICS}}


if __name__ == "__main__":
    main()
