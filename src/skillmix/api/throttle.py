"""Rate limiting of failed authentication, per client address.

Why: a wrong key costs the server a database read and a digest, and a client that sends
them without end is either guessing or misbehaving. Each address has a bucket of
``burst`` failures that refills at ``per_second``; while it is empty, requests from that
address with a key answer 429 (``[A429]``) before any key is looked up. Correct keys never
drain the bucket, and the table of addresses is bounded (the least recently seen go first).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from ..errors import PermissionDeniedError
from ..errors.api_codes import A429

__all__ = ["AuthThrottle", "TooManyFailuresError"]


class TooManyFailuresError(PermissionDeniedError):
    """Too many failed authentications from one address."""

    http_status = 429


class AuthThrottle:
    """Token buckets of failed authentications, keyed by client address."""

    def __init__(self, burst: int = 200, per_second: float = 2.0,
                 max_clients: int = 10_000) -> None:
        self.burst = burst
        self.per_second = per_second
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def _level(self, client: str, now: float) -> float:
        tokens, at = self._buckets.get(client, (float(self.burst), now))
        return min(float(self.burst), tokens + (now - at) * self.per_second)

    def check(self, client: str) -> None:
        """Raise ``[A429]`` while ``client``'s bucket is empty."""
        with self._lock:
            now = time.monotonic()
            level = self._level(client, now)
        if level < 1.0:
            wait = (1.0 - level) / self.per_second
            raise TooManyFailuresError(
                A429.code, "too many failed authentications from this address.",
                hint=f"Retry in {wait:.0f} s with a valid key.")

    def failed(self, client: str) -> None:
        """Take one failure out of ``client``'s bucket."""
        with self._lock:
            now = time.monotonic()
            self._buckets[client] = (self._level(client, now) - 1.0, now)
            self._buckets.move_to_end(client)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
