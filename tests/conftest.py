"""Fixtures shared by the whole suite.

``shared_data`` points at ``../shared/data`` (or ``$SKILLMIX_SHARED_DATA``) and skips the
test cleanly when that folder is absent, as it is in a user's clone.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = Path(__file__).resolve().parent / "data"


def _shared_root() -> Path:
    env = os.environ.get("SKILLMIX_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    root = _shared_root()
    if not root.is_dir():
        pytest.skip(f"shared data not found at {root}")
    return root


@pytest.fixture(scope="session")
def test_data() -> Path:
    return TEST_DATA


# --------------------------------------------------------------------------- store
# Shared by tests/store and tests/api: a fresh database per test, SQLite always and
# PostgreSQL when ``SKILLMIX_TEST_PG_URL`` names a server (``.ci/run`` starts one); the
# PostgreSQL variant is marked ``postgres`` and skips cleanly without it.

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def reset_postgres(url: str) -> None:
    """Drop everything in the test database's public schema."""
    from sqlalchemy import create_engine

    from skillmix.store.db import normalise_url

    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite database, copied for each test (migrating costs more)."""
    pytest.importorskip("sqlalchemy")
    pytest.importorskip("alembic")
    from skillmix.store import Store

    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    Store(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        import shutil

        target = tmp_path / "store.sqlite"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        return f"sqlite:///{target}"
    url = os.environ.get("SKILLMIX_TEST_PG_URL")
    if not url:
        pytest.skip("SKILLMIX_TEST_PG_URL is not set (no PostgreSQL server)")
    pytest.importorskip("psycopg")
    reset_postgres(url)
    return url


@pytest.fixture
def store(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    from skillmix.store import Store

    st = Store(db_url, files_dir=tmp_path / "files")
    yield st
    st.dispose()


def _run_with_stderr_on_a_terminal(args: list[str]) -> tuple[int, bytes, bytes]:
    """Run ``python -m skillmix ARGS`` with stderr on a pseudo-terminal (so progress may
    draw) and stdout on a pipe: exit code, stdout, and what reached the terminal."""
    import os
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "skillmix", *args], stdout=subprocess.PIPE,
                              stderr=slave, timeout=300)
        os.close(slave)
        slave = -1
        written = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            written += chunk
    finally:
        if slave != -1:
            os.close(slave)
        os.close(master)
    return proc.returncode, proc.stdout, written


@pytest.fixture
def stderr_on_a_terminal():  # type: ignore[no-untyped-def]
    """:func:`_run_with_stderr_on_a_terminal`, for the progress tests of several commands."""
    return _run_with_stderr_on_a_terminal
