"""Résumé exports stream as Resumes, one per row, read as the same text in a file would be;
a job-board export and a résumé export are told apart by their columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillmix.batch import BatchReport
from skillmix.errors import DocumentError
from skillmix.io import RESUME_PRESETS, iter_documents, read_corpus, read_resume_corpus
from skillmix.io.inputs import corpus_kind
from skillmix.io.reader import parse_bytes
from skillmix.io.resume_corpus import sniff_resume_preset
from .conftest import write_csv as _csv

ROOT = Path(__file__).resolve().parents[2]

RESUME_A = """Jane Doe
Social Media Manager

Experience
Social Media Manager, Acme Corp - March 2019 to June 2023
- Led a team of 5 and created content for Instagram and TikTok.
- Answered comments and inbox messages within two hours.

Skills
Hootsuite, Canva, Google Analytics
"""
RESUME_B = """John Roe
Data Analyst

Work History
Data Analyst - Beta LLC - 01/2020 - Current
Built SQL dashboards in Tableau.
"""



def _same_as_file(doc, text: str) -> None:
    """A row reads exactly as a text file holding it: text, sections and roles."""
    ref = parse_bytes(text.encode("utf-8"), "resume.txt", kind="resume")
    assert doc.kind == "resume"
    assert doc.text == ref.text
    assert doc.sections == ref.sections
    assert doc.roles == ref.roles


def test_kaggle_layout_one_resume_a_row(tmp_path):
    path = _csv(tmp_path / "export.csv", ["Category", "Resume"],
                [["Marketing", RESUME_A], ["Data Science", RESUME_B], ["HR", "   "],
                 ["Marketing", RESUME_A]])
    report = BatchReport()
    resumes = list(read_resume_corpus(path, report=report))
    assert (report.done, report.failed) == (3, 1)  # the blank row fails alone
    assert "D114" in report.failures[0].error and report.failures[0].source.endswith(":4")
    a, b, again = resumes
    _same_as_file(a.document, RESUME_A)
    _same_as_file(b.document, RESUME_B)
    assert a.document.roles and b.document.roles  # work history read, as from a file
    assert a.document.metadata["Category"] == "Marketing"
    assert a.document.source == f"{path}:2" and b.document.source == f"{path}:3"
    # no id column: the id is the content's, so a repeated row is the same document
    assert again.id == a.id != b.id


def test_generic_columns_match_without_case(tmp_path):
    path = _csv(tmp_path / "ats.csv", ["ID", "Name", "CV"],
                [["c-17", "Jane Doe", RESUME_A], ["c-18", "John Roe", RESUME_B]])
    assert sniff_resume_preset(["ID", "Name", "CV"]) == "generic"
    first, second = read_resume_corpus(path)
    assert (first.id, first.name) == ("c-17", "Jane Doe")
    assert (second.id, second.name, second.document.id) == ("c-18", "John Roe", "c-18")
    _same_as_file(first.document, RESUME_A)


def test_json_resume_lines(tmp_path):
    rows = [
        {"basics": {"name": "Jane Doe", "label": "Social Media Manager"},
         "work": [{"name": "Acme Corp", "position": "Social Media Manager",
                   "startDate": "2019-03", "endDate": "2023-06",
                   "highlights": ["Led a team of 5", "Created content for Instagram"]}]},
        {"basics": {"name": "John Roe"}, "work": []},
        {"title": "not a résumé"},
    ]
    path = tmp_path / "people.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert sniff_resume_preset(list(rows[0])) == "jsonresume"
    report = BatchReport()
    jane, john = read_resume_corpus(path, report=report)
    assert report.failed == 1 and report.failures[0].code == "D116"  # says what JSON it takes
    assert jane.name == "Jane Doe" and john.name == "John Roe"
    assert jane.document.media_type == "application/json"
    assert [(r.title, r.start.year, r.end.year) for r in jane.document.roles] == [
        ("Social Media Manager", 2019, 2023)]
    assert "Led a team of 5" in jane.document.text


def test_exports_of_the_other_kind_are_named_not_misread(tmp_path):
    postings = _csv(tmp_path / "jobs.csv", ["job_id", "title", "description", "listed_time",
                                            "skills_desc"],
                    [["1", "Social Media Manager", "Run our social accounts.", "1712860000000", ""]])
    resumes = _csv(tmp_path / "people.csv", ["Category", "Resume"], [["HR", RESUME_B]])
    with pytest.raises(DocumentError) as err:
        list(read_resume_corpus(postings))
    assert err.value.code == "D115" and "job-board export (linkedin)" in err.value.message
    with pytest.raises(DocumentError) as err:
        list(read_corpus(resumes))
    assert err.value.code == "D115" and "résumé export (kaggle)" in err.value.message
    other = _csv(tmp_path / "other.csv", ["foo", "bar"], [["1", "2"]])
    with pytest.raises(DocumentError) as err:
        list(read_resume_corpus(other))
    assert err.value.code == "D115" and "resume_text" in (err.value.hint or "")


def test_corpus_kind_by_columns(tmp_path):
    cases = {
        ("Category", "Resume"): "resume",
        ("ID", "Resume_str", "Resume_html", "Category"): "resume",
        ("id", "name", "resume_text"): "resume",
        ("id", "title", "description"): "posting",  # the generic job-board layout
        ("job_id", "title", "description", "listed_time", "skills_desc"): "posting",
        ("foo", "bar"): "posting",  # unknown: the posting reader names the problem
    }
    for columns, kind in cases.items():
        path = _csv(tmp_path / f"{'_'.join(columns)}.csv", list(columns), [["x"] * len(columns)])
        assert corpus_kind(path) == kind, columns
    assert set(RESUME_PRESETS) == {"kaggle", "livecareer", "jsonresume", "generic"}


def test_iter_documents_reads_each_export_as_its_kind(tmp_path):
    resumes = _csv(tmp_path / "people.csv", ["Category", "Resume"],
                   [["Marketing", RESUME_A], ["Data", RESUME_B]])
    postings = _csv(tmp_path / "jobs.csv", ["id", "title", "description"],
                    [["9", "Community Manager", "Answer comments and messages."]])
    single = tmp_path / "one.txt"
    single.write_text(RESUME_B, encoding="utf-8")
    docs = list(iter_documents([resumes, postings, single]))
    assert [d.kind for d in docs] == ["resume", "resume", "posting", "resume"]
    report = BatchReport()
    docs = list(iter_documents([postings, resumes], kind="resume", report=report))
    assert [d.kind for d in docs] == ["resume", "resume"]  # the job export is a named failure
    assert report.failed == 1 and report.failures[0].source == str(postings)


@pytest.mark.shared
def test_kaggle_rows_read_as_the_blind_gold_texts(shared_data):
    """The Kaggle blind sets were cut from the same CSV and read as .txt files: every row
    they hold reads to the same text through the export reader."""
    export = shared_data / "resumes" / "kaggle_updated_resume_dataset.csv"
    by_source = {r.document.source: r.document for r in read_resume_corpus(export)}
    assert len(by_source) == 962
    checked = 0
    for gold in sorted((ROOT / "bench" / "data").glob("gold_fresh*/selection.json")):
        for item in json.loads(gold.read_text(encoding="utf-8")):
            if "KAGGLE" not in item["doc"]:
                continue
            doc = by_source[f"{export}:{item['row'] + 2}"]  # header is line 1, rows from 0
            text = (gold.parent / "docs" / f"{item['doc']}.txt").read_text(encoding="utf-8")
            assert doc.text == text, item["doc"]
            checked += 1
    assert checked == 40


def test_exports_inside_a_folder_are_read_row_by_row(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "more").mkdir(parents=True)
    _csv(folder / "people.csv", ["Category", "Resume"], [["Marketing", RESUME_A], ["Data", RESUME_B]])
    _csv(folder / "more" / "jobs.csv", ["id", "title", "description"],
         [["9", "Community Manager", "Answer comments and messages."],
          ["10", "SEO Lead", "Own technical SEO."]])
    (folder / "one.txt").write_text(RESUME_B, encoding="utf-8")
    docs = list(iter_documents(folder))
    # walked in sorted order: more/jobs.csv, one.txt, people.csv
    assert [(Path(d.source).name, d.kind) for d in docs] == [
        ("jobs.csv:2", "posting"), ("jobs.csv:3", "posting"), ("one.txt", "resume"),
        ("people.csv:2", "resume"), ("people.csv:3", "resume")]


def test_a_jsonl_export_with_a_bom_or_a_bad_first_line(tmp_path):
    good = json.dumps({"id": "c1", "resume": RESUME_A})
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + (good + "\n").encode("utf-8"))
    assert [r.id for r in read_resume_corpus(bom)] == ["c1"]
    first_bad = tmp_path / "first_bad.jsonl"
    first_bad.write_text("[1, 2]\n" + good + "\n", encoding="utf-8")
    report = BatchReport()
    assert [r.id for r in read_resume_corpus(first_bad, report=report)] == ["c1"]
    assert report.failed == 1 and report.failures[0].source.endswith(":1")  # fails alone


def test_an_empty_export_is_named(tmp_path):
    header_only = _csv(tmp_path / "header.csv", ["id", "resume"], [])
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    for path, why in ((header_only, "holds no rows"), (empty, "is empty")):
        with pytest.raises(DocumentError) as err:
            list(read_resume_corpus(path))
        assert err.value.code == "D113" and why in err.value.message
