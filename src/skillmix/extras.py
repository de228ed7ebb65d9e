"""Optional extras: which import belongs to which, and one install hint for each.

A command that needs an extra calls :func:`require_extra` before doing any work, and the
CLI's error boundary turns an ``ImportError`` of a module listed here into the same coded
hint (``[X001] ... pip install 'skillmix[EXTRA]'``, exit status 1), so a missing extra is
never a traceback. The table is checked against ``pyproject.toml`` by a test.
"""

from __future__ import annotations

import importlib.util

from .errors import MissingExtraError

__all__ = ["EXTRA_MODULES", "extra_for_module", "require_extra"]

#: extra -> the top-level modules it installs that skillmix imports
EXTRA_MODULES: dict[str, tuple[str, ...]] = {
    "market": ("pyarrow", "duckdb"),
    "dask": ("dask", "distributed"),
    "match": ("bm25s", "scipy"),
    "fairness": ("scipy", "phonenumbers", "faker"),
    "serve": ("fastapi", "uvicorn", "python_multipart", "multipart", "sqlalchemy", "alembic",
              "jinja2", "httpx"),
    "postgres": ("psycopg",),
}


def extra_for_module(module: str | None) -> str | None:
    """The extra that installs top-level ``module`` (the first one listing it), or None."""
    top = (module or "").split(".")[0]
    for extra, modules in EXTRA_MODULES.items():
        if top in modules:
            return extra
    return None


def require_extra(extra: str) -> None:
    """Raise the install hint (X001) when a module of ``extra`` cannot be imported."""
    for module in EXTRA_MODULES[extra]:
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError.for_module(module, extra)
