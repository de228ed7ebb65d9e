"""The REST API (FastAPI) over a workspace: :func:`create_api` gives its ASGI app; the
composition root :func:`skillmix.server.create_app` adds the web UI beside it.

Needs the ``serve`` extra. Every endpoint but ``/health`` needs an API key; every error is
one envelope ``{"ok": false, "code", "error", "status"}``. See ``docs/serve.md``.
"""

from __future__ import annotations

from .app import CSP, create_api, routes

__all__ = ["CSP", "create_api", "routes"]
