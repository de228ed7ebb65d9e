"""Running the app under uvicorn, in one process or many: :class:`ServeConfig` normalises
the options once.

Why uvicorn's own workers and not gunicorn: uvicorn is already the ``serve`` extra's
server; ``uvicorn.run(..., workers=N)`` starts N processes on one listening socket under a
supervisor that restarts a worker that dies and stops them all on a signal, which is all a
FastAPI app needs here. Gunicorn would add a dependency (POSIX only) for knobs skillmix
does not use. Workers share nothing in memory: the database serialises what must be
serialised (the decision log's chain head, see :mod:`skillmix.store.decisions`), and the
parent migrates the schema and tidies up once before any worker starts, so workers start
with ``migrate=False`` and ``tidy_on_start=False``.

Per-process state, and what it means with several workers: the failed-key throttle counts
per worker (a caller gets ``workers`` times the budget; keys are 160-bit random, the
throttle is a second line); market runs queue in each worker's job thread (the per-key
limit is counted in the database, so it holds across workers).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

from ..batch import usable_cpus
from ..errors import MissingExtraError
from ..errors.config_codes import C140, C141, C142, C143

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["CONFIG_ENV", "SERVE_MODULES", "ServeConfig", "build_app", "default_workers",
           "parse_corpora", "prepare_database", "require_serve_extra", "run_server",
           "worker_app"]

#: how the parent hands its configuration to worker processes (JSON)
CONFIG_ENV = "SKILLMIX_SERVE_CONFIG"


def default_workers() -> int:
    """One worker per CPU this process may use."""
    return usable_cpus()

#: what the ``serve`` extra installs, by import name
SERVE_MODULES = ("fastapi", "uvicorn", "python_multipart", "sqlalchemy", "alembic", "jinja2")


def require_serve_extra() -> None:
    """Raise an install hint (``[X001]``) when a package of the ``serve`` extra is missing."""
    import importlib.util

    for name in SERVE_MODULES:
        if importlib.util.find_spec(name) is None:
            raise MissingExtraError.for_module(name, "serve")


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """Everything ``skillmix serve`` needs: database, files, listen address, limits."""

    db: str | None = None
    files_dir: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_mb: float = 10.0
    blind: bool = True
    taxonomy: str = "builtin"
    secure_cookies: bool = False
    corpora: Mapping[str, str] = field(default_factory=dict)
    log_level: str = "info"
    workers: int = 1

    @classmethod
    def from_settings(cls, settings: "Settings | None" = None, **options: Any) -> "ServeConfig":
        """The server's options as a view of :class:`~skillmix.config.Settings`: ``db`` and
        ``files_dir`` not given come from the settings (file, then environment), resolved
        here so worker processes get the same paths as the parent."""
        from ..config import current_settings

        s = settings or current_settings()
        if options.get("db") is None:
            options["db"] = s.database_url
        if options.get("files_dir") is None and s.files_dir is not None:
            options["files_dir"] = str(s.files_dir)
        return cls(**options)

    def __post_init__(self) -> None:
        if not 1 <= self.workers <= 256:
            raise C143(f"workers must be 1-256, not {self.workers}.",
                       hint="Pass --workers N; the default is the CPU count.")
        if not 0 < self.port < 65536:
            raise C140(f"port must be 1-65535, not {self.port}.")
        if not 0 < self.max_upload_mb <= 1024:
            raise C141(f"max upload must be in (0, 1024] MB, not {self.max_upload_mb}.")


def parse_corpora(items: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``NAME=PATH`` pairs into a dict."""
    out = {}
    for item in items:
        name, sep, path = item.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise C142(f"--corpus wants NAME=PATH, not {item!r}.")
        out[name.strip()] = path.strip()
    return out


def build_app(cfg: ServeConfig, *, worker: bool = False):  # type: ignore[no-untyped-def]
    """The app for ``cfg``; ``worker=True`` in a worker process (the parent prepared the
    database: see :func:`prepare_database`)."""
    require_serve_extra()
    from ..service import WorkspaceSettings
    from .app import create_app

    settings = WorkspaceSettings(taxonomy=cfg.taxonomy,
                                 max_upload_bytes=int(cfg.max_upload_mb * 1024 * 1024),
                                 blind=cfg.blind, market_corpora=dict(cfg.corpora))
    return create_app(cfg.db, settings=settings, files_dir=cfg.files_dir,
                      cookie_secure=cfg.secure_cookies, migrate=not worker,
                      tidy_on_start=not worker, warm_on_start=True)


def prepare_database(cfg: ServeConfig) -> None:
    """What one process does before the workers start: migrate the schema, fail market
    runs a stopped server left, finish or remove half-written uploads, compact, and make
    the decision log's key."""
    from ..service.market import KIND
    from ..store import Store
    from ..store.decisions import store_anchor
    from ..store.erase import sweep_files
    from ..store.repo import fail_stale_jobs

    store = Store(cfg.db, files_dir=cfg.files_dir)
    try:
        fail_stale_jobs(store, KIND)
        sweep_files(store, part_age_s=0)
        store.compact(attempts=1)
        store_anchor(store)
    finally:
        store.dispose()


def worker_app():  # type: ignore[no-untyped-def]
    """The app factory uvicorn calls in each worker (configuration from ``$CONFIG_ENV``)."""
    raw = json.loads(os.environ[CONFIG_ENV])
    return build_app(ServeConfig(**raw), worker=True)


def run_server(cfg: ServeConfig) -> None:
    """Serve until interrupted: one process, or ``cfg.workers`` under uvicorn's supervisor."""
    require_serve_extra()
    import uvicorn

    common = dict(host=cfg.host, port=cfg.port, log_level=cfg.log_level,
                  proxy_headers=False, server_header=False)
    if cfg.workers == 1:
        uvicorn.run(build_app(cfg), **common)  # type: ignore[arg-type]
        return
    prepare_database(cfg)
    os.environ[CONFIG_ENV] = json.dumps({**asdict(cfg), "corpora": dict(cfg.corpora)})
    uvicorn.run("skillmix.server.run:worker_app", factory=True, workers=cfg.workers,
                **common)  # type: ignore[arg-type]
