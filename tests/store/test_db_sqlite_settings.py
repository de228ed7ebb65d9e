"""SQLite runs the way the store relies on: WAL, enforced foreign keys, secure delete, a
synced WAL at every commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmix.errors import ConfigError
from skillmix.store import Store, normalise_url


def test_db_sqlite_pragmas(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.sqlite")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert store.files.root == tmp_path / "p.sqlite.files"
    store.dispose()


def test_db_urls_are_normalised(tmp_path: Path) -> None:
    assert normalise_url(str(tmp_path / "x.sqlite")) == f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(ConfigError):
        Store("sqlite://")  # in-memory: cannot be shared by the server
