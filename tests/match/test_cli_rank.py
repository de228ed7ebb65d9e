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
    assert res.output.splitlines()[0].startswith("rank,score,title")
    bad = runner.invoke(cli, ["rank", str(DEMO / "resume.txt")])
    assert bad.exit_code != 0
