"""Blind mode hides identity only: a masked résumé counts its "Current" roles to the same day
as the original, so its years, recency and fit are the ones the open résumé gets.

Before, the masked copy lost the PDF's written date (metadata) and the graduation date its
text wrote last (a masked year), and a "to Current" role ran to another day: 5.1 years
blind and 16.5 open for the same LiveCareer PDF in the web trial."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from skillmix.assess import assess, load_profile
from skillmix.assess.evidence import BLIND_BASIS, current_until, summarise
from skillmix.extract import as_document, get_extractor
from skillmix.fairness import redact
from skillmix.io import read_document
from skillmix.records import Document

TODAY = date(2026, 12, 6)

#: the latest date the text writes is a graduation month, which blind mode masks
RESUME = (Path(__file__).parents[1] / "data" / "fairness" / "current_role_graduation.txt").read_text("utf-8")


def _same_scores(doc: Document) -> tuple[object, object]:
    """The open and blind evidence and scorecards of ``doc`` must agree on every number."""
    ext = get_extractor("builtin")
    blind = redact(doc).document
    ev_open = summarise(ext.extract(doc), doc, today=TODAY)
    ev_blind = summarise(ext.extract(blind), blind, today=TODAY)
    # the same day; its basis is marked, so the blind scorecard prints no date (the review:
    # a masked graduation date showed through the role's note)
    assert ev_blind.current_until == ev_open.current_until
    assert ev_blind.current_basis == BLIND_BASIS + ev_open.current_basis
    assert ev_blind.total_years == ev_open.total_years
    years = {s: (e.years, e.last_used, e.recency_months) for s, e in ev_open.skills.items()}
    assert {s: (e.years, e.last_used, e.recency_months)
            for s, e in ev_blind.skills.items()} == years
    profile = load_profile("social-media-manager")
    card_open = assess((ext.extract(doc), doc), profile, today=TODAY)
    card_blind = assess((ext.extract(blind), blind), profile, today=TODAY)
    assert card_blind.fit == card_open.fit
    if ev_open.current_until is not None:
        notes = " ".join(e.note for p in card_blind.points for e in p.evidence)
        assert f"{ev_open.current_until:%Y-%m}" not in notes.replace("to present", "")
        assert "not shown in blind mode" in notes
    assert card_blind.total_years == card_open.total_years
    assert [(d.skill_id, d.years, d.recency_months) for d in card_blind.depth] == \
        [(d.skill_id, d.years, d.recency_months) for d in card_open.depth]
    return ev_open, blind


def test_redact_written_on_masked_graduation_date_keeps_the_years() -> None:
    doc = as_document(RESUME, "resume")
    ev, blind = _same_scores(doc)
    assert ev.current_until == date(2015, 5, 1)  # type: ignore[attr-defined]
    assert "May 2015" not in blind.text  # type: ignore[attr-defined]
    # one resolved date travels, not the raw metadata
    assert blind.metadata == {"written_on": {"day": "2015-05-01",  # type: ignore[attr-defined]
                                             "basis": "latest date in the text"}}


def test_redact_written_on_docx_file_date(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.core_properties.author = "Robin Example"
    d.core_properties.created = d.core_properties.modified = datetime(2016, 6, 20, 9, 30)
    for line in RESUME.replace("MBA, Marketing, Lakeside University, May 2015\n", "").splitlines():
        d.add_paragraph(line)
    path = tmp_path / "resume.docx"
    d.save(str(path))
    doc = read_document(path)
    assert current_until(doc, TODAY) == (date(2016, 6, 20), "file's date")
    ev, blind = _same_scores(doc)
    meta = blind.metadata  # type: ignore[attr-defined]
    assert "written" not in meta and not any("author" in k for k in meta)
    assert meta["written_on"] == {"day": "2016-06-20", "basis": "file's date"}


def test_redact_written_on_nothing_kept_without_a_current_role() -> None:
    doc = as_document(RESUME.replace("Jan 2012 - Current", "Jan 2012 - Mar 2014"), "resume")
    assert "written_on" not in redact(doc).document.metadata


def test_redact_written_on_livecareer_pdf(shared_data: Path) -> None:
    root = shared_data / "resumes" / "livecareer"
    paths = [root / "SALES" / "10138632.pdf", root / "DIGITAL-MEDIA" / "11270462.pdf"]
    if not all(p.is_file() for p in paths):
        pytest.skip("the LiveCareer résumés are not in shared data")
    for path in paths:
        doc = read_document(path)
        assert any(r.current for r in doc.roles)
        ev, blind = _same_scores(doc)
        assert ev.current_basis == "file's date"  # type: ignore[attr-defined]
        assert "written" not in blind.metadata  # type: ignore[attr-defined]
