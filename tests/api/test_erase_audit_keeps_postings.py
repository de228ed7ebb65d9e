"""Erasure scrubs only the audit entries about the candidate's own objects: an entry about
a posting that survives (``posting.rank``) keeps its posting id, and loses only the values
of its detail that name what was erased (the ranking that listed the candidate)."""

from __future__ import annotations

import pytest

pytest.importorskip("skillmix.assess")


def test_erase_audit_keeps_the_surviving_postings_entries(client, keys, demo, uploader) -> None:
    name = "Ottoline Quarrender"
    resume = (demo / "resume.txt").read_bytes().replace(b"Alex Rivera", name.encode())
    cid = uploader(data=resume, filename="cv.txt", name=name)["candidate_id"]
    post = uploader(demo / "posting.html", kind="posting")["posting_id"]
    h = {"Authorization": f"Bearer {keys['admin']}"}
    rank = client.post("/v1/rank", headers=h, json={"posting_id": post}).json()["ranking"]
    assert client.delete(f"/v1/candidates/{cid}", headers=h).status_code == 200

    audit = client.get("/v1/audit", headers=h).json()["entries"]
    ranked = [e for e in audit if e["action"] == "posting.rank"]
    assert len(ranked) == 1
    entry = ranked[0]
    assert entry["object_type"] == "posting" and entry["object_id"] == post
    assert entry["detail"]["ranking"] == "erased"
    assert entry["detail"]["candidates"] == 1 and "top" in entry["detail"]
    flat = str(ranked)
    for needle in (cid, rank["id"], name, "Ottoline"):
        assert needle not in flat, needle
    # the candidate's own entries lose their id and detail
    created = [e for e in audit if e["action"] == "candidate.create"]
    assert created and all(e["object_id"] == "erased" and e["detail"] == {} for e in created)
    assert any(e["action"] == "posting.create" and e["object_id"] == post for e in audit)


def test_erasing_a_candidate_with_a_short_name_leaves_other_entries_whole(
        client, keys, demo, uploader) -> None:
    # the review's case: a candidate named "1" is a substring of every count; only the
    # erased candidate's ids are matched, never a name
    h = {"Authorization": f"Bearer {keys['admin']}"}
    other = uploader(demo / "resume.txt", filename="cv.txt", name="Alex Rivera")["candidate_id"]
    post = uploader(demo / "posting.html", kind="posting")["posting_id"]
    assert client.post("/v1/rank", headers=h, json={"posting_id": post}).status_code == 201
    before = {e["id"]: e for e in client.get("/v1/audit", headers=h).json()["entries"]}
    cid = uploader(demo / "resume.txt", filename="cv2.txt", name="1")["candidate_id"]
    assert client.delete(f"/v1/candidates/{cid}", headers=h).status_code == 200
    after = {e["id"]: e for e in client.get("/v1/audit", headers=h).json()["entries"]}
    for i, e in before.items():
        assert after[i] == e, e  # nothing about the other candidate or the ranking changed
    assert other
