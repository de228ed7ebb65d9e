"""Upload a résumé and a posting, read back text, extraction, candidate, posting, original file."""

from __future__ import annotations

import pytest


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_documents_upload_resume_then_read_everything(client, keys, demo, uploader) -> None:
    doc = uploader(demo / "resume.txt", name="Alex Rivera")
    assert doc["kind"] == "resume" and doc["candidate_id"].startswith("cand_")
    h = auth(keys["read"])
    full = client.get(f"/v1/documents/{doc['id']}", headers=h).json()["document"]
    from skillmix.io import read_document

    expected = read_document(demo / "resume.txt", kind="resume", sandbox=False).text
    assert full["text"] == expected and "Alex Rivera" in expected
    ext = client.get(f"/v1/documents/{doc['id']}/extraction", headers=h).json()["extraction"]
    assert ext["document_id"] == doc["id"]
    for m in ext["mentions"]:
        assert full["text"][m["start"]:m["end"]] == m["surface"]
    assert {"seo", "python"} <= set(ext["counted"])
    cand = client.get(f"/v1/candidates/{doc['candidate_id']}", headers=h).json()["candidate"]
    assert cand["documents"] == [doc["id"]] and cand["name"] == "Alex Rivera"
    raw = client.get(f"/v1/documents/{doc['id']}/file", headers=h)
    assert raw.content == (demo / "resume.txt").read_bytes()
    assert raw.headers["content-disposition"].startswith("attachment")


def test_documents_consumer_familiarity_is_not_counted(client, keys, demo, uploader) -> None:
    doc = uploader(demo / "consumer_resume.txt")
    ext = client.get(f"/v1/documents/{doc['id']}/extraction", headers=auth(keys["read"])).json()["extraction"]
    consumer = {m["skill_id"] for m in ext["mentions"] if m["usage"] == "consumer"}
    assert consumer, "the demo consumer résumé should have consumer-only mentions"
    only_consumer = {s for s in consumer
                     if all(m["usage"] == "consumer" or m["negated"]
                            for m in ext["mentions"] if m["skill_id"] == s)}
    assert only_consumer and not (only_consumer & set(ext["counted"]))


def test_documents_posting_and_second_resume_for_same_candidate(client, keys, demo, uploader) -> None:
    post = uploader(demo / "posting.html", kind="posting", title="Social Media Engineer")
    assert post["posting_id"].startswith("post_") and post["candidate_id"] is None
    p = client.get(f"/v1/postings/{post['posting_id']}", headers=auth(keys["read"])).json()["posting"]
    assert p["title"] == "Social Media Engineer" and p["documents"] == [post["id"]]
    first = uploader(demo / "resume.txt")
    second = uploader(demo / "consumer_resume.txt", candidate_id=first["candidate_id"])
    assert second["candidate_id"] == first["candidate_id"]
    cand = client.get(f"/v1/candidates/{first['candidate_id']}", headers=auth(keys["read"])).json()
    assert cand["candidate"]["documents"] == [first["id"], second["id"]]


def test_documents_skill_index_finds_candidates(client, keys, demo, uploader) -> None:
    a = uploader(demo / "resume.txt")
    uploader(data=b"Chef. Knife skills, menu planning, food safety.", filename="chef.txt")
    found = client.get("/v1/candidates?skill=python", headers=auth(keys["read"])).json()["candidates"]
    assert [c["id"] for c in found] == [a["candidate_id"]]


def test_documents_candidate_list_counts_skills_as_the_detail_does(client, keys, demo,
                                                                   uploader) -> None:
    a = uploader(demo / "resume.txt")
    b = uploader(demo / "consumer_resume.txt")
    uploader(demo / "consumer_resume.txt", candidate_id=a["candidate_id"])  # two documents
    h = auth(keys["read"])
    listed = {c["id"]: c["skills"]
              for c in client.get("/v1/candidates", headers=h).json()["candidates"]}
    for cid in (a["candidate_id"], b["candidate_id"]):
        detail = client.get(f"/v1/candidates/{cid}", headers=h).json()["candidate"]
        assert detail["skills"] > 0 and listed[cid] == detail["skills"], (cid, listed)
    assert listed[a["candidate_id"]] > listed[b["candidate_id"]]  # distinct over both
    older = client.get("/v1/candidates?limit=1&offset=1", headers=h).json()["candidates"]
    assert [(c["id"], c["skills"]) for c in older] == [(a["candidate_id"],
                                                       listed[a["candidate_id"]])]


def test_documents_real_pdf_resume(client, keys, shared_data, uploader) -> None:
    pdfs = sorted((shared_data / "resumes" / "livecareer" / "DIGITAL-MEDIA").glob("*.pdf"))
    if not pdfs:
        pytest.skip("no DIGITAL-MEDIA résumés in shared data")
    doc = uploader(pdfs[0])
    assert doc["media_type"] == "application/pdf" and doc["pages"] >= 1
    ext = client.get(f"/v1/documents/{doc['id']}/extraction", headers=auth(keys["read"])).json()
    assert ext["extraction"]["mentions"]


def test_documents_unknown_candidate_is_404(client, keys, demo) -> None:
    resp = client.post("/v1/documents", headers=auth(keys["write"]),
                       files={"file": ("r.txt", b"SEO and Python")},
                       data={"kind": "resume", "candidate_id": "cand_missing"})
    assert resp.status_code == 404 and resp.json()["code"] == "S101"


def test_documents_read_key_cannot_upload(client, keys, demo) -> None:
    resp = client.post("/v1/documents", headers=auth(keys["read"]),
                       files={"file": ("r.txt", b"SEO")}, data={"kind": "resume"})
    assert resp.status_code == 403


def test_documents_an_export_is_refused_not_read_as_one_candidate(client, as_admin) -> None:
    body = b"id,name,resume\nc1,Alex,Social media manager\nc2,Sam,Data analyst\n"
    r = client.post("/v1/documents", headers=as_admin, data={"kind": "resume"},
                    files={"file": ("candidates.csv", body, "text/csv")})
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "C427" and "one per row" in r.json()["error"]
