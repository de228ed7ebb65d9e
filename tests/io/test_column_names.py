"""An export with its own column names reads without renaming: each field is found by
its column's name, a vague text column only beside a title, and --column puts the
user's names over whatever was found."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from skillmix.cli.main import cli, main
from skillmix.errors import DocumentError
from skillmix.io import read_corpus
from skillmix.io.column_names import infer_columns, normal_name
from skillmix.io.corpus import resolve_mapping, sniff_preset
from skillmix.io.inputs import corpus_kind
from .conftest import write_csv as _csv

POSTING = ("We are hiring a Social Media Manager to plan and publish content on Instagram "
           "and TikTok, answer comments and report engagement with Google Analytics.")



def test_names_compare_without_case_spaces_or_punctuation():
    assert normal_name(" Job Title ") == normal_name("job-title") == normal_name("JOB_TITLE") == "job_title"
    assert normal_name("jobTitle") == "job_title" and normal_name("ID") == "id"


def test_a_scrapers_camel_case_columns_map():
    found = infer_columns(["title", "companyName", "location", "postedAt", "descriptionText", "jobUrl"])
    assert found == {"description": "descriptionText", "title": "title", "company": "companyName",
                     "location": "location", "date": "postedAt", "url": "jobUrl"}


def test_an_ats_export_maps_every_field_by_name():
    found = infer_columns(["Req ID", "Job Title", "Employer", "Posted On", "Job Description", "City"])
    assert found == {"description": "Job Description", "title": "Job Title", "company": "Employer",
                     "location": "City", "date": "Posted On", "id": "Req ID"}


def test_a_vague_text_column_is_a_description_only_beside_a_title_and_a_company():
    assert infer_columns(["title", "company", "text"])["description"] == "text"
    assert "description" not in infer_columns(["title", "text"])
    assert "description" not in infer_columns(["id", "name", "text"])  # a résumé export's shape
    assert infer_columns(["foo", "bar"]) == {}


@pytest.mark.parametrize("header", [
    ["id", "name", "title", "resume_text", "summary"],
    ["id", "name", "title", "text"],
    ["Name", "Position", "Summary", "CV"],
    ["name", "resume", "details"],
    ["Title", "Company", "Text", "CV"],   # a résumé text column rules out a vague description
])
def test_resume_exports_with_a_title_stay_resumes(tmp_path, header):
    path = _csv(tmp_path / "cands.csv", header, [["x"] * len(header)])
    assert corpus_kind(path) == "resume"
    assert sniff_preset(header) is None


def test_the_clear_description_name_wins_over_a_vague_one():
    assert infer_columns(["Title", "Body", "Job Description"])["description"] == "Job Description"


def test_known_presets_are_still_sniffed_first():
    cols = ["job_id", "listed_time", "skills_desc", "title", "description", "company_name"]
    assert sniff_preset(cols) == "linkedin"
    assert sniff_preset(["Title", "Description"]) == "generic"  # case alone used to fail


def test_read_corpus_reads_an_export_with_its_own_names(tmp_path):
    path = _csv(tmp_path / "jobs.csv", ["Job Title", "Employer", "Posted On", "Job Description"],
                [["Social Media Manager", "Acme", "Apr 3, 2025", POSTING],
                 ["Community Lead", "Beta", "3rd April 2025", POSTING + " Lead a team."],
                 ["Analyst", "Gamma", "2025/04/05", POSTING + " SQL."],
                 ["Editor", "Delta", "Thu, 03 Apr 2025 10:00:00 GMT", POSTING + " Canva."],
                 ["Writer", "Eps", "03-Apr-2025", POSTING + " SEO."]])
    posts = list(read_corpus(path))
    assert [p.title for p in posts] == ["Social Media Manager", "Community Lead", "Analyst", "Editor", "Writer"]
    assert [p.company for p in posts] == ["Acme", "Beta", "Gamma", "Delta", "Eps"]
    assert [p.posted for p in posts] == [date(2025, 4, 3), date(2025, 4, 3), date(2025, 4, 5),
                                         date(2025, 4, 3), date(2025, 4, 3)]


def test_an_ambiguous_numeric_date_is_left_unread(tmp_path):
    path = _csv(tmp_path / "jobs.csv", ["title", "description", "date"],
                [["A", POSTING, "03/04/2025"]])
    assert next(read_corpus(path)).posted is None


def test_field_columns_are_put_over_what_was_found(tmp_path):
    path = _csv(tmp_path / "jobs.jsonl.csv", ["Headline", "Ad", "Firm"], [["SMM", POSTING, "Acme"]])
    with pytest.raises(DocumentError) as err:
        list(read_corpus(path))
    assert err.value.code == "D115" and "--column" in (err.value.hint or "")
    post = next(read_corpus(path, field_columns={"description": "Ad", "title": "Headline",
                                                 "company": "Firm"}))
    assert (post.title, post.company) == ("SMM", "Acme")
    with pytest.raises(DocumentError, match="no column 'Nope'"):
        list(read_corpus(path, field_columns={"description": "Ad", "title": "Nope"}))
    m, name = resolve_mapping(["Job Title", "Job Description", "Headline"], field_columns={"title": "Headline"})
    assert (m.title, m.description, name) == ("Headline", "Job Description", "generic")
    # naming the description keeps the fields the other names say
    m, _ = resolve_mapping(["Posting Body", "Job Title", "Employer", "Posted On"],
                           field_columns={"description": "Posting Body"})
    assert (m.description, m.title, m.company, m.date) == ("Posting Body", "Job Title", "Employer", "Posted On")


def test_field_columns_match_the_header_without_case_and_are_checked(tmp_path):
    from skillmix.errors import ConfigError

    path = _csv(tmp_path / "jobs.csv", ["Job Text ", "Headline"], [[POSTING, "SMM"]])
    post = next(read_corpus(path, field_columns={"description": "job text", "TITLE": "headline"}))
    assert post.title == "SMM" and "Instagram" in post.text
    with pytest.raises(ConfigError) as err:
        list(read_corpus(path, field_columns={"meta": "Headline"}))
    assert err.value.code == "C024"
    with pytest.raises(ConfigError, match="named twice"):
        list(read_corpus(path, field_columns={"title": "Headline", "Title": "Job Text "}))


def test_inferred_dates_read_epochs_too(tmp_path):
    """A name says nothing of a date's format: epoch milliseconds and ISO both read."""
    path = _csv(tmp_path / "jobs.csv", ["job_id", "title", "description", "company_name", "listed_time"],
                [["1", "SMM", POSTING, "Acme", "1713397508000.0"],
                 ["2", "SMM", POSTING + " SQL.", "Acme", "2024-04-18T09:00:00Z"]])
    assert [p.posted for p in read_corpus(path)] == [date(2024, 4, 17), date(2024, 4, 18)]


