"""Whole-process ``skillmix extract --jsonl`` throughput and memory (issue #15).

A user never sees the engine's rate (``bench/extract_speed.py``): they see a process that
starts, reads files or corpus rows, extracts and writes records. This script measures that
process against the engine, in one run, on one core:

* engine: ``Extractor("builtin").extract`` over documents already in memory, in this
  process (pinned to the same core): the ceiling;
* folder: ``taskset -c CPU skillmix extract --jsonl FOLDER -o OUT`` over N posting files
  (the shared corpora's descriptions, one file each; Remotive's HTML ones as ``.html``);
* csv: the same over an N-row CSV export (the shared corpora's raw rows, cycled);
* memory: peak RSS of the CSV process (and the children it waited for) at N rows and at
  ``--big`` rows, to show it stays flat in the number of documents (for each output
  format: ``--flag=--jsonl``, ``--csv`` or ``--json``, all written as produced).

The load average (1, 5, 15 minutes) is printed first: the machine may be shared.

Each whole-process rate is printed as postings/s and as a ratio of the engine rate. The
start-up cost (imports, vocabulary, sandbox worker) is inside the whole-process figures.

    python bench/cli_extract.py [--rows 5000] [--big 50000] [--cpu 0] [--shared ../shared/data]
    python bench/cli_extract.py --flag=--csv --big 500000   # CSV rows out; --json also streams
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ["id", "title", "description", "company", "location", "date", "url"]


def raw_rows(shared: Path) -> list[dict[str, str]]:
    """The shared corpora's rows as the generic preset's columns, descriptions untouched."""
    csv.field_size_limit(1 << 30)
    post = shared / "postings"
    rows: list[dict[str, str]] = []
    with (post / "adzuna_uk_2013_sample.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            rows.append({"id": r["Id"], "title": r["Title"], "description": r["FullDescription"],
                         "company": r["Company"], "location": r["LocationNormalized"]})
    with (post / "linkedin_2024-04_sample.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            text = r["description"] + ("\n\n" + r["skills_desc"] if r.get("skills_desc") else "")
            rows.append({"id": r["job_id"], "title": r["title"], "description": text,
                         "company": r["company_name"], "location": r["location"]})
    with (post / "remotive_2025-04.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            rows.append({"id": str(r["id"]), "title": r["title"], "description": r["description"],
                         "company": r["company_name"],
                         "location": r["candidate_required_location"]})
    return [r for r in rows if r["description"].strip()]


def write_csv(path: Path, rows: list[dict[str, str]], n: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        w.writeheader()
        for i, r in zip(range(n), itertools.cycle(rows)):
            w.writerow({**r, "id": f"{r['id']}-{i}"})


def write_folder(folder: Path, rows: list[dict[str, str]], n: int) -> None:
    folder.mkdir()
    for i, r in zip(range(n), itertools.cycle(rows)):
        html = "<" in r["description"][:200] and "</" in r["description"]
        (folder / f"posting-{i:05d}{'.html' if html else '.txt'}").write_text(
            r["description"], encoding="utf-8")


def engine_rate(csv_path: Path, repeat: int) -> tuple[float, int]:
    """Documents per second of ``Extractor.extract`` alone over the CSV's documents."""
    from skillmix.extract import get_extractor
    from skillmix.io import read_corpus

    docs = [p.document for p in read_corpus(csv_path)]
    ex = get_extractor("builtin")
    ex.extract(docs[0])
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for d in docs:
            ex.extract(d)
        best = min(best, time.perf_counter() - t)
    return len(docs) / best, len(docs)


def whole_process(args: list[str], cpu: int, out: Path) -> tuple[float, float, int]:
    """``(seconds, peak RSS MB, exit status)`` of one pinned ``skillmix`` process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = ["taskset", "-c", str(cpu), sys.executable, "-m", "skillmix", *args]
    t = time.perf_counter()
    with out.open("wb") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.PIPE, env=env)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def count_records(path: Path, flag: str) -> str:
    """What the output holds: documents (``--jsonl``, ``--json``) or mention rows (``--csv``)."""
    if flag in ("--jsonl", "--csv"):
        with path.open("rb") as fh:
            n = sum(1 for _ in fh)
        return f"{n} records" if flag == "--jsonl" else f"{n - 1} rows"
    with path.open("rb") as fh:
        return f"{len(json.load(fh)['documents'])} records"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--big", type=int, default=50000, help="rows for the memory check (0: skip)")
    ap.add_argument("--cpu", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--flag", default="--jsonl", choices=["--jsonl", "--csv", "--json"],
                    help="output format to time (all three are written as produced)")
    args = ap.parse_args()
    if not args.shared.is_dir():
        sys.exit(f"shared data not found at {args.shared}")
    if shutil.which("taskset") is None:
        sys.exit("taskset (util-linux) is needed to pin the process to one core")
    os.sched_setaffinity(0, {args.cpu})
    rows = raw_rows(args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        write_folder(t / "folder", rows, args.rows)
        write_csv(t / "corpus.csv", rows, args.rows)
        engine, n = engine_rate(t / "corpus.csv", args.repeat)
        out = t / "out"
        flag = [args.flag]
        print(f"{args.rows} postings from {len(rows)} distinct shared rows; one core (cpu {args.cpu}); "
              f"output {args.flag}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"{'engine (extract only, in process)':40s} {engine:7.0f} postings/s   x1.00")
        for label, target in (("folder of files, whole process", t / "folder"),
                              ("CSV export, whole process", t / "corpus.csv")):
            sec, rss, code = whole_process(["extract", *flag, "--quiet", str(target), "-o", str(out)],
                                           args.cpu, out)
            got = count_records(out, args.flag) if code == 0 else "no output"
            rate = args.rows / sec
            print(f"{label:40s} {rate:7.0f} postings/s   x{rate / engine:.2f}   "
                  f"({sec:.1f}s, {got}, peak RSS {rss:.0f} MB, exit {code})")
        if args.big:
            write_csv(t / "big.csv", rows, args.big)
            (t / "folder").exists() and shutil.rmtree(t / "folder")
            sec, rss, code = whole_process(["extract", *flag, "--quiet", str(t / "big.csv"),
                                            "-o", str(out)], args.cpu, out)
            got = count_records(out, args.flag) if code == 0 else "no output"
            print(f"{f'CSV export, {args.big:,} rows':40s} {args.big / sec:7.0f} postings/s   "
                  f"x{args.big / sec / engine:.2f}   ({sec:.1f}s, {got}, peak RSS {rss:.0f} MB, "
                  f"exit {code})")


if __name__ == "__main__":
    main()
