"""Ranking quality against the BM25-only baseline, on LiveCareer résumés by category.

    .venv/bin/python bench/rank_quality.py [--resumes DIR] [--relevance MAP] [--limit-per-category N]
                                           [--occupation] [--focus] [--level]

Runs ``skillmix.match.evaluate.evaluate_pool`` (what ``skillmix eval ranking`` runs) with
three scorers over the same pool in one process: the full skillmix score, BM25 alone (the
baseline) and the skill components alone (an ablation), and prints each metric as a
figure and as a ratio to the baseline. The relevance map (``bench/data/ranking_relevance.json``)
grades categories per job; its rubric was fixed before any ranking was run.

``--focus`` is a probe of the assess profiles' focus factor in ranking (not in the
product): each candidate's full score is multiplied by ``floor + (1 - floor) * min(1, F /
2)``, F their social media evidence (the default profile's focus skills, professional 1,
listed ``listed_credit``), at floors 1 (none), 0.5 and 0.25; the floor is then chosen by
leave-one-job-out on MAP as for the occupation weight.

``--level`` scores the full ranker with the level (seniority) penalty at several weights
(``w_level``) in the same run, chooses the weight by leave-one-job-out on MAP (ties go to
the smaller weight), and prints each weight's mean and spread (standard deviation over the
9 jobs) of each metric, its per-job change against weight 0, and the levels read: each
posting's and how many résumés fall at each level. The grades know nothing of seniority
(they are per résumé category), so this asks whether the term hurts ranking by fit, not
whether it ranks by level.

``--occupation`` also normalises every posting and every résumé role to O*NET-SOC
occupations and scores the full ranker with the occupation component at several weights
(``w_occupation``) in the same run; the weight is then chosen by leave-one-job-out
cross-validation on MAP (chosen on 8 jobs, scored on the 9th) and reported beside the
default (weight 0).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skillmix.io import read_corpus  # noqa: E402
from skillmix.match import MatchParams, to_match_document  # noqa: E402
from skillmix.match.evaluate import evaluate_pool, load_relevance  # noqa: E402
from skillmix.match.labelled import read_labelled_folder  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
AS_OF = date(2026, 11, 25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--resumes", type=Path, default=SHARED / "resumes" / "livecareer")
    ap.add_argument("--jobs", type=Path, default=SHARED / "postings" / "linkedin_2024-04_sample.csv")
    ap.add_argument("--relevance", type=Path, default=ROOT / "bench" / "data" / "ranking_relevance.json")
    ap.add_argument("--limit-per-category", type=int, default=None)
    ap.add_argument("--focus", action="store_true",
                    help="probe a focus factor (social media evidence) on the full score")
    ap.add_argument("--level", action="store_true",
                    help="evaluate the level (seniority) penalty at several weights")
    ap.add_argument("--occupation", action="store_true",
                    help="evaluate the occupation component at several weights (slower: normalises every role)")
    args = ap.parse_args()
    t = time.perf_counter()
    rel = load_relevance(args.relevance)
    occ = args.occupation
    jobs = [to_match_document(p, today=AS_OF, occupations=occ) for p in read_corpus(args.jobs) if p.id in rel]
    docs = read_labelled_folder(args.resumes, limit_per_category=args.limit_per_category)
    resumes = [to_match_document(d.document, kind="resume", today=AS_OF, occupations=occ) for d in docs]
    out = evaluate_pool(jobs, resumes, [d.category for d in docs], rel,
                        params=MatchParams(as_of=AS_OF),
                        methods=["skillmix", "bm25", "skills-only"])
    base = out["methods"]["bm25"]
    out["ratio_vs_bm25"] = {
        m: {k: round(v / base[k], 3) if base[k] else None for k, v in figs.items()}
        for m, figs in out["methods"].items()
    }
    keys = ["jobs", "resumes", "methods", "ratio_vs_bm25", "per_job"]
    if occ:
        out["occupation"] = occupation_weights(jobs, resumes, [d.category for d in docs], rel)
        keys.append("occupation")
    if args.focus:
        out["focus"] = focus_probe(jobs, resumes, [d.category for d in docs], rel)
        keys.append("focus")
    if args.level:
        out["level"] = level_weights(jobs, resumes, [d.category for d in docs], rel)
        keys.append("level")
    out["seconds"] = round(time.perf_counter() - t, 1)
    print(json.dumps({k: out[k] for k in keys + ["seconds"]}, indent=2))


def _per_job(jobs, resumes, categories, rel, weights, knob: str) -> dict[float, dict]:
    """The full ranker's per-job metrics at each value of the parameter ``knob``."""
    per: dict[float, dict] = {}
    for w in weights:
        res = evaluate_pool(jobs, resumes, categories, rel,
                            params=MatchParams(as_of=AS_OF, **{knob: w}), methods=["skillmix"])
        per[w] = {j: v["skillmix"] for j, v in res["per_job"].items()}
    return per


