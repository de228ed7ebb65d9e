"""Running the app under uvicorn: :class:`ServeConfig` normalises the options once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..errors import ConfigError, MissingExtraError

__all__ = ["SERVE_MODULES", "ServeConfig", "build_app", "parse_corpora", "require_serve_extra",
           "run_server"]

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

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise ConfigError("C140", f"port must be 1-65535, not {self.port}.")
        if not 0 < self.max_upload_mb <= 1024:
            raise ConfigError("C141", f"max upload must be in (0, 1024] MB, not {self.max_upload_mb}.")


def parse_corpora(items: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``NAME=PATH`` pairs into a dict."""
    out = {}
    for item in items:
        name, sep, path = item.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise ConfigError("C142", f"--corpus wants NAME=PATH, not {item!r}.")
        out[name.strip()] = path.strip()
    return out


def build_app(cfg: ServeConfig):  # type: ignore[no-untyped-def]
    require_serve_extra()
    from ..store.workspace import WorkspaceSettings
    from .app import create_app

    settings = WorkspaceSettings(taxonomy=cfg.taxonomy,
                                 max_upload_bytes=int(cfg.max_upload_mb * 1024 * 1024),
                                 blind=cfg.blind, market_corpora=dict(cfg.corpora))
    return create_app(cfg.db, settings=settings, files_dir=cfg.files_dir,
                      cookie_secure=cfg.secure_cookies)


def run_server(cfg: ServeConfig) -> None:
    """Serve until interrupted."""
    try:
        import uvicorn
    except ImportError as err:
        raise MissingExtraError.for_module("uvicorn", "serve") from err
    app = build_app(cfg)
    uvicorn.run(app, host=cfg.host, port=cfg.port, log_level=cfg.log_level,
                proxy_headers=False, server_header=False)
