"""``POST /v1/documents`` takes a document's text as well as a file: a JSON body
``{"kind", "text", ...}`` or the multipart field ``text`` (what the web UI's paste boxes
send). Text goes the way the web's paste goes (kept as ``pasted-<kind>.txt``, then
:func:`skillmix.service.ingest` with its size limit, reading, errors and audit row). The
trial's API client could upload files only."""

from __future__ import annotations

from pathlib import Path

import pytest

POSTING = ("Social Media Engineer\n\nRequired: 3+ years of Python and SQL; build integrations "
           "with the Meta Marketing API and the TikTok API.\nPreferred: Google Analytics, "
           "A/B testing. Run our Instagram and LinkedIn channels with the community team.\n")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _skills(client, h, doc_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    ext = client.get(f"/v1/documents/{doc_id}/extraction", headers=h).json()["extraction"]
    return [(m["skill_id"], m["start"], m["end"], m["usage"]) for m in ext["mentions"]]


def test_documents_paste_resume_is_kept_as_an_uploaded_txt(client, as_admin, demo: Path,
                                                           store) -> None:
    """A pasted résumé (JSON) is stored, read and extracted as the same text uploaded as a
    ``.txt`` file: the same text, skills and spans; named ``pasted-resume.txt`` (not the
    candidate's name); the candidate named; the same audit row as an upload."""
    from skillmix.store import repo

    text = (demo / "resume.txt").read_text(encoding="utf-8")
    pasted = client.post("/v1/documents", headers=as_admin,
                         json={"kind": "resume", "text": text, "name": "Alex Paste"})
    assert pasted.status_code == 201, pasted.text
    filed = client.post("/v1/documents", headers=as_admin, data={"kind": "resume"},
                        files={"file": ("resume.txt", text.encode(), "text/plain")})
    assert filed.status_code == 201, filed.text
    p, f = pasted.json(), filed.json()
    assert p["document"]["source"] == "pasted-resume.txt"
    assert p["document"]["media_type"] == f["document"]["media_type"] == "text/plain"
    assert p["document"]["size"] == f["document"]["size"] == len(text.encode())
    assert p["document"]["created_at"].endswith("+00:00")
    assert p["extraction"]["counted"] == f["extraction"]["counted"]
    assert {"seo", "python"} <= set(p["extraction"]["counted"])
    pid, fid = p["document"]["id"], f["document"]["id"]
    full = client.get(f"/v1/documents/{pid}", headers=as_admin).json()["document"]
    assert full["text"] == client.get(f"/v1/documents/{fid}",
                                      headers=as_admin).json()["document"]["text"]
    assert _skills(client, as_admin, pid) == _skills(client, as_admin, fid)
    cand = client.get(f"/v1/candidates/{p['document']['candidate_id']}",
                      headers=as_admin).json()["candidate"]
    assert cand["name"] == "Alex Paste" and cand["documents"] == [pid]
    raw = client.get(f"/v1/documents/{pid}/file", headers=as_admin)
    assert raw.content == text.encode()
    uploads = {e.object_id for e in repo.list_audit(store) if e.action == "document.upload"}
    assert {pid, fid} <= uploads


def test_documents_paste_posting_and_form_field_text(client, as_admin) -> None:
    """A posting's text with its title and company, as JSON or as the multipart field
    ``text`` (as the web's paste box sends it): the same posting either way."""
    as_json = client.post("/v1/documents", headers=as_admin, json={
        "kind": "posting", "text": POSTING, "title": "Social Media Engineer",
        "company": "Acme", "location": "Remote"})
    as_form = client.post("/v1/documents", headers=as_admin,
                          files={k: (None, v) for k, v in {
                              "kind": "posting", "text": POSTING,
                              "title": "Social Media Engineer"}.items()})
    assert as_json.status_code == as_form.status_code == 201, (as_json.text, as_form.text)
    a, b = as_json.json(), as_form.json()
    assert a["document"]["source"] == b["document"]["source"] == "pasted-posting.txt"
    assert a["extraction"]["counted"] == b["extraction"]["counted"]
    assert len(a["extraction"]["counted"]) >= 4
    posting = client.get(f"/v1/postings/{a['document']['posting_id']}",
                         headers=as_admin).json()["posting"]
    assert (posting["title"], posting["company"]) == ("Social Media Engineer", "Acme")


@pytest.mark.parametrize("body,status,code,words", [
    ({"kind": "resume", "text": ""}, 422, "D113", "document has no text"),
    ({"kind": "resume", "text": "  \n\t \r\n"}, 422, "D113", "document has no text"),
    ({"kind": "resume", "text": "Python and SQL. " * 4200}, 413, "A413",
     "larger than the limit of 64 KB (65536 bytes)"),
    ({"kind": "photo", "text": "Python"}, 400, "A420",
     "field 'kind' must be 'resume' or 'posting', not 'photo'"),
    ({"kind": "resume"}, 422, "A422", "text: Field required"),
    ({"text": "Python"}, 422, "A422", "kind: Field required"),
    ({"kind": "resume", "text": 42}, 422, "A422", "text: Input should be a valid string"),
    ({"kind": "resume", "text": "Python", "filename": "cv.txt"}, 422, "A422",
     "filename: Extra inputs are not permitted"),
    ({"kind": "posting", "text": "Python", "title": "T" * (64 * 1024 + 1)}, 413, "A414",
     "fields other than the text exceed 65536 bytes"),
], ids=["empty", "whitespace", "too-long", "kind", "no-text", "no-kind", "not-text", "extra",
        "long-fields"])
def test_documents_paste_bad_bodies(client, as_admin, store, body, status: int, code: str,
                                    words: str) -> None:
    from skillmix.store import repo

    resp = client.post("/v1/documents", headers=as_admin, json=body)
    assert resp.status_code == status, resp.text
    got = resp.json()
    assert got["ok"] is False and got["code"] == code and got["status"] == status
    assert words in got["error"], got["error"]
    assert "Python and SQL. Python" not in got["error"]  # the text is never echoed
    assert repo.list_candidates(store) == [] and repo.list_postings(store) == []


def test_documents_paste_bad_json_and_other_bodies(client, as_admin) -> None:
    h = {**as_admin, "content-type": "application/json"}
    broken = client.post("/v1/documents", headers=h, content=b'{"kind": "resume", "text":')
    assert broken.status_code == 422 and broken.json()["code"] == "A422"
    listed = client.post("/v1/documents", headers=h, content=b'["resume", "Python"]')
    assert listed.status_code == 422 and listed.json()["code"] == "A422"
    plain = client.post("/v1/documents", headers={**as_admin, "content-type": "text/plain"},
                        content=b"Python and SQL")
    assert plain.status_code == 400 and plain.json()["code"] == "A400"
    assert "application/json" in plain.json()["error"]


def test_documents_paste_checks_scope_and_candidate_owner(client, keys, as_admin) -> None:
    from skillmix.store import create_key

    body = {"kind": "resume", "text": "Python and SQL, SEO."}
    assert client.post("/v1/documents", headers=auth(keys["read"]), json=body).status_code == 403
    owned = client.post("/v1/documents", headers=as_admin, json=body).json()["document"]
    other = auth(create_key(client.app.state.workspace.store, "other", "write").token)
    refused = client.post("/v1/documents", headers=other,
                          json={**body, "candidate_id": owned["candidate_id"]})
    assert refused.status_code == 403 and refused.json()["code"] == "A406"


def test_documents_paste_in_the_openapi_document(client, keys) -> None:
    spec = client.get("/v1/openapi.json", headers=auth(keys["read"])).json()
    post = spec["paths"]["/v1/documents"]["post"]
    content = post["requestBody"]["content"]
    pasted = content["application/json"]["schema"]
    assert set(pasted["required"]) == {"kind", "text"}
    assert {"kind", "text", "name", "candidate_id", "posting_id", "title", "company",
            "location"} == set(pasted["properties"])
    assert pasted.get("additionalProperties") is False
    form = content["multipart/form-data"]["schema"]
    assert {"file", "text", "kind"} <= set(form["properties"])
    assert "text" in post["summary"]