def occupation_weights(jobs, resumes, categories, rel, weights=(0.0, 0.05, 0.1, 0.2, 0.3)) -> dict:
    """The full ranker at each ``w_occupation``, and the weight chosen per held-out job."""
    per = _per_job(jobs, resumes, categories, rel, weights, "w_occupation")
    by, loo = _leave_one_job_out(per, weights, prefer=lambda w: -w)
    return {
        "by_weight": by,
        "leave_one_job_out": {"chosen_weights": loo.pop("chosen"), **loo},
        "postings": {j.id: (j.title, sorted(j.occupations)) for j in jobs},
        "resumes_with_history": sum(1 for r in resumes if r.occupations),
    }


def level_weights(jobs, resumes, categories, rel, weights=(0.0, 0.05, 0.1, 0.2, 0.3)) -> dict:
    """The full ranker at each ``w_level``: mean and spread over the jobs, the change per
    job against weight 0, and the weight chosen per held-out job."""
    import statistics
    from collections import Counter

    per = _per_job(jobs, resumes, categories, rel, weights, "w_level")
    by, loo = _leave_one_job_out(per, weights, prefer=lambda w: -w)
    metrics = ("ndcg@10", "ndcg@50", "map")
    spread = {str(w): {k: round(statistics.pstdev([r[k] for r in per[w].values()]), 4)
                       for k in metrics} for w in weights}
    change = {str(w): {j: {k: round(per[w][j][k] - per[0.0][j][k], 4) for k in metrics}
                       for j in per[w]} for w in weights if w}
    levels = Counter("unknown" if r.level is None else f"{r.level.low}-{r.level.high}"
                     for r in resumes)
    return {
        "by_weight": by, "spread_by_weight": spread, "change_vs_0": change,
        "leave_one_job_out": {"chosen_weights": loo.pop("chosen"), **loo},
        "postings": {j.id: (j.title, None if j.level is None else [j.level.low, j.level.high])
                     for j in jobs},
        "resume_levels": dict(sorted(levels.items())),
    }


def focus_probe(jobs, resumes, categories, rel, floors=(1.0, 0.5, 0.25)) -> dict:
    """The full score times a focus factor at each floor, and the floor chosen per held-out
    job (leave one job out, on MAP)."""
    import numpy as np

    from skillmix.assess import load_profile
    from skillmix.match.evaluate import average_precision, ndcg
    from skillmix.match.index import Matcher
    from skillmix.match.rank import score_all
    from skillmix.match.score import combine

    params = MatchParams(as_of=AS_OF)
    focus = load_profile("social-media-technologist").focus
    assert focus is not None
    credit = {"professional": params.professional_credit, "listed": params.listed_credit}
    f = np.array([sum(credit.get(x.level, 0.0) for x in r.skills if x.skill_id in focus.skills)
                  for r in resumes])
    cats = np.array([c.upper() for c in categories])
    matcher = Matcher(params, "builtin").fit([*jobs, *resumes])
    index = matcher.index(resumes)
    per: dict[float, dict[str, dict[str, float]]] = {fl: {} for fl in floors}
    for job in jobs:
        grades = np.array([rel[job.id].get(c, 0.0) for c in cats])
        base = combine(score_all(matcher, job, index)[0], params)
        for fl in floors:
            scores = base * (fl + (1 - fl) * np.minimum(1.0, f / focus.target))
            g = grades[np.lexsort((np.arange(scores.size), -scores))]
            per[fl][job.id] = {"ndcg@10": ndcg(g, grades, 10), "ndcg@50": ndcg(g, grades, 50),
                               "map": average_precision((g >= 1).astype(np.int64))}
    by, loo = _leave_one_job_out(per, floors, prefer=lambda fl: fl)
    return {"by_floor": by, "leave_one_job_out": {"chosen_floors": loo.pop("chosen"), **loo}}


def _leave_one_job_out(per: dict, settings, prefer) -> tuple[dict, dict]:
    """Mean figures per setting over the jobs, and the setting chosen for each job on the
    other jobs' MAP (ties go to ``prefer``'s largest) with its figures on the held-out job."""
    metrics = ("ndcg@10", "ndcg@50", "map")
    mean = lambda rows, k: round(sum(r[k] for r in rows) / len(rows), 4)  # noqa: E731
    ids = sorted(per[settings[0]])
    chosen, held = [], []
    for j in ids:
        rest = [i for i in ids if i != j]
        best = max(settings, key=lambda s: (sum(per[s][i]["map"] for i in rest), prefer(s)))
        chosen.append(best)
        held.append(per[best][j])
    by = {str(s): {k: mean(list(per[s].values()), k) for k in metrics} for s in settings}
    return by, {"chosen": chosen, **{k: mean(held, k) for k in metrics}}


if __name__ == "__main__":
    main()
