"""The web UI's pages that show a candidate's personal data (the home list, the candidate,
their résumé, a scorecard, a ranking) each leave one audit entry, as the API's reads do,
with the session's key as the actor and ``via: web``; pages that show none (a posting)
leave none."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("skillmix.assess")


def _upload(web, demo, filename: str, kind: str = "resume", source: str = "resume.txt",  # type: ignore[no-untyped-def]
            name: str = "") -> str:
    resp = web.post("/upload", files={"file": (filename, (demo / source).read_bytes())},
                    data={"kind": kind, "csrf": web.csrf, "name": name},
                    follow_redirects=False)
    assert resp.status_code == 303, resp.text
    return resp.headers["location"].rsplit("/", 1)[1]


def test_web_reads_audit_every_page_with_a_candidate(web, demo, store, admin_token) -> None:  # type: ignore[no-untyped-def]
    from skillmix.store import repo

    doc = _upload(web, demo, "Dana_Digital_CV.txt", name="Dana Digital")
    cid = repo.get_document(store, doc).candidate_id
    post_doc = _upload(web, demo, "post.html", kind="posting", source="posting.html")
    post = repo.get_document(store, post_doc).posting_id
    card = web.post(f"/candidates/{cid}/assess", data={"csrf": web.csrf, "blind": "1",
                                                       "profile": "social-media-manager"},
                    follow_redirects=False).headers["location"].rsplit("/", 1)[1]
    rank = web.post(f"/postings/{post}/rank", data={"csrf": web.csrf, "blind": "1"},
                    follow_redirects=False).headers["location"].rsplit("/", 1)[1]
    reads = lambda: [e for e in repo.list_audit(store, limit=1000)  # noqa: E731
                     if e.action.endswith((".read", ".list"))]
    before = len(reads())  # the sign-in's home page listed nobody

    for path in ("/", f"/candidates/{cid}", f"/documents/{doc}", f"/scorecards/{card}",
                 f"/rankings/{rank}"):
        assert web.get(path).status_code == 200, path
    assert web.get(f"/postings/{post}").status_code == 200
    assert web.get(f"/documents/{post_doc}").status_code == 200

    got = reads()[: len(reads()) - before]
    assert sorted((e.action, e.object_id) for e in got) == sorted([
        ("candidate.list", ""), ("candidate.read", cid), ("document.read", doc),
        ("scorecard.read", card), ("ranking.read", rank)])
    key = admin_token.split("_")[1]
    assert {e.actor for e in got} == {key}
    assert {e.detail["via"] for e in got} == {"web"}
    flat = json.dumps([e.to_dict() for e in got], default=str)
    assert "Dana" not in flat and not re.search(r"\.txt", flat)
