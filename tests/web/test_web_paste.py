"""The start page's paste boxes: a posting's (title, company, text) and a résumé's (name,
text). Pasted text goes to /upload as the field ``text`` and from there the way a file does:
the same CSRF and scope checks, size limit, reading, errors and audit row. The trial had no
way to add a posting but a file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

POSTING = ("Social Media Engineer\n\nRequired: 3+ years of Python and SQL; build integrations "
           "with the Meta Marketing API and the TikTok API.\r\nPreferred: Google Analytics, "
           "A/B testing. Run our Instagram and LinkedIn channels with the community team.\n")


def _paste(client, csrf: str, text: str, kind: str = "posting", **fields: str):  # type: ignore[no-untyped-def]
    """The paste form as a browser sends it: multipart, no file part, ``text`` a field."""
    body = {"csrf": csrf, "kind": kind, "text": text, **fields}
    return client.post("/upload", files={k: (None, v) for k, v in body.items()},
                       follow_redirects=False)


def _upload(client, csrf: str, data: bytes, name: str, kind: str = "posting", **fields: str):  # type: ignore[no-untyped-def]
    return client.post("/upload", data={"csrf": csrf, "kind": kind, **fields},
                       files={"file": (name, data, "text/plain")}, follow_redirects=False)


def _error(resp) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(code, text) of the UI's error page."""
    found = re.search(r'<p class="error" data-code="(\w+)">(.*?)</p>', resp.text, re.S)
    assert found is not None, resp.text
    return found.group(1), found.group(2)


def test_web_paste_forms_on_the_start_page(web) -> None:
    html = web.get("/").text
    for form, fields in (("paste-posting", ("title", "company", "text")),
                         ("paste-resume", ("name", "text"))):
        found = re.search(rf'<form [^>]*id="{form}">(.*?)</form>', html, re.S)
        assert found is not None, form
        tag, inner = found.group(0).split(">", 1)[0], found.group(1)
        assert 'action="/upload"' in tag and 'enctype="multipart/form-data"' in tag
        assert f'name="csrf" value="{web.csrf}"' in inner and 'type="file"' not in inner
        assert all(f'name="{f}"' in inner for f in fields), form
    posting = re.search(r'id="paste-posting">(.*?)</form>', html, re.S).group(1)  # type: ignore[union-attr]
    assert re.search(r'name="title"[^>]*required', posting)
    assert not re.search(r'name="company"[^>]*required', posting)


def test_web_paste_posting_is_kept_as_an_upload_is(web, store) -> None:
    """A pasted posting: its title and company, the text read and extracted, the page with
    its skills marked, one audit row as an upload's; the same skills as the same text sent
    as a file."""
    from skillmix.store import repo

    resp = _paste(web, web.csrf, POSTING, title="Social Media Engineer", company="Acme")
    assert resp.status_code == 303, resp.text
    doc_id = resp.headers["location"].rsplit("/", 1)[1]
    stored = repo.get_document(store, doc_id)
    assert stored.kind == "posting" and stored.document.source == "pasted-posting.txt"
    assert "\r" not in stored.document.text and "Meta Marketing API" in stored.document.text
    posting = repo.get_posting(store, stored.posting_id)
    assert (posting.title, posting.company) == ("Social Media Engineer", "Acme")
    page = web.get(resp.headers["location"]).text
    assert page.count('<mark class="skill') >= 4
    home = web.get("/").text
    assert f'href="/postings/{posting.id}">Social Media Engineer<' in home and ">Acme<" in home

    filed = _upload(web, web.csrf, POSTING.encode(), "posting.txt", title="Same, as a file")
    file_doc = filed.headers["location"].rsplit("/", 1)[1]
    skills = {m.skill_id for m in repo.get_extraction(store, doc_id).mentions}
    assert skills == {m.skill_id for m in repo.get_extraction(store, file_doc).mentions}
    audit = [(e.action, e.object_id, e.detail.get("kind")) for e in repo.list_audit(store)
             if e.action == "document.upload"]
    assert ("document.upload", doc_id, "posting") in audit
    assert ("document.upload", file_doc, "posting") in audit


@pytest.mark.parametrize("text", ["", "   \n\t  \r\n "], ids=["empty", "whitespace"])
def test_web_paste_empty_text_is_refused_as_an_empty_file(web, store, text: str) -> None:
    from skillmix.store import repo

    pasted = _paste(web, web.csrf, text, title="Data Analyst")
    filed = _upload(web, web.csrf, b"", "pasted-posting.txt", title="Data Analyst")
    assert pasted.status_code == filed.status_code == 422
    assert _error(pasted) == _error(filed)
    code, shown = _error(pasted)
    assert code == "D113" and "document has no text" in shown
    assert repo.list_postings(store) == []


def test_web_paste_checks_the_session_and_scope(app, store, signin) -> None:  # type: ignore[no-untyped-def]
    from skillmix.store import create_key, repo

    with TestClient(app) as client:
        csrf = signin(client, create_key(store, "Reader", "read").token)
        assert _paste(client, "wrong", POSTING, title="T").status_code == 401  # A120
        refused = _paste(client, csrf, POSTING, title="T")
        assert refused.status_code == 403 and _error(refused)[0] == "A403"
    with TestClient(app) as anonymous:  # no session: to sign-in, nothing kept
        assert _paste(anonymous, "x", POSTING, title="T").headers["location"] == "/login"
    assert repo.list_postings(store) == []


def test_web_paste_over_the_limit_is_refused_as_a_file_is(store, admin_token, signin) -> None:  # type: ignore[no-untyped-def]
    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    app = create_app(store, settings=WorkspaceSettings(max_upload_bytes=4096))
    with TestClient(app) as client:
        csrf = signin(client, admin_token)
        text = "Python and SQL. " * 300  # 4,800 bytes
        pasted = _paste(client, csrf, text, title="Too long")
        filed = _upload(client, csrf, text.encode(), "long.txt", title="Too long")
        assert pasted.status_code == filed.status_code == 413
        assert _error(pasted) == _error(filed)
        assert "limit of 4 KB (4096 bytes)" in _error(pasted)[1]
        # the other form fields keep their own small limit; the text is not one of them
        assert _paste(client, csrf, "Python and SQL. " * 200, title="Fits").status_code == 303


def test_web_paste_resume_makes_a_candidate(web, store, demo: Path) -> None:
    from skillmix.store import repo

    text = (demo / "resume.txt").read_text(encoding="utf-8")
    resp = _paste(web, web.csrf, text, kind="resume", name="Ada Paste")
    assert resp.status_code == 303, resp.text
    stored = repo.get_document(store, resp.headers["location"].rsplit("/", 1)[1])
    assert stored.document.source == "pasted-resume.txt"
    assert repo.get_candidate(store, stored.candidate_id).name == "Ada Paste"


def test_web_paste_and_a_file_together_are_refused(web, store) -> None:
    from skillmix.store import repo

    resp = web.post("/upload", data={"csrf": web.csrf, "kind": "posting", "text": POSTING},
                    files={"file": ("p.txt", POSTING.encode(), "text/plain")})
    assert resp.status_code == 400 and _error(resp)[0] == "A400"
    assert repo.list_postings(store) == []
