"""``POST /v1/rank`` and its ``candidate_ids``: left out, every candidate with a résumé is
ranked; a list ranks those; an empty list names nobody and is refused with ``[C132]``
(422), not answered as if no résumés existed (``[S142]``, 404)."""

from __future__ import annotations

import pytest

pytest.importorskip("skillmix.assess")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_scoring_rank_empty_candidate_ids_is_422(client, keys, demo, uploader) -> None:
    a = uploader(demo / "resume.txt")["candidate_id"]
    uploader(demo / "consumer_resume.txt")
    post = uploader(demo / "posting.html", kind="posting")["posting_id"]
    h = auth(keys["write"])

    empty = client.post("/v1/rank", headers=h, json={"posting_id": post, "candidate_ids": []})
    assert empty.status_code == 422, empty.text
    body = empty.json()
    assert body["code"] == "C132" and body["status"] == 422 and body["ok"] is False
    assert "empty list" in body["error"] and "leave candidate_ids out" in body["error"]

    every = client.post("/v1/rank", headers=h, json={"posting_id": post})
    assert every.status_code == 201 and every.json()["ranking"]["data"]["pool"] == 2
    named = client.post("/v1/rank", headers=h, json={"posting_id": post, "candidate_ids": [a]})
    assert named.status_code == 201
    assert set(named.json()["ranking"]["data"]["candidates"].values()) == {a}
