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
