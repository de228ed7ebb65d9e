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
from typing import Any

__all__ = ["install", "requested", "reset", "restore"]

_requested = False


def _handler(signum: int, frame: FrameType | None) -> None:
    global _requested
    _requested = True
    raise KeyboardInterrupt


def install() -> Any:
    """Handle SIGINT as Python does, and remember it (main thread only); forgets any
    earlier interrupt. Returns the handler it replaced (None off the main thread), for
    :func:`restore`."""
    reset()
    if threading.current_thread() is threading.main_thread():
        return signal.signal(signal.SIGINT, _handler)
    return None


def restore(previous: Any) -> None:
    """Put back the SIGINT handler :func:`install` replaced and forget the interrupt, so a
    process that runs the CLI in-process (a test, a notebook) goes on as before."""
    reset()
    if previous is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, previous)


def requested() -> bool:
    """Whether the user interrupted this process since :func:`install` (or :func:`reset`)."""
    return _requested


def reset() -> None:
    """Forget an interrupt (for tests, and a process that goes on after one)."""
    global _requested
    _requested = False
