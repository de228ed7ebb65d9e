"""Corpora stream as Postings; presets are sniffed; bad rows are counted, not fatal."""

from __future__ import annotations

import csv
import json
from datetime import date
from itertools import islice

import pytest

from skillmix.batch import BatchReport
from skillmix.errors import ConfigError, DocumentError
from skillmix.io import PRESETS, read_corpus
from skillmix.io.corpus import sniff_preset


def test_corpus_presets_are_data_and_sniffable():
    assert {"linkedin", "remotive", "adzuna", "jobspy", "generic"} <= set(PRESETS)
    assert sniff_preset(["id", "site", "job_url", "title", "company", "location", "date_posted", "description"]) == "jobspy"
    assert sniff_preset(["Id", "Title", "FullDescription", "LocationNormalized", "Company"]) == "adzuna"
    assert sniff_preset(["foo", "bar"]) is None


@pytest.mark.shared
@pytest.mark.parametrize(
    "name,preset,count",
    [
        ("linkedin_2024-04_sample.csv", "linkedin", 232),
        ("remotive_2025-04.jsonl", "remotive", 215),
        ("adzuna_uk_2013_sample.csv", "adzuna", 2499),
    ],
)
def test_corpus_shared_files_read_whole(shared_data, name, preset, count):
    path = shared_data / "postings" / name
    report = BatchReport()
    postings = list(read_corpus(path, report=report))
    assert (report.done, report.failed) == (count, 0)
    assert len({p.id for p in postings}) == count
    assert list(read_corpus(path, preset=preset))[0] == postings[0]
    assert all(p.document.kind == "posting" and p.text for p in postings)


@pytest.mark.shared
def test_corpus_linkedin_fields(shared_data):
    p = next(read_corpus(shared_data / "postings/linkedin_2024-04_sample.csv"))
    assert p.id == "1829192" and p.title == "Mental Health Therapist/Counselor"
    assert p.company is None and p.location == "Fort Collins, CO"
    assert p.posted == date(2024, 4, 11)  # listed_time 1712860000000 ms
    assert p.url.startswith("https://www.linkedin.com/jobs/view/1829192")
    # skills_desc is appended to the text when present
    rows = csv.DictReader((shared_data / "postings/linkedin_2024-04_sample.csv").open(encoding="utf-8"))
    with_skills = next(r for r in rows if r["skills_desc"].strip())
    post = next(x for x in read_corpus(shared_data / "postings/linkedin_2024-04_sample.csv") if x.id == with_skills["job_id"])
    assert with_skills["skills_desc"].strip()[:40] in post.text


@pytest.mark.shared
def test_corpus_remotive_html_to_text(shared_data):
    p = next(read_corpus(shared_data / "postings/remotive_2025-04.jsonl"))
    assert p.id == "1991570" and p.company == "Caremessage" and p.posted == date(2025, 4, 1)
    assert "<div>" not in p.text and "Health Equity" in p.text
    assert p.document.metadata["category"] == "DevOps / Sysadmin"


@pytest.mark.shared
def test_corpus_adzuna_fields(shared_data):
    p = next(read_corpus(shared_data / "postings/adzuna_uk_2013_sample.csv"))
    assert p.id == "12612628" and p.title == "Engineering Systems Analyst"
    assert p.location == "Dorking" and p.company == "Gregory Martin International"
    assert p.document.metadata["Category"] == "Engineering Jobs"


def test_corpus_jobspy_csv_with_bad_rows(tmp_path):
    path = tmp_path / "jobs.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "site", "job_url", "title", "company", "location", "date_posted", "description"])
        w.writerow(["in-1", "indeed", "https://x/1", "Social Media Manager", "Acme", "Austin, TX", "2025-04-02", "## Requirements\n- TikTok"])
        w.writerow(["in-2", "indeed", "https://x/2", "Empty", "Acme", "Austin, TX", "2025-04-02", ""])
        w.writerow(["in-3", "indeed", "short row"])
        w.writerow(["in-4", "linkedin", "https://x/4", "Editor", "B Co", "Remote", "not a date", "Edit videos."])
    report = BatchReport()
    posts = list(read_corpus(path, report=report))
    assert [p.id for p in posts] == ["in-1", "in-4"]
    assert posts[0].posted == date(2025, 4, 2) and posts[1].posted is None
    assert (report.done, report.failed) == (2, 2)
    assert [f.code for f in report.failures] == ["D114", "D114"]
    assert report.failures[0].source.endswith("jobs.csv:3")


def test_corpus_jsonl_bad_lines_are_recorded(tmp_path):
    path = tmp_path / "jobs.jsonl"
    lines = [
        json.dumps({"id": 1, "title": "A", "description": "<p>Write <b>copy</b></p>"}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": 2, "title": "B", "description": "Plain text"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = BatchReport()
    posts = list(read_corpus(path, report=report, on_error="skip"))
    assert [p.text for p in posts] == ["Write copy", "Plain text"]
    assert (report.done, report.skipped, report.failed) == (2, 2, 0)


def test_corpus_parquet_streams_with_mapping(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    n = 2500
    table = pa.table({
        "jid": [f"j{i}" for i in range(n)],
        "headline": ["Community Manager"] * n,
        "body": [f"Grow our Discord community #{i}." for i in range(n)],
        "when": ["2025-01-0%d" % (1 + i % 9) for i in range(n)],
    })
    path = tmp_path / "jobs.parquet"
    pq.write_table(table, path, row_group_size=500)
    mapping = {"id": "jid", "title": "headline", "description": "body", "date": "when"}
    it = read_corpus(path, mapping=mapping)
    first = list(islice(it, 3))
    assert [p.id for p in first] == ["j0", "j1", "j2"] and first[1].posted == date(2025, 1, 2)
    assert sum(1 for _ in it) == n - 3


def test_corpus_unknown_columns_and_preset_errors(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        list(read_corpus(path))
    assert info.value.code == "D115"
    with pytest.raises(ConfigError):
        list(read_corpus(path, preset="monster"))
    with pytest.raises(DocumentError) as info:
        list(read_corpus(path, mapping={"description": "body"}))
    assert info.value.code == "D115"


def test_corpus_reads_lazily(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "description"])
        for i in range(20000):
            w.writerow([i, "T", f"text {i}"])
    it = read_corpus(path)
    assert next(it).id == "0"  # no need to read 20k rows to get the first
