"""Settings: one object, read from defaults, a file, the environment and overrides in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skillmix.config import ENVIRONMENT, Settings, current_settings, use_settings
from skillmix.errors import ConfigError

SRC = Path(__file__).resolve().parent.parent / "src" / "skillmix"


def test_config_file_then_environment_then_overrides(tmp_path):
    f = tmp_path / "skillmix.toml"
    f.write_text('cache_dir = "/from/file"\nfiles_dir = "/files/file"\n'
                 'database_url = "sqlite:///file.sqlite"\n', encoding="utf-8")
    env = {"SKILLMIX_CACHE_DIR": "/from/env", "HOME": str(tmp_path)}
    s = Settings.load(f, environ=env, files_dir=None, database_url="sqlite:///cli.sqlite")
    assert s.cache_dir == Path("/from/env")            # environment beats the file
    assert s.files_dir == Path("/files/file")          # a None override leaves it
    assert s.database_url == "sqlite:///cli.sqlite"    # an override beats both
    assert s.shared_data_dir is None and s.cache("link") == Path("/from/env/link")


def test_config_file_named_by_environment_and_user_cache_default(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text(f'shared_data_dir = "{tmp_path}"\n', encoding="utf-8")
    s = Settings.load(environ={"SKILLMIX_CONFIG": str(f), "XDG_CACHE_HOME": "/xdg"})
    assert s.shared_data_dir == tmp_path and s.cache_dir == Path("/xdg/skillmix")


@pytest.mark.parametrize("text, code", [("cache_dir = [", "C003"), ("colour = 'red'", "C004")])
def test_config_bad_file_is_a_coded_error(tmp_path, text, code):
    f = tmp_path / "bad.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Settings.load(f, environ={})
    assert err.value.code == code and str(f) in str(err.value)
    with pytest.raises(ConfigError, match="C004"):
        Settings.load(environ={}, colour="red")


def test_config_every_cache_lookup_follows_the_settings(tmp_path, monkeypatch):
    from skillmix.extract.vocabulary import cache_dir
    from skillmix.link.cache import default_cache_dir
    from skillmix.match.labelled import _cache_dir

    monkeypatch.setenv("SKILLMIX_CACHE_DIR", str(tmp_path / "env"))
    assert (cache_dir(), default_cache_dir(), _cache_dir()) == (
        tmp_path / "env", tmp_path / "env" / "link", tmp_path / "env" / "match")
    with use_settings(Settings(cache_dir=tmp_path / "cli")):
        assert current_settings().cache_dir == tmp_path / "cli"
        assert default_cache_dir() == tmp_path / "cli" / "link"
    assert current_settings().cache_dir == tmp_path / "env"


def test_config_library_reads_no_settings_environment_nor_shared_folder():
    """Only config.py reads the settings' environment variables, and no library code
    guesses a ../shared folder."""
    names = "|".join(ENVIRONMENT.values())
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        text = path.read_text(encoding="utf-8")
        assert '"shared"' not in text and "../shared" not in text, rel
        if rel != "config.py":
            assert not re.search(rf"environ(\.get)?[\[(]\s*\"({names})", text), rel


def test_config_cli_option_installs_the_file(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from skillmix.cli.main import cli

    # the environment outranks the file (CI sets SKILLMIX_CACHE_DIR): only the file here
    monkeypatch.delenv("SKILLMIX_CACHE_DIR", raising=False)
    f = tmp_path / "s.toml"
    f.write_text(f'cache_dir = "{tmp_path / "c"}"\n', encoding="utf-8")
    seen = {}
    monkeypatch.setattr("skillmix.cli.main.COMMANDS", {"probe": "main:_probe"})
    import click

    import skillmix.cli.main as main_mod

    @click.command()
    def _probe() -> None:
        seen["cache"] = current_settings().cache_dir

    monkeypatch.setattr(main_mod, "_probe", _probe, raising=False)
    try:
        result = CliRunner().invoke(cli, ["--config", str(f), "probe"])
    finally:
        use_settings(None)
    assert result.exit_code == 0, result.output
    assert seen["cache"] == tmp_path / "c"
