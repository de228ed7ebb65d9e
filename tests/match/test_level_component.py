"""The level component: a far seniority mismatch costs a bounded amount and is named (jobs
for a candidate: either way; candidates for a job: only under-qualified, as marking down
the most experienced is an age proxy); a posting or résumé that says nothing of level
changes nothing."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest

from skillmix.assess.evidence import seniority_of, seniority_words
from skillmix.io import read_document
from skillmix.io.reader import parse_text
from skillmix.match import Matcher, MatchParams, load_index, rank_candidates, rank_jobs, save_index
from skillmix.match import to_match_document
from skillmix.match.level import LevelReading, level_fit, level_sentence, posting_level

from .conftest import AS_OF, DEMO
from .test_rank_counterfactuals import reranked

_POSTING = """<!doctype html>
<html><head><title>{title}</title></head>
<body>
<h1>{title}</h1>
<p>Harbor &amp; Pine is a regional coffee chain with twelve cafés and a busy online shop.</p>
<h2>What you'll do</h2>
<ul>
<li>Plan and publish content for our Instagram, TikTok and Facebook accounts.</li>
<li>Handle social customer care: answer comments and complaints within two hours.</li>
<li>Report engagement and reach each month in Google Analytics 4.</li>
<li>Run paid social campaigns in Meta Ads Manager with the marketing lead.</li>
</ul>
<h2>Requirements</h2>
<ul>
<li>Experience with community management and social media scheduling in Hootsuite.</li>
<li>Strong copywriting and an eye for short-form video.</li>
</ul>
</body></html>
"""

_JUNIOR = """Jordan Lee
Tacoma, WA | jordan.lee@example.com

EXPERIENCE

Social Media Coordinator, Tideline Bakery    Jun 2025 - Present
- Managed the bakery's Instagram and TikTok accounts and planned weekly content.
- Answered customer comments and complaints on Facebook within two hours.
- Scheduled posts in Hootsuite and reported engagement in Google Analytics 4.

SKILLS
Community management, copywriting, Meta Ads Manager, short-form video

