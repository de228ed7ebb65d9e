"""Serving a workspace over HTTP: the composition root (:func:`create_app`: the REST API
and the web UI in one app) and the process model (:func:`run_server`, one process or many
uvicorn workers). Needs the ``serve`` extra; see ``docs/serve.md``."""

from __future__ import annotations

from .app import create_app
from .run import ServeConfig, build_app, default_workers, parse_corpora, require_serve_extra, run_server

__all__ = ["ServeConfig", "build_app", "create_app", "default_workers", "parse_corpora",
           "require_serve_extra", "run_server"]
