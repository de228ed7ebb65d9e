"""Hostile and broken inputs, generated here: each ends in its coded error, within its
limit, in the sandbox; a batch with good files around them still counts right."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from skillmix.batch import BatchReport
from skillmix.errors import DocumentError
from skillmix.io import ReadLimits, read_document, read_documents

GOOD_LINES = [
    "Jane Doe",
    "Experience",
    "Social Media Manager Jan 2020 - Present",
    "Acme Corp, Boston, MA",
    "Ran paid social campaigns on Meta and TikTok.",
    "Education",
    "BA Communications 2015",
]

XXE = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""


def _code(source, **kw) -> str:
    with pytest.raises(DocumentError) as info:
        read_document(source, **kw)
    return info.value.code


@pytest.fixture
def good_docx(build) -> bytes:
    return build.docx(GOOD_LINES)


def test_sandbox_zip_bomb_member_is_d107(build, good_docx, write):
    bomb = build.rezip(good_docx, add={"word/media/bomb.bin": b"\0" * (30 << 20)})
    assert len(bomb) < 200_000
    assert _code(write("bomb.docx", bomb)) == "D107"


def test_sandbox_total_inflated_size_is_d107(build, good_docx, write):
    # Well-compressible text, under the ratio limit but over a small total limit.
    data = build.rezip(good_docx, add={"word/media/a.bin": bytes(range(256)) * 20000})
    assert _code(write("big.docx", data), limits={"max_uncompressed_bytes": 1_000_000}) == "D107"


def test_sandbox_many_entries_is_d107(good_docx, write):
    out = io.BytesIO(good_docx)
    with zipfile.ZipFile(out, "a") as zf:
        for i in range(2100):
            zf.writestr(f"customXml/item{i}.bin", b"")
    assert _code(write("many.docx", out.getvalue())) == "D107"


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_sandbox_docx_entities_are_d108(build, good_docx, write, payload):
    data = build.rezip(good_docx, replace={"word/document.xml": payload})
    assert _code(write("xxe.docx", data)) == "D108"


def test_sandbox_encrypted_pdf_is_d103(build, write):
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(build.pdf(GOOD_LINES)))
    writer = pypdf.PdfWriter()
    writer.append_pages_from_reader(reader)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert _code(write("locked.pdf", buf.getvalue())) == "D103"


def test_sandbox_image_only_pdf_is_d102(build, write):
    err = None
    with pytest.raises(DocumentError) as info:
        read_document(write("scan.pdf", build.pdf(rectangle=True)))
    err = info.value
    assert err.code == "D102"
    assert "scanned image" in str(err) and "OCR" in str(err)


def test_sandbox_truncated_pdf_is_d109_or_d102(build, write):
    data = build.pdf(GOOD_LINES)
    assert _code(write("cut.pdf", data[: len(data) // 3])) in ("D109", "D102")


def test_sandbox_truncated_docx_is_d109(good_docx, write):
    assert _code(write("cut.docx", good_docx[: len(good_docx) // 2])) == "D109"


def test_sandbox_random_bytes_named_pdf_is_d109(write):
    import random

    rnd = random.Random(7)
    data = bytes(rnd.randrange(256) for _ in range(20000))
    assert _code(write("random.pdf", data)) == "D109"


def test_sandbox_random_bytes_unnamed_is_d101(write):
    import random

    rnd = random.Random(8)
    assert _code(write("blob", bytes(rnd.randrange(256) for _ in range(5000)))) == "D101"


def test_sandbox_100mb_text_is_d104_before_reading(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: instant, takes no disk
        fh.truncate(100 * 1024 * 1024)
    t0 = time.monotonic()
    assert _code(path) == "D104"
    assert _code(path, sandbox=False) == "D104"
    assert time.monotonic() - t0 < 5


def test_sandbox_bytes_over_limit_is_d104():
    assert _code(b"x" * 2000, limits={"max_bytes": 1000}) == "D104"


def test_sandbox_too_many_pages_is_d104(build, write):
    import pypdf

    writer = pypdf.PdfWriter()
    page = pypdf.PdfReader(io.BytesIO(build.pdf(GOOD_LINES))).pages[0]
    for _ in range(5):
        writer.add_page(page)
    buf = io.BytesIO()
    writer.write(buf)
    assert _code(write("long.pdf", buf.getvalue()), limits={"max_pages": 3}) == "D104"


def test_sandbox_wall_time_limit_is_d105(write):
    html = b"<html><body>" + b"<div><p>word <b>bold</b> text</p></div>" * 400_000 + b"</body></html>"
    path = write("slow.html", html)
    t0 = time.monotonic()
    assert _code(path, limits={"max_seconds": 0.5}) == "D105"
    assert time.monotonic() - t0 < 5


def test_sandbox_memory_limit_is_d106(write):
    html = b"<html><body>" + b"<div><span>a</span><span>b</span></div>" * 500_000 + b"</body></html>"
    path = write("fat.html", html)
    assert _code(path, limits={"max_memory_mb": 64, "max_seconds": 60}) in ("D106", "D112")


def test_sandbox_empty_file_is_d113(write):
    assert _code(write("empty.txt", b"  \n")) == "D113"


def test_sandbox_missing_file_is_d111(tmp_path):
    assert _code(tmp_path / "nope.pdf") == "D111"


def test_sandbox_legacy_doc_is_d101(write):
    assert _code(write("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)) == "D101"


def test_sandbox_batch_survives_hostile_files(build, good_docx, write, tmp_path):
    good_pdf = write("good.pdf", build.pdf(GOOD_LINES))
    good_doc = write("good.docx", good_docx)
    good_txt = write("good.txt", "\n".join(GOOD_LINES).encode("cp1252"))
    bad = [
        write("bomb.docx", build.rezip(good_docx, add={"word/media/b.bin": b"\0" * (30 << 20)})),
        write("xxe.docx", build.rezip(good_docx, replace={"word/document.xml": XXE})),
        write("scan.pdf", build.pdf(rectangle=True)),
        write("random.pdf", bytes(range(256)) * 10),
        write("slow.html", b"<div><p>x <b>y</b></p></div>" * 400_000),
    ]
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    items = [good_pdf, bad[0], good_doc, bad[1], bad[2], huge, bad[3], bad[4], good_txt]
    report = BatchReport()
    # slow.html needs well over 3 s of parsing; the good files need a fraction of that
    # even on a loaded machine.
    docs = list(read_documents(items, report=report, limits={"max_seconds": 3}))
    assert [Path(d.source).name for d in docs] == ["good.pdf", "good.docx", "good.txt"]
    assert (report.done, report.failed, report.skipped) == (3, 6, 0)
    assert [f.code for f in report.failures] == ["D107", "D108", "D102", "D104", "D109", "D105"]
    for doc in docs:
        assert doc.kind == "resume"
        assert [r.title for r in doc.roles] == ["Social Media Manager"]


def test_sandbox_batch_skip_and_raise_policies(build, write):
    good = write("a.pdf", build.pdf(GOOD_LINES))
    bad = write("b.pdf", b"not a pdf at all")
    report = BatchReport()
    assert len(list(read_documents([bad, good], on_error="skip", report=report))) == 1
    assert (report.done, report.skipped, report.failed) == (1, 1, 0)
    with pytest.raises(DocumentError):
        list(read_documents([bad, good], on_error="raise"))


def test_sandbox_reuses_one_worker_for_a_batch(build, write):
    from skillmix.io.sandbox import Sandbox

    paths = [write(f"{i}.pdf", build.pdf(GOOD_LINES + [f"line {i}"])) for i in range(5)]
    with Sandbox(ReadLimits()) as box:
        docs = [box.read(p) for p in paths]
        assert box.started == 1
        with pytest.raises(DocumentError):
            box.read(write("x.pdf", b"garbage"))
        box.read(paths[0])
        assert box.started == 1  # a coded error does not cost a worker
    assert len({d.id for d in docs}) == 5


@pytest.mark.parametrize("sandbox", [True, False], ids=["sandbox", "in-process"])
def test_sandbox_deeply_nested_json_is_d109(sandbox):
    assert _code(b"[" * 100_000, name="deep.json", sandbox=sandbox) == "D109"


def test_sandbox_deeply_nested_html_reads_or_fails_coded():
    html = b"<div>" * 50_000 + b"Social Media Manager" + b"</div>" * 50_000
    try:
        doc = read_document(html, name="deep.html")
    except DocumentError as err:
        assert err.code.startswith("D1")
    else:
        assert "Social Media Manager" in doc.text
