"""``Extraction.kept``: what ``--min-confidence`` and ``--no-include-negated`` keep."""

from __future__ import annotations

from skillmix.records import Extraction, SkillMention


def _mention(skill: str, confidence: float = 1.0, **context: object) -> SkillMention:
    return SkillMention(skill_id=skill, label=skill, taxonomy="builtin", taxonomy_version="1",
                        start=0, end=1, surface=skill, sentence_start=0, sentence_end=1,
                        confidence=confidence, **context)  # type: ignore[arg-type]


EXTRACTION = Extraction(
    document_id="d", source="d.txt", kind="posting", taxonomy="builtin", taxonomy_version="1",
    extractor_version="1",
    mentions=(_mention("sql", 0.82), _mention("crm", 0.4), _mention("salesforce", negated=True),
              _mention("instagram", usage="consumer"), _mention("excel", usage="incidental")))


def test_records_kept_threshold_keeps_only_counting_mentions() -> None:
    assert [m.skill_id for m in EXTRACTION.kept(0.8)] == ["sql"]
    assert [m.skill_id for m in EXTRACTION.kept(0.3)] == ["sql", "crm"]


def test_records_kept_zero_keeps_every_mention_and_negation_is_separate() -> None:
    assert len(EXTRACTION.kept()) == 5
    assert "salesforce" not in {m.skill_id for m in EXTRACTION.kept(include_negated=False)}
    assert len(EXTRACTION.kept(include_negated=False)) == 4
