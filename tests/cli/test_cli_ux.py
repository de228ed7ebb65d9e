"""Defects a new-user trial found in the CLI: real subprocesses, real files."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillmix", *args], input=stdin, capture_output=True,
        text=True, timeout=300,
    )


REQUIREMENTS = ("Requirements\n"
                "- 3+ years of hands-on experience managing Paid Social campaigns\n"
                "- Experience with SQL preferred but not required\n"
                "- Salesforce experience not required\n"
                "Follow us on Instagram!\n")


def test_cli_extract_min_confidence_keeps_only_credits(tmp_path: Path) -> None:
    """A threshold keeps credits that count; the negated Salesforce and the consumer
    Instagram (confidence 1.0 because nothing was measured) never pass it."""
    req = tmp_path / "req.txt"
    req.write_text(REQUIREMENTS, "utf-8")
    every = run("extract", str(req), "--csv", "-q")
    assert every.returncode == 0, every.stderr
    assert {"salesforce", "instagram", "sql"} <= {
        r["skill"] for r in csv.DictReader(io.StringIO(every.stdout))}
    kept = run("extract", str(req), "--csv", "-q", "--min-confidence", "0.8")
    assert kept.returncode == 0, kept.stderr
    rows = list(csv.DictReader(io.StringIO(kept.stdout)))
    skills = {r["skill"] for r in rows}
    assert "salesforce" not in skills and "instagram" not in skills
    assert {"sql", "paid-social-advertising"} <= skills
    assert all(float(r["confidence"]) >= 0.8 and r["negated"] == "False"
               and r["usage"] != "consumer" for r in rows)


def test_cli_every_command_refuses_an_empty_folder_with_c002(tmp_path: Path) -> None:
    """assess printed a blank line and exited 0 where extract and rank said [C002]."""
    empty = tmp_path / "empty"
    empty.mkdir()
    posting = tmp_path / "job.txt"
    posting.write_text("Social Media Manager\nRequirements\n- 3+ years of SEO.\n", "utf-8")
    (tmp_path / "none.txt").write_text("", "utf-8")
    for argv in (["extract", str(empty)], ["assess", str(empty)],
                 ["rank", "--job", str(posting), str(empty)],
                 ["rank", "--candidate", str(posting), str(empty)]):
        out = run(*argv, "-q")
        assert out.returncode == 1, argv
        assert "[C002] no documents found in" in out.stderr, (argv, out.stderr)
        assert out.stdout.strip() == "", argv
    titles = run("titles", str(tmp_path / "none.txt"))
    assert titles.returncode == 1 and "[C002] no titles found" in titles.stderr
    assert titles.stdout.strip() == ""


def test_cli_rank_says_what_the_scores_are_relative_to(tmp_path: Path) -> None:
    """A lone candidate gets text 100 and, for a posting that asks no years, years 100: the
    table's caption, the JSON's ``scales`` and (for CSV) a note say so."""
    from skillmix.demo import demo_path

    job = tmp_path / "job.txt"
    job.write_text("Social Media Manager\nRequirements\n- Experience with Hootsuite and "
                   "Canva\n- Strong copywriting skills\n", "utf-8")
    resume = str(demo_path("resume.txt"))
    table = run("rank", "--job", str(job), resume, "-q")
    assert table.returncode == 0, table.stderr
    flat = " ".join(table.stdout.split())
    assert "relative to this pool of 1" in flat
    assert "the posting asks no years" in flat
    as_json = run("rank", "--job", str(job), resume, "-q", "--json")
    scales = __import__("json").loads(as_json.stdout)["scales"]
    assert "pool's best" in scales["text"] and "asks no years" in scales["years"]
    as_csv = run("rank", "--job", str(job), resume, "-q", "--csv")
    assert "text is relative to the pool's best" in as_csv.stderr


def test_cli_batch_exit_status_is_one_rule(tmp_path: Path) -> None:
    """One failed file exits 1 alone and among good ones (the rest still written)."""
    from skillmix.demo import demo_path

    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"\x00\x01 not a pdf at all")
    good = str(demo_path("resume.txt"))
    alone = run("extract", str(bad), "--csv", "-q")
    mixed = run("extract", str(bad), good, "--csv", "-q")
    assert alone.returncode == mixed.returncode == 1
    assert "resume.txt" in mixed.stdout and "broken.pdf" in mixed.stderr
    assess = run("assess", str(bad), good, "--csv", "-q")
    assert assess.returncode == 1 and "resume.txt" in assess.stdout
    posting = str(demo_path("posting.html"))
    rank = run("rank", "--job", posting, str(bad), good, "--csv", "-q")
    assert rank.returncode == 1 and "resume.txt" in rank.stdout
    assert run("extract", good, "--csv", "-q").returncode == 0


def test_cli_extract_every_failed_input_prints_no_empty_table(tmp_path: Path) -> None:
    wrong = tmp_path / "wrongcols.csv"
    wrong.write_text("foo,bar\n1,2\n3,4\n", "utf-8")
    out = run("extract", "--kind", "resume", str(wrong))
    assert out.returncode == 1 and "[D115]" in out.stderr
    assert out.stdout.strip() == ""


def test_cli_extract_over_the_limit_names_no_setting_the_cli_lacks(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Experience with SEO and Python. " * 16_000, "utf-8")  # 512,000 chars
    out = run("extract", str(big), "-q")
    assert out.returncode == 1 and "[D117]" in out.stderr
    assert "library setting" in out.stderr and "raise ExtractLimits" not in out.stderr


def test_cli_extract_help_describes_every_option() -> None:
    out = run("extract", "--help")
    assert out.returncode == 0
    block = out.stdout[out.stdout.index("--include-negated"):out.stdout.index("--semantic")]
    assert "negated mentions" in block
