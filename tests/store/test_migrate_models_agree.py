"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from skillmix.store.migrate import current_revision, head_revision
from skillmix.store.models import Base


def test_migrate_schema_matches_models(store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_migrate_database_is_at_head(store) -> None:
    assert head_revision() is not None
    assert current_revision(store.engine) == head_revision()


def test_migrate_reopen_is_idempotent(store, db_url, tmp_path) -> None:
    from skillmix.store import Store

    again = Store(db_url, files_dir=tmp_path / "files")
    assert current_revision(again.engine) == head_revision()
    again.dispose()
