"""The vectorised score equals the documented formula, computed here the slow, obvious way."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.sparse as sp

from skillmix.errors import ConfigError, MatchError
from skillmix.match import Matcher, MatchParams
from skillmix.match.rank import score_all
from skillmix.match.score import expand

from .conftest import synthetic


def _slow_components(m, job, cand, params, taxonomy):
    """skill, area, years for one pair, straight from the formula in skillmix.match.params."""
    idf = dict(zip(m.skill_ids_, m.idf_))
    demand = {f.skill_id: params.level_weight(f.level) * idf[f.skill_id] for f in job.skills}
    asked = {f.skill_id: f.years for f in job.skills if f.years > 0}
    ev = {f.skill_id: params.evidence_credit(f.level) for f in cand.skills}
    yrs = {f.skill_id: f.years for f in cand.skills if f.level != "consumer"}

    def own(s):
        near = [ev.get(t, 0.0) for t in taxonomy.neighbours(s) if taxonomy.same_field(s, t)]
        return max([ev.get(s, 0.0)] + [params.neighbour_credit * v for v in near])

    def credit(s):
        # an example list ("Hootsuite, Buffer or similar"): the best member counts
        return max([own(s)] + [own(o) for o in job.alternatives.get(s, ())])

    total = sum(demand.values())
    skill = sum(d * credit(s) for s, d in demand.items()) / total
    areas = {}
    for s, d in demand.items():
        a = taxonomy.get(s).area or "other"
        num, den = areas.get(a, (0.0, 0.0))
        areas[a] = (num + d * credit(s), den + d)
    w = {a: job.area_weights.get(a, 0.0) for a in areas}
    if sum(w.values()) <= 0:
        w = {a: 1.0 for a in areas}
    area = sum(w[a] * n / d for a, (n, d) in areas.items()) / sum(w.values())
    conf = total / (total + params.demand_prior)
    skill, area = skill * conf, area * conf
    if asked:
        years = sum(demand[s] * min(1.0, yrs.get(s, 0.0) / y) for s, y in asked.items()) \
            / sum(demand[s] for s in asked)
    else:
        years = 1.0
    return skill, area, years


def test_score_candidates_match_the_formula(params, taxonomy, demo_posting, synthetic_pool):
    pool, _ = synthetic_pool
    m = Matcher(params).fit([demo_posting, *pool])
    idx = m.index(pool)
    comps, scores = score_all(m, demo_posting, idx)
    assert any(f.years > 0 for f in demo_posting.skills), "the demo posting asks for years"
    assert len(set(demo_posting.area_weights.values())) > 1, "profile weights, not equal ones"
    for i, cand in enumerate(pool):
        skill, area, years = _slow_components(m, demo_posting, cand, params, taxonomy)
        assert comps.skill[i] == pytest.approx(skill, abs=1e-9)
        assert comps.area[i] == pytest.approx(area, abs=1e-9)
        assert comps.years[i] == pytest.approx(years, abs=1e-9)
    bm = idx.text_index.scores(demo_posting.text)
    expect = (params.w_skill * comps.skill + params.w_area * comps.area
              + params.w_years * comps.years + params.w_text * bm / bm.max())
    assert np.allclose(scores, expect)


def _harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


def test_score_both_directions_agree(params, demo_posting, synthetic_pool):
    """A pair's job coverage is the same whichever side is the query (text aside: BM25 is
    not symmetric, so its weight is set to 0 here); ranking jobs for a candidate then
    takes the harmonic mean of it and the share of the candidate the job uses."""
    pool, label = synthetic_pool
    p = MatchParams(as_of=params.as_of, w_text=0.0)
    postings = [demo_posting]
    m = Matcher(p).fit([demo_posting, *pool])
    comps, _ = score_all(m, demo_posting, m.index(pool))
    pidx = m.index(postings)
    for i, cand in enumerate(pool[:10]):
        back, _ = score_all(m, cand, pidx)
        assert back.use is not None and 0.0 <= back.use[0] <= 1.0
        use = float(back.use[0])
        assert back.skill[0] == pytest.approx(_harmonic(comps.skill[i], use), abs=1e-9)
        assert back.area[0] == pytest.approx(_harmonic(comps.area[i], use), abs=1e-9)
        assert back.years[0] == pytest.approx(comps.years[i], abs=1e-9)


def test_score_expand_matches_brute_force():
    rng = np.random.default_rng(3)
    n, s = 30, 25
    ev = sp.random(n, s, density=0.15, random_state=4, format="csr")
    ev.data = rng.choice([0.0, 0.6, 1.0], size=ev.data.size)
    nb = sp.random(s, s, density=0.1, random_state=5, format="csr")
    nb = ((nb + nb.T) > 0).astype(float).tocsr()
    nb.setdiag(0)
    nb.eliminate_zeros()
    got = expand(ev, nb, 0.5).toarray()
    dense, g = ev.toarray(), nb.toarray()
    for r in range(n):
        for c in range(s):
            near = [dense[r, t] for t in range(s) if g[c, t]]
            want = max([dense[r, c]] + [0.5 * v for v in near])
            assert math.isclose(got[r, c], want)


def test_score_required_counts_more_than_preferred(params, taxonomy):
    label = {s.id: s.label for s in taxonomy}
    a, b = "seo", "copywriting"
    job = synthetic("posting", 0, [(a, "required", 0.0), (b, "preferred", 0.0)], label)
    has_a = synthetic("resume", 1, [(a, "professional", 1.0)], label)
    has_b = synthetic("resume", 2, [(b, "professional", 1.0)], label)
    m = Matcher(MatchParams(as_of=params.as_of, w_text=0.0)).fit([job, has_a, has_b])
    ranking = m.rank(job, m.index([has_b, has_a]))
    assert [r.id for r in ranking.results] == [has_a.id, has_b.id]


def test_score_params_are_validated():
    with pytest.raises(ConfigError) as err:
        MatchParams.parse_weights("skill=-1")
    assert err.value.code == "C401"
    with pytest.raises(ConfigError):
        MatchParams.parse_weights("nonsense=1")
    p = MatchParams.parse_weights("skill=0.5,text=0")
    assert p.w_skill == 0.5 and p.w_text == 0.0 and p.w_area == MatchParams().w_area
    with pytest.raises(MatchError) as err2:
        Matcher().index([])
    assert err2.value.code == "M004"


def test_jobs_for_a_candidate_prefer_the_jobs_that_use_them(params):
    """A posting that asks three generic skills is met by almost anyone; ranked for a
    social media specialist it must fall below a social media job that asks for their
    skills but that they meet less completely (the new-user trial's School Counselor)."""
    from skillmix.extract import as_document
    from skillmix.match import to_match_document

    generic = to_match_document(as_document(
        "School Counselor\nRequirements:\n- Team leadership.\n- Budget management.\n"
        "- Strong communication skills.\n", "posting"))
    social = to_match_document(as_document(
        "Social Media Manager\nRequirements:\n- Social media strategy and community "
        "management.\n- Instagram, TikTok and Hootsuite.\n- Paid social advertising.\n"
        "- Influencer marketing and social listening.\n- Budget management.\n", "posting"))
    cand = to_match_document(as_document(
        "Summary\nSocial media manager. Led a team of 4. Managed budgets. Excellent "
        "communication skills.\nExperience\nSocial Media Manager, Acme, 2018 - 2024\n"
        "- Built the social media strategy; Instagram and TikTok; Hootsuite.\n", "resume"))
    m = Matcher(params).fit([generic, social, cand])
    comps, scores = score_all(m, cand, m.index([generic, social]))
    assert comps.use is not None and comps.use[1] > comps.use[0]
    # by the job's coverage alone the generic posting led (0.45 against 0.43)
    assert comps.skill[1] > comps.skill[0]
    assert scores[1] > scores[0]
