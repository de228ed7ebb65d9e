"""The decision log: append-only JSONL, hash-chained, overrides need a reason, retention."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone

import pytest

from skillmix.errors import ConfigError, FairnessError
from skillmix.extract import as_document
from skillmix.fairness import DecisionLog, input_hash, redact

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def _run(log: DecisionLog, texts=("résumé one", "résumé two")):
    return log.record_run("ranking", inputs=list(texts),
                          outputs=[{"id": "a", "rank": 1, "score": 0.9},
                                   {"id": "b", "rank": 2, "score": 0.4}],
                          taxonomy="builtin", taxonomy_version="2026.11.1",
                          profile="social-media-manager", profile_version="1",
                          config={"top": 10, "blind": True}, blind=True, actor="api")


def test_log_chain_records_runs_and_overrides(tmp_path):
    path = tmp_path / "decisions.jsonl"
    log = DecisionLog(path)
    run = _run(log)
    assert run.inputs == (input_hash("résumé one"), input_hash("résumé two"))
    assert run.advisory and run.config_version and run.blind is True
    ov = log.record_override(run.id, "b", reviewer="r.lee", reason="Portfolio shows API work",
                             decision="advance", previous={"rank": 2})
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    assert [x["kind"] for x in lines] == ["run", "override"]
    assert lines[1]["prev"] == lines[0]["hash"] and not lines[1]["advisory"]
    assert "résumé one" not in path.read_text()  # inputs are hashed, never stored
    assert [e.id for e in log.entries(run_id=run.id)] == [run.id, ov.id]
    # a new log object on the same file continues the chain
    again = DecisionLog(path)
    third = _run(again)
    assert third.prev == ov.hash and again.verify() == 3


def test_log_chain_detects_tampering(tmp_path):
    path = tmp_path / "decisions.jsonl"
    log = DecisionLog(path)
    _run(log)
    _run(log)
    _run(log)
    lines = path.read_text().splitlines()
    edited = json.loads(lines[1])
    edited["outputs"][0]["score"] = 0.99
    path.write_text("\n".join([lines[0], json.dumps(edited), lines[2]]) + "\n")
    with pytest.raises(FairnessError, match="F151.*altered"):
        log.verify()
    path.write_text("\n".join([lines[0], lines[2]]) + "\n")
    with pytest.raises(FairnessError, match="F151.*does not follow"):
        log.verify()


def test_log_chain_override_needs_reviewer_reason_and_known_decision(tmp_path):
    log = DecisionLog(tmp_path / "d.jsonl")
    run = _run(log)
    with pytest.raises(FairnessError, match="F143"):
        log.record_override(run.id, "a", reviewer="r.lee", reason="  ", decision="reject")
    with pytest.raises(FairnessError, match="F142"):
        log.record_override(run.id, "a", reviewer="", reason="x", decision="reject")
    with pytest.raises(FairnessError, match="F144"):
        log.record_override(run.id, "a", reviewer="r.lee", reason="x", decision="auto-reject")
    assert log.verify() == 1


def test_log_chain_retention_purge_and_export(tmp_path):
    clock = Clock()
    log = DecisionLog(tmp_path / "d.jsonl", retention_days=30, clock=clock)
    old = _run(log)
    clock.now = T0 + timedelta(days=20)
    mid = _run(log)
    clock.now = T0 + timedelta(days=40)
    assert log.purge() == 1
    kinds = [(e.id, e.kind) for e in log.entries()]
    assert kinds[0] == (mid.id, "run") and kinds[1][1] == "purge"
    assert old.id not in {e.id for e in log.entries()}
    assert log.verify() == 2
    buf = io.StringIO()
    assert log.export(buf) == 2
    assert [json.loads(x)["id"] for x in buf.getvalue().splitlines()][0] == mid.id
    assert DecisionLog(tmp_path / "keep.jsonl").purge() == 0
    with pytest.raises(ConfigError, match="F140"):
        DecisionLog(tmp_path / "x.jsonl", retention_days=0)


def test_log_chain_blind_run_logs_hashes_of_redacted_inputs(tmp_path):
    doc = as_document("Jane Doe\njane@example.com\n\nSummary\nSEO and Python.\n", "resume")
    red = redact(doc)
    log = DecisionLog(tmp_path / "d.jsonl")
    e = log.record_run("scoring", inputs=[red.document], outputs={"fit": 12.5},
                       config={"blind": True, "redactions": red.counts()}, blind=True)
    assert e.inputs == (input_hash(red.document.text),)
    assert "Jane" not in (tmp_path / "d.jsonl").read_text()
