"""The rank and eval ranking commands: thin shells that print what the library computed."""

from __future__ import annotations

import json

from click.testing import CliRunner

from skillmix.cli.main import cli

from .conftest import DEMO


def test_cli_rank_job_json_and_saved_index(tmp_path):
    runner = CliRunner()
    args = ["rank", "--job", str(DEMO / "posting.html"), str(DEMO / "resume.txt"),
            str(DEMO / "consumer_resume.txt"), "--json", "--as-of", "2026-11-25",
            "--save-index", str(tmp_path / "ix")]
    res = runner.invoke(cli, args)
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["direction"] == "candidates-for-job"
    assert [r["rank"] for r in data["results"]] == [1, 2]
    assert data["parameters"]["as_of"] == "2026-11-25"
    again = runner.invoke(cli, ["rank", "--job", str(DEMO / "posting.html"), "--index",
                                str(tmp_path / "ix"), "--json", "--as-of", "2026-11-25"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.output)["results"] == data["results"]


def test_cli_rank_candidate_table_and_errors():
    runner = CliRunner()
    res = runner.invoke(cli, ["rank", "--candidate", str(DEMO / "resume.txt"),
                              str(DEMO / "posting.html"), "--top", "1", "--csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0].startswith("rank,score,document,title")
    bad = runner.invoke(cli, ["rank", str(DEMO / "resume.txt")])
    assert bad.exit_code != 0


def test_cli_rank_says_when_the_posting_shows_no_skill(tmp_path):
    """A posting with no skill of the taxonomy ranks on text and years alone: said on stderr,
    never in the results; a posting with skills gets no such note."""
    empty = tmp_path / "posting.txt"
    empty.write_text("Night Porter\nWe are a family hotel by the sea. Apply by letter.\n")
    runner = CliRunner()
    res = runner.invoke(cli, ["rank", "--job", str(empty), str(DEMO / "resume.txt"), "--json"])
    assert res.exit_code == 0, res.output
    assert "posting.txt shows no skill of the taxonomy" in res.stderr
    assert json.loads(res.stdout)["results"][0]["components"]["skill"] == 0
    full = runner.invoke(cli, ["rank", "--job", str(DEMO / "posting.html"), str(DEMO / "resume.txt"),
                               "--json"])
    assert full.exit_code == 0 and "shows no skill" not in full.stderr


def test_cli_eval_ranking_on_a_small_labelled_folder(tmp_path):
    social = [
        "Experience\nSocial Media Manager, Acme, 2019 - Present\n- Ran paid social advertising "
        "on Facebook and Instagram; community management and social listening.\n",
        "Experience\nCommunity Manager, Beta, 2018 - 2023\n- Managed the brand's TikTok and "
        "Instagram accounts, content strategy and influencer marketing.\n",
        "Experience\nDigital Marketer, Gamma, 2020 - Present\n- SEO, Google Analytics and "
        "social media marketing campaigns for clients.\n",
    ]
    chef = [
        "Experience\nHead Chef, Bistro, 2015 - Present\n- Menu planning, kitchen staff, food cost.\n",
        "Experience\nLine Cook, Diner, 2019 - 2022\n- Grill, prep and plating for 200 covers.\n",
        "Experience\nPastry Chef, Hotel, 2016 - 2021\n- Bread, desserts and ordering.\n",
    ]
    for cat, texts in (("SOCIAL", social), ("CHEF", chef)):
        (tmp_path / "cv" / cat).mkdir(parents=True)
        for i, t in enumerate(texts):
            (tmp_path / "cv" / cat / f"{i}.txt").write_text(t)
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({
        "id": "j1", "title": "Social Media Manager",
        "description": "Requirements:\n- 3+ years of social media marketing and community "
                       "management.\n- Paid social advertising on Facebook and Instagram.\n"}) + "\n")
    rel = tmp_path / "rel.json"
    rel.write_text(json.dumps({"j1": {"SOCIAL": 3}}))
    res = CliRunner().invoke(cli, ["eval", "ranking", "--jobs", str(jobs), "--resumes",
                                   str(tmp_path / "cv"), "--relevance", str(rel), "--no-cache",
                                   "--per-job"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["jobs"] == 1 and out["resumes"] == 6
    assert out["methods"]["skillmix"]["map"] == 1.0
    assert out["methods"]["skillmix"]["ndcg@10"] == 1.0
    assert set(out["per_job"]["j1"]) == {"skillmix", "bm25"}


def test_cli_rank_candidate_csv_names_a_far_level_mismatch(tmp_path):
    """rank --candidate prints the level component and, in the seniority column, why a posting
    is marked down: an internship for a candidate with 8.5 dated years as a senior."""
    intern = tmp_path / "intern.html"
    intern.write_text((DEMO / "posting.html").read_text("utf-8").replace(
        "Social Advertising Automation Lead", "Social Advertising Intern").replace(
        "5+ years of software engineering experience, including 3+ years building",
        "Coursework or a class project building"), "utf-8")
    res = CliRunner().invoke(cli, ["rank", "--candidate", str(DEMO / "resume.txt"), str(intern),
                                   str(DEMO / "posting.html"), "--csv", "--as-of", "2026-11-25"])
    assert res.exit_code == 0, res.output
    import csv
    import io

    rows = {r["document"]: r for r in csv.DictReader(io.StringIO(res.stdout))}
    assert rows["intern.html"]["level"] == "0"
    assert rows["intern.html"]["seniority"].startswith("far over-qualified (3 levels apart)")
    assert "8.5 years of dated experience" in rows["intern.html"]["seniority"]
    assert rows["posting.html"]["level"] == "100" and rows["posting.html"]["seniority"] == ""
