"""Schema migrations with Alembic, run in-process (no ``alembic.ini`` to ship or find).

Why Alembic and not ``create_all``: a team's database outlives a release; each schema change
is a numbered script in ``migrations/versions`` that upgrades an existing database in place.
An upgrade holds the database's write lock (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory
lock), so processes that start together migrate one after another, never at once.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

__all__ = ["MIGRATIONS", "alembic_config", "current_revision", "head_revision", "upgrade"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database up to ``revision`` (default: the newest)."""
    from alembic import command

    cfg = alembic_config()
    with engine.execution_options(skillmix_write=True).begin() as conn:
        if conn.dialect.name == "postgresql":  # server workers starting together queue here
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(742014)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
