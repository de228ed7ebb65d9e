"""What the document page shows of an extraction: evidence per skill, with its confidence."""

from __future__ import annotations

from skillmix.extract import get_extractor
from skillmix.extract.confidence import shipped_table
from skillmix.io import read_document
from skillmix.web.highlight import evidence_by_skill, segments

TEXT = ("Experience\nMarketing Coordinator, Acme Corp, 2019 - 2022\n"
        "Ran SEO audits for twelve client sites.\nReduced printing costs by a third.\n"
        "Never used Tableau.\n")


def test_evidence_carries_the_credits_confidence() -> None:
    doc = read_document(TEXT.encode(), name="cv.txt", kind="resume")
    ext = get_extractor("builtin").extract(doc)
    views = {v.skill_id: v for v in evidence_by_skill(doc, ext)}
    assert views["budget-management"].confidence == shipped_table().value(
        "resume", "pattern/1", "budget-management")
    assert views["tableau"].counted is False and views["tableau"].confidence == 1.0
    tips = {s.mention.skill_id: s.tooltip for s in segments(doc, ext) if s.mention}
    assert "likely credited" in tips["budget-management"]
    assert "likely credited" not in tips["tableau"]


def test_a_company_self_description_says_why_it_does_not_count() -> None:
    """A QA trial: the posting page called a company's own description "negated or
    consumer-only" (its usage is incidental)."""
    text = "Social Media Manager\nAbout Us\nWe are a digital marketing agency.\n"
    doc = read_document(text.encode(), name="job.txt", kind="posting")
    ext = get_extractor("builtin").extract(doc)
    segs = [s for s in segments(doc, ext) if s.mention and s.mention.usage == "incidental"]
    assert segs, "the self-description is found and not counted"
    assert all("company describing itself" in s.tooltip and "state-consumer" in s.css
               for s in segs)
