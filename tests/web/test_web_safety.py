"""The web UI's protections, in-process: sign-in, CSRF on every form, CSP and other
security headers on every page, and document text always escaped."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from skillmix.api import CSP


def test_web_login_wrong_key_is_refused(app) -> None:
    with TestClient(app) as c:
        page = c.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        resp = c.post("/login", data={"api_key": "smk_0123456789ab_nope", "csrf": token},
                      follow_redirects=False)
        assert resp.status_code == 401 and "A103" in resp.text
        assert c.get("/", follow_redirects=False).status_code == 303


def test_web_login_needs_its_csrf_cookie(app, admin_token) -> None:
    with TestClient(app) as c:
        resp = c.post("/login", data={"api_key": admin_token, "csrf": "forged"},
                      follow_redirects=False)
        assert resp.status_code == 401 and "A120" in resp.text


def test_web_session_cookie_is_httponly_strict(app, admin_token) -> None:
    with TestClient(app) as c:
        page = c.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        resp = c.post("/login", data={"api_key": admin_token, "csrf": token}, follow_redirects=False)
        cookie = resp.headers["set-cookie"]
        assert "skillmix_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert admin_token not in cookie


def test_web_forms_without_csrf_are_refused(web, demo) -> None:
    up = web.post("/upload", files={"file": ("r.txt", (demo / "resume.txt").read_bytes())},
                  data={"kind": "resume"}, follow_redirects=False)
    assert up.status_code == 401 and "A120" in up.text
    ok = web.post("/upload", files={"file": ("r.txt", (demo / "resume.txt").read_bytes())},
                  data={"kind": "resume", "csrf": web.csrf}, follow_redirects=False)
    assert ok.status_code == 303
    cid = web.get(ok.headers["location"]).text.split('href="/candidates/')[1].split('"')[0]
    for path in (f"/candidates/{cid}/erase", f"/candidates/{cid}/assess", "/logout"):
        for csrf in (None, "wrong"):
            data = {"csrf": csrf} if csrf else {}
            resp = web.post(path, data=data, follow_redirects=False)
            assert resp.status_code == 401 and "A120" in resp.text, path
    assert web.get(f"/candidates/{cid}").status_code == 200  # still there


def test_web_every_page_sends_csp_and_headers(web) -> None:
    for path in ("/", "/login", "/profiles", "/api", "/static/app.css", "/health", "/nope"):
        resp = web.get(path)
        assert resp.headers["content-security-policy"] == CSP, path
        assert resp.headers["x-content-type-options"] == "nosniff"
        assert resp.headers["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_web_templates_have_no_inline_script_or_style(web) -> None:
    for path in ("/", "/profiles", "/api"):
        html = web.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert " style=" not in html and "<style" not in html and "onclick=" not in html


def test_web_document_text_is_escaped(web) -> None:
    evil = (b"<script>alert('pwned')</script>\n<img src=x onerror=alert(1)>\n"
            b"Social media manager: SEO, Python, community management.\n"
            b"\"><b>bold</b> & co.")
    resp = web.post("/upload", files={"file": ("evil.txt", evil, "text/plain")},
                    data={"kind": "resume", "csrf": web.csrf, "name": "<i>Mallory</i>"})
    assert resp.status_code == 200
    html = resp.text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert '<mark class="skill' in html  # skills still highlighted inside escaped text
    cand = html.split('href="/candidates/')[1].split('"')[0]
    page = web.get(f"/candidates/{cand}").text
    assert "<i>Mallory</i>" not in page and "&lt;i&gt;Mallory&lt;/i&gt;" in page


def test_web_read_only_key_cannot_erase(web, app, store, demo) -> None:
    from skillmix.store import create_key

    ok = web.post("/upload", files={"file": ("r.txt", (demo / "resume.txt").read_bytes())},
                  data={"kind": "resume", "csrf": web.csrf}, follow_redirects=False)
    cid = web.get(ok.headers["location"]).text.split('href="/candidates/')[1].split('"')[0]
    reader = create_key(store, "Viewer", "read").token
    with TestClient(app) as c:
        page = c.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        c.post("/login", data={"api_key": reader, "csrf": token})
        csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/").text).group(1)
        resp = c.post(f"/candidates/{cid}/erase", data={"csrf": csrf})
        assert resp.status_code == 403 and "A403" in resp.text
    assert web.get(f"/candidates/{cid}").status_code == 200


def test_web_invalid_form_is_an_html_error_page(web, demo) -> None:
    ok = web.post("/upload", files={"file": ("p.html", (demo / "posting.html").read_bytes())},
                  data={"kind": "posting", "csrf": web.csrf}, follow_redirects=False)
    post = web.get(ok.headers["location"]).text.split('href="/postings/')[1].split('"')[0]
    resp = web.post(f"/postings/{post}/rank", data={"csrf": web.csrf, "top": "many"})
    assert resp.status_code == 422 and resp.headers["content-type"].startswith("text/html")
    assert "A422" in resp.text and "top" in resp.text


def test_web_pages_and_answers_with_candidate_data_are_not_stored(web, demo, admin_token) -> None:
    """``Cache-Control: no-store`` on every page and API answer, so the Back button after
    sign-out cannot show a résumé from the browser's cache; static files may be cached."""
    ok = web.post("/upload", files={"file": ("r.txt", (demo / "resume.txt").read_bytes())},
                  data={"kind": "resume", "csrf": web.csrf, "name": "Alex Rivera"},
                  follow_redirects=False)
    doc = ok.headers["location"]
    cid = web.get(doc).text.split('href="/candidates/')[1].split('"')[0]
    key = {"Authorization": f"Bearer {admin_token}"}
    doc_id = doc.rsplit("/", 1)[1]
    answers = [web.get(p) for p in ("/", doc, f"/candidates/{cid}", "/login", "/nope")]
    answers += [web.get(p, headers=key) for p in (
        "/v1/candidates", f"/v1/candidates/{cid}", f"/v1/documents/{doc_id}",
        f"/v1/documents/{doc_id}/file", "/v1/candidates/cand_nope")]
    answers.append(ok)  # a redirect
    for resp in answers:
        assert resp.headers.get("cache-control") == "no-store", (resp.url, resp.status_code)
    assert "Alex Rivera" in answers[2].text and answers[5].status_code == 200
    assert "no-store" not in web.get("/static/app.css").headers.get("cache-control", "")
    web.post("/logout", data={"csrf": web.csrf})
    after = web.get(doc, follow_redirects=False)
    assert after.status_code == 303 and after.headers["cache-control"] == "no-store"


