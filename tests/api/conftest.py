"""API fixtures (an app over a fresh store, keys of each scope, upload helpers): a fresh database per test, SQLite always and PostgreSQL when
``SKILLMIX_TEST_PG_URL`` names a server (``.ci/run`` starts one); the PostgreSQL variant is
marked ``postgres`` and skips cleanly without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("alembic")

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


@pytest.fixture
def keys(store):  # type: ignore[no-untyped-def]
    """Tokens for one key of each scope."""
    from skillmix.store import create_key

    return {s: create_key(store, f"user-{s}", s).token for s in ("read", "write", "admin")}


@pytest.fixture
def app(store):  # type: ignore[no-untyped-def]
    pytest.importorskip("fastapi")
    from skillmix.api import create_app
    from skillmix.store.workspace import WorkspaceSettings

    return create_app(store, settings=WorkspaceSettings(max_upload_bytes=64 * 1024))


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def as_admin(keys):  # type: ignore[no-untyped-def]
    return auth(keys["admin"])


DEMO = Path(__file__).resolve().parents[2] / "src" / "skillmix" / "demo"


@pytest.fixture
def demo() -> Path:
    return DEMO


def upload(client, headers, path: Path | None = None, *, data: bytes | None = None,  # type: ignore[no-untyped-def]
           filename: str | None = None, kind: str = "resume", **fields: str):
    body = data if data is not None else path.read_bytes()  # type: ignore[union-attr]
    return client.post("/v1/documents", headers=headers,
                       files={"file": (filename or (path.name if path else "doc.txt"), body,
                                       "application/octet-stream")},
                       data={"kind": kind, **fields})


@pytest.fixture
def uploader(client, as_admin):  # type: ignore[no-untyped-def]
    def go(path: Path | None = None, **kw):  # type: ignore[no-untyped-def]
        r = upload(client, as_admin, path, **kw)
        assert r.status_code == 201, r.text
        return r.json()["document"]

    return go
