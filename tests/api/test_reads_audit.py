"""Reads of a candidate's personal data are audited: a key with read scope fetching a
candidate, the candidate list, a résumé's text, extraction or file, a scorecard or a ranking
leaves one audit entry naming the key, the action and the ids, and nothing of the person;
erasure treats those entries as it treats the writes' (the trial found only writes,
sessions and erasures in the log). Runs on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import json
import secrets

import pytest
from sqlalchemy import inspect, text

pytest.importorskip("skillmix.assess")

NAME = "Ottoline Quarrender"


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def key_id(token: str) -> str:
    return token.split("_")[1]


@pytest.fixture
def world(client, keys, demo, uploader):  # type: ignore[no-untyped-def]
    """Two candidates (one named, with a marker in the résumé and its file name), a
    posting, a scorecard and a ranking, made with the admin key."""
    marker = "mk" + secrets.token_hex(6)
    resume = (demo / "resume.txt").read_bytes().replace(b"Alex Rivera", NAME.encode())
    resume += f"\nPROJECTS\n- {marker}: a chatbot for customer service.\n".encode()
    doc = uploader(data=resume, filename=f"{marker}.txt", name=NAME)
    other = uploader(demo / "consumer_resume.txt")
    post = uploader(demo / "posting.html", kind="posting")
    h = auth(keys["admin"])
    cid = doc["candidate_id"]
    card = client.post("/v1/assess", headers=h, json={"candidate_id": cid}).json()["scorecard"]
    rank = client.post("/v1/rank", headers=h,
                       json={"posting_id": post["posting_id"]}).json()["ranking"]
    return {"marker": marker, "doc": doc["id"], "cid": cid, "other": other["candidate_id"],
            "post_doc": post["id"], "post": post["posting_id"], "card": card["id"],
            "rank": rank["id"]}


def _everything(store) -> str:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return "\n".join(" ".join(str(v) for v in row)
                         for table in inspect(conn).get_table_names()
                         for row in conn.execute(text(f'SELECT * FROM "{table}"')))


READ_ACTIONS = ("candidate.read", "candidate.list", "document.read", "scorecard.read",
                "ranking.read")


def _reads(client, keys) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    entries = client.get("/v1/audit", headers=auth(keys["admin"]),
                         params={"limit": 1000}).json()["entries"]
    return [e for e in entries if e["action"] in READ_ACTIONS]


def test_reads_audit_every_read_of_personal_data_names_the_key(client, keys, world) -> None:
    h, w = auth(keys["read"]), world
    assert _reads(client, keys) == []  # the writes above read nothing back
    for path in (f"/v1/candidates/{w['cid']}", "/v1/candidates",
                 f"/v1/documents/{w['doc']}", f"/v1/documents/{w['doc']}/extraction",
                 f"/v1/documents/{w['doc']}/file", f"/v1/scorecards/{w['card']}",
                 f"/v1/rankings/{w['rank']}"):
        assert client.get(path, headers=h).status_code == 200, path

    reads = _reads(client, keys)
    got = {(e["action"], e["object_type"], e["object_id"], e["detail"].get("part"))
           for e in reads}
    assert got == {
        ("candidate.read", "candidate", w["cid"], None),
        ("candidate.list", "candidate", "", None),
        ("document.read", "document", w["doc"], "text"),
        ("document.read", "document", w["doc"], "extraction"),
        ("document.read", "document", w["doc"], "file"),
        ("scorecard.read", "scorecard", w["card"], None),
        ("ranking.read", "ranking", w["rank"], None),
    }
    assert len(reads) == 7
    assert {e["actor"] for e in reads} == {key_id(keys["read"])}
    assert {e["detail"]["via"] for e in reads} == {"api"}
    by = {(e["action"], e["detail"].get("part")): e["detail"] for e in reads}
    assert sorted(by[("candidate.list", None)]["candidates"]) == sorted([w["cid"], w["other"]])
    assert by[("document.read", "file")]["candidate"] == w["cid"]
    assert by[("scorecard.read", None)]["candidate"] == w["cid"]
    assert sorted(by[("ranking.read", None)]["candidates"]) == sorted([w["cid"], w["other"]])
    # ids and settings only: nothing of the person, their text or their file's name
    flat = json.dumps(reads)
    for needle in (NAME, "Ottoline", w["marker"], "chatbot", "@"):
        assert needle not in flat, needle


def test_reads_audit_leaves_postings_and_failed_reads_out(client, keys, world) -> None:
    h, w = auth(keys["read"]), world
    for path in (f"/v1/documents/{w['post_doc']}", f"/v1/documents/{w['post_doc']}/extraction",
                 f"/v1/postings/{w['post']}", "/v1/postings"):
        assert client.get(path, headers=h).status_code == 200, path
    for path in ("/v1/candidates/cand_0000000000000000", "/v1/documents/doc_0000000000000000",
                 "/v1/scorecards/card_0000000000000000", "/v1/rankings/rank_0000000000000000"):
        assert client.get(path, headers=h).status_code == 404, path
    assert client.get("/v1/candidates", headers=h, params={"skill": "no-such-skill"}).json()[
        "candidates"] == []
    assert _reads(client, keys) == []


def test_reads_audit_answers_who_read_a_candidate(client, keys, world) -> None:
    w = world
    client.get(f"/v1/candidates/{w['cid']}", headers=auth(keys["read"]))
    client.get(f"/v1/documents/{w['doc']}", headers=auth(keys["write"]))
    client.get(f"/v1/candidates/{w['other']}", headers=auth(keys["read"]))
    got = client.get("/v1/audit", headers=auth(keys["admin"]),
                     params={"about": w["cid"], "action": "candidate.read"}).json()["entries"]
    assert [(e["actor"], e["object_id"]) for e in got] == [(key_id(keys["read"]), w["cid"])]
    about = client.get("/v1/audit", headers=auth(keys["admin"]),
                       params={"about": w["cid"]}).json()["entries"]
    readers = {(e["action"], e["actor"]) for e in about if e["action"] in READ_ACTIONS}
    assert readers == {("candidate.read", key_id(keys["read"])),
                       ("document.read", key_id(keys["write"]))}


def test_reads_audit_erasure_scrubs_the_reads_as_the_writes(client, keys, world, store) -> None:
    h, w = auth(keys["read"]), world
    for path in (f"/v1/candidates/{w['cid']}", "/v1/candidates", f"/v1/documents/{w['doc']}",
                 f"/v1/documents/{w['doc']}/file", f"/v1/scorecards/{w['card']}",
                 f"/v1/rankings/{w['rank']}", f"/v1/candidates/{w['other']}"):
        assert client.get(path, headers=h).status_code == 200, path
    admin = auth(keys["admin"])
    assert client.delete(f"/v1/candidates/{w['cid']}", headers=admin).status_code == 200

    reads = _reads(client, keys)
    assert len(reads) == 7  # append-only: every read keeps its action, actor and time
    for e in reads:
        for needle in (w["cid"], w["doc"], w["card"], w["rank"]):
            assert needle not in json.dumps(e), (needle, e)
    mine = [e for e in reads if e["action"] in ("candidate.read", "document.read",
                                                 "scorecard.read", "ranking.read")
            and e["object_id"] != w["other"]]
    assert len(mine) == 5 and all(e["object_id"] == "erased" and e["detail"] == {} for e in mine)
    # the listing still names the candidate who survives, and how many it showed
    (listed,) = [e for e in reads if e["action"] == "candidate.list"]
    assert sorted(listed["detail"]["candidates"]) == sorted(["erased", w["other"]])
    (kept,) = [e for e in reads if e["object_id"] == w["other"]]
    assert kept["action"] == "candidate.read" and kept["detail"]["via"] == "api"
    # the erased candidate's id is left only in the erasure's own entry; the log verifies
    assert _everything(store).count(w["cid"]) == 1
    assert client.get("/v1/decisions/verify", headers=admin).json()["ok"] is True
