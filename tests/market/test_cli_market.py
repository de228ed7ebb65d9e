"""``skillmix market run/report/query``: thin commands, real output."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from skillmix.cli.main import cli


def test_cli_market_run_report_query(corpus, tmp_path: Path) -> None:
    path = corpus(40)
    out = tmp_path / "run"
    runner = CliRunner()
    res = runner.invoke(cli, ["market", "run", str(path), "--out", str(out), "--workers", "0",
                              "--partition-size", "15", "--silent", "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert summary["records"] == 40 and summary["partitions"] == 3
    res = runner.invoke(cli, ["market", "report", str(out)])
    assert res.exit_code == 0, res.output
    assert "require social" in res.output and (out / "report" / "report.html").exists()
    res = runner.invoke(cli, ["market", "query", str(out), "SELECT count(*) AS n FROM postings", "--json"])
    assert res.exit_code == 0 and json.loads(res.output) == [{"n": 40}]
    # a FLOAT column reads as the number it stores, not its widened double (0.933, not
    # 0.9330000281333923); a DOUBLE computed from it keeps its digits
    res = runner.invoke(cli, ["market", "query", str(out),
                              "SELECT 0.933::FLOAT AS f, [0.1::FLOAT] AS l, 0.1::DOUBLE * 3 AS d, "
                              "16777216::FLOAT AS big, {'x': 0.2::FLOAT, 'y': 0.2::DOUBLE} AS s",
                              "--json"])
    assert res.exit_code == 0 and json.loads(res.output) == [
        {"f": 0.933, "l": [0.1], "d": 0.1 * 3, "big": 16777216.0, "s": {"x": 0.2, "y": 0.2}}]


def test_cli_market_report_on_empty_folder_is_coded_error(tmp_path: Path) -> None:
    import pytest

    from skillmix.cli.main import main

    with pytest.raises(SystemExit) as exc:
        main(["market", "report", str(tmp_path)])
    assert exc.value.code == 1


def test_cli_market_run_progress_only_for_a_terminal_and_never_quiet(
        corpus, tmp_path: Path, stderr_on_a_terminal) -> None:
    import subprocess
    import sys

    path = str(corpus(40))
    base = ["market", "run", path, "--workers", "0", "--partition-size", "15"]
    code, _, shown = stderr_on_a_terminal([*base, "--out", str(tmp_path / "a")])
    assert code == 0 and b"done" in shown and b"40/40" in shown
    code, _, quiet = stderr_on_a_terminal([*base, "--out", str(tmp_path / "b"), "--quiet"])
    assert code == 0 and quiet == b""
    piped = subprocess.run([sys.executable, "-m", "skillmix", *base, "--out", str(tmp_path / "c")],
                           capture_output=True, timeout=300)
    assert piped.returncode == 0 and piped.stderr == b""


def test_cli_market_run_interrupted_says_how_to_resume(rows, corpus, tmp_path: Path) -> None:
    # a new user saw a blank line and "aborted", and nothing saying the work was kept
    import signal
    import subprocess
    import sys
    import time

    import pytest

    if sys.platform == "win32":
        pytest.skip("POSIX signals")
    path = str(corpus(rows=rows(300)))
    out = tmp_path / "run"
    cmd = [sys.executable, "-m", "skillmix", "market", "run", path, "--out", str(out), "--workers", "0",
           "--partition-size", "10", "--no-dedup"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if (out / "_parts").is_dir() and any((out / "_parts").glob("part-*.json")):
                break
            time.sleep(0.02)
        assert proc.poll() is None, proc.communicate()[1].decode()
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = err.decode()
    assert proc.returncode == 130, text
    assert "run the same command again to resume" in text and str(out) in text
    assert text.rstrip().endswith("aborted")
    again = subprocess.run([*cmd, "--json", "--silent"], capture_output=True, timeout=300)
    assert again.returncode == 0, again.stderr.decode()
    summary = json.loads(again.stdout)
    assert summary["resumed_partitions"] >= 1 and summary["postings"] == 300
