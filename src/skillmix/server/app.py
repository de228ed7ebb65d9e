"""The composition root: one workspace, the REST API and the web UI in one ASGI app.

Why here and not in :mod:`skillmix.api`: the web UI uses the API's HTTP pieces (keys,
uploads, the envelope), so if the API also mounted the UI the two packages would import
each other. Only this module knows both.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from ..service import Workspace, WorkspaceSettings
from ..store import Store

__all__ = ["create_app"]


def create_app(store: Store | str | os.PathLike[str] | None = None, *,
               settings: WorkspaceSettings | None = None,
               files_dir: str | os.PathLike[str] | None = None,
               web: bool = True, cookie_secure: bool = False,
               migrate: bool = True, tidy_on_start: bool = True,
               warm_on_start: bool = False) -> FastAPI:
    """The app for one workspace.

    ``store``: a :class:`Store` or a database URL/path (``None``: ``$SKILLMIX_DB_URL`` or
    ``sqlite:///skillmix.sqlite``). ``web=False`` serves the API only. ``cookie_secure``
    marks the web session cookie Secure (set it behind HTTPS). ``migrate`` and
    ``tidy_on_start``: off in server workers whose parent already did both.
    ``warm_on_start``: build the shared engines before the first request (the server does).
    """
    from ..api.app import add_middleware, create_api

    st = store if isinstance(store, Store) else Store(store, files_dir=files_dir, migrate=migrate)
    app = create_api(Workspace(st, settings), cookie_secure=cookie_secure,
                     tidy_on_start=tidy_on_start, warm_on_start=warm_on_start)
    render = None
    if web:
        from ..web import mount_web
        from ..web.app import error_page_for

        app.state.routers += mount_web(app)
        render = error_page_for  # a form refused for its size gets the UI's error page
    add_middleware(app, render=render)
    return app
