"""The CLI as users run it: real subprocesses, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from skillmix.demo import demo_path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillmix", *args], input=stdin, capture_output=True,
        text=True, timeout=300,
    )


def test_cli_extract_json_on_demo_posting() -> None:
    out = run("extract", str(demo_path("posting.html")), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    mentions = data["documents"][0]["mentions"]
    labels = {m["label"] for m in mentions}
    assert "Python" in labels
    assert mentions and all(m["surface"] for m in mentions)
    assert data["report"]["done"] == 1


def test_cli_extract_reads_stdin() -> None:
    out = run("extract", "-", "--csv", stdin="Must have 3+ years of SEO and Google Ads.")
    assert out.returncode == 0, out.stderr
    assert "SEO" in out.stdout and "required" in out.stdout


def test_cli_extract_table_is_narrow_and_csv_whole(tmp_path: Path) -> None:
    """The terminal table names the file short and leaves out ids and offsets (a recruiter
    trial found 15 columns and a path folded over eight lines unreadable); CSV keeps every
    column and the whole path."""
    deep = tmp_path / "a" / "very" / "long" / "folder" / "name"
    deep.mkdir(parents=True)
    doc = deep / "cv.txt"
    doc.write_text("Experience\nAnalyst, Acme, 2019 - 2022\n- Built dashboards in Tableau.\n",
                   "utf-8")
    table = run("extract", str(doc), "--kind", "resume")
    assert table.returncode == 0, table.stderr
    header = next(line for line in table.stdout.splitlines() if "┃ source" in line)
    assert "label" in header and "start" not in header and "document" not in header
    assert "cv.txt" in table.stdout and str(deep) not in table.stdout
    csv_out = run("extract", str(doc), "--kind", "resume", "--csv")
    first, row = csv_out.stdout.splitlines()[:2]
    assert first.split(",")[:8] == ["source", "document", "skill", "label", "area", "surface",
                                    "start", "end"]
    assert row.startswith(str(doc))


def test_cli_missing_file_is_one_line_error() -> None:
    out = run("extract", "no/such/file.pdf")
    assert out.returncode == 1
    assert out.stderr.startswith("error: [")
    assert "Traceback" not in out.stderr


def test_cli_bad_file_in_batch_keeps_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"\x00\x01 not a pdf at all")
    out = run("extract", str(bad), str(demo_path("resume.txt")), "--json")
    # the rest is written, and the exit status says that an input failed (as it does for
    # that file alone)
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert data["report"]["done"] == 1 and data["report"]["failed"] == 1
    assert "broken.pdf" in out.stderr and "Traceback" not in out.stderr


def test_cli_taxonomy_search_and_show() -> None:
    out = run("taxonomy", "search", "paid social", "--json")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits
    show = run("taxonomy", "show", hits[0]["id"])
    assert json.loads(show.stdout)["id"] == hits[0]["id"]


def test_cli_unknown_taxonomy_is_coded() -> None:
    out = run("extract", str(demo_path("resume.txt")), "--taxonomy", "klingon")
    assert out.returncode == 1 and "[T012]" in out.stderr


def test_cli_demo_runs_the_main_job() -> None:
    out = run("demo")
    assert out.returncode == 0, out.stderr
    assert "Technology" in out.stdout
    assert "role profile 'social-media-technologist'" in out.stdout
    assert "intern" in out.stdout  # the consumer-only résumé is flagged
    assert "Ranked for the posting" in out.stdout


def test_demo_library_ranks_the_professional_first() -> None:
    from skillmix.demo import run_demo

    result = run_demo()
    fits = {c.source.rsplit("/", 1)[-1]: c.fit for c in result.scorecards}
    assert fits["resume.txt"] > fits["consumer_resume.txt"]
    assert result.ranking is not None
    professional = result.extractions[1][0]  # resume.txt, read second
    assert professional.source.endswith("resume.txt")
    assert result.ranking.results[0].id == professional.id


@pytest.mark.shared
def test_cli_extract_every_shared_posting_file(shared_data: Path) -> None:
    files = sorted((shared_data / "postings").glob("*.csv")) + sorted(
        (shared_data / "postings").glob("*.jsonl")
    )
    for f in files:
        if "labels" in f.name:
            continue
        out = run("extract", str(f), "--csv")
        assert out.returncode == 0, (f, out.stderr[-2000:])


@pytest.mark.shared
def test_cli_extract_a_sample_of_shared_resumes(shared_data: Path) -> None:
    root = shared_data / "resumes" / "livecareer"
    sample = [sorted(d.glob("*.pdf"))[0] for d in sorted(root.iterdir()) if d.is_dir()][:12]
    out = run("extract", *map(str, sample), "--json", "--kind", "resume")
    assert out.returncode == 0, out.stderr[-2000:]
    data = json.loads(out.stdout)
    assert data["report"]["done"] + data["report"]["failed"] == len(sample)
    assert data["report"]["done"] >= len(sample) - 1
    assert sum(len(d["mentions"]) for d in data["documents"]) > 10 * len(sample)


def test_cli_taxonomy_show_takes_a_label_and_lists_narrower() -> None:
    out = run("taxonomy", "show", "TikTok")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["id"] == "tiktok"
    general = json.loads(run("taxonomy", "show", "social networks").stdout)
    assert general["id"] == "social-media-platforms"
    assert {"facebook", "instagram", "tiktok"} <= set(general["narrower"])
    missing = run("taxonomy", "show", "no-such-skill")
    assert missing.returncode == 1 and "[T020]" in missing.stderr
    empty = run("taxonomy", "search", "zzzzqq")
    assert empty.returncode == 0 and "matches 'zzzzqq'" in empty.stderr


def test_cli_main_module_runs_the_cli() -> None:
    # `python -m skillmix.cli.main` (the module the console script calls) used to import
    # the CLI and exit 0 without running it: no output, no error
    out = subprocess.run([sys.executable, "-m", "skillmix.cli.main", "--version"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip(), out.stderr
    assert out.stdout == run("--version").stdout
