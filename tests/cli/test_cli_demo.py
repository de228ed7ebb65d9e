"""``skillmix demo`` tells the article's story in one screen, with the numbers the other
commands give for the same files (issue #15). Structure, not exact scores: extraction
changes move the numbers."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys

import pytest

from skillmix.demo import demo_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skillmix", *args], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def story() -> list[str]:
    pytest.importorskip("bm25s")
    out = run("demo")
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def _section(lines: list[str], number: int) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{number}. "))
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"\d\. ", lines[i])),
               len(lines))
    return [line for line in lines[start:end] if line.strip()]


def test_cli_demo_is_a_story_under_40_lines(story: list[str]) -> None:
    assert len(story) < 40
    heads = [line for line in story if re.match(r"\d\. ", line)]
    assert [h[:2] for h in heads] == ["1.", "2.", "3.", "4."]
    assert "skill" in heads[0] and "candidates" in heads[1].lower()
    assert "Ranked" in heads[2] and "Next" in heads[3]


def test_cli_demo_posting_skill_mix_names_areas_and_labels(story: list[str]) -> None:
    mix = _section(story, 1)
    n_skills, n_areas = map(int, re.search(r"(\d+) skills in (\d+) areas", mix[0]).groups())
    rows = mix[1:]
    assert len(rows) == n_areas >= 4
    assert sum(int(re.search(r"\((\d+)\)", r).group(1)) for r in rows) == n_skills
    assert not any("_" in r.split(":")[0] for r in rows)  # area labels, not ids


def test_cli_demo_professional_versus_consumer_with_the_reason(story: list[str]) -> None:
    part = _section(story, 2)
    fits = {m.group(1): float(m.group(2))
            for m in (re.match(r"\s+(\S+)\s+fit\s+([\d.]+)", line) for line in part) if m}
    assert set(fits) == {"resume.txt", "consumer_resume.txt"}
    assert all(0 <= f <= 100 for f in fits.values())
    assert fits["resume.txt"] > fits["consumer_resume.txt"]
    why = next(line for line in part if line.strip().startswith("Why"))
    assert "consumer_resume.txt" in why and "intern" in why
    assert any(line.strip().startswith("evidence:") for line in part)
    # the same numbers as `skillmix assess` prints for the same files
    out = run("assess", str(demo_path("resume.txt")), str(demo_path("consumer_resume.txt")),
              "--csv")
    rows = {r["source"]: float(r["fit"]) for r in csv.DictReader(io.StringIO(out.stdout))}
    assert rows == fits


def test_cli_demo_ranking_with_one_reason_each(story: list[str]) -> None:
    part = _section(story, 3)[1:]
    assert len(part) == 2
    ranked = [re.match(r"\s+(\d)\. (\S+)\s+([\d.]+)\s+(.+)", line).groups() for line in part]
    assert [r[1] for r in ranked] == ["resume.txt", "consumer_resume.txt"]
    assert all(len(r[3]) > 20 for r in ranked)  # a reason, not an empty column
    out = run("rank", "--job", str(demo_path("posting.html")), str(demo_path("resume.txt")),
              str(demo_path("consumer_resume.txt")), "--csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["document"], r["score"]) for r in rows] == [(r[1], r[2]) for r in ranked]


def test_cli_demo_next_steps_are_real_commands(story: list[str]) -> None:
    steps = _section(story, 4)[1:]
    commands = [line.split()[1] for line in steps if line.strip().startswith("skillmix ")]
    assert commands == ["extract", "assess", "rank"]
    from skillmix.cli.main import COMMANDS

    assert set(commands) <= set(COMMANDS)


def test_cli_demo_reads_its_samples_in_process_as_the_sandbox_would(monkeypatch) -> None:
    """The demo reads the samples it ships without a sandbox worker; the documents are the
    ones the sandbox gives."""
    from skillmix.demo import POSTING, RESUMES, run_demo
    from skillmix.io import read as read_module
    from skillmix.io import read_document

    boxed = {name: read_document(demo_path(name), kind=kind) for name, kind in
             [(POSTING, "posting")] + [(r, "resume") for r in RESUMES]}
    monkeypatch.setattr(read_module, "default_sandbox", lambda: pytest.fail("sandbox started"))
    result = run_demo(assess=False, rank=False)
    assert [doc for doc, _ in result.extractions] == list(boxed.values())