EDUCATION
B.A. Communication, University of Washington, 2025
"""


def _posting(title: str, doc_id: str):
    doc = parse_text(_POSTING.format(title=title), f"{doc_id}.html", kind="posting", doc_id=doc_id)
    return to_match_document(doc, today=AS_OF)


@pytest.fixture(scope="module")
def senior():
    return to_match_document(read_document(DEMO / "resume.txt", kind="resume"), today=AS_OF)


@pytest.fixture(scope="module")
def junior():
    doc = parse_text(_JUNIOR, "junior.txt", kind="resume", doc_id="junior")
    return to_match_document(doc, today=AS_OF)


def test_level_readings_of_real_shaped_documents(senior, junior) -> None:
    # 8.5 dated years reach senior (6), and the latest title says senior
    assert (senior.level.low, senior.level.high) == (3, 3)
    assert "8.5 years of dated experience" in senior.level.why
    assert '"Senior Marketing Engineer" (senior)' in senior.level.why
    assert (junior.level.low, junior.level.high) == (1, 1)
    intern = _posting("Social Media Intern", "intern")
    assert (intern.level.low, intern.level.high) == (0, 0)
    assert _posting("Social Media Specialist", "plain").level is None


def test_level_overriding_words_and_years_asked() -> None:
    assert seniority_words("Content Manager (INTERNSHIP)")[:2] == (0, "intern")
    assert seniority_of("Trainee Assistant Manager near Oxford")[0] == 0
    assert seniority_words("Digital Marketing Intern")[0] == 0
    assert seniority_words("Intern - Business Analytics")[0] == 0
    # a trainee word naming what someone runs is no trainee post
    assert seniority_words("Intern Manager")[0] == 4
    assert seniority_words("Senior Manager, Internship Program")[0] == 4
    assert seniority_words("Internship Coordinator")[0] == 1
    assert seniority_words("Associate Marketing Manager") == (3, "senior", "associate manager")
    assert seniority_words("Coordinator for Multicultural Student Organizations")[0] == 1
    assert seniority_words("Marketing Specialist") is None
    assert seniority_of("Marketing Specialist")[0] == 2  # scorecards still read it as mid
    # a minimum of years is no ceiling; with a title word the range covers both
    five = posting_level(None, [5.0])
    assert (five.low, five.high) == (2, 5)
    both = posting_level("Social Media Coordinator", [6.0])
    assert (both.low, both.high) == (1, 3)


def test_level_fit_shape() -> None:
    lows = np.array([0, 1, 2, 4, -1], dtype=np.int8)
    highs = np.array([0, 1, 2, 4, -1], dtype=np.int8)
    # a posting at level 3 against candidates at 0, 1, 2, 4 and unknown
    assert level_fit(3, 3, lows, highs).tolist() == [0.0, 0.5, 1.0, 1.0, 1.0]
    assert level_sentence(LevelReading(3, 3, "x"), None) is None
    # candidates for a posting: only those below it count
    assert level_fit(1, 1, lows, highs, over=False).tolist() == [1.0, 1.0, 1.0, 1.0, 1.0]
    assert level_fit(4, 4, lows, highs, over=False).tolist() == [0.0, 0.0, 0.5, 1.0, 1.0]
    assert level_sentence(LevelReading(0, 0, "x"), LevelReading(4, 4, "y"), over=False) is None


def test_level_rank_job_never_marks_down_the_over_qualified(senior, junior) -> None:
    """rank --job: an internship posting ranks a senior candidate as it would without the
    level component (over-qualification is an age proxy), and says nothing of it."""
    job = _posting("Social Media Intern", "intern")
    on = rank_candidates(job, [junior, senior], params=MatchParams(as_of=AS_OF, w_level=0.05))
    off = rank_candidates(job, [junior, senior], params=MatchParams(as_of=AS_OF, w_level=0.0))
    assert [(r.id, r.score) for r in on.results] == [(r.id, r.score) for r in off.results]
    assert all(r.components["level"] == 1.0 and r.level is None for r in on.results)


def test_level_is_named_but_weighs_nothing_by_default(senior) -> None:
    """No labelled data supports a weight: by default the mismatch is said, not scored."""
    jobs = [_posting("Social Media Intern", "intern"), _posting("Senior Social Media Manager", "senior")]
    assert MatchParams().w_level == 0.0
    got = {r.id: r for r in rank_jobs(senior, jobs, params=MatchParams(as_of=AS_OF)).results}
    on = {r.id: r.score for r in rank_jobs(senior, jobs, params=MatchParams(as_of=AS_OF, w_level=0.05)).results}
    assert got["intern"].score == pytest.approx(on["intern"] + 0.05, abs=1e-6)
    assert got["senior"].score == pytest.approx(on["senior"], abs=1e-6)
    assert got["intern"].components["level"] == 0.0
    assert got["intern"].level.startswith("far over-qualified (3 levels apart)")


def test_level_internship_ranks_below_a_matching_senior_role(senior) -> None:
    """rank --candidate with --weights level=0.05: the same posting under two titles; the
    internship loses w_level (level 0) and says why, the senior role loses nothing."""
    jobs = [_posting("Social Media Intern", "intern"), _posting("Senior Social Media Manager", "senior")]
    ranking = rank_jobs(senior, jobs, params=MatchParams(as_of=AS_OF, w_level=0.05))
    first, second = ranking.results
    assert (first.id, second.id) == ("senior", "intern")
    assert first.components["level"] == 1.0 and first.level is None
    assert second.components["level"] == 0.0
    assert second.level.startswith("far over-qualified (3 levels apart): the posting is intern level")
    assert "8.5 years of dated experience" in second.level
    # the mark-down is the penalty and nothing else: w_level (0.05) times (1 - level)
    off = rank_jobs(senior, jobs, params=MatchParams(as_of=AS_OF, w_level=0.0))
    scores = {r.id: r.score for r in off.results}
    assert second.score == pytest.approx(scores["intern"] - 0.05, abs=1e-6)
    assert first.score == pytest.approx(scores["senior"], abs=1e-6)


def test_level_senior_posting_marks_down_a_one_year_candidate(senior, junior) -> None:
    """rank --job: a senior posting for a one-year coordinator is two levels up: level 0.5,
    named as under-qualified; the senior candidate loses nothing."""
    job = _posting("Senior Social Media Specialist", "job")
    on = rank_candidates(job, [junior, senior], params=MatchParams(as_of=AS_OF, w_level=0.05))
    off = rank_candidates(job, [junior, senior], params=MatchParams(as_of=AS_OF, w_level=0.0))
    got = {r.id: r for r in on.results}
    before = {r.id: r.score for r in off.results}
    assert got["junior"].components["level"] == 0.5
    assert got["junior"].level.startswith("far under-qualified (2 levels apart): the posting is "
                                          'senior level ("senior" in its title)')
    assert "years of dated experience" in got["junior"].level
    assert got["junior"].score == pytest.approx(before["junior"] - 0.05 * 0.5, abs=1e-6)
    sid = senior.id
    assert got[sid].components["level"] == 1.0 and got[sid].level is None
    assert got[sid].score == pytest.approx(before[sid], abs=1e-6)


def test_level_posting_without_level_words_changes_nothing(senior, junior) -> None:
    job = _posting("Social Media Specialist", "plain")
    on = rank_candidates(job, [junior, senior], params=MatchParams(as_of=AS_OF, w_level=0.05))
    off = rank_candidates(job, [junior, senior], params=MatchParams(as_of=AS_OF, w_level=0.0))
    assert [(r.id, r.score) for r in on.results] == [(r.id, r.score) for r in off.results]
    assert all(r.components["level"] == 1.0 and r.level is None for r in on.results)


def test_level_counterfactuals_stay_exact(params, demo_posting, synthetic_pool) -> None:
    """With levels in play, a counterfactual's promised rank is the re-indexed one."""
    pool, _ = synthetic_pool
    rng = random.Random(5)
    pool = [dataclasses.replace(d, level=LevelReading(lv, lv, f"level {lv}"))
            for d, lv in zip(pool, (rng.randint(0, 4) for _ in pool))]
    job = dataclasses.replace(demo_posting, level=LevelReading(3, 3, "is senior level"))
    strong = dataclasses.replace(params, w_level=0.2)
    m = Matcher(strong).fit([job, *pool])
    ranking = m.rank(job, m.index(pool), top=len(pool))
    checked = 0
    for _res, cf, pos in reranked(m, job, pool, ranking):
        assert pos.rank == cf.rank_to and abs(pos.score - cf.score_to) < 1e-9
        checked += 1
    assert checked >= 3
    assert any(r.components["level"] < 1 for r in ranking.results)


def test_level_saved_index_keeps_levels(tmp_path, senior, junior) -> None:
    job = _posting("Senior Social Media Specialist", "job")
    m = Matcher(MatchParams(as_of=AS_OF)).fit([job, junior, senior])
    idx = m.index([junior, senior])
    want = m.rank(job, idx)
    save_index(m, idx, tmp_path / "ix")
    m2, idx2 = load_index(tmp_path / "ix")
    got = m2.rank(job, idx2)
    assert got.to_dict() == want.to_dict()
    assert any(r.level for r in got.results)
