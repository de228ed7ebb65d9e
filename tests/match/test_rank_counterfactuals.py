"""Counterfactuals are computed, not guessed: re-indexing the changed document with the same
fitted matcher puts it exactly at the promised rank, with the promised score."""

from __future__ import annotations

import dataclasses

from skillmix.match import Matcher, SkillFeature

from .conftest import synthetic


def _with_evidence(doc, skill_id):
    """The document with professional evidence of ``skill_id`` (an existing listed or
    consumer-only feature is upgraded, keeping its span and years)."""
    old = next((f for f in doc.skills if f.skill_id == skill_id), None)
    feats = [f for f in doc.skills if f.skill_id != skill_id]
    feats.append(dataclasses.replace(old, level="professional") if old is not None
                 else SkillFeature(skill_id, "professional"))
    return dataclasses.replace(doc, skills=tuple(feats))


def reranked(m, job, pool, ranking):
    """Each counterfactual of ``ranking`` with the candidate's result when the pool is
    ranked again with that skill's evidence added: ``(result, counterfactual, again)``."""
    for res in ranking.results:
        for cf in res.what_if:
            changed = [_with_evidence(d, cf.skill_id) if d.id == res.id else d for d in pool]
            again = m.rank(job, m.index(changed), top=len(pool), explain=False)
            yield res, cf, next(r for r in again.results if r.id == res.id)


def test_rank_counterfactual_matches_reranking(params, demo_posting, synthetic_pool):
    pool, _ = synthetic_pool
    m = Matcher(params).fit([demo_posting, *pool])
    ranking = m.rank(demo_posting, m.index(pool), top=len(pool))
    checked = 0
    for res, cf, pos in reranked(m, demo_posting, pool, ranking):
        assert pos.rank == cf.rank_to < cf.rank_from == res.rank
        assert abs(pos.score - cf.score_to) < 1e-9
        assert cf.skill_id in res.missing_required or any(
            t[0] == cf.skill_id for t in res.transferable)
        assert cf.text in res.counterfactuals
        checked += 1
    assert checked >= 3


def test_rank_counterfactual_jobs_for_candidate(params, demo_posting, synthetic_pool, taxonomy):
    pool, label = synthetic_pool
    # postings: each asks for a random half of the demo posting's skills
    postings = []
    for i, d in enumerate(pool[:25]):
        skills = [(f.skill_id, "required" if f.level != "consumer" else "preferred", 0.0)
                  for f in d.skills]
        postings.append(synthetic("posting", i, skills, label))
    candidate = pool[30]
    m = Matcher(params).fit([candidate, *postings])
    idx = m.index(postings)
    ranking = m.rank(candidate, idx, top=len(postings))
    assert ranking.direction == "jobs-for-candidate"
    checked = 0
    for res in ranking.results:
        for cf in res.what_if:
            again = m.rank(_with_evidence(candidate, cf.skill_id), idx, top=len(postings),
                           explain=False)
            pos = next(r for r in again.results if r.id == res.id)
            assert pos.rank == cf.rank_to < res.rank
            assert abs(pos.score - cf.score_to) < 1e-9
            checked += 1
    assert checked >= 1


def test_rank_no_counterfactual_for_the_leader(params, demo_posting, synthetic_pool):
    pool, _ = synthetic_pool
    m = Matcher(params).fit([demo_posting, *pool])
    top = m.rank(demo_posting, m.index(pool), top=1).results[0]
    assert top.rank == 1 and top.what_if == ()
