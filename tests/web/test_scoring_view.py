"""What the scorecard page lists as each area's evidence."""

from __future__ import annotations

import dataclasses

from skillmix.assess import assess
from skillmix.io import read_document
from skillmix.web.scoring_view import area_evidence

TEXT = ("Experience\nMarketing Manager, Acme Corp, 2019 - 2022\n"
        "- Planned and ran paid social and email marketing campaigns for twelve brands.\n")


def test_each_sentence_shows_once_per_area() -> None:
    doc = read_document(TEXT.encode(), name="cv.txt", kind="resume")
    card = assess(doc)
    # two points quoting one sentence with one note (as the trial's card had)
    twice = dataclasses.replace(card, points=(*card.points, card.points[0]))
    shown = area_evidence(twice)
    for area, items in shown.items():
        keys = [(e["sentence"] or e["surface"], e["note"]) for e in items]
        assert len(keys) == len(set(keys)), area
    assert sum(map(len, shown.values())) == sum(map(len, area_evidence(card).values()))


RANK_JOB = ("Social Media Manager\nRequirements\n- Social media management and social media "
            "strategy experience\n- Community management\n- Social media marketing\n- TikTok\n")
RANK_CV = ("Alex Doe\n\nEXPERIENCE\n\nSocial Media Manager, Acme Corp    Jan 2019 - Dec 2023\n"
           "- Led social media management for five consumer brands.\n")


def test_ranking_rows_name_skills_by_label() -> None:
    """The ranking page's "Why" bullets name the skill, each span once, and "Missing
    required" and "Transferable" read labels, not ids (a new-user trial)."""
    from skillmix.extract import as_document
    from skillmix.match import rank_candidates
    from skillmix.store import StoredResult
    from skillmix.web.scoring_view import ranking_rows

    ranking = rank_candidates(as_document(RANK_JOB, "posting"),
                              [as_document(RANK_CV, "resume")])
    res = StoredResult(id="rank_x", kind="ranking", subject="", target="",
                       data={"ranking": ranking.to_dict()})
    (row,) = ranking_rows(None, res)  # type: ignore[arg-type]  # no candidate: no look-up
    assert row.matched
    for e in row.matched:
        assert e["label"].lower() in e["note"].lower(), e["note"]
    spans = [(e["skill_id"], e["start"], e["end"]) for e in row.matched]
    assert len(spans) == len(set(spans))
    assert row.missing and all("-" not in s for s in row.missing), row.missing
    assert "TikTok" in row.missing
    for a, b in row.transferable:
        assert "-" not in a and "-" not in b
