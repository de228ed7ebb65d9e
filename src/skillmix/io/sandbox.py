"""Untrusted documents are parsed in a worker process with hard limits.

The worker is started with ``forkserver`` (``spawn`` where that is missing), so it shares
no state with the caller. It sets ``RLIMIT_AS`` (memory) once and ``RLIMIT_CPU`` before each
document; the parent waits at most ``max_seconds`` of wall time for an answer and kills the
worker after that. A worker is reused across documents of a batch (starting one costs far
more than reading a PDF) and replaced after any crash, timeout or memory failure, so one
hostile file never takes the rest of the batch with it.
"""

from __future__ import annotations

import atexit
import math
import multiprocessing as mp
import os
import signal
import threading
from pathlib import Path
from typing import Any

from ..errors import SkillmixError
from ..records import Document, DocumentKind
from .codes import doc_error
from .limits import ReadLimits

__all__ = ["Sandbox", "default_sandbox"]

_PRELOAD = ["skillmix.io.reader", "skillmix.io.pdf", "skillmix.io.docx", "skillmix.io.html"]


def _context() -> Any:
    methods = mp.get_all_start_methods()
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return mp.get_context("spawn")


def _vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _worker_main(conn: Any, memory_mb: int) -> None:  # pragma: no cover - runs in the child
    try:
        import resource
    except ImportError:
        resource = None  # type: ignore[assignment]
    # Warm the readers before the memory cap so their import cost is not counted.
    from . import docx as _docx  # noqa: F401
    from . import html as _html  # noqa: F401
    from . import pdf as _pdf  # noqa: F401
    from .reader import parse_bytes, read_path_bytes

    import pypdfium2  # noqa: F401
    import pypdf  # noqa: F401

    if resource is not None:
        try:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (ValueError, OSError):
            pass
        cap = _vm_bytes() + memory_mb * 1024 * 1024
        try:
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        except (ValueError, OSError):
            pass
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        kind_of_input, payload, name, kind, limits, doc_id = msg
        if resource is not None:
            used = resource.getrusage(resource.RUSAGE_SELF)
            spent = used.ru_utime + used.ru_stime
            try:
                _, hard = resource.getrlimit(resource.RLIMIT_CPU)
                soft = int(math.ceil(spent + limits.max_seconds)) + 1
                if hard != resource.RLIM_INFINITY:
                    soft = min(soft, hard)
                resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
            except (ValueError, OSError):
                pass
        try:
            data = read_path_bytes(Path(payload), limits) if kind_of_input == "path" else payload
            payload = None
            doc = parse_bytes(data, name, kind=kind, limits=limits, doc_id=doc_id)
            data = None
            reply: tuple[Any, ...] = ("ok", doc)
        except SkillmixError as err:
            reply = ("err", err.code, err.message, err.source, err.hint)
        except MemoryError:
            data = None
            reply = ("err", "D106", "", name, None)
        except RecursionError:
            reply = ("err", "D109", "nesting too deep", name, None)
        except Exception as exc:  # noqa: BLE001 - a parser bug on a hostile file
            reply = ("err", "D109", f"{type(exc).__name__}: {str(exc)[:200]}", name, None)
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("err", "D106", "", name, None))


class Sandbox:
    """A reusable worker process that parses documents under :class:`ReadLimits`.

    Use as a context manager, or call :meth:`close`. Not thread-safe: give each thread
    its own sandbox (``default_sandbox()`` is guarded by a lock).
    """

    def __init__(self, limits: ReadLimits | None = None) -> None:
        self.limits = limits or ReadLimits()
        self._ctx = _context()
        self._proc: Any = None
        self._conn: Any = None
        self._memory_mb: int | None = None

    # ------------------------------------------------------------------ lifecycle
    def _start(self, memory_mb: int) -> None:
        self._stop(kill=True)
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child, memory_mb), daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn, self._memory_mb = proc, parent, memory_mb

    def _stop(self, *, kill: bool) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            if not kill:
                try:
                    conn.send(None)
                except (OSError, ValueError):
                    pass
            conn.close()
        if proc is not None:
            if kill and proc.is_alive():
                proc.kill()
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join(timeout=5)

    def close(self) -> None:
        self._stop(kill=False)

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------------- reading
    def read(
        self,
        source: str | Path | bytes,
        *,
        name: str | None = None,
        kind: DocumentKind | None = None,
        limits: ReadLimits | None = None,
        doc_id: str | None = None,
    ) -> Document:
        lim = limits or self.limits
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            label = name or "<bytes>"
            if len(data) > lim.max_bytes:
                raise doc_error("D104", label, f"{len(data)} bytes, limit {lim.max_bytes}")
            msg = ("bytes", data, label, kind, lim, doc_id)
        else:
            path = Path(source)
            label = name or str(path)
            try:
                size = path.stat().st_size
            except OSError as exc:
                raise doc_error("D111", label, exc.strerror or str(exc)) from None
            if size > lim.max_bytes:
                raise doc_error("D104", label, f"{size} bytes, limit {lim.max_bytes}")
            msg = ("path", str(path), label, kind, lim, doc_id)
        if self._proc is None or not self._proc.is_alive() or self._memory_mb != lim.max_memory_mb:
            self._start(lim.max_memory_mb)
        try:
            self._conn.send(msg)
        except (OSError, ValueError):
            self._start(lim.max_memory_mb)
            self._conn.send(msg)
        if not self._conn.poll(lim.max_seconds):
            self._stop(kill=True)
            raise doc_error("D105", label, f"no answer within {lim.max_seconds:g} s")
        try:
            reply = self._conn.recv()
        except (EOFError, OSError):
            code = self._proc.exitcode if self._proc is not None else None
            if self._proc is not None:
                self._proc.join(timeout=5)
                code = self._proc.exitcode
            self._stop(kill=True)
            raise self._death(code, label, lim) from None
        if reply[0] == "ok":
            return reply[1]
        _, code, message, src, hint = reply
        if code in ("D106", "D109") and not message:
            self._stop(kill=True)
        if code == "D106":
            self._stop(kill=True)
            raise doc_error("D106", src or label, f"limit {lim.max_memory_mb} MB")
        from ..errors import DocumentError

        raise DocumentError(code, message, source=src or label, hint=hint)

    @staticmethod
    def _death(exitcode: int | None, label: str, lim: ReadLimits) -> SkillmixError:
        if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
            what = "CPU time" if exitcode == -signal.SIGXCPU else "killed"
            return doc_error("D105", label, f"{what} after {lim.max_seconds:g} s")
        if exitcode in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS):
            return doc_error("D112", label, f"signal {-exitcode} (often out of memory, limit {lim.max_memory_mb} MB)")
        return doc_error("D112", label, f"exit code {exitcode}")


_DEFAULT: Sandbox | None = None
_LOCK = threading.Lock()


def default_sandbox() -> tuple[Sandbox, threading.Lock]:
    """The process-wide sandbox ``read_document`` uses, and the lock guarding it."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = Sandbox()
            atexit.register(_DEFAULT.close)
    return _DEFAULT, _LOCK
