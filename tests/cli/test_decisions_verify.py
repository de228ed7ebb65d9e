"""``skillmix decisions verify`` checks; it never creates. Run where no workspace is, it
used to make an empty ``skillmix.sqlite`` and a new signing key, then say "Retry" about a
missing table (a new-user trial)."""

from __future__ import annotations

from click.testing import CliRunner

from skillmix.cli.main import cli


def test_verify_without_a_database_names_it_and_creates_nothing(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SKILLMIX_DB_URL", raising=False)
    got = CliRunner().invoke(cli, ["decisions", "verify"])
    assert got.exit_code != 0
    assert "[F157]" in got.stderr and "no database at this path" in got.stderr
    assert "Retry" not in got.stderr
    assert list(tmp_path.iterdir()) == []
    got = CliRunner().invoke(cli, ["decisions", "verify", "--db", str(tmp_path / "team.sqlite")])
    assert "[F157]" in got.stderr and list(tmp_path.iterdir()) == []
