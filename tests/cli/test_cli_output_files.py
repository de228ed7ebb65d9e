"""``-o FILE`` as a user trial found it wanting: a run that fails must not cost the user an
earlier FILE, a FILE's suffix picks the format when no flag does, and a table tells apart
two files of one name."""

from __future__ import annotations

import csv
import io
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
from skillmix.cli.output import open_output, short_names, suffix_format
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
    # the good input's output replaces the file; status 1 says that an input failed
    assert out.returncode == 1, out.stderr
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["mentions"]
    assert "nothing was written" not in out.stderr and "bad.pdf" in out.stderr
    assert _leftovers(tmp_path) == []


def test_cli_output_may_name_an_input(tmp_path: Path) -> None:
    """The input is read before the output replaces it (a plain open would empty it)."""
    cv = tmp_path / "cv.txt"
    cv.write_text(demo_path("resume.txt").read_text("utf-8"), "utf-8")
    out = run("extract", str(cv), "--jsonl", "-o", str(cv))
    assert out.returncode == 0, out.stderr
    record = json.loads(cv.read_text("utf-8").splitlines()[0])
    assert record["mentions"] and record["source"] == str(cv)


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


# ------------------------------------------------------------------ format from suffix


@pytest.mark.parametrize("name, check", [
    ("out.jsonl", lambda t: [json.loads(x) for x in t.splitlines()][0]["mentions"]),
    ("out.NDJSON", lambda t: [json.loads(x) for x in t.splitlines()][0]["mentions"]),
    ("out.json", lambda t: json.loads(t)["documents"][0]["mentions"]),
    ("out.csv", lambda t: list(csv.DictReader(io.StringIO(t)))[0]["skill"]),
    ("out.txt", lambda t: "┃ source" in t),  # another suffix: the table, as before
    ("out.md", lambda t: "┃ source" in t),  # extract has no Markdown output: the table
])
def test_cli_output_suffix_picks_the_format(tmp_path: Path, name: str, check) -> None:
    target = tmp_path / name
    out = run("extract", str(demo_path("resume.txt")), "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert check(target.read_text("utf-8"))


def test_cli_output_a_format_flag_beats_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    out = run("extract", str(demo_path("resume.txt")), "-o", str(target), "--table")
    assert out.returncode == 0, out.stderr
    assert "┃ source" in target.read_text("utf-8")
    out = run("rank", "--job", str(demo_path("posting.html")), str(demo_path("resume.txt")),
              "-o", str(tmp_path / "ranking.csv"), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads((tmp_path / "ranking.csv").read_text("utf-8"))["results"]


def test_cli_output_suffix_format_for_assess_and_rank(tmp_path: Path) -> None:
    out = run("assess", str(demo_path("resume.txt")), "-o", str(tmp_path / "cards.json"))
    assert out.returncode == 0, out.stderr
    assert json.loads((tmp_path / "cards.json").read_text("utf-8"))["scorecards"]
    out = run("rank", "--job", str(demo_path("posting.html")), str(demo_path("resume.txt")),
              "-o", str(tmp_path / "ranking.csv"))
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "ranking.csv").read_text("utf-8"))))
    assert rows[0]["document"] == "resume.txt"


def test_output_suffix_format_only_where_offered() -> None:
    offered = ("table", "csv", "json", "jsonl")
    assert suffix_format("a/b.JSONL", offered) == "jsonl"
    assert suffix_format("b.md", offered) is None
    assert suffix_format("b.md", (*offered, "markdown")) == "markdown"
    assert suffix_format("-", offered) is None and suffix_format(None, offered) is None
    assert suffix_format("results", offered) is None


def test_cli_output_help_says_the_suffix_picks_the_format() -> None:
    for command in ("extract", "assess", "rank"):
        out = run(command, "--help")
        assert ".jsonl or .ndjson, .json, .csv" in " ".join(out.stdout.split()), command


# ------------------------------------------------------------------ names in tables


def test_output_short_names_tell_files_of_one_name_apart() -> None:
    assert short_names(["/d/a/cv.pdf", "/d/b/cv.pdf", "/d/a/other.pdf"]) == {
        "/d/a/cv.pdf": "a/cv.pdf", "/d/b/cv.pdf": "b/cv.pdf", "/d/a/other.pdf": "other.pdf"}
    assert short_names(["/x/p/a/cv.pdf", "/x/q/a/cv.pdf"]) == {
        "/x/p/a/cv.pdf": "p/a/cv.pdf", "/x/q/a/cv.pdf": "q/a/cv.pdf"}
    # an export's rows are named by their file, so one export's rows read alike
    assert short_names(["a/jobs.csv:41", "a/jobs.csv:42", "b/jobs.csv:42"]) == {
        "a/jobs.csv:41": "a/jobs.csv:41", "a/jobs.csv:42": "a/jobs.csv:42",
        "b/jobs.csv:42": "b/jobs.csv:42"}
    assert short_names(["C:\\cv\\a\\cv.pdf", "C:\\cv\\b\\cv.pdf"])["C:\\cv\\a\\cv.pdf"] == "a/cv.pdf"
    assert short_names(["Candidate 7KQ3", "<stdin>", "cv.pdf"]) == {
        "Candidate 7KQ3": "Candidate 7KQ3", "<stdin>": "<stdin>", "cv.pdf": "cv.pdf"}


def _two_cvs(tmp_path: Path, *, solo: bool = True) -> Path:
    text = demo_path("resume.txt").read_text("utf-8")
    for folder, extra in (("a", ""), ("b", "\nAlso: Tableau and SQL.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "cv.txt").write_text(text + extra, "utf-8")
    if solo:
        (tmp_path / "a" / "solo.txt").write_text(text + "\nPython.\n", "utf-8")
    return tmp_path


def _column(table: str, i: int) -> list[str]:
    """The cells of column ``i`` (0 first) of a rich table, one per row (a row's first
    line: the name column folds long names onto further lines)."""
    cells = []
    for line in table.splitlines():
        parts = line.split("│")
        if line.startswith("│") and parts[1].strip():
            cells.append(parts[i + 1].strip())
    return cells


def test_cli_assess_table_tells_two_cv_files_apart(tmp_path: Path) -> None:
    root = _two_cvs(tmp_path)
    out = run("assess", "a", "b", cwd=root)
    assert out.returncode == 0, out.stderr
    assert sorted(_column(out.stdout, 0)) == ["a/cv.txt", "b/cv.txt", "solo.txt"]
    out = run("assess", "a", "b", "--csv", cwd=root)  # CSV keeps the file name, as before
    assert sorted(r["source"] for r in csv.DictReader(io.StringIO(out.stdout))) == [
        "cv.txt", "cv.txt", "solo.txt"]


def test_cli_rank_table_tells_two_cv_files_apart(tmp_path: Path) -> None:
    root = _two_cvs(tmp_path)
    job = str(demo_path("posting.html"))
    out = run("rank", "--job", job, "a", "b", cwd=root)
    assert out.returncode == 0, out.stderr
    assert sorted(_column(out.stdout, 2)) == ["a/cv.txt", "b/cv.txt", "solo.txt"]
    # named apart from every document ranked, not only from those shown
    out = run("rank", "--job", job, "a/cv.txt", "b/cv.txt", "--top", "1", cwd=root)
    assert out.returncode == 0, out.stderr
    assert _column(out.stdout, 2)[0] in ("a/cv.txt", "b/cv.txt")
