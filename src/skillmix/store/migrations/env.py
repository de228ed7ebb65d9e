"""Alembic environment: runs on the connection :func:`skillmix.store.migrate.upgrade` hands in."""

from __future__ import annotations

from alembic import context

from skillmix.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs plain `alembic`
    raise RuntimeError("run migrations through skillmix.store.migrate.upgrade()")
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
