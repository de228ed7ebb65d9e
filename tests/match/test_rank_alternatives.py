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
