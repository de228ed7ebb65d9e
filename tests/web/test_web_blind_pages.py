"""Blind pages stay blind, and every page names a candidate the same way.

A blind ranking's labels and a blind scorecard linked to the candidate's page, headed by
their name: one click undid blind mode. Out of blind mode, the home list and the candidate
page named a candidate without a name by their store id while rankings used the résumé's
file name."""

from __future__ import annotations

import re


def _upload(web, demo, filename: str, name: str = "", kind: str = "resume",  # type: ignore[no-untyped-def]
            source: str = "resume.txt") -> str:
    resp = web.post("/upload", files={"file": (filename, (demo / source).read_bytes())},
                    data={"kind": kind, "csrf": web.csrf, "name": name, "title": "Engineer"},
                    follow_redirects=False)
    assert resp.status_code == 303, resp.text
    return resp.headers["location"]


def _ids(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="/{prefix}/([^"#]+)"', html)


def _rank(web, post: str, blind: bool) -> str:  # type: ignore[no-untyped-def]
    data = {"csrf": web.csrf, "top": "10", **({"blind": "1"} if blind else {})}
    resp = web.post(f"/postings/{post}/rank", data=data)
    assert resp.status_code == 200, resp.text
    return resp.text


def _assess(web, cid: str, blind: bool) -> str:  # type: ignore[no-untyped-def]
    data = {"csrf": web.csrf, "profile": "social-media-manager", **({"blind": "1"} if blind else {})}
    resp = web.post(f"/candidates/{cid}/assess", data=data)
    assert resp.status_code == 200, resp.text
    return resp.text


def test_web_blind_ranking_and_scorecard_link_to_no_identifying_page(web, demo) -> None:
    from skillmix.fairness import neutral_label

    doc = _upload(web, demo, "Dana_Digital_CV.txt", name="Dana Digital")
    cid = _ids(web.get(doc).text, "candidates")[0]
    _upload(web, demo, "other.txt", source="consumer_resume.txt")
    post = _ids(web.get(_upload(web, demo, "post.html", kind="posting",
                                source="posting.html")).text, "postings")[0]

    blind = _rank(web, post, blind=True)
    assert neutral_label(cid) in blind
    assert "/candidates/" not in blind and "Dana" not in blind
    assert "candidate pages are not linked" in blind
    opened = _rank(web, post, blind=False)
    assert f'<a href="/candidates/{cid}">Dana Digital</a>' in opened

    card = _assess(web, cid, blind=True)
    assert "/candidates/" not in card and "Dana" not in card
    assert f"Scorecard: {neutral_label(cid)}" in card
    card = _assess(web, cid, blind=False)
    assert f'<a href="/candidates/{cid}">candidate page</a>' in card
    assert "Scorecard: Dana Digital" in card


def test_web_unnamed_candidate_is_named_by_the_resume_file_everywhere(web, demo) -> None:
    doc = _upload(web, demo, "10464113.txt")
    cid = _ids(web.get(doc).text, "candidates")[0]
    post = _ids(web.get(_upload(web, demo, "post.html", kind="posting",
                                source="posting.html")).text, "postings")[0]
    home = web.get("/").text
    assert f'<a href="/candidates/{cid}">10464113.txt</a>' in home
    page = web.get(f"/candidates/{cid}").text
    assert "<h1>10464113.txt</h1>" in page and "<title>10464113.txt" in page
    assert f'<a href="/candidates/{cid}">10464113.txt</a>' in _rank(web, post, blind=False)
    assert "Scorecard: 10464113.txt" in _assess(web, cid, blind=False)
    # a newer résumé names them from then on; a given name always wins
    web.post("/upload", files={"file": ("second.txt", (demo / "resume.txt").read_bytes())},
             data={"kind": "resume", "csrf": web.csrf, "candidate_id": cid})
    assert f'<a href="/candidates/{cid}">second.txt</a>' in web.get("/").text
    named = _ids(web.get(_upload(web, demo, "x.txt", name="Pat Relations")).text, "candidates")[0]
    assert f'<a href="/candidates/{named}">Pat Relations</a>' in web.get("/").text
