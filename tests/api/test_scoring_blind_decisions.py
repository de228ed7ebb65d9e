"""Assess and rank through the API: blind mode is on by default, every call is logged as a
decision, results are stored and read back, and the professional candidate outranks the
consumer-only one for a social media engineering posting."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("skillmix.assess")
pytest.importorskip("skillmix.match")
pytest.importorskip("skillmix.fairness")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def pool(demo, uploader):  # type: ignore[no-untyped-def]
    pro = uploader(demo / "resume.txt", name="Alex Rivera")
    consumer = uploader(demo / "consumer_resume.txt", name="Casey Consumer")
    post = uploader(demo / "posting.html", kind="posting", title="Social Media Engineer")
    return pro["candidate_id"], consumer["candidate_id"], post["posting_id"]


def _decisions(client, keys, **params):  # type: ignore[no-untyped-def]
    return client.get("/v1/decisions", headers=auth(keys["admin"]), params=params).json()["decisions"]


def test_scoring_assess_is_blind_by_default_and_logged(client, keys, pool) -> None:
    pro, _, _ = pool
    resp = client.post("/v1/assess", headers=auth(keys["write"]), json={"candidate_id": pro})
    assert resp.status_code == 201, resp.text
    res = resp.json()["scorecard"]
    assert res["data"]["blind"] is True
    assert res["data"]["redactions"].get("name", 0) >= 1
    card = res["data"]["scorecard"]
    assert 0 < card["fit"] <= 100
    assert "Alex Rivera" not in str(card)
    stored = client.get(f"/v1/scorecards/{res['id']}", headers=auth(keys["read"])).json()
    assert stored["scorecard"]["data"] == res["data"]
    logged = _decisions(client, keys, candidate_id=pro)
    assert len(logged) == 1 and logged[0]["kind"] == "run" and logged[0]["run_kind"] == "scoring"
    assert logged[0]["id"] == res["data"]["decision"]
    assert logged[0]["blind"] is True and logged[0]["advisory"] is True
    assert logged[0]["outputs"]["fit"] == card["fit"]
    assert pro not in str(logged)  # only a keyed pseudonym


def test_scoring_assess_not_blind_when_asked(client, keys, pool) -> None:
    pro, _, _ = pool
    res = client.post("/v1/assess", headers=auth(keys["write"]),
                      json={"candidate_id": pro, "blind": False, "profile": "social-media-manager"}).json()
    assert res["scorecard"]["data"]["blind"] is False
    assert res["scorecard"]["target"] == "profile:social-media-manager"


def test_scoring_rank_blind_orders_professional_first(client, keys, pool) -> None:
    pro, consumer, post = pool
    resp = client.post("/v1/rank", headers=auth(keys["write"]), json={"posting_id": post})
    assert resp.status_code == 201, resp.text
    data = resp.json()["ranking"]["data"]
    assert data["blind"] is True and data["pool"] == 2
    ranked = [data["candidates"][m["id"]] for m in data["ranking"]["results"]]
    assert ranked == [pro, consumer]
    top = data["ranking"]["results"][0]
    assert top["matched"] and top["score"] > data["ranking"]["results"][1]["score"]
    assert "Alex Rivera" not in str(data) and "Casey Consumer" not in str(data)
    logged = _decisions(client, keys, run_id=data["decision"])
    assert [d["run_kind"] for d in logged] == ["ranking"]
    assert [o["rank"] for o in logged[0]["outputs"]] == [1, 2]
    assert len(logged[0]["inputs"]) == 3  # the posting and two résumés, hashed
    for cid, out in zip(ranked, logged[0]["outputs"]):
        assert _decisions(client, keys, candidate_id=cid)[0]["id"] == data["decision"]
        assert cid not in str(out)
    assert client.get(f"/v1/postings/{post}", headers=auth(keys["read"])).json()["latest_ranking"] == resp.json()["ranking"]["id"]


def test_scoring_every_call_is_a_decision(client, keys, pool) -> None:
    pro, consumer, post = pool
    h = auth(keys["write"])
    for cid in (pro, consumer, pro):
        assert client.post("/v1/assess", headers=h, json={"candidate_id": cid}).status_code == 201
    for _ in range(2):
        assert client.post("/v1/rank", headers=h, json={"posting_id": post, "top": 1}).status_code == 201
    kinds = [d["run_kind"] for d in _decisions(client, keys)]
    assert sorted(kinds) == ["ranking"] * 2 + ["scoring"] * 3
    assert client.get("/v1/decisions/verify", headers=auth(keys["admin"])).json()["entries"] == 5


def test_scoring_reviewer_override_is_logged(client, keys, pool) -> None:
    pro, _, _ = pool
    run = client.post("/v1/assess", headers=auth(keys["write"]), json={"candidate_id": pro}).json()
    run_id = run["scorecard"]["data"]["decision"]
    body = {"run_id": run_id, "candidate_id": pro, "decision": "advance", "reason": ""}
    assert client.post("/v1/decisions/overrides", headers=auth(keys["write"]), json=body).status_code == 422
    body["reason"] = "Strong API portfolio shown in interview."
    resp = client.post("/v1/decisions/overrides", headers=auth(keys["write"]), json=body)
    assert resp.status_code == 201, resp.text
    entries = _decisions(client, keys, run_id=run_id)
    assert [e["kind"] for e in entries] == ["override", "run"]
    assert entries[0]["actor"] == "user-write" and entries[0]["advisory"] is False


def test_scoring_rank_unknown_posting_is_404(client, keys) -> None:
    resp = client.post("/v1/rank", headers=auth(keys["write"]), json={"posting_id": "post_x"})
    assert resp.status_code == 404 and resp.json()["code"] == "S102"


def test_scoring_profiles_put_validates_and_is_used(client, keys) -> None:
    h = auth(keys["write"])
    base = client.get("/v1/profiles/social-media-manager", headers=h).json()["profile"]
    import yaml

    base["label"] = "Our social lead"
    resp = client.put("/v1/profiles/our-social-lead", headers={**h, "Content-Type": "text/plain"},
                      content=yaml.safe_dump(base))
    assert resp.status_code == 200, resp.text
    ids = {p["id"]: p for p in client.get("/v1/profiles", headers=h).json()["profiles"]}
    assert ids["our-social-lead"]["origin"] == "workspace"
    bad = dict(base, areas=[{"id": "no_such_area", "weight": 1}])
    resp = client.put("/v1/profiles/broken", headers={**h, "Content-Type": "text/plain"},
                      content=yaml.safe_dump(bad))
    assert resp.status_code == 400 and resp.json()["code"].startswith("P")
    assert client.delete("/v1/profiles/our-social-lead", headers=h).json()["ok"] is True


def test_scoring_assess_against_a_posting(client, keys, pool) -> None:
    pro, consumer, post = pool
    h = auth(keys["write"])
    fits = {}
    for cid in (pro, consumer):
        resp = client.post("/v1/assess", headers=h, json={"candidate_id": cid, "posting_id": post})
        assert resp.status_code == 201, resp.text
        res = resp.json()["scorecard"]
        assert res["target"] == f"posting:{post}"
        fits[cid] = res["data"]["scorecard"]["fit"]
    assert fits[pro] > fits[consumer]


#: a "Current" role whose end is the text's latest date, a graduation month blind mode masks
#: (shared with tests/fairness/test_redact_written_on.py)
DATED = (Path(__file__).parents[1] / "data" / "fairness" / "current_role_graduation.txt").read_bytes()


def _numbers(card):  # type: ignore[no-untyped-def]
    return (card["fit"], card["total_years"],
            [(d["skill_id"], d["years"], d["last_used"], d["recency_months"]) for d in card["depth"]])


def _blind_and_open(client, keys, cid: str, **target: str):  # type: ignore[no-untyped-def]
    out = []
    for blind in (True, False):
        resp = client.post("/v1/assess", headers=auth(keys["write"]),
                           json={"candidate_id": cid, "blind": blind, **target})
        assert resp.status_code == 201, resp.text
        assert resp.json()["scorecard"]["data"]["blind"] is blind
        out.append(_numbers(resp.json()["scorecard"]["data"]["scorecard"]))
    return out


def test_scoring_blind_keeps_years_of_a_current_role(client, keys, uploader, pool) -> None:
    """Blind mode hides identity only: the same résumé gets the same fit, years and recency
    with it on and off (the masked copy lost the date "Current" is counted to)."""
    _, _, post = pool
    cid = uploader(data=DATED, filename="dated.txt")["candidate_id"]
    for target in ({"profile": "social-media-manager"}, {"posting_id": post}):
        blind, open_ = _blind_and_open(client, keys, cid, **target)
        assert blind == open_
        assert blind[1] > 0


def test_scoring_blind_keeps_years_of_real_pdfs(client, keys, uploader, shared_data) -> None:
    root = shared_data / "resumes" / "livecareer"
    paths = [root / "SALES" / "10138632.pdf", root / "DIGITAL-MEDIA" / "11270462.pdf"]
    if not all(p.is_file() for p in paths):
        pytest.skip("the LiveCareer résumés are not in shared data")
    for path in paths:
        cid = uploader(path)["candidate_id"]
        blind, open_ = _blind_and_open(client, keys, cid, profile="social-media-manager")
        assert blind == open_


def test_scoring_answers_name_no_server_path(client, keys, pool, store) -> None:
    """Scorecards and the decision log name a built-in profile, not its file inside the
    install (``profile_path`` was an absolute path); those stored before are mended."""
    from dataclasses import replace
    from pathlib import Path

    import skillmix
    from skillmix.service import list_decisions
    from skillmix.service.decide import _shown
    from skillmix.store import repo
    from skillmix.store.models import ScorecardRow

    install = str(Path(skillmix.__file__).resolve().parent)
    pro, _, post = pool
    made = client.post("/v1/assess", headers=auth(keys["write"]),
                       json={"candidate_id": pro, "profile": "social-media-manager"}).json()
    card_id = made["scorecard"]["id"]
    client.post("/v1/assess", headers=auth(keys["write"]), json={"candidate_id": pro, "posting_id": post})
    got = client.get(f"/v1/scorecards/{card_id}", headers=auth(keys["read"]))
    params = got.json()["scorecard"]["data"]["scorecard"]["parameters"]
    assert params["profile_source"] == "builtin:social-media-manager"
    decisions = client.get("/v1/decisions", headers=auth(keys["admin"]))
    for text in (made, got.text, decisions.text):
        assert install not in str(text) and "profile_path" not in str(text)
    assert "posting:" in decisions.text

    with store.session() as sess:  # a scorecard stored before
        row = sess.get(ScorecardRow, card_id)
        scorecard = dict(row.data["scorecard"])
        scorecard["parameters"] = {**scorecard["parameters"],
                                   "profile_path": f"{install}/assess/profiles/social-media-manager.yaml"}
        row.data = {**row.data, "scorecard": scorecard}
    got = client.get(f"/v1/scorecards/{card_id}", headers=auth(keys["read"]))
    assert install not in got.text and "profile_path" not in got.text
    assert got.json()["scorecard"]["data"]["scorecard"]["parameters"]["profile_source"] == \
        "builtin:social-media-manager"
    assert "profile_path" in repo.get_scorecard(store, card_id).data["scorecard"]["parameters"]
    assert "profile_source" in _decisions(client, keys)[0]["config"]
    logged = list_decisions(client.app.state.workspace, limit=1)[0]
    old = replace(logged, config={"profile_path": "/srv/skillmix/profiles/own.yaml"})
    assert _shown(old).config == {"profile_source": "file:own.yaml"}
