"""A request-body limit for every route, enforced on the byte stream before anything parses it.

Why a middleware and not a check in the routes: FastAPI reads and parses a JSON body (and
Starlette a form) before the route's dependencies run, so a route's key check came after a
150 MB body had been held in memory and parsed. :class:`BodyLimit` sits outside the app:
it refuses a declared ``Content-Length`` over the limit without reading a byte, and counts
the bytes of the receive stream for bodies sent without a length, answering 413 in the
API's error envelope (``[A413]``) the moment the count passes the limit. Upload routes get
the upload limit plus room for form fields; every other route gets ``default_bytes``.
"""

from __future__ import annotations

import json
from typing import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors.api_codes import A400, A413
from .errors import PayloadTooLargeError

__all__ = ["BodyLimit", "BodyTooLarge", "DEFAULT_BODY_BYTES", "MAX_OFFSET"]

#: bytes allowed in the body of any route that is not an upload
DEFAULT_BODY_BYTES = 2 * 1024 * 1024
#: the largest ``offset`` a listing accepts (a bigger one overflows a database integer)
MAX_OFFSET = 1_000_000_000


class BodyTooLarge(PayloadTooLargeError):
    """Raised from ``receive`` when a streamed body passes the limit; :class:`BodyLimit`
    answers 413 whatever the app made of it (a coded error, so nothing logs a bug)."""


async def _answer(send: Send, status: int, code: str, error: str) -> None:
    body = json.dumps({"ok": False, "code": code, "error": error, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Pure ASGI middleware; ``limit_for(scope)`` gives the byte limit of one request."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[Scope], int]) -> None:
        self.app = app
        self.limit_for = limit_for

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
                await _answer(send, 413, A413.code, f"[{A413}] the request body is larger "
                                                    f"than the limit of {limit} bytes.")
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
                    raise BodyTooLarge(A413.code, f"the request body is larger than the "
                                                  f"limit of {limit} bytes.")
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
            await _answer(send, 413, A413.code, f"[{A413}] the request body is larger than "
                                                f"the limit of {limit} bytes.")
