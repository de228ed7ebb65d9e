"""Ctrl-C that is never lost.

Python turns SIGINT into ``KeyboardInterrupt`` wherever the main thread happens to be. When
that is inside a finaliser (an object's ``__del__``, a generator closed by the garbage
collector), Python prints "Exception ignored" and carries on, so a long run could finish
and replace its output file after the user pressed Ctrl-C (seen as a flaky CLI test: the
child exited 0 after SIGINT). The CLI installs :func:`install`'s handler, which also
remembers the interrupt; :func:`skillmix.atomic.replacing` then refuses to put a file in
place, and the CLI exits 130 as for any interrupt. The library never installs a handler
itself: a program embedding skillmix keeps its own signal handling.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

__all__ = ["install", "requested", "reset"]

_requested = False


def _handler(signum: int, frame: FrameType | None) -> None:
    global _requested
    _requested = True
    raise KeyboardInterrupt


def install() -> None:
    """Handle SIGINT as Python does, and remember it (main thread only)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _handler)


def requested() -> bool:
    """Whether the user interrupted this process since :func:`install` (or :func:`reset`)."""
    return _requested


def reset() -> None:
    """Forget an interrupt (for tests, and a process that goes on after one)."""
    global _requested
    _requested = False
