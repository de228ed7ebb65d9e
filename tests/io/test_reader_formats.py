"""Each format reads into the same Document shape (fixtures in tests/data/io)."""

from __future__ import annotations

from datetime import date

import pytest

from skillmix.io import read_document
from skillmix.records import content_id


@pytest.fixture
def fixture(test_data):
    return lambda name: test_data / "io" / name


def test_reader_docx_paragraphs_tables_and_roles(fixture):
    path = fixture("resume.docx")
    doc = read_document(path, sandbox=False)
    assert doc.media_type.endswith("wordprocessingml.document")
    assert doc.id == content_id(path.read_bytes())
    assert doc.kind == "resume"
    assert "Platforms | TikTok, Instagram, YouTube, Discord" in doc.text
    assert "- Grew TikTok and Instagram audiences" in doc.text
    assert [s.kind for s in doc.sections] == ["contact", "summary", "experience", "skills", "education"]
    assert doc.text[doc.sections[0].start:doc.sections[0].end] == "Sam Rivera\nBrooklyn, NY | sam@example.org"
    assert [(r.title, r.employer, r.start, r.end, r.current) for r in doc.roles] == [
        ("Senior Social Media Strategist", "Brightline Media", date(2021, 3, 1), None, True),
        ("Community Manager", "Northwind Games", date(2017, 6, 1), date(2021, 2, 1), False),
    ]
    looker = doc.text.index("Looker Studio dashboards")
    assert doc.role_at(looker) == 0
    assert doc.section_at(looker).kind == "experience"


def test_reader_json_resume_roles_from_work(fixture):
    doc = read_document(fixture("resume.json"), sandbox=False)
    assert doc.kind == "resume" and doc.title == "Alex Chen"
    roles = doc.roles
    assert [(r.title, r.employer, r.start, r.end, r.current) for r in roles] == [
        ("Senior Software Engineer", "Loop Social", date(2021, 4, 1), None, True),
        ("Software Engineer", "Pixel Labs", date(2018, 7, 1), date(2021, 3, 1), False),
    ]
    kafka = doc.text.index("Kafka pipeline")
    assert doc.role_at(kafka) == 0
    assert doc.text[roles[1].span_start:].startswith("Software Engineer, Pixel Labs")
    assert {s.kind for s in doc.sections} >= {"contact", "summary", "experience", "skills", "education", "certifications"}


def test_reader_json_resume_old_field_names():
    data = b'{"basics": {"name": "Old Style"}, "work": [{"company": "Acme", "position": "Editor", "startDate": "2010-01-01", "endDate": "2012-06-30", "summary": "Edited."}]}'
    doc = read_document(data, name="old.json", sandbox=False)
    assert [(r.employer, r.title, r.start, r.end) for r in doc.roles] == [("Acme", "Editor", date(2010, 1, 1), date(2012, 6, 1))]


def test_reader_jobposting_jsonld_in_html(fixture):
    doc = read_document(fixture("posting.html"), sandbox=False)
    assert doc.kind == "posting" and doc.title == "Social Media Manager"
    meta = doc.metadata
    assert meta["company"] == "Harbor Coffee Co."
    assert meta["date_posted"] == "2025-03-14"
    assert meta["location"] == "Portland, OR, US"
    assert meta["skills"] == ["Instagram", "TikTok", "Sprout Social", "copywriting"]
    assert "tracker.js" not in doc.text and "font-family" not in doc.text
    kinds = [s.kind for s in doc.sections]
    assert kinds[:2] == ["responsibilities", "preferred"]
    assert "requirements" in kinds and "benefits" in kinds
    eeo = doc.text.index("equal opportunity employer")
    sec = doc.section_at(eeo)
    assert sec.kind == "legal" and sec.boilerplate
    assert doc.section_at(doc.text.index("CapCut")).kind == "preferred"


def test_reader_jobposting_standalone_jsonld():
    data = b'{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "X"}, {"@type": "JobPosting", "title": "Data Analyst", "description": "Analyse <b>TikTok</b> data.", "hiringOrganization": "Y Corp", "datePosted": "2024-01-02"}]}'
    doc = read_document(data, name="job.jsonld", sandbox=False)
    assert doc.kind == "posting" and doc.title == "Data Analyst"
    assert "Analyse TikTok data." in doc.text
    assert doc.metadata["company"] == "Y Corp"


def test_reader_ler_rs_best_effort(fixture):
    doc = read_document(fixture("ler-rs.json"), sandbox=False)
    assert doc.kind == "resume" and doc.title == "Dana Okafor"
    assert [(r.title, r.employer, r.current) for r in doc.roles] == [
        ("Digital Producer", "City Radio", True),
        ("Social Media Assistant", "City Radio", False),
    ]
    assert "Hootsuite" in doc.text


def test_reader_markdown_posting_sections(fixture):
    doc = read_document(fixture("posting.md"), sandbox=False)
    assert doc.media_type == "text/markdown" and doc.kind == "posting"
    assert "#" not in doc.text and "**" not in doc.text
    assert [(s.kind, s.heading, s.boilerplate) for s in doc.sections] == [
        ("company", "About us", False),
        ("responsibilities", "Responsibilities", False),
        ("requirements", "Requirements", False),
        ("benefits", "Perks", True),
    ]


def test_reader_html_text_only_block_lines():
    html = b"<html><body><h2>About us</h2><p>We are <i>small</i>.</p><script>alert(1)</script><ul><li>One</li><li>Two</li></ul><img src='http://example.com/x.png'></body></html>"
    doc = read_document(html, name="page.html", sandbox=False)
    assert doc.text == "About us\n\nWe are small.\n\n- One\n- Two"


def test_reader_invalid_json_named_json_is_d116():
    from skillmix.errors import DocumentError

    with pytest.raises(DocumentError) as info:
        read_document(b'{"basics": ', name="broken.json", sandbox=False)
    assert info.value.code == "D116"
    with pytest.raises(DocumentError) as info:
        read_document(b'{"hello": "world"}', name="other.json", sandbox=False)
    assert info.value.code == "D116"


def test_reader_sandbox_and_inprocess_agree(fixture):
    for name in ("resume.docx", "resume.json", "posting.html", "posting.md"):
        assert read_document(fixture(name)) == read_document(fixture(name), sandbox=False)


def test_reader_kind_override_and_bad_kind(fixture):
    from skillmix.errors import ConfigError

    doc = read_document(fixture("posting.md"), kind="resume", sandbox=False)
    assert doc.kind == "resume"
    with pytest.raises(ConfigError):
        read_document(fixture("posting.md"), kind="memo", sandbox=False)


def test_reader_never_touches_the_network(fixture, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for name in ("posting.html", "resume.docx", "resume.json"):
        read_document(fixture(name), sandbox=False)
    page = b'<html><body><img src="http://example.com/a.png"><iframe src="http://example.com"></iframe><link rel="import" href="http://example.com/x"><p>Text</p></body></html>'
    assert read_document(page, name="p.html", sandbox=False).text == "Text"
