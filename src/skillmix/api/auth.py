"""API key checking for routes: ``Depends(require("write"))`` gives the caller's key.

Keys come in ``Authorization: Bearer smk_...`` or ``X-API-Key: smk_...``. A missing, malformed,
unknown, revoked or expired key is 401 (``[A101]``-``[A104]``); a valid key without the
scope is 403 (``[A403]``); too many failed keys from one address are 429 (``[A429]``). Verification runs in a worker thread (it touches the database).
"""

from __future__ import annotations

from typing import Callable

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from ..store import ApiKey, verify_key
from ..errors.api_codes import A403

__all__ = ["checked_key", "client_address", "key_from_headers", "require"]


def key_from_headers(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return request.headers.get("x-api-key") or None


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def checked_key(request: Request, token: str | None) -> ApiKey:
    """:func:`verify_key` behind the app's :class:`~skillmix.api.throttle.AuthThrottle`:
    a presented key that fails drains the caller's bucket; an empty bucket is 429."""
    from ..errors import PermissionDeniedError

    throttle = getattr(request.app.state, "auth_throttle", None)
    client = client_address(request)
    if throttle is not None and token:
        throttle.check(client)
    try:
        return verify_key(request.app.state.workspace.store, token)
    except PermissionDeniedError:
        if throttle is not None and token:
            throttle.failed(client)
        raise


def require(scope: str) -> Callable[[Request], object]:
    """A dependency that checks the request's key has ``scope`` and returns the key."""

    async def dependency(request: Request) -> ApiKey:
        key = await run_in_threadpool(checked_key, request, key_from_headers(request))
        if not key.allows(scope):
            raise A403(f"this key lacks the '{scope}' scope.",
                       hint="Ask an admin for a key with that scope.")
        request.state.key = key
        return key

    dependency.__name__ = f"require_{scope}"
    return dependency
