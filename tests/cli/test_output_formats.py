"""Output-format flags and the advice a CLI user gets for a file over the size limit
(both from a new-user trial): real subprocesses, real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skillmix", *args], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    path = tmp_path / "cv.txt"
    path.write_text("Experience\nManaged Instagram ads and wrote Python scripts.\n", "utf-8")
    return path


@pytest.mark.parametrize("flags", [("--json", "--csv"), ("--csv", "--table"),
                                   ("--json", "--jsonl")])
def test_output_two_format_flags_are_a_usage_error(small: Path, flags: tuple[str, ...]) -> None:
    """``skillmix extract --json --csv FILE`` used to write CSV (the last flag won)."""
    out = run("extract", *flags, str(small))
    assert out.returncode == 2
    assert out.stdout == ""
    assert f"{flags[0]} and {flags[1]} are both output formats; give only one of them." in out.stderr


def test_output_one_format_flag_still_picks_the_format(small: Path) -> None:
    assert run("extract", "--json", str(small)).stdout.lstrip().startswith("{")
    assert run("extract", "--csv", str(small)).stdout.startswith("source,document,skill")


def test_output_suffix_still_picks_the_format_without_a_flag(small: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    assert run("extract", "-q", "-o", str(target), str(small)).returncode == 0
    assert target.read_text("utf-8").startswith("source,document,skill")


def test_output_non_streaming_command_keeps_its_default(small: Path) -> None:
    """``assess`` offers --json/--csv/--table with the table as default."""
    out = run("assess", "--json", "--table", str(small))
    assert out.returncode == 2 and "--json and --table" in out.stderr


def test_output_over_the_size_limit_tells_a_cli_user_what_to_do(tmp_path: Path) -> None:
    """The trial's 21 MB text file was told "raise the limit (ReadLimits)", an option the
    CLI does not have; the text limit (5,000,000 characters) is what a text file meets."""
    huge = tmp_path / "huge.txt"
    huge.write_text("Managed Instagram campaigns with Python.\n" * 125_000, "utf-8")
    out = run("extract", str(huge))
    assert out.returncode != 0
    assert "[D104]" in out.stderr
    assert "Split the file into smaller documents and pass those." in out.stderr
    assert "the CLI and the API keep it." in out.stderr
    assert "raise the limit (ReadLimits)" not in out.stderr
