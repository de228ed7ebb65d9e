"""The REST API's FastAPI application: routers under ``/v1``, ``/health`` open.

:func:`create_api` wires a :class:`~skillmix.service.Workspace` into the routers and
installs the error envelope; :func:`add_middleware` adds the body limits and the
security headers (Content-Security-Policy without inline script or style, no framing, no
sniffing, no referrer, no caching but of the static files). The web UI is mounted beside it
by the composition root, :func:`skillmix.server.create_app`, so this package never imports :mod:`skillmix.web`. FastAPI's own
``/docs`` and ``/openapi.json`` are off: the OpenAPI document is served at
``/v1/openapi.json`` behind a read key, and the web UI renders it at ``/api`` (the stock
Swagger page needs inline script and a CDN, which the CSP and offline servers rule out).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Callable

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import PayloadTooLargeError, SkillmixError
from ..service import Workspace, WorkspaceSettings
from .errors import install_error_handlers
from .limits import BodyLimit, BodyTooLarge, Render, too_large_body
from .throttle import AuthThrottle
from .upload import FIELD_LIMIT

#: POST paths whose body is a multipart upload (allowed the upload limit, not the default)
UPLOAD_PATHS = frozenset({"/v1/documents", "/upload"})

__all__ = ["CSP", "NO_STORE", "SECURITY_HEADERS", "UPLOAD_PATHS", "add_middleware", "create_api",
           "routes"]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}


#: what every answer but a static file carries: a browser's back button or disk cache
#: must not show a résumé after sign-out (pages and API answers hold candidates' data)
NO_STORE = "no-store"
#: the one path whose answers hold nothing of anyone's and may be cached
STATIC_PREFIX = "/static/"


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response, and ``Cache-Control:
    no-store`` to every one but the static files' (pure ASGI, no buffering).

    Why every answer and not a list of the ones with candidates' data: nearly every page
    and endpoint has some (names, résumé text, scores, a ranking), a list would miss the
    next one added, and the few without (``/health``, the sign-in form) lose nothing by
    not being cached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._raw = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        self._no_store = (b"cache-control", NO_STORE.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = self._raw
        if not str(scope.get("path", "")).startswith(STATIC_PREFIX):
            raw = [*raw, self._no_store]

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in raw if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, wrapped)


def _body_limits(settings: WorkspaceSettings) -> Callable[[Scope], int]:
    """Bytes one request may send: uploads get the file limit plus form fields and
    multipart framing (the upload reader refuses at its own, tighter, limit first)."""
    upload = settings.max_upload_bytes + FIELD_LIMIT + 64 * 1024
    other = settings.max_request_bytes

    def limit_for(scope: Scope) -> int:
        return upload if _is_upload(scope) else other

    return limit_for


def _is_upload(scope: Scope) -> bool:
    return scope.get("method") == "POST" and scope.get("path") in UPLOAD_PATHS


def _too_large(settings: WorkspaceSettings) -> Callable[[Scope, int], SkillmixError]:
    """The refusal of a body over its limit: an upload's names the upload limit the form
    and ``--max-upload-mb`` state ("10 MB"), not the body limit with room for the form's
    fields (10,616,832 bytes), as the upload reader's own refusal does."""

    def too_large(scope: Scope, limit: int) -> SkillmixError:
        if _is_upload(scope):
            err = PayloadTooLargeError.for_limit(settings.max_upload_bytes)
            return BodyTooLarge(err.code, err.message, hint=err.hint)
        return too_large_body(scope, limit)

    return too_large


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("skillmix")
    except Exception:  # pragma: no cover - not installed
        return "0"


#: request handlers one process runs at once (the rest wait their turn, first come first
#: served): the work is CPU-bound Python, so more threads only share the GIL and let some
#: requests wait far longer than others (anyio's default of 40 made p99 ~10x p50)
THREADS = 8


def create_api(workspace: Workspace, *, cookie_secure: bool = False,
               tidy_on_start: bool = True, warm_on_start: bool = False) -> FastAPI:
    """The API app for one workspace (no middleware yet: see :func:`add_middleware`).

    ``cookie_secure`` is kept for the web UI's session cookie; ``tidy_on_start`` lets
    start-up fail runs a stopped server left and sweep half-written uploads (the server
    turns it off in all workers but one, which does it for all); ``warm_on_start`` builds
    the shared engines before the first request (:func:`skillmix.service.warm.warm_up`;
    the server turns it on, tests leave it off)."""
    st = workspace.store

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        if tidy_on_start:
            from ..service.market import KIND
            from ..store.erase import sweep_files
            from ..store.repo import fail_stale_jobs

            fail_stale_jobs(st, KIND)  # nobody else is running them
            sweep_files(st, part_age_s=0)  # nor uploading: finish or remove what a crash left
            st.compact(attempts=1)  # and let no erased text wait in the WAL
        if warm_on_start:
            from ..service.warm import warm_up

            await anyio.to_thread.run_sync(warm_up, workspace)
        yield
        app.state.workspace.close()

    app = FastAPI(title="skillmix", version=_version(), lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None,
                  description="Skills-first hiring of social media tech talent. Every "
                              "endpoint but /health needs an API key "
                              "(Authorization: Bearer smk_...).")
    app.state.workspace = workspace
    app.state.cookie_secure = cookie_secure
    app.state.auth_throttle = AuthThrottle()
    install_error_handlers(app)

    from . import v1_admin, v1_documents, v1_market, v1_scoring, v1_taxonomy, v1_titles

    app.state.routers = [v1_documents.router, v1_taxonomy.router, v1_scoring.router,
                         v1_market.router, v1_admin.router, v1_titles.router]
    for router in app.state.routers:
        app.include_router(router)

    from ..store.migrate import current_revision

    facts = {"ok": True, "status": "up", "version": _version(),
             "database": st.engine.dialect.name, "schema": current_revision(st.engine)}

    @app.get("/health", tags=["meta"], summary="Liveness (no key needed, no database work)")
    async def health() -> dict[str, Any]:
        return facts

    return app


def add_middleware(app: FastAPI, *, render: Render | None = None) -> None:
    """Body limits and security headers, around every route (API and web). ``render``
    answers a body refused for its size on the routes it chooses (the web UI's pages get
    their HTML error page; see :data:`~skillmix.api.limits.Render`)."""
    settings = app.state.workspace.settings
    app.add_middleware(BodyLimit, limit_for=_body_limits(settings),
                       too_large=_too_large(settings), render=render)
    app.add_middleware(SecurityHeaders)


def routes(app: FastAPI) -> list[APIRoute]:
    """Every endpoint of an app made by :func:`create_app`, API and web, with full paths
    (what the auth and envelope tests walk)."""
    out = [r for r in app.routes if isinstance(r, APIRoute)]
    for router in getattr(app.state, "routers", []):
        out += [r for r in router.routes if isinstance(r, APIRoute)]
    return out
