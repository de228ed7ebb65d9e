"""The occupation component: off by default; when on, months in the posting's occupation
rank a candidate up, in both directions, with a sentence that says why."""

from __future__ import annotations

import dataclasses

import pytest

from skillmix.errors import ConfigError
from skillmix.io import read_document
from skillmix.match import Matcher, MatchParams, to_match_document
from skillmix.match.rank import score_all

from .conftest import AS_OF, DEMO


def _twins(demo_posting, demo_resumes):
    """Two résumés with the same skills and text, one a marketer, one a nurse."""
    base = demo_resumes[0]
    marketer = dataclasses.replace(base, id="marketer", occupations={"13-1161": 30.0, "11-2021": 12.0})
    nurse = dataclasses.replace(base, id="nurse", occupations={"29-1141": 42.0})
    posting = dataclasses.replace(demo_posting, occupations={"13-1161": 1.0})
    return posting, [nurse, marketer]


def test_occupation_component_off_by_default(params, demo_posting, demo_resumes) -> None:
    posting, pool = _twins(demo_posting, demo_resumes)
    m = Matcher(params).fit([posting, *pool])
    ranking = m.rank(posting, m.index(pool))
    assert params.w_occupation == 0.0
    for r in ranking.results:
        assert "occupation" not in r.components and r.occupation is None
    # twins score the same without it: ties keep pool order
    assert [r.id for r in ranking.results] == ["nurse", "marketer"]
    assert ranking.results[0].score == ranking.results[1].score


def test_occupation_component_ranks_by_history_and_explains(demo_posting, demo_resumes) -> None:
    posting, pool = _twins(demo_posting, demo_resumes)
    params = MatchParams(as_of=AS_OF, w_occupation=0.3)
    m = Matcher(params).fit([posting, *pool])
    idx = m.index(pool)
    ranking = m.rank(posting, idx)
    first, second = ranking.results
    assert first.id == "marketer"
    # 30 months in the occupation + half of 12 in its major group (11 is another group: 0)
    assert first.components["occupation"] == pytest.approx(30 / 42)
    assert second.components["occupation"] == 0.0
    assert first.score - second.score == pytest.approx(0.3 * 30 / 42, abs=1e-5)  # scores are rounded
    assert "30 of 42 months as Market Research Analysts and Marketing Specialists" in first.occupation
    assert "occupation 0.71" in first.occupation
    assert "0 of 42 months" in second.occupation
    # the pool scorer used by evaluation adds the same component
    comps, scores = score_all(m, posting, idx)
    assert list(comps.occupation) == pytest.approx([0.0, 30 / 42])
    assert scores[1] - scores[0] == pytest.approx(0.3 * 30 / 42)
    assert "w_occupation*occupation" in ranking.parameters["formula"]


def test_occupation_component_counts_the_major_group_and_ranks_jobs(demo_posting, demo_resumes) -> None:
    resume = dataclasses.replace(demo_resumes[0], occupations={"13-1111": 20.0, "13-1161": 20.0})
    jobs = [dataclasses.replace(demo_posting, id="nursing", occupations={"29-1141": 1.0}),
            dataclasses.replace(demo_posting, id="analyst", occupations={"13-1111": 1.0})]
    params = MatchParams(as_of=AS_OF, w_occupation=0.5, occupation_major_credit=0.5)
    m = Matcher(params).fit([resume, *jobs])
    ranking = m.rank(resume, m.index(jobs))
    assert [r.id for r in ranking.results] == ["analyst", "nursing"]
    assert ranking.results[0].components["occupation"] == pytest.approx((20 + 0.5 * 20) / 40)
    assert "20 months in the same occupation group" in ranking.results[0].occupation


def test_occupation_weights_are_checked() -> None:
    with pytest.raises(ConfigError):
        MatchParams(occupation_major_credit=1.5)
    assert MatchParams.parse_weights("occupation=0.2").w_occupation == 0.2


def test_to_match_document_reads_role_history_as_occupations() -> None:
    resume = to_match_document(read_document(DEMO / "resume.txt", kind="resume"), today=AS_OF,
                               occupations=True)
    assert resume.occupations.get("13-1161", 0) > 0 and all(v > 0 for v in resume.occupations.values())
    posting = to_match_document(read_document(DEMO / "posting.html", kind="posting"), today=AS_OF,
                                occupations=True)
    assert len(posting.occupations) == 1
    plain = to_match_document(read_document(DEMO / "resume.txt", kind="resume"), today=AS_OF)
    assert plain.occupations == {}
