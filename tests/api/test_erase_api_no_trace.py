"""``DELETE /v1/candidates/{id}`` after uploads, scorecards and rankings: no row, file,
index entry, derived result or decision keeps the candidate's text or ids; the audit log
keeps only the erasure. SQLite is also scanned byte by byte (database, WAL, files)."""

from __future__ import annotations

import secrets

import pytest
from sqlalchemy import inspect, text

pytest.importorskip("skillmix.assess")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _everything(store) -> str:  # type: ignore[no-untyped-def]
    parts = []
    with store.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                parts.append(" ".join(str(v) for v in row))
    return "\n".join(parts)


def test_erase_api_leaves_no_trace(client, keys, store, demo, uploader) -> None:
    marker = "mk" + secrets.token_hex(6)
    name = "Ottoline Quarrender"
    resume = (demo / "resume.txt").read_bytes().replace(b"Alex Rivera", name.encode())
    resume += f"\nPROJECTS\n- {marker}: a chatbot for customer service on Twitter.\n".encode()
    gone = uploader(data=resume, filename=f"{marker}.txt", name=name)
    other = uploader(demo / "consumer_resume.txt")
    post = uploader(demo / "posting.html", kind="posting")
    cid = gone["candidate_id"]
    h = auth(keys["admin"])
    card = client.post("/v1/assess", headers=h, json={"candidate_id": cid}).json()["scorecard"]
    rank = client.post("/v1/rank", headers=h, json={"posting_id": post["posting_id"]}).json()["ranking"]
    assert marker in _everything(store)

    resp = client.delete(f"/v1/candidates/{cid}", headers=h)
    assert resp.status_code == 200, resp.text
    rows = resp.json()["erased"]["rows"]
    assert rows["documents"] == 1 and rows["scorecards"] == 1 and rows["rankings"] == 1
    assert rows["derived"] == 1  # the cached blind version of the résumé

    dump = _everything(store)
    for needle in (marker, name, "Ottoline", gone["id"], card["id"], rank["id"]):
        assert needle not in dump, needle
    assert dump.count(cid) == 1  # the erasure's own audit entry
    # the decision log is untouched and still verifies, but can no longer name the person
    assert client.get("/v1/decisions/verify", headers=h).json()["entries"] == 2
    assert client.get("/v1/decisions", headers=h, params={"candidate_id": cid}).status_code == 404
    for path in store.files.all_files():
        assert marker.encode() not in path.read_bytes()
    if store.is_sqlite:
        for path in store.sqlite_paths():
            blob = path.read_bytes()
            assert marker.encode() not in blob and b"Ottoline" not in blob, path
    assert client.get(f"/v1/candidates/{cid}", headers=h).status_code == 404
    assert client.get(f"/v1/documents/{gone['id']}", headers=h).status_code == 404
    assert client.get(f"/v1/scorecards/{card['id']}", headers=h).status_code == 404
    assert client.get(f"/v1/rankings/{rank['id']}", headers=h).status_code == 404
    audit = client.get("/v1/audit", headers=h).json()["entries"]
    assert [e["action"] for e in audit if e["object_id"] == cid] == ["candidate.erase"]
    # the other candidate survives, and can be ranked again
    assert client.get(f"/v1/candidates/{other['candidate_id']}", headers=h).status_code == 200
    again = client.post("/v1/rank", headers=h, json={"posting_id": post["posting_id"]})
    assert again.status_code == 201 and again.json()["ranking"]["data"]["pool"] == 1


def test_erase_api_needs_admin(client, keys, demo, uploader) -> None:
    cid = uploader(demo / "resume.txt")["candidate_id"]
    assert client.delete(f"/v1/candidates/{cid}", headers=auth(keys["write"])).status_code == 403
    assert client.get(f"/v1/candidates/{cid}", headers=auth(keys["read"])).status_code == 200
