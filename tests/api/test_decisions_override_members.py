"""``POST /v1/decisions/overrides`` records a reviewer's decision on a candidate of a run:
one the run scored or ranked (its top results, or its pool below them). A candidate the
run did not include is refused with ``[F147]`` (422) and nothing is logged."""

from __future__ import annotations

import pytest

pytest.importorskip("skillmix.assess")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _override(client, keys, run_id: str, candidate_id: str):  # type: ignore[no-untyped-def]
    return client.post("/v1/decisions/overrides", headers=auth(keys["write"]),
                       json={"run_id": run_id, "candidate_id": candidate_id,
                             "decision": "reject", "reason": "Checked the portfolio."})


def _entries(client, keys) -> int:  # type: ignore[no-untyped-def]
    return client.get("/v1/decisions/verify", headers=auth(keys["admin"])).json()["entries"]  # type: ignore[no-any-return]


@pytest.fixture
def people(uploader, demo) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"dana": uploader(demo / "resume.txt", name="Dana Digital")["candidate_id"],
            "sam": uploader(demo / "consumer_resume.txt", name="Sam Other")["candidate_id"],
            "post": uploader(demo / "posting.html", kind="posting")["posting_id"]}


def test_decisions_override_for_candidate_not_in_ranking_is_422(client, keys, people) -> None:
    ranking = client.post("/v1/rank", headers=auth(keys["write"]),
                          json={"posting_id": people["post"], "candidate_ids": [people["dana"]]})
    assert ranking.status_code == 201, ranking.text
    run_id = ranking.json()["ranking"]["data"]["decision"]
    before = _entries(client, keys)

    resp = _override(client, keys, run_id, people["sam"])
    assert resp.status_code == 422, resp.text
    body = resp.json()
    assert body["code"] == "F147" and body["status"] == 422
    assert f"did not rank candidate {people['sam']!r}" in body["error"]
    assert _entries(client, keys) == before  # nothing was logged

    ok = _override(client, keys, run_id, people["dana"])
    assert ok.status_code == 201, ok.text
    assert _entries(client, keys) == before + 1


def test_decisions_override_for_candidate_not_in_scoring_is_422(client, keys, people) -> None:
    card = client.post("/v1/assess", headers=auth(keys["write"]),
                       json={"candidate_id": people["dana"]})
    assert card.status_code == 201, card.text
    run_id = card.json()["scorecard"]["data"]["decision"]

    resp = _override(client, keys, run_id, people["sam"])
    assert resp.status_code == 422 and resp.json()["code"] == "F147", resp.text
    assert "did not score" in resp.json()["error"]
    assert _override(client, keys, run_id, people["dana"]).status_code == 201


def test_decisions_override_for_pool_member_below_top_is_accepted(client, keys, people) -> None:
    ranking = client.post("/v1/rank", headers=auth(keys["write"]),
                          json={"posting_id": people["post"], "top": 1,
                                "candidate_ids": [people["dana"], people["sam"]]})
    assert ranking.status_code == 201, ranking.text
    data = ranking.json()["ranking"]["data"]
    shown = {data["candidates"][r["id"]] for r in data["ranking"]["results"]}
    below = ({people["dana"], people["sam"]} - shown).pop()  # in the pool, not in the top 1
    resp = _override(client, keys, data["decision"], below)
    assert resp.status_code == 201, resp.text
