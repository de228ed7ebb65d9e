"""``scale_notes``: what a ranking's text and years components are measured against."""

from __future__ import annotations

from skillmix.match import MatchDocument, SkillFeature, scale_notes
from skillmix.records import Ranking


def _posting(years: float) -> MatchDocument:
    return MatchDocument(id="p", kind="posting", text="x",
                         skills=(SkillFeature("seo", "required", years=years),))


def test_rank_scale_notes_name_the_pool_and_the_years_asked() -> None:
    one = Ranking(query_id="p", direction="candidates-for-job", results=(),
                  parameters={"pool": 1})
    notes = scale_notes(one, _posting(0.0))
    assert "relative to this pool of 1" in notes["text"] and "alone" in notes["text"]
    assert "asks no years" in notes["years"]
    many = Ranking(query_id="p", direction="candidates-for-job", results=(),
                   parameters={"pool": 12})
    notes = scale_notes(many, _posting(3.0))
    assert "pool of 12" in notes["text"] and "alone" not in notes["text"]
    assert notes["years"].startswith("the share of the years the posting asks")
