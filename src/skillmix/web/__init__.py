"""The web UI: server-rendered Jinja2 pages over the same workspace as the API."""

from __future__ import annotations

from .app import mount_web

__all__ = ["mount_web"]
