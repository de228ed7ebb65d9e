"""The anchored decision log: recomputed chains, forged logs, entries cut at either end,
added keys and malformed lines are all found, each with its own code; the CLI prints one
coded line per finding and exits 1; erasing a reason keeps the log verifying."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillmix.errors import FairnessError
from skillmix.fairness import DecisionLog
from skillmix.fairness.log import _digest, parse_entry, redact_reason


def _log(tmp_path: Path, n: int = 4) -> tuple[DecisionLog, Path]:
    path = tmp_path / "d.jsonl"
    log = DecisionLog(path)
    for i in range(n):
        run = log.record_run("scoring", inputs=[f"text {i}"], outputs={"fit": i / 10})
    log.record_override(run.id, "cand-1", reviewer="r.lee", reason="Call Jane on 555-0100",
                        decision="advance")
    return log, path


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()]


def _write(path: Path, entries: list) -> None:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries))


def _codes(log: DecisionLog) -> set[str]:
    return {f.code for f in log.check()[1]}


def test_log_anchor_intact_log_verifies(tmp_path: Path) -> None:
    log, path = _log(tmp_path)
    assert log.verify() == 5 and log.check() == (5, [])
    assert [e["seq"] for e in _lines(path)] == [1, 2, 3, 4, 5]
    assert (tmp_path / "d.jsonl.head").exists() and (tmp_path / "d.jsonl.key").stat().st_mode & 0o077 == 0
    assert path.stat().st_mode & 0o077 == 0


def test_log_anchor_recomputed_chain_is_not_signed(tmp_path: Path) -> None:
    log, path = _log(tmp_path)
    entries = _lines(path)
    entries[1]["outputs"] = {"fit": 0.99}
    prev = entries[0]["hash"]
    for e in entries[1:]:  # an editor recomputes every hash after the edit
        e["prev"] = prev
        body = parse_entry(e).body()
        e["hash"] = prev = _digest(body)
    _write(path, entries)
    assert "F153" in _codes(log)
    unanchored = DecisionLog(path, anchor=None)
    assert unanchored.verify() == 5  # the chain alone cannot tell


def test_log_anchor_cut_at_the_end_and_start(tmp_path: Path) -> None:
    log, path = _log(tmp_path)
    entries = _lines(path)
    _write(path, entries[:-2])
    assert _codes(log) == {"F154"}
    _write(path, entries[2:])
    assert _codes(log) == {"F156"}
    _write(path, [])
    assert _codes(log) == {"F154"}


def test_log_anchor_forged_log_and_head(tmp_path: Path) -> None:
    log, path = _log(tmp_path)
    forger = tmp_path / "forged"
    forger.mkdir()
    fake, fpath = _log(forger)
    path.write_bytes(fpath.read_bytes())
    assert "F153" in _codes(log)
    (tmp_path / "d.jsonl.head").write_bytes((forger / "d.jsonl.head").read_bytes())
    assert "F155" in _codes(log)


@pytest.mark.parametrize("line", ["[]", "5", "{}", '"x"', "null",
                                  '{"id": 1, "at": "x", "kind": "run", "prev": "0", "hash": "0"}'])
def test_log_anchor_malformed_lines_are_coded(tmp_path: Path, line: str) -> None:
    log, path = _log(tmp_path)
    path.write_text(path.read_text() + line + "\n")
    n, findings = log.check()
    assert "F152" in {f.code for f in findings}
    with pytest.raises(FairnessError) as err:
        log.verify()
    assert err.value.code.startswith("F15")
    with pytest.raises(FairnessError, match="F152"):
        list(log.entries())


def test_log_anchor_added_keys_are_refused(tmp_path: Path) -> None:
    log, path = _log(tmp_path)
    entries = _lines(path)
    entries[0]["approved_by"] = "nobody"
    _write(path, entries)
    assert "F152" in _codes(log)


def test_log_anchor_redacted_reason_still_verifies_but_edited_reason_does_not(tmp_path: Path) -> None:
    log, path = _log(tmp_path)
    entries = _lines(path)
    _write(path, entries[:-1] + [redact_reason(entries[-1])])
    assert log.verify() == 5
    assert "Jane" not in path.read_text()
    entries[-1]["reason"] = "Rejected: too old"
    _write(path, entries)
    assert "F151" in _codes(log)


def test_cli_decisions_verify_prints_coded_findings(tmp_path: Path, capsys) -> None:
    from skillmix.cli.main import main

    log, path = _log(tmp_path)
    main(["decisions", "verify", "--log", str(path)])
    assert "ok: 5 entries verified" in capsys.readouterr().out
    _write(path, _lines(path)[:-1] + [[]])
    with pytest.raises(SystemExit) as done:
        main(["decisions", "verify", "--log", str(path)])
    out = capsys.readouterr()
    assert done.value.code == 1
    assert "[F152]" in out.out and "[F159]" in out.err and "Traceback" not in out.err
    with pytest.raises(SystemExit) as done:
        main(["decisions", "verify", "--log", str(tmp_path / "none.jsonl")])
    assert done.value.code == 1 and "[F157]" in capsys.readouterr().err


def test_log_anchor_unsigned_prefix_from_before_anchoring_verifies(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    old = DecisionLog(path, anchor=None)
    for i in range(3):
        old.record_run("scoring", inputs=[f"t{i}"], outputs={})
    legacy = _lines(path)
    for e in legacy:  # what a log written before anchoring looks like
        e.pop("seq"), e.pop("mac")
        e["hash"] = _digest(parse_entry(e).body())
    for a, b in zip(legacy, legacy[1:]):
        b["prev"] = a["hash"]
        b["hash"] = _digest(parse_entry(b).body())
    _write(path, legacy)
    log = DecisionLog(path)
    log.record_run("scoring", inputs=["new"], outputs={})
    assert log.verify() == 4
    # rewriting everything as unsigned does not pass: the head is not reached
    entries = _lines(path)
    last = entries[-1]
    last.pop("seq"), last.pop("mac")
    last["hash"] = _digest(parse_entry(last).body())
    _write(path, entries)
    assert "F154" in _codes(log)
