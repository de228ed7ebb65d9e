"""The conventions of a data command line (issue #15): ``--jsonl`` written as produced,
``-o FILE``, ``--limit N``, ``--quiet``, progress only for a person at a terminal, and
every output row naming its document."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from skillmix.cli.progress import progress, progress_enabled
from skillmix.demo import demo_path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skillmix", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "postings"
    folder.mkdir()
    for i in range(n):
        (folder / f"job-{i:02d}.txt").write_text(
            f"Social Media Manager {i}\nRequirements:\n- {i + 2}+ years of SEO and Google Ads\n"
            "- Python and SQL\n", encoding="utf-8")
    return folder


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "jobs.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "description"])
        w.writerow(["J-1", "Manager", "Must have SEO and Google Ads experience."])
        w.writerow(["J-2", "Manager", "Python, SQL and Tableau dashboards; TikTok campaigns."])
        w.writerow(["J-3", "Analyst", "Excel and PowerPoint."])
    return path


def test_cli_extract_jsonl_one_line_per_document_naming_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 5)
    out = run("extract", str(folder), "--jsonl")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 5
    records = [json.loads(line) for line in lines]
    assert [Path(r["source"]).name for r in records] == [f"job-{i:02d}.txt" for i in range(5)]
    assert all(r["document"] and r["mentions"] for r in records)
    assert {"Google Ads", "Python"} <= {m["label"] for m in records[0]["mentions"]}


def test_cli_extract_jsonl_corpus_rows_named_by_row_and_id(tmp_path: Path) -> None:
    out = run("extract", str(_corpus(tmp_path)), "--jsonl")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["document"] for r in records] == ["J-1", "J-2", "J-3"]
    assert [r["source"].rsplit(":", 1)[-1] for r in records] == ["2", "3", "4"]


def test_cli_extract_output_file_limit_and_quiet(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    out = run("extract", str(_folder(tmp_path, 6)), "--jsonl", "-o", str(target), "--limit", "4",
              "--quiet")
    assert out.returncode == 0, out.stderr
    assert out.stdout == "" and out.stderr == ""
    assert len(target.read_text("utf-8").splitlines()) == 4


def test_cli_extract_csv_rows_name_their_document(tmp_path: Path) -> None:
    out = run("extract", str(_corpus(tmp_path)), "--csv")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and {r["document"] for r in rows} <= {"J-1", "J-2", "J-3"}
    assert all(r["source"].endswith((":2", ":3", ":4")) for r in rows)


def test_cli_extract_json_still_one_document(tmp_path: Path) -> None:
    out = run("extract", str(_corpus(tmp_path)), "--json", "--limit", "2")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [d["document"] for d in data["documents"]] == ["J-1", "J-2"]
    assert data["report"]["done"] == 2


def test_cli_extract_progress_silent_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    out = run("extract", str(_folder(tmp_path, 3)), "--jsonl")
    assert out.returncode == 0 and out.stderr == ""


def test_cli_assess_jsonl_and_csv_name_each_resume() -> None:
    files = [str(demo_path("resume.txt")), str(demo_path("consumer_resume.txt"))]
    out = run("assess", *files, "--jsonl")
    assert out.returncode == 0, out.stderr
    cards = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(c["source"]).name for c in cards] == ["resume.txt", "consumer_resume.txt"]
    assert all(0 <= c["fit"] <= 100 for c in cards)
    out = run("assess", *files, "--csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["source"] for r in rows] == ["resume.txt", "consumer_resume.txt"]


def test_cli_rank_jsonl_and_table_name_each_candidate() -> None:
    pytest.importorskip("bm25s")
    files = [str(demo_path("resume.txt")), str(demo_path("consumer_resume.txt"))]
    out = run("rank", "--job", str(demo_path("posting.html")), *files, "--jsonl")
    assert out.returncode == 0, out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(r["source"]).name for r in results] == ["resume.txt", "consumer_resume.txt"]
    out = run("rank", "--job", str(demo_path("posting.html")), *files, "--csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["document"] for r in rows] == ["resume.txt", "consumer_resume.txt"]
    # one 0-100 scale for the scores a person reads
    assert float(rows[0]["score"]) == pytest.approx(100 * results[0]["score"], abs=0.05)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_progress_rules() -> None:
    assert not progress_enabled(False, io.StringIO())  # a pipe or a file
    assert not progress_enabled(True, _Tty())  # --quiet
    assert progress_enabled(False, _Tty())
    tty = _Tty()
    with progress(False, "extracting", stream=tty, delay=0.0) as advance:
        for _ in range(3):
            advance(1)
    assert "extracting" in tty.getvalue() and "documents" in tty.getvalue()
    quiet = _Tty()
    with progress(True, "extracting", stream=quiet, delay=0.0) as advance:
        advance(1)
    assert quiet.getvalue() == ""


def test_cli_quiet_silences_progress_on_a_terminal(tmp_path: Path, stderr_on_a_terminal) -> None:
    code, stdout, written = stderr_on_a_terminal(
        ["extract", str(_folder(tmp_path, 3)), "--jsonl", "--quiet"])
    assert code == 0
    assert len(stdout.splitlines()) == 3
    assert written == b""


@pytest.mark.parametrize("n", [0, 1, 3])
@pytest.mark.parametrize("head", [{}, {"profile": "smm", "profile_version": "2.1"}])
def test_cli_output_json_written_record_by_record_same_as_one_dump(n: int, head: dict) -> None:
    from skillmix.cli.output import Sink

    records = [{"document": f"d{i}", "source": f"réf-{i}.txt", "mentions": [{"a": [1, 2]}, {}],
                "empty": [], "none": None} for i in range(n)]
    out = io.BytesIO()
    sink = Sink("json", out, columns=(), array="items", head=head)
    for r in records:
        sink.record(r)
        assert len(sink._records) == 0  # nothing collected
    sink.close(report={"done": n, "failed": 0})
    want = json.dumps({**head, "items": records, "report": {"done": n, "failed": 0}},
                      indent=2, ensure_ascii=False) + "\n"
    assert out.getvalue().decode("utf-8") == want


def test_cli_extract_json_same_records_as_jsonl(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    whole = json.loads(run("extract", str(folder), "--json").stdout)
    lines = [json.loads(line) for line in run("extract", str(folder), "--jsonl").stdout.splitlines()]
    assert whole["documents"] == lines and len(lines) == 3
    assert whole["report"]["done"] == 3


def test_cli_blind_assess_and_rank_name_no_one(tmp_path: Path) -> None:
    # a file name that would unblind, and the name and contacts inside the résumé
    named = tmp_path / "Alex_Rivera_CV.txt"
    named.write_bytes(demo_path("resume.txt").read_bytes())
    files = [str(named), str(demo_path("consumer_resume.txt"))]
    outs = [run("assess", *files, "--blind", "--jsonl"),
            run("assess", *files, "--blind", "--csv", "--markdown", str(tmp_path / "md")),
            run("rank", "--job", str(demo_path("posting.html")), *files, "--blind", "--jsonl"),
            run("rank", "--job", str(demo_path("posting.html")), *files, "--blind", "--csv")]
    texts = [o.stdout for o in outs] + [p.read_text() for p in (tmp_path / "md").iterdir()]
    for o in outs:
        assert o.returncode == 0, o.stderr
    for text in texts:
        assert "Candidate " in text
        for leak in ("Alex", "Rivera", "alex.rivera@example.com", "010-2030", "consumer_resume"):
            assert leak not in text
    plain = run("assess", *files, "--csv").stdout
    assert "Alex_Rivera_CV.txt" in plain  # without --blind the file names are shown


def test_cli_blind_refuses_a_saved_index(tmp_path: Path) -> None:
    job = str(demo_path("posting.html"))
    saved = run("rank", "--job", job, str(demo_path("resume.txt")), "--save-index",
                str(tmp_path / "idx"), "--quiet")
    assert saved.returncode == 0, saved.stderr
    out = run("rank", "--job", job, "--index", str(tmp_path / "idx"), "--blind")
    assert out.returncode != 0 and "C425" in out.stderr and "Traceback" not in out.stderr


def _export(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """An ATS-style résumé export: id, name, the résumé's text."""
    path = tmp_path / "candidates.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name", "resume"])
        writer.writerows(rows)
    return path


