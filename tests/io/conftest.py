"""Builders for the documents the io tests generate themselves (PDF, DOCX, zip bombs...)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Callable

import pytest


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """A CSV export at ``path`` with ``header`` and ``rows`` (the export tests' input)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture
def shared_posting_texts(shared_data: Path) -> list[str]:
    """The raw descriptions of every shared posting corpus (Adzuna, LinkedIn, Remotive);
    skipped, with ``shared_data``, where the shared data is absent."""
    root = shared_data
    csv.field_size_limit(1 << 30)
    post = root / "postings"
    texts = []
    for name, col in (("adzuna_uk_2013_sample.csv", "FullDescription"),
                      ("linkedin_2024-04_sample.csv", "description")):
        with (post / name).open(encoding="utf-8", newline="") as fh:
            texts += [r[col] for r in csv.DictReader(fh)]
    with (post / "remotive_2025-04.jsonl").open(encoding="utf-8") as fh:
        texts += [json.loads(line)["description"] for line in fh]
    return texts


def make_pdf(lines: list[str] | None = None, *, rectangle: bool = False) -> bytes:
    """A minimal valid PDF: one page with ``lines`` of Helvetica text, or only a rectangle."""
    ops = []
    if rectangle:
        ops.append("0.2 0.4 0.8 rg 72 400 300 200 re f")
    if lines:
        ops.append("BT /F1 12 Tf 72 720 Td 14 TL")
        for line in lines:
            safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({safe}) Tj T*")
        ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    return pdf_document(stream, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")


def pdf_document(stream: bytes, font: bytes) -> bytes:
    """A one-page PDF (US Letter) that draws ``stream`` with ``font`` as /F1."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        font,
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    doc = docx.Document()
    for p in paragraphs:
        if p.startswith("# "):
            doc.add_heading(p[2:], level=1)
        else:
            doc.add_paragraph(p)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """A copy of a zip with some members replaced or added (deflated)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = (replace or {}).get(info.filename, src.read(info.filename))
            dst.writestr(info.filename, body)
        for name, body in (add or {}).items():
            dst.writestr(name, body)
    return out.getvalue()


@pytest.fixture
def pdf_bytes() -> Callable[..., bytes]:
    return make_pdf


@pytest.fixture
def docx_bytes() -> Callable[..., bytes]:
    return make_docx


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes], Path]:
    def _write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write


@pytest.fixture
def build() -> object:
    """``build.pdf(...)``, ``build.docx(...)``, ``build.rezip(...)``."""
    from types import SimpleNamespace

    return SimpleNamespace(pdf=make_pdf, docx=make_docx, rezip=rezip)
