"""``Match.matched`` lists each piece of candidate evidence once: a skill met exactly and a
second demand met through it as a neighbour ("social media marketing" via "social media
management") showed the same span twice in the rank JSON."""

from __future__ import annotations

from skillmix.extract import as_document
from skillmix.match import rank_candidates

JOB = ("Social Media Manager\nRequirements\n- Social media management and social media "
       "strategy experience\n- Community management\n- Social media marketing\n")
RESUME = ("Alex Doe\n\nEXPERIENCE\n\nSocial Media Manager, Acme Corp    Jan 2019 - Dec 2023\n"
          "- Led social media management for five consumer brands.\n")


def test_rank_matched_lists_each_span_once() -> None:
    ranking = rank_candidates(as_document(JOB, "posting"), [as_document(RESUME, "resume")])
    (m,) = ranking.results
    via = [s for s in m.skills if s.candidate_evidence is not None and s.kind != "missing"]
    spans = [(e.skill_id, e.start, e.end) for e in m.matched]
    assert len(via) > len(spans), "the example should meet two demands with one span"
    assert len(spans) == len(set(spans))
    smm = [e for e in m.matched if e.skill_id == "social-media-management"]
    assert len(smm) == 1 and "related to" not in smm[0].note  # the exact match's note
