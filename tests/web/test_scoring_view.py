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
