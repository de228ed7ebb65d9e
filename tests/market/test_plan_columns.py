"""The corpus check before a market run: which fields a file has, and what it says when none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillmix.errors import MarketError
from skillmix.market.plan import describe_input


def _posting(i: int) -> str:
    return json.dumps({"title": f"Social Media Manager {i}",
                       "description": "Run our Instagram and TikTok channels; report on reach."})


def test_plan_columns_jsonl_broken_first_line_is_a_bad_record_not_a_bad_file(tmp_path: Path) -> None:
    # a broken first line used to make the whole file read as one without fields ([K103]
    # "no column of []"), while the same line further down is one failed record
    path = tmp_path / "jobs.jsonl"
    path.write_text('{"title": "cut off, "descr\n' + "\n".join(_posting(i) for i in range(3)) + "\n")
    cf = describe_input(0, path)
    assert cf.mapping.description == "description" and cf.mapping.title == "title"


@pytest.mark.parametrize("name, content, why", [
    ("empty.jsonl", "", "is a JSON object"),
    ("junk.jsonl", "not json\n[1, 2]\n", "is a JSON object"),
    ("empty.csv", "", "the file is empty"),
])
def test_plan_columns_no_columns_says_so(tmp_path: Path, name: str, content: str, why: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(MarketError, match=r"\[K103\]") as exc:
        describe_input(0, path)
    assert "no column names were found" in str(exc.value) and why in str(exc.value)
    assert "[]" not in str(exc.value)


@pytest.mark.parametrize(("head", "what"), [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a zip archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
])
def test_plan_a_document_renamed_as_a_corpus_is_said_to_be_one(tmp_path: Path, head: bytes, what: str) -> None:
    # a new user's PDF renamed jobs.csv was "[K103] no column of ['%PDF-1.4'] reads as a
    # job description"
    path = tmp_path / "jobs.csv"
    path.write_bytes(head + bytes(range(256)) * 4)
    with pytest.raises(MarketError, match=f"K101.*{what}"):
        describe_input(0, path)


def test_plan_a_utf16_csv_is_text(tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text("title,description\nSocial Media Manager,Run our Instagram channel.\n",
                    encoding="utf-16")
    try:
        describe_input(0, path)
    except MarketError as err:
        assert "K101" not in str(err)
