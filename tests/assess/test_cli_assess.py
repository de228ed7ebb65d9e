"""``skillmix assess``: thin command over the library, errors as coded one-liners."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skillmix.cli.main import cli, main
from skillmix.demo import demo_path


def test_cli_assess_json_and_reports(tmp_path: Path):
    res = CliRunner().invoke(cli, [
        "assess", str(demo_path("resume.txt")), str(demo_path("consumer_resume.txt")),
        "--today", "2026-11-01", "--json", "--markdown", str(tmp_path / "md"),
        "--html", str(tmp_path / "html"),
    ])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    fits = [c["fit"] for c in data["scorecards"]]
    assert fits[0] > fits[1]
    assert data["profile"] == "social-media-technologist"
    assert len(list((tmp_path / "md").glob("*.md"))) == 2
    assert len(list((tmp_path / "html").glob("*.html"))) == 2


def test_cli_assess_job_profile():
    res = CliRunner().invoke(cli, [
        "assess", str(demo_path("resume.txt")), "--job", str(demo_path("posting.html")),
        "--today", "2026-11-01", "--json",
    ])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["profile"].startswith("job:")


def test_cli_assess_unknown_profile_is_a_coded_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["assess", str(demo_path("resume.txt")), "--profile", "nope"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("error: [P101]") and "social-media-manager" in err


def test_cli_assess_profile_and_job_conflict(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["assess", str(demo_path("resume.txt")), "--profile", "community-manager",
              "--job", str(demo_path("posting.html"))])
    assert exit_info.value.code == 1
    assert "[C041]" in capsys.readouterr().err


def test_cli_assess_list_profiles():
    res = CliRunner().invoke(cli, ["assess", "--list-profiles", "--csv"])
    assert res.exit_code == 0
    assert "social-ads-automation-lead" in res.output


def test_cli_assess_notes_roles_after_today(capsys):
    """A --today before the résumé's roles (a mistyped year) is said, not silently used."""
    main(["assess", str(demo_path("resume.txt")), "--today", "2001-01-01", "--json", "-q"])
    err = capsys.readouterr().err
    assert "resume.txt: 2 role(s) start after --today 2001-01-01 (the first 2018-06-01)" in err
    main(["assess", str(demo_path("resume.txt")), "--today", "2026-11-01", "--json", "-q"])
    assert "--today" not in capsys.readouterr().err
