""""Current" means current when the document was written (issue #13): current roles run to
the file's date, or to an old document's latest written date, never past ``today``."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from skillmix.assess import summarise
from skillmix.assess.evidence import STALE_AFTER_MONTHS, current_until
from skillmix.extract import as_document
from skillmix.io import read_document
from skillmix.io.dates import latest_written_date, parse_timestamp

TODAY = date(2026, 11, 1)

RESUME = """EXPERIENCE
Social Media Manager, Acme    Jan 2010 - Current
- Managed social media accounts and grew followers.
Marketing Assistant, Beta    Jun 2007 - Dec 2009
- Created content for the blog.
CERTIFICATIONS
Google Analytics certified, March 2014
"""


def test_timestamps_and_latest_dates():
    assert parse_timestamp("D:20210808154956+05'30'") == date(2021, 8, 8)
    assert parse_timestamp("2019-03-02T10:00:00Z") == date(2019, 3, 2)
    assert parse_timestamp(datetime(2020, 5, 6, tzinfo=timezone.utc)) == date(2020, 5, 6)
    assert parse_timestamp("not a date") is None and parse_timestamp(None) is None
    # lone years are products as often as dates: Windows Server 2019 dates nothing
    assert latest_written_date("Jan 2010 - Current\nWindows Server 2019\nMay 2012") == date(2012, 5, 1)
    assert latest_written_date("no dates here") is None


def _doc(text: str, **meta):
    doc = as_document(text, "resume")
    return doc.replace(metadata={**doc.metadata, **meta})


def test_old_text_runs_current_roles_to_its_latest_date(extractor):
    doc = _doc(RESUME)
    assert doc.roles and doc.roles[0].current
    until, why = current_until(doc, TODAY)
    assert (until, why) == (date(2014, 3, 1), "latest date in the text")
    ev = summarise(extractor.extract(doc), doc, today=TODAY)
    # Jan 2010 .. Mar 2014 inclusive, not to November 2026
    assert ev.roles[0].months == 51
    assert ev.current_until == date(2014, 3, 1)
    assert ev.skills["social-media-management"].recency_months == 12 * 12 + 8


def test_file_date_wins_unless_its_text_is_later(extractor):
    doc = _doc(RESUME, written="2016-06-30")
    assert current_until(doc, TODAY) == (date(2016, 6, 30), "file's date")
    # a template's stamp older than the text's own dates is not the writing date
    stale = _doc(RESUME, written="2013-12-23")
    assert current_until(stale, TODAY) == (date(2014, 3, 1), "latest date in the text")
    # a file date in the future is capped at today
    assert current_until(_doc(RESUME, written="2030-01-01"), TODAY) == (TODAY, "file's date")


def test_fresh_or_undated_documents_keep_today(extractor):
    # the only date after nothing: "Jan 2021 - Present" may have been written yesterday
    doc = _doc("EXPERIENCE\nSEO Lead, Acme    Jan 2021 - Present\n- Ran SEO audits.\n")
    assert current_until(doc, TODAY) == (TODAY, "today")
    ev = summarise(extractor.extract(doc), doc, today=TODAY)
    assert ev.roles[0].months == 71 and ev.current_until is None
    # a later date within STALE_AFTER_MONTHS of today: a fresh résumé, still today
    recent = date(TODAY.year - 1, TODAY.month, 1)
    text = f"EXPERIENCE\nSEO Lead, Acme    Jan 2021 - Present\nCertified {recent:%B %Y}\n"
    assert STALE_AFTER_MONTHS > 12
    assert current_until(_doc(text), TODAY) == (TODAY, "today")


def test_docx_and_json_resume_carry_their_written_date(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Social Media Manager, Acme    Jan 2010 - Current")
    d.core_properties.modified = datetime(2015, 2, 3, tzinfo=timezone.utc)
    d.save(tmp_path / "cv.docx")
    assert read_document(tmp_path / "cv.docx", kind="resume", sandbox=False).metadata["written"] == "2015-02-03"
    # python-docx's blank template stamp is no date
    blank = docx.Document()
    blank.add_paragraph("hello")
    blank.save(tmp_path / "blank.docx")
    assert "written" not in read_document(tmp_path / "blank.docx", sandbox=False).metadata
    (tmp_path / "cv.json").write_text(
        '{"basics": {"name": "A"}, "work": [{"name": "Acme", "position": "SEO Lead", '
        '"startDate": "2012-01"}], "meta": {"lastModified": "2016-04-05T10:00:00"}}')
    assert read_document(tmp_path / "cv.json", sandbox=False).metadata["written"] == "2016-04-05"


def test_livecareer_pdf_current_role_ends_at_its_file_date(shared_data, extractor):
    """A real LiveCareer PDF made in August 2021: its "Current" role is not run to 2026."""
    root = shared_data / "resumes" / "livecareer"
    for path in sorted(root.glob("DIGITAL-MEDIA/*.pdf")):
        doc = read_document(path, kind="resume", sandbox=False)
        if any(r.current and r.start for r in doc.roles):
            break
    else:
        pytest.skip("no LiveCareer résumé with a current role")
    assert doc.metadata["written"] == "2021-08-08"
    ev = summarise(extractor.extract(doc), doc, today=TODAY)
    assert ev.current_until == date(2021, 8, 8) and ev.current_basis == "file's date"
    role = next(r for r in ev.roles if r.current and r.start)
    assert role.last_day(TODAY) <= date(2021, 8, 8) or role.start > date(2021, 8, 8)