def test_cli_assess_and_rank_an_export_one_candidate_a_row(tmp_path: Path) -> None:
    pro, consumer = (demo_path(n).read_text(encoding="utf-8")
                     for n in ("resume.txt", "consumer_resume.txt"))
    export = _export(tmp_path, [("c1", "Alex Rivera", pro), ("c2", "Sam Lee", consumer),
                                ("c3", "Alex Rivera (again)", pro)])
    out = run("assess", str(export), "--jsonl")
    assert out.returncode == 0, out.stderr
    cards = [json.loads(line) for line in out.stdout.splitlines()]
    assert [c["source"] for c in cards] == [f"{export}:{n}" for n in (2, 3, 4)]
    # each row is scored as its own file would be
    alone = json.loads(run("assess", str(demo_path("resume.txt")), "--json").stdout)
    assert cards[0]["fit"] == alone["scorecards"][0]["fit"] > cards[1]["fit"]
    pytest.importorskip("bm25s")
    out = run("rank", "--job", str(demo_path("posting.html")), str(export), "--jsonl")
    assert out.returncode == 0, out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    # rows keep the export's own ids: c3 is another application, even with c1's text
    assert [r["id"] for r in results] == ["c1", "c3", "c2"]
    assert [r["source"] for r in results] == [f"{export}:{n}" for n in (2, 4, 3)]
    assert results[0]["score"] == results[1]["score"] > results[2]["score"]
    blind = run("rank", "--job", str(demo_path("posting.html")), str(export), "--blind", "--csv")
    assert blind.returncode == 0, blind.stderr
    assert "Rivera" not in blind.stdout and "Sam Lee" not in blind.stdout


