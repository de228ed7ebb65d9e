"""``-o FILE`` as a user trial found it wanting: a run that fails must not cost the user an
earlier FILE."""

from __future__ import annotations

import csv
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from skillmix.batch import BatchReport
from skillmix.cli.output import open_output
from skillmix.demo import demo_path

OLD = "earlier results\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skillmix", *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def _bad(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"\x00\x01 not a pdf at all")
    return bad


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ------------------------------------------------------------------ nothing produced


def test_cli_output_every_input_failed_keeps_the_earlier_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text(OLD, "utf-8")
    out = run("extract", str(_bad(tmp_path)), "-o", str(target))
    assert out.returncode == 1
    assert target.read_text("utf-8") == OLD
    assert "bad.pdf" in out.stderr  # the error names the file
    assert f"nothing was written to {target}" in out.stderr
    assert "keeps its earlier content" in out.stderr
    assert _leftovers(tmp_path) == []


def test_cli_output_a_run_that_did_something_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text(OLD, "utf-8")
    out = run("extract", str(_bad(tmp_path)), str(demo_path("resume.txt")), "--jsonl", "-o",
              str(target))
    assert out.returncode == 0, out.stderr
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["mentions"]
    assert "nothing was written" not in out.stderr and "bad.pdf" in out.stderr
    assert _leftovers(tmp_path) == []


def test_cli_output_every_input_failed_creates_no_file(tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    out = run("assess", str(_bad(tmp_path)), "-o", str(target))
    assert out.returncode == 1
    assert not target.exists() and _leftovers(tmp_path) == []
    assert f"nothing was written to {target} (no input succeeded)." in out.stderr


def test_cli_output_error_mid_run_keeps_the_earlier_file(tmp_path: Path) -> None:
    # C002 (no documents in the folder) is raised after the output was opened
    (tmp_path / "empty").mkdir()
    target = tmp_path / "out.csv"
    target.write_text(OLD, "utf-8")
    out = run("extract", str(tmp_path / "empty"), "-o", str(target))
    assert out.returncode == 1 and "C002" in out.stderr
    assert target.read_text("utf-8") == OLD
    assert _leftovers(tmp_path) == []


def test_output_interrupted_block_leaves_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text(OLD, "utf-8")
    with pytest.raises(KeyboardInterrupt):
        with open_output(str(target), report=BatchReport(done=3)) as out:
            out.write(b'{"half": ')
            raise KeyboardInterrupt
    assert target.read_text("utf-8") == OLD
    assert _leftovers(tmp_path) == []
    with open_output(str(target), report=BatchReport(done=1)) as out:
        out.write(b"new\n")
    assert target.read_text("utf-8") == "new\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_cli_output_ctrl_c_mid_run_keeps_the_earlier_file(tmp_path: Path) -> None:
    corpus = tmp_path / "jobs.csv"
    with corpus.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "description"])
        w.writerows([f"J-{i}", "Manager", f"SEO, Google Ads and SQL. Ref {i}."]
                    for i in range(20000))
    target = tmp_path / "out.jsonl"
    target.write_text(OLD, "utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "skillmix", "extract", str(corpus), "--jsonl",
                             "-o", str(target), "-q"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        # wait until the run has written part of its output (JSON Lines, flushed as it goes)
        while time.monotonic() < deadline and proc.poll() is None:
            tmp = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            if tmp and tmp[0].stat().st_size > 0:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert target.read_text("utf-8") == OLD
    assert _leftovers(tmp_path) == []


def test_cli_output_file_permissions_are_those_of_a_plain_write(tmp_path: Path) -> None:
    kept = tmp_path / "kept.jsonl"
    kept.write_text(OLD, "utf-8")
    kept.chmod(0o640)
    assert run("extract", str(demo_path("resume.txt")), "-o", str(kept)).returncode == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    new = tmp_path / "new.jsonl"
    assert run("extract", str(demo_path("resume.txt")), "-o", str(new)).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="POSIX device")
def test_cli_output_to_a_device_is_written_in_place() -> None:
    out = run("extract", str(demo_path("resume.txt")), "-o", "/dev/null")
    assert out.returncode == 0 and out.stderr == ""


def test_cli_output_through_a_link_writes_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text(OLD, "utf-8")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    assert run("extract", str(demo_path("resume.txt")), "--json", "-o", str(link)).returncode == 0
    assert link.is_symlink() and json.loads(real.read_text("utf-8"))["documents"][0]["mentions"]
