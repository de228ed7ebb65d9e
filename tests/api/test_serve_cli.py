"""``skillmix serve create-key`` makes a working key; ``serve migrate`` builds the schema;
``serve`` builds the app from its options (uvicorn itself is exercised by bench/api_load.py
and the browser tests)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from skillmix.cli.main import cli


def test_serve_cli_create_key_and_migrate(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite"
    runner = CliRunner()
    out = runner.invoke(cli, ["serve", "--db", str(db), "migrate"])
    assert out.exit_code == 0, out.output
    from skillmix.store.migrate import head_revision

    assert f"revision {head_revision()}" in out.output
    out = runner.invoke(cli, ["serve", "--db", str(db), "create-key", "ana", "--scopes", "write"])
    assert out.exit_code == 0, out.output
    token = out.stdout.strip().splitlines()[0]
    from skillmix.store import Store, verify_key

    key = verify_key(Store(str(db)), token)
    assert key.user_name == "ana" and key.scopes == {"read", "write"}


def test_serve_cli_bad_options_are_errors(tmp_path: Path) -> None:
    from skillmix.cli.main import main
    import pytest

    with pytest.raises(SystemExit) as ex:
        main(["serve", "--db", str(tmp_path / "x.sqlite"), "--corpus", "nopath", "migrate"])
    assert ex.value.code == 1


def test_serve_build_app_from_config(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from skillmix.server.run import ServeConfig, build_app

    app = build_app(ServeConfig(db=str(tmp_path / "a.sqlite"), max_upload_mb=1, blind=False))
    ws = app.state.workspace
    assert ws.settings.max_upload_bytes == 1024 * 1024 and ws.settings.blind is False
    with TestClient(app) as c:
        assert c.get("/health").json()["database"] == "sqlite"
