"""Mounting the web UI on the API's app: templates, static files, sessions, CSRF, errors.

Why server-rendered: no build step, no client framework, nothing to keep in sync with the
API; every page calls the same :class:`~skillmix.service.Workspace` the API does.
Safety: Jinja2 autoescapes every value (document text included); the CSP sent by the app
forbids inline script and style, so templates use only ``/static`` files; every POST form
carries the session's CSRF token (login uses a double-submit cookie), checked with a
constant-time compare; the session cookie is HttpOnly and SameSite=Strict.
"""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from typing import Any, Callable, Coroutine

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.types import Scope

from ..errors import SkillmixError
from ..errors.api_codes import A120, A403, A422
from ..store import ApiKey, resolve_session
from ..service.advice import for_client, note
from ..service.reads import Viewer
from ..templating import TEMPLATES
from .times import time_tag

__all__ = ["SESSION_COOKIE", "WebRoute", "check_csrf", "error_page_for", "mount_web", "page",
           "templates", "viewer", "web_user"]

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "skillmix_session"
LOGIN_COOKIE = "skillmix_login"
# the pages' own templates first, then the shared ones (base.html extends layout.html)
templates = Jinja2Templates(directory=[str(HERE / "templates"), str(TEMPLATES)])
#: every time a page prints goes through ``|when``: ``2026-12-06 03:42 UTC`` (web.times)
templates.env.filters["when"] = time_tag
#: advice a page gives that is no error's, for its reader (service.advice.NOTES), never a
#: command the server's admin runs at the server
templates.env.globals["advice"] = note


class LoginRequired(Exception):
    """Raised by :func:`web_user` when there is no valid session: redirect to /login."""


class WebUser:
    """The signed-in key and the session's CSRF token."""

    def __init__(self, key: ApiKey, csrf: str) -> None:
        self.key = key
        self.csrf = csrf


def viewer(user: WebUser) -> Viewer:
    """Who reads a page, for the audit of reads: the session's key, through the web UI."""
    return Viewer(user.key.id, "web")


class WebRoute(APIRoute):
    """Routes whose errors render an HTML page instead of the API's JSON envelope."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        inner = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                return await inner(request)
            except LoginRequired:
                return RedirectResponse("/login", status_code=303)
            except RequestValidationError as err:
                bad = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg')}"
                                for e in err.errors()[:3])
                invalid = A422(f"the form is not valid ({bad}).",
                               hint="Go back, correct it and send it again.")
                return page(request, "error.html", {"error": invalid}, status=422)
            except SkillmixError as err:
                return page(request, "error.html", {"error": err}, status=err.http_status)

        return handler


def page(request: Request, name: str, context: dict[str, Any] | None = None,
         status: int = 200) -> HTMLResponse:
    """Render a page. An ``error`` in ``context`` (the error page's, or a form's shown
    above it) is shown with advice for the UI, never the command line's options
    (:func:`~skillmix.service.advice.for_client`): every page that shows an error comes
    through here."""
    ctx = {"user": getattr(request.state, "web_user", None), **(context or {})}
    if isinstance(ctx.get("error"), SkillmixError):
        ctx["error"] = for_client(ctx["error"])
    return templates.TemplateResponse(request, name, ctx, status_code=status)


async def web_user(request: Request) -> WebUser:
    """The session's user; a dependency for every page but /login."""
    store = request.app.state.workspace.store
    found = await run_in_threadpool(resolve_session, store, request.cookies.get(SESSION_COOKIE))
    if found is None:
        raise LoginRequired()
    user = WebUser(*found)
    request.state.web_user = user
    return user


def error_page_for(scope: Scope, err: SkillmixError) -> Response | None:
    """The HTML error page for ``err`` on a page of the UI (None for the API's routes,
    which answer in their JSON envelope): what the app's body limit answers a form that
    sent too much (:class:`~skillmix.api.limits.BodyLimit`), before any route runs. The
    body was not read, so the connection is closed after the answer."""
    path = str(scope.get("path", ""))
    if path.startswith("/v1/") or path == "/health":
        return None
    resp = page(Request(scope), "error.html", {"error": err}, status=err.http_status)
    resp.headers["connection"] = "close"
    return resp


def require_scope(user: WebUser, scope: str) -> None:
    if not user.key.allows(scope):

        raise A403(f"your key lacks the '{scope}' scope.",
                   hint="Ask an admin for a key with that scope.")


def check_csrf(expected: str | None, got: str | None) -> None:
    if not expected or not got or not hmac.compare_digest(expected, got):
        raise A120("the form's CSRF token is missing or wrong.",
                   hint="Reload the page and submit the form again.")


def new_login_token() -> str:
    return secrets.token_urlsafe(24)


def mount_web(app: FastAPI) -> list[APIRouter]:
    """Add the UI's pages and ``/static`` to ``app``; returns the routers added."""
    from . import pages, pages_market, pages_scoring

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    added = [pages.router, pages_scoring.router, pages_market.router]
    for router in added:
        app.include_router(router)
    return added
