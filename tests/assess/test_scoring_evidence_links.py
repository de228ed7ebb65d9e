"""Every point of a scorecard maps to a span of the résumé, and the points add up."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmix.assess import assess, assess_many


def _check_card(card, text):
    assert sum(p.points for p in card.points) == pytest.approx(card.fit, abs=0.05)
    assert sum(a.points for a in card.areas) == pytest.approx(card.fit, abs=0.05)
    for p in card.points:
        assert p.points > 0
        assert p.evidence, f"point without evidence: {p}"
        for e in p.evidence:
            assert 0 <= e.start < e.end <= len(text)
            assert text[e.start:e.end] == e.surface
            assert e.document_id == card.document_id
        if p.kind == "breadth":
            assert p.skill_id
        else:
            assert p.role is not None
    for f in card.red_flags:
        for e in f.evidence:
            assert text[e.start:e.end] == e.surface


def test_scoring_points_map_to_spans_demo(demo_resume, today):
    card = assess(demo_resume, today=today)
    assert card.fit > 40
    _check_card(card, demo_resume.text)
    assert {p.kind for p in card.points} == {"breadth", "depth"}


def test_scoring_points_map_to_spans_real_resumes(real_resumes, extractor, today):
    pairs = [(extractor.extract(d), d) for d in real_resumes]
    cards = assess_many(pairs, today=today)
    assert len(cards) == len(real_resumes)
    assert any(c.fit > 0 for c in cards)
    for card, doc in zip(cards, real_resumes):
        _check_card(card, doc.text)


def test_scoring_depth_points_quote_the_role(demo_resume, today):
    card = assess(demo_resume, today=today)
    depth = [p for p in card.points if p.kind == "depth"]
    assert depth
    for p in depth:
        role = demo_resume.roles[p.role]
        head = p.evidence[0]
        assert head.start == role.span_start
        assert "months" in head.note


def test_scoring_many_matches_one_by_one(real_resumes, extractor, today):
    pairs = [(extractor.extract(d), d) for d in real_resumes[:6]]
    many = assess_many(pairs, "social-media-manager", today=today)
    for (ext, doc), card in zip(pairs, many):
        one = assess(ext, "social-media-manager", document=doc, today=today)
        assert one.fit == card.fit
        assert one.to_dict() == card.to_dict()


def test_scoring_edge_cases(demo_resume, today):
    from skillmix.assess import load_profile, parse_profile, score_many
    from skillmix.batch import BatchReport

    # nothing to score is not an error
    assert assess_many([], today=today) == []
    assert len(score_many([], "community-manager")) == 0
    # a tolerance that covers every mix never costs anything
    raw = load_profile().to_dict()
    raw["balance"].update(target=0.5, tolerance=0.5)
    card = assess(demo_resume, parse_profile(raw), today=today)
    assert card.balance.factor == 1.0
    # a path given as a string is read as a file; a missing one follows the batch policy
    by_path = assess(demo_resume.source, today=today)
    assert by_path.fit == assess(demo_resume, today=today).fit
    report = BatchReport()
    cards = assess_many([demo_resume, Path("/no/such/resume.pdf")], today=today, report=report)
    assert len(cards) == 1
    assert (report.done, report.failed) == (1, 1)
    assert report.failures[0].source == "/no/such/resume.pdf"


def test_breadth_evidence_says_how_likely_readers_credit_it(demo_resume, today):
    # the extractor's calibrated confidence travels to the card's notes, so an inferred duty
    # reads differently from a named skill
    card = assess(demo_resume, today=today)
    notes = [e.note for p in card.points if p.kind == "breadth" for e in p.evidence]
    assert notes and all("% likely credited" in n for n in notes)
    values = {int(n.rsplit(", ", 1)[1].split("%")[0]) for n in notes}
    assert len(values) > 1 and all(0 < v < 100 for v in values)
