"""Untrusted documents are parsed in a worker process with hard limits.

The worker is a fresh interpreter (``python -m skillmix.io.sandbox_worker``, never a fork of the
caller, and the caller's ``__main__`` is not re-imported). It caps its own address space
(``RLIMIT_AS``) once and its CPU time (``RLIMIT_CPU``) before each document; the parent
waits at most ``max_seconds`` of wall time for an answer and kills the worker after that.
Requests and answers are JSON frames, so nothing the worker sends can run code here.
A worker is reused across the documents of a batch (starting one costs far more than
reading a PDF) and replaced after any crash, timeout or memory failure, so one hostile
file never takes the rest of the batch with it.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..errors import DocumentError
from ..errors.document_codes import D104, D105, D106, D109, D111, D112
from ..jsonio import loads
from ..records import Document, DocumentKind
from .codes import doc_error
from .limits import ReadLimits
from .sandbox_worker import write_frame

__all__ = ["BATCH_SIZE", "Sandbox", "default_sandbox", "document_from_dict"]

_STARTUP_SECONDS = 60.0
#: Files sent to the worker in one request by :meth:`Sandbox.read_batch`.
BATCH_SIZE = 32


def document_from_dict(d: dict[str, Any]) -> Document:
    """Rebuild a :class:`Document` from :meth:`Document.to_dict` output."""
    return Document.from_dict(d)


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


class Sandbox:
    """A reusable worker process that parses documents under :class:`ReadLimits`.

    Use it as a context manager or call :meth:`close`. One document at a time; the
    process-wide one that ``read_document`` uses is guarded by a lock.
    """

    def __init__(self, limits: ReadLimits | None = None) -> None:
        self.limits = limits or ReadLimits()
        self._proc: subprocess.Popen[bytes] | None = None
        self._buf = bytearray()
        self._memory_mb: int | None = None
        self._pid = os.getpid()
        self.started = 0  # how many workers this sandbox has started (tests, benchmarks)

    # ------------------------------------------------------------------ lifecycle
    def _start(self, memory_mb: int, label: str) -> None:
        self._kill()
        env = dict(os.environ)
        root = _package_root()
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "skillmix.io.sandbox_worker", str(memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            close_fds=True,
        )
        self._memory_mb = memory_mb
        self.started += 1
        ready = self._recv(_STARTUP_SECONDS)
        if ready is None:
            code = self._kill()
            raise doc_error(D112, label, f"the worker did not start (exit code {code})")

    def _kill(self) -> int | None:
        proc, self._proc = self._proc, None
        self._buf = bytearray()
        if proc is None:
            return None
        if proc.poll() is None:
            proc.kill()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            pass
        for fh in (proc.stdin, proc.stdout):
            try:
                if fh is not None:
                    fh.close()
            except OSError:
                pass
        return proc.returncode

    def close(self) -> None:
        proc = self._proc
        if proc is not None and proc.poll() is None and proc.stdin is not None:
            try:
                proc.stdin.close()
                proc.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._kill()

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------- protocol
    def _recv(self, timeout: float) -> bytes | None:
        """One frame from the worker, or None on timeout/EOF (worker then left running).

        Bytes read past the end of the frame (the start of the next answer in a batch)
        stay in ``self._buf`` for the next call."""
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        buf = self._buf
        while True:
            if len(buf) >= 4:
                size = int.from_bytes(buf[:4], "big")
                if len(buf) >= 4 + size:
                    frame = bytes(buf[4 : 4 + size])
                    del buf[: 4 + size]
                    return frame
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return None
            buf += chunk

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
        """Parse one document in the worker; raises a coded DocumentError."""
        lim = limits or self.limits
        header: dict[str, Any] = {"kind": kind, "limits": dataclasses.asdict(lim), "doc_id": doc_id}
        data: bytes | None = None
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            label = name or "<bytes>"
            if len(data) > lim.max_bytes:
                raise doc_error(D104, label, f"{len(data)} bytes, limit {lim.max_bytes}")
        else:
            path = Path(source)
            label = name or str(path)
            try:
                size = path.stat().st_size
            except OSError as exc:
                raise doc_error(D111, label, exc.strerror or str(exc)) from None
            if size > lim.max_bytes:
                raise doc_error(D104, label, f"{size} bytes, limit {lim.max_bytes}")
            header["path"] = str(path.resolve())
        header["name"] = label
        if self._pid != os.getpid():
            # We were forked: the worker belongs to the parent process; start our own.
            self._proc, self._pid = None, os.getpid()
        if self._proc is None or self._proc.poll() is not None or self._memory_mb != lim.max_memory_mb:
            self._start(lim.max_memory_mb, label)
        assert self._proc is not None and self._proc.stdin is not None
        try:
            write_frame(self._proc.stdin, json.dumps(header).encode("utf-8"))
            if data is not None:
                write_frame(self._proc.stdin, data)
        except (BrokenPipeError, OSError):
            code = self._kill()
            raise self._death(code, label, lim) from None
        started = time.monotonic()
        frame = self._recv(lim.max_seconds)
        if frame is None:
            alive = self._proc is not None and self._proc.poll() is None
            code = self._kill()
            if alive or time.monotonic() - started >= lim.max_seconds:
                raise doc_error(D105, label, f"no answer within {lim.max_seconds:g} s")
            raise self._death(code, label, lim)
        return self._reply(frame, label, lim)

    def _reply(self, frame: bytes, label: str, lim: ReadLimits) -> Document:
        reply = loads(frame)
        if reply.get("ok"):
            return document_from_dict(reply["document"])
        code = reply["code"]
        if code == D106.code:
            self._kill()
            raise doc_error(D106, label, f"limit {lim.max_memory_mb} MB")
        if code == D109.code and reply.get("message", "").startswith(("MemoryError", "nesting")):
            self._kill()
        raise DocumentError(code, reply["message"], source=reply.get("source") or label, hint=reply.get("hint"))

    def read_batch(
        self,
        paths: Sequence[str | Path],
        *,
        kind: DocumentKind | None = None,
        limits: ReadLimits | None = None,
    ) -> Iterator[tuple[str | Path, Document | DocumentError]]:
        """Parse many files with one request per batch; yield ``(path, document or
        error)`` in order. Each document still has its own CPU and wall-time limit (the
        worker answers one frame per document); after a timeout or a crash the worker is
        replaced and the rest of the batch is sent again, so one bad file costs only
        itself. Closing the generator early kills a worker that still owes answers."""
        lim = limits or self.limits
        pending = _requests(paths, lim)
        owed = 0
        try:
            while pending:
                while pending and isinstance(pending[0][1], DocumentError):
                    yield pending.pop(0)  # type: ignore[misc]
                if not pending:
                    break
                if self._pid != os.getpid():
                    self._proc, self._pid = None, os.getpid()
                first = pending[0][1]
                assert isinstance(first, dict)
                if self._proc is None or self._proc.poll() is not None or self._memory_mb != lim.max_memory_mb:
                    try:
                        self._start(lim.max_memory_mb, first["name"])
                    except DocumentError as err:  # as for a single file: this one fails
                        p, _ = pending.pop(0)
                        yield p, err
                        continue
                assert self._proc is not None and self._proc.stdin is not None
                batch = [item for _, item in pending if isinstance(item, dict)]
                header = {"kind": kind, "limits": dataclasses.asdict(lim), "batch": batch}
                try:
                    write_frame(self._proc.stdin, json.dumps(header).encode("utf-8"))
                except (BrokenPipeError, OSError):
                    p, _ = pending.pop(0)
                    yield p, self._death(self._kill(), first["name"], lim)
                    continue
                owed = len(batch)
                while pending:
                    p, item = pending[0]
                    if isinstance(item, DocumentError):
                        pending.pop(0)
                        yield p, item
                        continue
                    label = item["name"]
                    started = time.monotonic()
                    frame = self._recv(lim.max_seconds)
                    if frame is None:
                        alive = self._proc is not None and self._proc.poll() is None
                        code = self._kill()
                        owed = 0
                        pending.pop(0)
                        if alive or time.monotonic() - started >= lim.max_seconds:
                            yield p, doc_error(D105, label, f"no answer within {lim.max_seconds:g} s")
                        else:
                            yield p, self._death(code, label, lim)
                        break  # a new worker takes the rest
                    owed -= 1
                    pending.pop(0)
                    try:
                        doc = self._reply(frame, label, lim)
                    except DocumentError as err:
                        yield p, err
                        if self._proc is None:  # the reply made us retire the worker
                            owed = 0
                            break
                        continue
                    yield p, doc
        finally:
            if owed:
                self._kill()

    @staticmethod
    def _death(exitcode: int | None, label: str, lim: ReadLimits) -> DocumentError:
        if exitcode == -signal.SIGXCPU:
            return doc_error(D105, label, f"CPU time over {lim.max_seconds:g} s")
        if exitcode in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS, -signal.SIGKILL):
            return doc_error(
                D112, label, f"signal {-exitcode} (often memory exhaustion, limit {lim.max_memory_mb} MB)"
            )
        return doc_error(D112, label, f"exit code {exitcode}")


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


def _requests(paths: Sequence[str | Path],
              lim: ReadLimits) -> list[tuple[str | Path, dict[str, Any] | DocumentError]]:
    """Per path, in input order, the worker's request item, or the error found before any
    parsing (a file that cannot be read or is over the size limit)."""
    pending: list[tuple[str | Path, dict[str, Any] | DocumentError]] = []
    for p in paths:
        path = Path(p)
        label = str(p)
        try:
            size = path.stat().st_size
        except OSError as exc:
            pending.append((p, doc_error(D111, label, exc.strerror or str(exc))))
            continue
        if size > lim.max_bytes:
            pending.append((p, doc_error(D104, label, f"{size} bytes, limit {lim.max_bytes}")))
            continue
        pending.append((p, {"name": label, "path": str(path.resolve())}))
    return pending
