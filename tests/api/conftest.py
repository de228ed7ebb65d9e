"""API fixtures: an app over a fresh store, keys of each scope, upload helpers. The
``store`` fixture comes from tests/conftest.py (SQLite always, PostgreSQL when
``SKILLMIX_TEST_PG_URL`` names a server)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("alembic")


@pytest.fixture
def keys(store):  # type: ignore[no-untyped-def]
    """Tokens for one key of each scope."""
    from skillmix.store import create_key

    return {s: create_key(store, f"user-{s}", s).token for s in ("read", "write", "admin")}


@pytest.fixture
def app(store):  # type: ignore[no-untyped-def]
    pytest.importorskip("fastapi")
    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

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
