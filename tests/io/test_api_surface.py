"""The public surface of skillmix.io: sorted exports, typed limits, coded errors."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillmix.io as sio
from skillmix.errors import ConfigError, DocumentError
from skillmix.errors import document_codes
from skillmix.io import ReadLimits, detect_sections, parse_roles


def test_api_all_is_sorted_and_importable():
    assert sio.__all__ == sorted(sio.__all__)
    for name in sio.__all__:
        assert getattr(sio, name) is not None
    for name in ("read_document", "read_documents", "read_corpus", "detect_sections", "parse_roles", "ReadLimits"):
        assert name in sio.__all__


def test_api_modules_export_sorted_all():
    for mod in ("limits", "codes", "reader", "pdf", "docx", "html", "text", "sections", "roles", "dates", "corpus", "sandbox", "read", "jsonresume", "jobposting", "sandbox_worker"):
        m = importlib.import_module(f"skillmix.io.{mod}")
        assert list(m.__all__) == sorted(m.__all__), mod


def test_api_codes_are_d1xx_with_hints():
    reading = [c for c in document_codes.__all__ if c.startswith("D1") and c < "D190"]
    assert reading == [f"D1{n:02d}" for n in range(1, len(reading) + 1)]
    for code in reading:
        entry = getattr(document_codes, code)
        assert entry.summary and entry.hint.endswith(".")


def test_api_read_limits_validate_and_coerce():
    assert ReadLimits.coerce(None) == ReadLimits()
    assert ReadLimits.coerce({"max_pages": 3}).max_pages == 3
    with pytest.raises(ConfigError):
        ReadLimits(max_bytes=0)
    with pytest.raises(ConfigError):
        ReadLimits.coerce({"max_pagez": 3})
    with pytest.raises(ConfigError):
        ReadLimits.coerce(5)  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        ReadLimits().max_bytes = 5  # type: ignore[misc]


def test_api_error_message_names_file_and_fix(tmp_path):
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"hello")
    with pytest.raises(DocumentError) as info:
        sio.read_document(path)
    msg = str(info.value)
    assert msg.startswith("[D109] ") and str(path) in msg and "Re-export" in msg
    assert info.value.http_status == 422


def test_api_read_documents_walks_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Experience\nEditor 2019 - 2021\n", encoding="utf-8")
    (tmp_path / "two.md").write_text("# Requirements\n- SQL\n", encoding="utf-8")
    docs = list(sio.read_documents(tmp_path, sandbox=False))
    assert sorted(d.source.rsplit("/", 1)[-1] for d in docs) == ["one.txt", "two.md"]


line = st.one_of(
    st.sampled_from(["Experience", "Skills:", "EDUCATION", "Requirements", "What you'll do", "Benefits", ""]),
    st.sampled_from(["Manager Jan 2019 - Present", "Acme, Boston, MA", "01/2015 to 03/2016 Company Name", "2001-2003"]),
    st.text(max_size=60),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(line, max_size=30), st.sampled_from(["resume", "posting", "unknown"]))
def test_api_sections_and_roles_stay_inside_text(lines, kind):
    text = "\n".join(lines)
    sections = detect_sections(text, kind)
    starts = [s.start for s in sections]
    assert starts == sorted(starts)
    for s in sections:
        assert 0 <= s.start < s.end <= len(text)
    roles = parse_roles(text, sections)
    for r in roles:
        assert 0 <= r.span_start <= r.span_end <= len(text)
        assert r.end is None or r.start is None or r.start <= r.end
        assert not (r.current and r.end is not None)


def test_iter_documents_takes_one_path_as_one_input(tmp_path):
    """A single path string is one input (as read_documents takes it), not an iterable of
    one-letter paths: "/" among them would walk the whole file system."""
    export = tmp_path / "jobs.jsonl"
    export.write_text('{"id": 1, "title": "Social Media Manager", "description": "Run our '
                      'Instagram account and write weekly posts."}\n', encoding="utf-8")
    note = tmp_path / "cv.txt"
    note.write_text("Managed social media accounts for three clients.", encoding="utf-8")
    for one in (str(export), export):
        docs = list(sio.iter_documents(one, kind="posting", on_error="raise"))
        assert [d.kind for d in docs] == ["posting"]
    docs = list(sio.iter_documents(str(note), kind="resume", on_error="raise"))
    assert len(docs) == 1 and "social media" in docs[0].text
