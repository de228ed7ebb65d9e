"""Properties of the score over random pools (hypothesis): bounded, ranked in order, and
monotone: more evidence never lowers a candidate's score."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillmix.match import Matcher, SkillFeature
from skillmix.match.rank import score_all

from .conftest import synthetic

LEVELS = ["professional", "listed", "consumer"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_score_bounded_ordered_monotone(data, params, taxonomy, demo_posting):
    label = {s.id: s.label for s in taxonomy}
    ids = [f.skill_id for f in demo_posting.skills] + ["seo", "copywriting", "python", "tableau"]
    n = data.draw(st.integers(2, 8))
    pool = []
    for i in range(n):
        picks = data.draw(st.lists(st.sampled_from(ids), max_size=8, unique=True))
        skills = [(s, data.draw(st.sampled_from(LEVELS)), float(data.draw(st.integers(0, 8))))
                  for s in picks]
        pool.append(synthetic("resume", i, skills, label))
    m = Matcher(params).fit([demo_posting, *pool])
    idx = m.index(pool)
    comps, scores = score_all(m, demo_posting, idx)
    for arr in (comps.skill, comps.area, comps.years, comps.text):
        assert np.all(arr >= -1e-12) and np.all(arr <= 1 + 1e-12)
    ranking = m.rank(demo_posting, idx, top=n, explain=False)
    got = [r.score for r in ranking.results]
    assert got == sorted(got, reverse=True)
    # upgrade one candidate's evidence of one skill to professional: its skill, area and
    # years components cannot fall (text is unchanged: same words)
    who = data.draw(st.integers(0, n - 1))
    sid = data.draw(st.sampled_from(ids))
    feats = [f for f in pool[who].skills if f.skill_id != sid]
    old = next((f for f in pool[who].skills if f.skill_id == sid), None)
    feats.append(dataclasses.replace(old, level="professional") if old else SkillFeature(sid, "professional"))
    changed = list(pool)
    changed[who] = dataclasses.replace(pool[who], skills=tuple(feats))
    comps2, _ = score_all(m, demo_posting, m.index(changed))
    for a, b in ((comps.skill, comps2.skill), (comps.area, comps2.area), (comps.years, comps2.years)):
        assert b[who] >= a[who] - 1e-12