def _big_upload_app(store):  # type: ignore[no-untyped-def]
    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    return create_app(store, settings=WorkspaceSettings(max_upload_bytes=1024 * 1024))


def test_web_upload_over_the_limit_is_an_html_error_page(store, admin_token, signin) -> None:
    """A form upload over the limit gets the UI's error page with the limit as the form
    states it ("1 MB") and advice, not the API's raw JSON naming the body limit in bytes;
    by declared length (refused before a byte is read) and while streaming."""
    big = b"social media " * (1024 * 1024 // 12 + 50_000)
    with TestClient(_big_upload_app(store)) as c:
        csrf = signin(c, admin_token)
        resp = c.post("/upload", files={"file": ("big.txt", big, "text/plain")},
                      data={"kind": "resume", "csrf": csrf})
        assert resp.status_code == 413
        assert resp.headers["content-type"].startswith("text/html")
        assert resp.headers["cache-control"] == "no-store" and "content-security-policy" in resp.headers
        html = resp.text
        assert 'data-code="A413"' in html and "limit of 1 MB (1048576 bytes)" in html
        assert "Upload a smaller file (1 MB at most)" in html and '{"ok"' not in html

        def chunks():  # type: ignore[no-untyped-def]
            head = (f"--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
                    "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                    "Content-Type: text/plain\r\n\r\n").encode()
            yield head
            for _ in range(40):  # 40 x 64 KiB: over the limit and its room for fields
                yield b"x" * 65536

        resp = c.post("/upload", content=chunks(),
                      headers={"content-type": "multipart/form-data; boundary=b"})
        assert resp.status_code == 413 and resp.headers["content-type"].startswith("text/html")
        assert 'data-code="A413"' in resp.text and "1 MB" in resp.text
        # the API still answers in its envelope, with the same words
        api = c.post("/v1/documents", files={"file": ("big.txt", big, "text/plain")},
                     data={"kind": "resume"}, headers={"Authorization": f"Bearer {admin_token}"})
        assert api.status_code == 413 and api.json()["code"] == "A413"
        assert "limit of 1 MB (1048576 bytes)" in api.json()["error"]


def test_web_form_over_the_body_limit_is_an_html_error_page(web) -> None:
    """Any page's form over the 2 MB body limit: the UI's error page (the body limit
    answers before any route runs, streamed or declared)."""
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(48):  # 3 MiB
            yield b"corpus=" + b"x" * 65529

    for body in (chunks(), b"corpus=" + b"x" * (3 * 1024 * 1024)):
        resp = web.post("/market", content=body,
                        headers={"content-type": "application/x-www-form-urlencoded"})
        assert resp.status_code == 413 and resp.headers["content-type"].startswith("text/html")
        assert 'data-code="A413"' in resp.text and "limit of 2 MB" in resp.text
