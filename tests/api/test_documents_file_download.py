"""``GET /v1/documents/{id}/file`` sends the original with its real media type (as detected
when it was read, with the text's charset) and a file name with the right extension; a
résumé's is the document id while the workspace is blind by default (its uploaded name is
often the person's). The trial got every file as ``application/octet-stream`` named
``doc_...``, without an extension."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

IO_DATA = Path(__file__).resolve().parents[1] / "data" / "io"


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _upload(client, h, name: str, data: bytes, kind: str = "resume") -> str:  # type: ignore[no-untyped-def]
    resp = client.post("/v1/documents", headers=h, data={"kind": kind},
                       files={"file": (name, data, "application/octet-stream")})
    assert resp.status_code == 201, resp.text
    return str(resp.json()["document"]["id"])


def _download(client, h, doc: str) -> tuple[str, str, bytes]:  # type: ignore[no-untyped-def]
    resp = client.get(f"/v1/documents/{doc}/file", headers=h)
    assert resp.status_code == 200, resp.text
    return resp.headers["content-type"], resp.headers["content-disposition"], resp.content


@pytest.fixture
def open_client(store):  # type: ignore[no-untyped-def]
    """A server run with ``--no-blind``."""
    from fastapi.testclient import TestClient

    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    app = create_app(store, settings=WorkspaceSettings(max_upload_bytes=64 * 1024, blind=False))
    with TestClient(app) as c:
        yield c


def test_documents_file_download_blind_resume_is_named_by_its_id(client, keys, demo) -> None:
    h = auth(keys["admin"])
    text = (demo / "resume.txt").read_bytes()
    doc = _upload(client, h, "Jane_Doe_CV.txt", text)
    ctype, disposition, body = _download(client, h, doc)
    assert body == text
    assert ctype == "text/plain; charset=utf-8"
    assert disposition == f'attachment; filename="{doc}.txt"'
    assert "Jane" not in disposition


def test_documents_file_download_keeps_the_uploaded_name_out_of_blind_mode(open_client, keys,  # type: ignore[no-untyped-def]
                                                                           demo) -> None:
    h = auth(keys["admin"])
    doc = _upload(open_client, h, "Jane_Doe_CV.txt", (demo / "resume.txt").read_bytes())
    assert _download(open_client, h, doc)[1] == 'attachment; filename="Jane_Doe_CV.txt"'
    # the detected type gives the extension a name lacked (a .docx uploaded as "cv")
    docx = (IO_DATA / "resume.docx").read_bytes()
    doc = _upload(open_client, h, "cv", docx)
    ctype, disposition, body = _download(open_client, h, doc)
    assert body == docx
    assert ctype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert disposition == 'attachment; filename="cv.docx"'


def test_documents_file_download_binary_and_html(client, keys, demo) -> None:
    h = auth(keys["admin"])
    doc = _upload(client, h, "Dana Digital.DOCX", (IO_DATA / "resume.docx").read_bytes())
    ctype, disposition, _ = _download(client, h, doc)
    assert ctype.startswith("application/vnd.openxmlformats-officedocument")
    assert disposition == f'attachment; filename="{doc}.docx"'
    post = _upload(client, h, "posting.htm", (demo / "posting.html").read_bytes(), "posting")
    ctype, disposition, _ = _download(client, h, post)
    assert ctype == "text/html; charset=utf-8"
    assert disposition == 'attachment; filename="posting.htm"'  # a posting is no one's


def test_documents_file_download_names_a_legacy_encoding_and_any_name(client, keys) -> None:
    h = auth(keys["admin"])
    text = ("Social Media Manager, São Paulo\n\nRequired: SEO, copywriting and community "
            "management for our café chain; Instagram, TikTok and Google Analytics.\n")
    post = _upload(client, h, "Offre café.txt", text.encode("cp1252"), "posting")
    ctype, disposition, body = _download(client, h, post)
    assert body == text.encode("cp1252")
    assert ctype == "text/plain; charset=windows-1252"
    assert disposition == ('attachment; filename="Offre caf_.txt"; '
                           f"filename*=UTF-8''{quote('Offre café.txt', safe='')}")


def test_documents_file_download_of_pasted_text(client, keys, demo) -> None:
    h = auth(keys["admin"])
    text = (demo / "resume.txt").read_text(encoding="utf-8")
    pasted = client.post("/v1/documents", headers=h, json={"kind": "resume", "text": text})
    doc = pasted.json()["document"]["id"]
    ctype, disposition, body = _download(client, h, doc)
    assert (ctype, body) == ("text/plain; charset=utf-8", text.encode())
    assert disposition == f'attachment; filename="{doc}.txt"'


def test_documents_file_download_name_and_type_rules() -> None:
    from skillmix.service.reads import content_type, download_name
    from skillmix.store import StoredFile

    def info(source: str, media: str, kind: str = "posting", enc: str | None = None) -> StoredFile:
        return StoredFile(document_id="doc_1", kind=kind, source=source, media_type=media,
                          encoding=enc)

    assert download_name(info("a.markdown", "text/markdown"), blind=True) == "a.markdown"
    assert download_name(info("a.txt", "text/markdown"), blind=True) == "a.md"
    assert download_name(info("a.json", "application/ld+json"), blind=True) == "a.json"
    assert download_name(info("a.weird", "application/x-new"), blind=True) == "a.weird"
    assert download_name(info("Jane.pdf", "application/pdf", "resume"), blind=True) == "doc_1.pdf"
    assert download_name(info("Jane.pdf", "application/pdf", "resume"), blind=False) == "Jane.pdf"
    assert content_type(info("a.txt", "text/plain", enc="mixed(utf-8+cp1252)")) == "text/plain"
    assert content_type(info("a.txt", "text/plain", enc="utf-8-sig")) == "text/plain; charset=utf-8"
    assert content_type(info("a.pdf", "application/pdf", enc="utf-8")) == "application/pdf"
