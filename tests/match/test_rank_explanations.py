"""Explanations are pinned to evidence: every quoted span is the skill's words in the right
document, missing skills really are absent, and consumer familiarity never counts."""

from __future__ import annotations

from skillmix.extract import get_extractor
from skillmix.io import read_document
from skillmix.match import Matcher, rank_candidates, rank_jobs

from .conftest import AS_OF, DEMO


def _ranking(params, demo_posting, demo_resumes):
    m = Matcher(params).fit([demo_posting, *demo_resumes])
    return m, m.rank(demo_posting, m.index(demo_resumes), top=5)


def test_rank_explanations_quote_both_documents(params, demo_posting, demo_resumes):
    _, ranking = _ranking(params, demo_posting, demo_resumes)
    texts = {d.id: d.text for d in [demo_posting, *demo_resumes]}
    assert ranking.results
    for res in ranking.results:
        assert res.skills, "every result explains the job's skills"
        for sm in res.skills:
            je = sm.job_evidence
            assert je is not None and je.document_id == demo_posting.id
            assert texts[je.document_id][je.start:je.end] == je.surface
            assert je.surface and je.surface in je.sentence
            ce = sm.candidate_evidence
            if sm.kind == "exact":
                assert ce.document_id == res.id and ce.skill_id == sm.skill_id
                assert texts[res.id][ce.start:ce.end] == ce.surface
                assert sm.credit > 0
            elif sm.kind == "neighbour":
                assert ce.skill_id == sm.via != sm.skill_id
                assert 0 < sm.credit < 1
                # the note names the skill the job asks for, not only the one shown
                assert sm.label in ce.note
            else:
                assert sm.credit == 0
        for ev in res.matched:
            assert ev.document_id == res.id
            assert texts[res.id][ev.start:ev.end] == ev.surface


def test_rank_missing_required_are_absent_from_the_resume(params, demo_posting, demo_resumes):
    _, ranking = _ranking(params, demo_posting, demo_resumes)
    required = {f.skill_id for f in demo_posting.skills if f.level == "required"}
    for res in ranking.results:
        cand = next(d for d in demo_resumes if d.id == res.id)
        counting = {f.skill_id for f in cand.skills if f.level != "consumer"}
        assert set(res.missing_required) <= required
        assert not set(res.missing_required) & counting
        exact = {s.skill_id for s in res.skills if s.kind == "exact"}
        assert exact == (counting & {f.skill_id for f in demo_posting.skills})


def test_rank_consumer_familiarity_does_not_count(params):
    text_job = ("Social Media Manager\nRequirements:\n- 3+ years of experience running "
                "Instagram and TikTok accounts for brands.\n")
    pro = "Experience\nSocial Media Manager, Acme, 2019 - Present\n- Managed the brand's Instagram and TikTok accounts.\n"
    job = read_document(text_job.encode(), name="job.txt", kind="posting")
    docs = [read_document(pro.encode(), name="pro.txt", kind="resume"),
            read_document(DEMO / "consumer_resume.txt", kind="resume")]
    ex = get_extractor("builtin").extract(docs[1])
    platforms = [m for m in ex.mentions if m.area == "platforms"]
    assert platforms and all(m.usage == "consumer" for m in platforms)
    ranking = rank_candidates(job, docs, params=params)
    by_src = {r.id: r for r in ranking.results}
    fan_res = by_src[docs[1].id]
    assert fan_res.components["skill"] == 0.0
    assert not fan_res.matched
    assert any(s.candidate_evidence is not None and "consumer" in s.candidate_evidence.note
               for s in fan_res.skills)
    assert ranking.results[0].id == docs[0].id


def test_rank_parameters_are_recorded(params, demo_posting, demo_resumes):
    _, ranking = _ranking(params, demo_posting, demo_resumes)
    p = ranking.parameters
    for key in ("w_skill", "w_area", "w_years", "w_text", "neighbour_credit", "formula",
                "as_of", "fitted_on_documents", "pool"):
        assert key in p
    assert p["as_of"] == AS_OF.isoformat()
    assert ranking.taxonomy == "builtin" and ranking.taxonomy_version


def test_rank_jobs_for_candidate_end_to_end():
    resume = read_document(DEMO / "resume.txt", kind="resume")
    post = read_document(DEMO / "posting.html", kind="posting")
    other = read_document(b"Head Chef\nRequirements:\n- Menu planning and kitchen management.\n",
                          name="chef.txt", kind="posting")
    ranking = rank_jobs(resume, [other, post])
    assert ranking.direction == "jobs-for-candidate"
    assert [r.id for r in ranking.results][0] == post.id
