"""nDCG and AP against their textbook definitions, and the evaluation over a labelled pool."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from skillmix.errors import ConfigError
from skillmix.match.evaluate import average_precision, evaluate_pool, load_relevance, ndcg


def _dcg(grades, k):
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))


def test_evaluate_ndcg_and_ap_match_definitions():
    rng = random.Random(5)
    for _ in range(50):
        grades = [rng.choice([0, 0, 1, 3]) for _ in range(30)]
        k = rng.choice([1, 5, 10, 50])
        ideal = _dcg(sorted(grades, reverse=True), k)
        want = _dcg(grades, k) / ideal if ideal else 0.0
        assert ndcg(np.array(grades, float), np.array(grades, float), k) == pytest.approx(want)
        rel = [1 if g >= 1 else 0 for g in grades]
        hits, prec = 0, []
        for i, r in enumerate(rel):
            if r:
                hits += 1
                prec.append(hits / (i + 1))
        want_ap = sum(prec) / len(prec) if prec else 0.0
        assert average_precision(np.array(rel)) == pytest.approx(want_ap)
    perfect = np.array([3.0, 3, 1, 0, 0])
    assert ndcg(perfect, perfect, 10) == pytest.approx(1.0)


def test_evaluate_pool_reports_both_methods(params, demo_posting, synthetic_pool, tmp_path):
    pool, _ = synthetic_pool
    wanted = {f.skill_id for f in demo_posting.skills}
    cats = ["FIT" if len(wanted & {f.skill_id for f in d.skills if f.level != "consumer"}) >= 3
            else "OTHER" for d in pool]
    rel_file = tmp_path / "rel.json"
    rel_file.write_text('{"grades": {"%s": {"fit": 3}}}' % demo_posting.id)
    rel = load_relevance(rel_file)
    out = evaluate_pool([demo_posting], pool, cats, rel, params=params,
                        methods=["skillmix", "bm25", "skills-only"])
    assert set(out["methods"]) == {"skillmix", "bm25", "skills-only"}
    for figures in out["methods"].values():
        assert set(figures) == {"ndcg@10", "ndcg@50", "map"}
        assert all(0.0 <= v <= 1.0 for v in figures.values())
    # the labels here are defined by skills, so the skills-only ranker is near perfect
    assert out["methods"]["skills-only"]["map"] > 0.8
    with pytest.raises(ConfigError):
        evaluate_pool([demo_posting], pool, cats, {"nope": {"FIT": 1}}, params=params)
