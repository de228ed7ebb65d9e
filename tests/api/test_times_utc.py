"""Every time the API gives is UTC with an explicit offset (``...+00:00``), whichever
route made or read the object: ones just written and ones read back from the store
(SQLite keeps no zone) alike."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Iterator

import pytest

pytest.importorskip("skillmix.assess")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _times(body: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(path, value) of every time field: keys ``at`` or ending ``_at``, string values."""
    if isinstance(body, dict):
        for k, v in body.items():
            if (k == "at" or k.endswith("_at")) and isinstance(v, str):
                yield f"{where}.{k}", v
            else:
                yield from _times(v, f"{where}.{k}")
    elif isinstance(body, list):
        for i, v in enumerate(body):
            yield from _times(v, f"{where}[{i}]")


def _assert_utc(resp, least: int = 1) -> None:  # type: ignore[no-untyped-def]
    assert resp.status_code < 300, resp.text
    found = list(_times(resp.json()))
    assert len(found) >= least, (resp.request.url, found)
    for path, value in found:
        assert value.endswith("+00:00"), (resp.request.url, path, value)
        assert datetime.fromisoformat(value).utcoffset() == timedelta(0)


def test_times_every_route_gives_utc_with_offset(client, keys, demo) -> None:
    h = auth(keys["admin"])

    def upload(path: Path, kind: str):  # type: ignore[no-untyped-def]
        resp = client.post("/v1/documents", headers=h, data={"kind": kind},
                           files={"file": (path.name, path.read_bytes(), "text/plain")})
        _assert_utc(resp)
        return resp.json()["document"]

    doc = upload(demo / "resume.txt", "resume")
    post = upload(demo / "posting.html", "posting")
    cid, pid = doc["candidate_id"], post["posting_id"]
    card = client.post("/v1/assess", headers=h, json={"candidate_id": cid})
    _assert_utc(card)
    ranking = client.post("/v1/rank", headers=h, json={"posting_id": pid})
    _assert_utc(ranking)
    run_id = card.json()["scorecard"]["data"]["decision"]
    _assert_utc(client.post("/v1/decisions/overrides", headers=h, json={
        "run_id": run_id, "candidate_id": cid, "decision": "note", "reason": "Seen."}))
    _assert_utc(client.post("/v1/keys", headers=h, json={"user": "later", "scopes": ["read"],
                                                         "expires_days": 3}), least=2)
    for url in ("/v1/candidates", f"/v1/candidates/{cid}", "/v1/postings",
                f"/v1/postings/{pid}", f"/v1/documents/{doc['id']}",
                f"/v1/scorecards/{card.json()['scorecard']['id']}",
                f"/v1/rankings/{ranking.json()['ranking']['id']}",
                "/v1/decisions", "/v1/audit", "/v1/keys"):
        _assert_utc(client.get(url, headers=h))
    # the times read back are the ones written, not shifted
    listed = client.get("/v1/candidates", headers=h).json()["candidates"][0]["created_at"]
    assert abs(datetime.fromisoformat(listed) - datetime.fromisoformat(
        doc["created_at"])) < timedelta(seconds=5)


def test_times_market_runs_give_utc_with_offset(store, keys, tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    from fastapi.testclient import TestClient

    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text(json.dumps({"id": "p1", "title": "Social Media Manager",
                                  "description": "Own our Instagram channel. Required: "
                                                 "copywriting and Google Analytics."}) + "\n")
    app = create_app(store, settings=WorkspaceSettings(market_corpora={"tiny": str(corpus)}))
    h = auth(keys["write"])
    with TestClient(app) as client:
        started = client.post("/v1/market/runs", headers=h, json={"corpus": "tiny"})
        _assert_utc(started)
        job_id = started.json()["job"]["id"]
        deadline = time.monotonic() + 120
        while client.get(f"/v1/market/runs/{job_id}", headers=h).json()["job"]["status"] \
                not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.2)
        _assert_utc(client.get(f"/v1/market/runs/{job_id}", headers=h), least=2)
        _assert_utc(client.get("/v1/market/runs", headers=h), least=2)


def test_times_stored_before_are_read_as_utc(store) -> None:
    """Rows an earlier version wrote (SQLite: no zone; PostgreSQL: any session zone) read
    back as the same instant in UTC; a time given in another zone is stored as UTC."""
    from datetime import timezone

    from sqlalchemy import text

    from skillmix.store import repo
    from skillmix.store.models import CandidateRow

    # as written before: SQLite got UTC without a zone; PostgreSQL an instant
    old = "2024-03-01 09:30:00.000000" if store.is_sqlite else "2024-03-01 11:30:00+02"
    with store.session(write=True) as sess:
        sess.execute(text("INSERT INTO candidates (id, name, log_key, created_at) "
                          "VALUES ('cand_old', NULL, :k, :at)"), {"k": "00" * 32, "at": old})
        sess.add(CandidateRow(id="cand_zoned", created_at=datetime(
            2024, 3, 1, 11, 30, tzinfo=timezone(timedelta(hours=2)))))
    for cid in ("cand_old", "cand_zoned"):
        got = repo.get_candidate(store, cid).created_at
        assert got == datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc), (cid, got)
        assert got.isoformat() == "2024-03-01T09:30:00+00:00"
    listed = {c.id: c.created_at for c in repo.list_candidates(store)}
    assert listed["cand_old"].utcoffset() == timedelta(0)