def test_a_resume_export_with_a_text_column_stays_resumes_and_jobs_stay_jobs(tmp_path):
    path = _csv(tmp_path / "cands.csv", ["id", "name", "text"], [["1", "Ann", "Social media manager."]])
    assert corpus_kind(path) == "resume"
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({"Job Title": "SMM", "Job Description": POSTING}) + "\n", encoding="utf-8")
    assert corpus_kind(jobs) == "posting"


def test_market_run_takes_column_options(tmp_path, capsys):
    path = _csv(tmp_path / "jobs.csv", ["Headline", "Ad"], [["SMM", POSTING], ["SMM 2", POSTING + " Canva."]])
    with pytest.raises(SystemExit) as exc:
        main(["market", "run", str(path), "-o", str(tmp_path / "a"), "-w", "0", "-q"])
    err = capsys.readouterr().err
    assert exc.value.code == 1 and "K103" in err and "--column" in err
    runner = CliRunner()
    res = runner.invoke(cli, ["market", "run", str(path), "-o", str(tmp_path / "b"), "-w", "0", "-q",
                              "--column", "description=Ad", "--column", "title=Headline"])
    assert res.exit_code == 0, res.output
    assert "2 records" in res.output
    res = runner.invoke(cli, ["market", "run", str(path), "-o", str(tmp_path / "c"), "-w", "0", "-q",
                              "--column", "salary=Ad"])
    assert res.exit_code != 0 and "C024" in str(res.exception)


def test_resume_exports_compare_names_the_same_way(tmp_path):
    from skillmix.io import read_resume_corpus

    path = _csv(tmp_path / "cands.csv", ["Candidate ID", "Resume Text"],
                [["7", "Social media manager. Created content for Instagram."]])
    assert corpus_kind(path) == "resume"
    (r,) = list(read_resume_corpus(path))
    assert "Instagram" in r.document.text


def test_resume_exports_take_named_columns(tmp_path):
    from skillmix.errors import ConfigError
    from skillmix.io import read_resume_corpus

    path = _csv(tmp_path / "cands.csv", ["Candidate", "CV Body"],
                [["Ann", "Social media manager. Created content for Instagram."]])
    with pytest.raises(DocumentError) as err:
        list(read_resume_corpus(path))
    assert err.value.code == "D115" and "--column text=NAME" in (err.value.hint or "")
    (r,) = list(read_resume_corpus(path, field_columns={"text": "cv body", "name": "Candidate"}))
    assert r.name == "Ann" and "Instagram" in r.document.text
    with pytest.raises(ConfigError, match="résumé export names its columns"):
        list(read_resume_corpus(path, field_columns={"description": "CV Body"}))
    with pytest.raises(DocumentError, match="no column 'Nope'"):
        list(read_resume_corpus(path, field_columns={"text": "Nope"}))


def test_named_columns_say_the_exports_kind(tmp_path):
    path = _csv(tmp_path / "x.csv", ["A", "B"], [["x", "y"]])
    assert corpus_kind(path, {"text": "A"}) == "resume"
    assert corpus_kind(path, {"description": "B"}) == "posting"


def test_extract_assess_and_rank_take_column_options(tmp_path, capsys):
    cands = _csv(tmp_path / "cands.csv", ["Candidate", "CV Body"],
                 [["Ann", "Social media manager. Created content for Instagram and TikTok."]])
    ads = _csv(tmp_path / "ads.csv", ["Headline", "Ad"], [["SMM", POSTING]])
    main(["extract", str(ads), "--column", "description=Ad", "--column", "title=Headline",
          "--jsonl", "-q"])
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert record["kind"] == "posting" and record["mentions"]
    main(["assess", str(cands), "--column", "text=CV Body", "--csv", "-q"])
    assert "cands.csv:2" in capsys.readouterr().out
    job = tmp_path / "job.txt"
    job.write_text(POSTING, encoding="utf-8")
    main(["rank", "--job", str(job), str(cands), "--column", "text=cv body", "--csv", "-q"])
    assert "cands.csv:2" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["assess", str(cands), "-q"])  # no résumé text column without --column
    assert "D115" in capsys.readouterr().err
