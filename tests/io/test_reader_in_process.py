"""Small UTF-8 text and Markdown files are parsed in the calling process
(``parse_plain``), everything else in the sandbox; both give the same documents."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from skillmix.batch import BatchReport
from skillmix.io import read_documents
from skillmix.io.reader import IN_PROCESS_MAX_BYTES, parse_bytes, parse_plain
from skillmix.io.sandbox import Sandbox

POSTING = ("Social Media Manager\n\nRequirements:\n- 3+ years of SEO\n- Python and SQL\n\n"
           "We are an equal opportunity employer.\n")
RESUME = "Jane Doe\n\nExperience\nSocial Media Manager, Acme — Jan 2020 - Present\n- Managed TikTok\n"


@pytest.mark.parametrize("name, data", [
    ("a.txt", POSTING.encode()),
    ("b.txt", RESUME.encode()),
    ("c.md", b"# Social Media Manager\n\n**Must**: [SEO](https://x.org/seo) and * Python\n"),
    ("d.txt", codecs.BOM_UTF8 + "Café ☕ Python\n".encode()),
    ("e", b"## Skills\nGoogle Ads"),
])
def test_reader_parse_plain_same_document_as_parse_bytes(name: str, data: bytes) -> None:
    doc = parse_plain(data, name)
    assert doc is not None
    assert doc == parse_bytes(data, name)


@pytest.mark.parametrize("name, data", [
    ("a.html", b"Plain words in a file named html"),
    ("b.txt", b"<html><body><p>Python</p></body></html>"),
    ("c.json", b'{"basics": {"name": "X"}}'),
    ("d.txt", b"[1, 2]"),
    ("e.txt", "Caf\u00e9 in Latin-1".encode("latin-1")),
    ("f.txt", codecs.BOM_UTF16_LE + "Python".encode("utf-16-le")),
    ("g.pdf", b"%PDF-1.7 not really"),
    ("h.txt", b"x" * (IN_PROCESS_MAX_BYTES + 1)),
])
def test_reader_parse_plain_leaves_other_formats_to_the_sandbox(name: str, data: bytes) -> None:
    assert parse_plain(data, name) is None


def test_reader_parse_plain_errors_are_the_workers() -> None:
    from skillmix.errors import DocumentError

    for data, code in ((b"  \n ", "D113"), (b"\x89PNG\r\n\x1a\n....", "D101")):
        with pytest.raises(DocumentError) as mine:
            parse_plain(data, "x.txt")
        with pytest.raises(DocumentError) as worker, Sandbox() as box:
            box.read(data, name="x.txt")
        assert mine.value.code == worker.value.code == code
        assert str(mine.value) == str(worker.value)


def test_reader_markdown_links_still_unwrapped_and_hostile_brackets_kept() -> None:
    doc = parse_plain(b"# Job\nSee [our site](https://x.org) and ![logo](l.png).\n[[[ ( ]]", "j.md")
    assert doc is not None
    assert "See our site and logo." in doc.text
    assert "[[[ ( ]]" in doc.text


def test_reader_read_documents_mixes_in_process_and_sandbox_in_order(tmp_path: Path) -> None:
    files = {
        "01.txt": POSTING.encode(),
        "02.html": b"<html><body><h1>Analyst</h1><p>Excel and SQL</p></body></html>",
        "03.md": b"# Designer\n\nFigma and Canva\n",
        "04.txt": "latin-1 caf\u00e9 résumé with Python".encode("latin-1"),
        "05.txt": b"",
        "06.txt": RESUME.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    report = BatchReport()
    docs = list(read_documents(tmp_path, report=report))
    assert [Path(d.source).name for d in docs] == ["01.txt", "02.html", "03.md", "04.txt", "06.txt"]
    assert report.done == 5 and report.failed == 1 and "D113" in str(report.failures[0].error)
    with Sandbox() as box:  # the same documents the worker alone would give
        for d in docs:
            assert box.read(d.source) == d


def test_reader_read_document_reads_small_text_here_and_the_rest_in_the_sandbox(
        tmp_path: Path, monkeypatch) -> None:
    from skillmix.errors import DocumentError
    from skillmix.io import read_document
    from skillmix.io import read as read_module

    text, html, empty = tmp_path / "a.txt", tmp_path / "b.html", tmp_path / "c.txt"
    text.write_text(POSTING, encoding="utf-8")
    html.write_text(f"<html><body><p>{POSTING}</p></body></html>", encoding="utf-8")
    empty.write_bytes(b" \n")
    with Sandbox() as box:
        boxed = {p: box.read(p, kind="posting") for p in (text, html)}
        named = box.read(text, name="posting.txt")
        with pytest.raises(DocumentError) as worker_empty:
            box.read(empty)
    sandboxed: list[object] = []
    real = read_module.default_sandbox

    def watched():  # type: ignore[no-untyped-def]
        sandboxed.append(1)
        return real()

    monkeypatch.setattr(read_module, "default_sandbox", watched)
    assert read_document(text, kind="posting") == boxed[text]
    assert read_document(text, name="posting.txt") == named
    with pytest.raises(DocumentError) as mine_empty:
        read_document(empty)
    assert str(mine_empty.value) == str(worker_empty.value)
    assert sandboxed == []
    assert read_document(html, kind="posting") == boxed[html]
    with pytest.raises(DocumentError) as missing:
        read_document(tmp_path / "gone.txt", name="label.txt")
    assert missing.value.code == "D111" and missing.value.source == "label.txt"
    assert len(sandboxed) == 2
