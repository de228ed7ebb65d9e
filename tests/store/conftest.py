"""Store tests use the ``store``/``db_url`` fixtures of tests/conftest.py (SQLite always,
PostgreSQL when ``SKILLMIX_TEST_PG_URL`` is set)."""

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("alembic")
