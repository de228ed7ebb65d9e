"""A posting's example list ("tools such as Hootsuite, Buffer or Sprout Social") is one
requirement that any member satisfies, in ranking as in assessment (issue #13)."""

from __future__ import annotations

from skillmix.extract import get_extractor
from skillmix.io import read_document
from skillmix.match import posting_features, rank_candidates

JOB = ("Social Media Coordinator\nRequirements:\n"
       "- Experience with scheduling tools such as Hootsuite, Buffer or Sprout Social.\n"
       "- Strong copywriting.\n")
BUFFER = "Experience\nSocial Media Assistant, Acme, 2020 - Present\n- Scheduled posts in Buffer.\n"
HOOTSUITE = "Experience\nSocial Media Assistant, Acme, 2020 - Present\n- Scheduled posts in Hootsuite.\n"
NEITHER = "Experience\nSocial Media Assistant, Acme, 2020 - Present\n- Scheduled posts.\n"


def _doc(text: str, name: str, kind: str):
    return read_document(text.encode(), name=name, kind=kind)


def test_rank_alternatives_are_one_demand():
    job = _doc(JOB, "job.txt", "posting")
    feats = posting_features(get_extractor("builtin").extract(job), job)
    demanded = {f.skill_id for f in feats.skills}
    first, others = next(iter(feats.alternatives.items()))
    assert first in demanded and not set(others) & demanded
    assert {first, *others} == {"hootsuite", "buffer", "sprout-social"}


def test_rank_alternatives_any_member_satisfies():
    job = _doc(JOB, "job.txt", "posting")
    docs = [_doc(BUFFER, "buffer.txt", "resume"), _doc(HOOTSUITE, "hootsuite.txt", "resume"),
            _doc(NEITHER, "neither.txt", "resume")]
    ranking = rank_candidates(job, docs, explain=False)
    skill = {r.id: r.components["skill"] for r in ranking.results}
    b, h, n = (skill[d.id] for d in docs)
    assert b == h > n


def test_rank_alternatives_explained_as_the_member_the_candidate_has():
    job = _doc(JOB, "job.txt", "posting")
    docs = [_doc(BUFFER, "buffer.txt", "resume"), _doc(NEITHER, "neither.txt", "resume")]
    ranking = rank_candidates(job, docs, explain=True)
    by_id = {r.id: r for r in ranking.results}
    met = {s.skill_id: s for s in by_id[docs[0].id].skills}
    assert met["hootsuite"].kind == "alternative" and met["hootsuite"].via == "buffer"
    assert met["hootsuite"].candidate_evidence.surface == "Buffer"
    assert "hootsuite" not in by_id[docs[0].id].missing_required
    assert "hootsuite" in by_id[docs[1].id].missing_required
    assert {s.skill_id: s.kind for s in by_id[docs[1].id].skills}["hootsuite"] == "missing"


def test_rank_alternatives_any_member_satisfies_jobs_for_a_candidate(tmp_path):
    """Ranking jobs for one candidate honours the whole group too, also from a saved index."""
    from skillmix.match import Matcher, load_index, save_index
    from skillmix.match.features import resume_features

    other = ("Social Media Coordinator\nRequirements:\n"
             "- Experience with scheduling tools: Hootsuite.\n- Strong copywriting.\n")
    jobs = [_doc(JOB, "examples.txt", "posting"), _doc(other, "hootsuite-only.txt", "posting")]
    ex = get_extractor("builtin")
    feats = [posting_features(ex.extract(j), j) for j in jobs]
    cand_doc = _doc(BUFFER, "buffer.txt", "resume")
    cand = resume_features(ex.extract(cand_doc), cand_doc)
    m = Matcher().fit([*feats, cand])
    idx = m.index(feats)
    for matcher, index in ((m, idx), load_index(save_index(m, idx, tmp_path / "jobs"))):
        ranking = matcher.rank(cand, index, top=2)
        skill = {r.id: r.components["skill"] for r in ranking.results}
        assert skill[feats[0].id] > skill[feats[1].id]
        first = next(r for r in ranking.results if r.id == feats[0].id)
        assert {s.skill_id: s.kind for s in first.skills}["hootsuite"] == "alternative"


def test_score_all_gives_the_ranking_scores_in_both_directions():
    """Evaluation scores a whole pool with ``score_all``: the same numbers as a ranking."""
    from skillmix.match import Matcher
    from skillmix.match.features import resume_features
    from skillmix.match.rank import score_all

    ex = get_extractor("builtin")
    job_doc = _doc(JOB, "job.txt", "posting")
    job = posting_features(ex.extract(job_doc), job_doc)
    cands = [resume_features(ex.extract(d), d) for d in
             (_doc(BUFFER, "b.txt", "resume"), _doc(NEITHER, "n.txt", "resume"))]
    m = Matcher().fit([job, *cands])
    for query, pool in ((job, cands), (cands[0], [job])):
        idx = m.index(pool)
        ranking = m.rank(query, idx, top=len(pool), explain=False)
        _, scores = score_all(m, query, idx)
        for r in ranking.results:
            assert abs(r.score - scores[idx.position(r.id)]) < 1e-5
