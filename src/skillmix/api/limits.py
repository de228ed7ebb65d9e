"""A request-body limit for every route, enforced on the byte stream before anything parses it.

Why a middleware and not a check in the routes: FastAPI reads and parses a JSON body (and
Starlette a form) before the route's dependencies run, so a route's key check came after a
150 MB body had been held in memory and parsed. :class:`BodyLimit` sits outside the app:
it refuses a declared ``Content-Length`` over the limit without reading a byte, and counts
the bytes of the receive stream for bodies sent without a length, answering 413 in the
API's error envelope (``[A413]``) the moment the count passes the limit. Upload routes get
the upload limit plus room for form fields; every other route gets ``default_bytes``.

What the refusal says and how it is sent are the app's to choose (``too_large``,
``render``): an upload is refused with the upload limit as a person reads it ("10 MB") and
what to do, and a page of the web UI with its HTML error page, not the API's JSON (a form
posting 12 MB showed a raw JSON page; the composition root, :mod:`skillmix.server`, passes
the web UI's renderer, since this package never imports it).
"""

from __future__ import annotations

import json
from typing import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import SkillmixError, human_bytes
from ..errors.api_codes import A400, A413
from ..service.advice import for_client
from .errors import PayloadTooLargeError

__all__ = ["BodyLimit", "BodyTooLarge", "DEFAULT_BODY_BYTES", "MAX_OFFSET", "Render",
           "too_large_body"]

#: bytes allowed in the body of any route that is not an upload
DEFAULT_BODY_BYTES = 2 * 1024 * 1024
#: the largest ``offset`` a listing accepts (a bigger one overflows a database integer)
MAX_OFFSET = 1_000_000_000


#: ``render(scope, error)``: an ASGI app that answers ``error`` for the request of ``scope``,
#: or None for the API's JSON envelope
Render = Callable[[Scope, SkillmixError], "ASGIApp | None"]


class BodyTooLarge(PayloadTooLargeError):
    """Raised from ``receive`` when a streamed body passes the limit; :class:`BodyLimit`
    answers 413 whatever the app made of it (a coded error, so nothing logs a bug)."""


def too_large_body(scope: Scope, limit: int) -> SkillmixError:
    """The refusal of a body over ``limit`` (an upload's is the app's to word)."""
    return BodyTooLarge(A413.code, f"the request body is larger than the limit of "
                                   f"{human_bytes(limit)} ({limit} bytes).",
                        hint="Send a smaller body.")


async def _answer(send: Send, status: int, code: str, error: str) -> None:
    body = json.dumps({"ok": False, "code": code, "error": error, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Pure ASGI middleware; ``limit_for(scope)`` gives the byte limit of one request,
    ``too_large(scope, limit)`` the error a body over it is refused with, and ``render``
    (see :data:`Render`) how that error is answered."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[Scope], int],
                 too_large: Callable[[Scope, int], SkillmixError] = too_large_body,
                 render: Render | None = None) -> None:
        self.app = app
        self.limit_for = limit_for
        self.too_large = too_large
        self.render = render

    async def _refuse(self, scope: Scope, receive: Receive, send: Send,
                      err: SkillmixError) -> None:
        err = for_client(err)
        answer = self.render(scope, err) if self.render is not None else None
        if answer is None:
            await _answer(send, err.http_status, err.code, err.render())
        else:
            await answer(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        lengths = [v for k, v in scope.get("headers", []) if k.lower() == b"content-length"]
        if lengths:
            raw = lengths[0].strip()
            if len(lengths) > 1 or not raw.isdigit() or len(raw) > 18:
                await _answer(send, 400, A400.code, f"[{A400}] the Content-Length header is "
                                                    "not one non-negative integer.")
                return
            if int(raw) > limit:
                await self._refuse(scope, receive, send, self.too_large(scope, limit))
                return
        seen = 0
        over = False
        started = False

        async def counted() -> Message:
            nonlocal seen, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    over = True
                    err = self.too_large(scope, limit)
                    raise BodyTooLarge(err.code, err.message, hint=err.hint)
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if over:
                return  # the app's answer to a body it never fully got is replaced below
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not over:
                raise  # a real bug: the app's error middleware has answered already
        if over and not started:
            await self._refuse(scope, counted, send, self.too_large(scope, limit))
