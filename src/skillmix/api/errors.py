"""The one error envelope of the HTTP API: ``{"ok": false, "code", "error", "status"}``.

Every failure—our coded errors, unknown routes, wrong methods, invalid request bodies and
unexpected bugs—goes through :func:`install_error_handlers`, so a client parses one shape.
A test walks every route to enforce it. A coded error's advice is the client's
(:func:`~skillmix.service.advice.for_client`), never the command line's options.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BadRequestError, ForbiddenError, PayloadTooLargeError, SkillmixError
from ..errors.api_codes import A101, A403, A404, A405, A413, A422, A500
from ..service.advice import for_client

__all__ = [
    "BadRequestError",
    "ForbiddenError",
    "PayloadTooLargeError",
    "envelope",
    "install_error_handlers",
]

log = logging.getLogger("skillmix.api")


_HTTP_CODES = {404: A404.code, 405: A405.code, 401: A101.code, 403: A403.code, 413: A413.code}


def envelope(status: int, code: str, error: str) -> JSONResponse:
    return JSONResponse({"ok": False, "code": code, "error": error, "status": status},
                        status_code=status)


async def _skillmix(_: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, SkillmixError)
    err = for_client(err)  # advice for the client, not the command line's options
    return envelope(err.http_status, err.code, err.render())


async def _http(_: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, StarletteHTTPException)
    code = _HTTP_CODES.get(err.status_code, f"A{err.status_code}")
    return envelope(err.status_code, code, f"[{code}] {err.detail}")


async def _validation(_: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, RequestValidationError)
    parts = []
    for e in err.errors()[:5]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
        parts.append(f"{loc}: {e.get('msg')}" if loc else str(e.get("msg")))  # the whole body
    return envelope(422, A422.code, f"[{A422}] invalid request: {'; '.join(parts)}. "
                                    "See /v1/openapi.json for the expected shape.")


async def _bug(_: Request, err: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=err)
    return envelope(500, A500.code, f"[{A500}] internal error. The server log has the details.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SkillmixError, _skillmix)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(Exception, _bug)