def test_cli_rank_names_each_document_once(tmp_path: Path) -> None:
    pytest.importorskip("bm25s")
    (tmp_path / "a.txt").write_bytes(demo_path("resume.txt").read_bytes())
    (tmp_path / "b.txt").write_bytes(demo_path("resume.txt").read_bytes())
    (tmp_path / "c.txt").write_bytes(demo_path("consumer_resume.txt").read_bytes())
    out = run("rank", "--job", str(demo_path("posting.html")), str(tmp_path), "--csv")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["document"] for r in rows] == ["a.txt", "c.txt"]  # b.txt was listed as a.txt
    assert "[M011]" in out.stderr and "b.txt" in out.stderr and "1 skipped" in out.stderr


def test_cli_a_posting_export_is_not_read_as_resumes(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs.csv"
    jobs.write_text("job_id,title,description,listed_time,skills_desc\n"
                    "1,Social Media Manager,Run our social accounts.,1712860000000,\n",
                    encoding="utf-8")
    out = run("assess", str(jobs))
    assert out.returncode == 1
    assert "[D115]" in out.stderr and "job-board export (linkedin)" in out.stderr
    assert "Traceback" not in out.stderr


def test_cli_a_posting_among_resumes_is_named(tmp_path: Path) -> None:
    pytest.importorskip("bm25s")
    (tmp_path / "cv.txt").write_bytes(demo_path("resume.txt").read_bytes())
    (tmp_path / "job.html").write_bytes(demo_path("posting.html").read_bytes())
    out = run("rank", "--job", str(demo_path("posting.html")), str(tmp_path), "--csv")
    assert out.returncode == 0, out.stderr
    assert "job.html reads like a job posting; it is scored as a résumé" in out.stderr
    assert "cv.txt reads like" not in out.stderr
    out = run("assess", str(tmp_path), "--csv")
    assert "job.html reads like a job posting" in out.stderr and "cv.txt" not in out.stderr
    # blind mode names no file, in the notes either
    for args in (("assess", str(tmp_path), "--blind", "--csv"),
                 ("rank", "--job", str(demo_path("posting.html")), str(tmp_path), "--blind")):
        out = run(*args)
        assert out.returncode == 0, out.stderr
        assert "reads like a job posting" in out.stderr and "job.html" not in out.stderr


def test_cli_blind_masks_the_name_an_export_row_gives(tmp_path: Path) -> None:
    text = ("Zyxw Qwertyuiop\nSocial Media Manager\n\nExperience\nSocial Media Manager, "
            "Acme 2019 - 2023\n- Ran Instagram campaigns for Zyxw Qwertyuiop Consulting.\n")
    export = _export(tmp_path, [("c1", "Zyxw Qwertyuiop", text)])
    plain = run("assess", str(export), "--jsonl")
    assert "Qwertyuiop" in plain.stdout  # the evidence quotes the name without --blind
    for args in (("assess", str(export), "--blind", "--jsonl"),
                 ("rank", "--job", str(demo_path("posting.html")), str(export), "--blind",
                  "--jsonl")):
        if args[0] == "rank":
            pytest.importorskip("bm25s")
        out = run(*args)
        assert out.returncode == 0, out.stderr
        assert "Qwertyuiop" not in out.stdout and "Zyxw" not in out.stdout


def test_cli_rank_keeps_two_exports_that_share_row_ids(tmp_path: Path) -> None:
    pytest.importorskip("bm25s")
    pro, consumer = (demo_path(n).read_text(encoding="utf-8")
                     for n in ("resume.txt", "consumer_resume.txt"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = _export(tmp_path / "a", [("1", "Alex", pro)])
    b = _export(tmp_path / "b", [("1", "Sam", consumer), ("1", "Sam again", consumer)])
    out = run("rank", "--job", str(demo_path("posting.html")), str(a), str(b), "--jsonl")
    assert out.returncode == 0, out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    # two documents with id 1: both ranked; the repeated row of b is the same document
    assert sorted(r["source"] for r in results) == [f"{a}:2", f"{b}:2"]
    assert len({r["id"] for r in results}) == 2 and "[M011]" in out.stderr
