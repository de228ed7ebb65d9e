"""The REST API (FastAPI) over a workspace: ``create_app()`` gives the ASGI app.

Needs the ``serve`` extra. Every endpoint but ``/health`` needs an API key; every error is
one envelope ``{"ok": false, "code", "error", "status"}``. See ``docs/serve.md``.
"""

from __future__ import annotations

from .app import CSP, create_app, routes

__all__ = ["CSP", "create_app", "routes"]
