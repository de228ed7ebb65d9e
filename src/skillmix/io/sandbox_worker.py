"""The sandbox worker: ``python -m skillmix.io.sandbox_worker`` reads requests on stdin and answers
on stdout, one document at a time, under the resource limits it sets on itself.

Frames are a 4-byte big-endian length and a payload. A request is a JSON header frame
(``{"name", "kind", "limits", "path"?}``) followed, for bytes input, by a raw data frame,
or a batch of files (``{"batch": [{"name", "path", "doc_id"}...], "kind", "limits"}``:
one request for many documents, which saves a round trip each). The answer is one JSON
frame per document, in request order: ``{"ok": true, "document": {...}}`` or
``{"ok": false, "code", "message", "source", "hint"}``; the CPU limit is set again before
each document, so one slow file in a batch is stopped like a file on its own. JSON, not pickle, crosses the
boundary so a worker subverted by a hostile file cannot run code in the caller.
"""

from __future__ import annotations

import json
import math
import os
import struct
import sys
from pathlib import Path
from typing import IO, Any, BinaryIO

__all__ = ["main", "read_frame", "write_frame"]

_LEN = struct.Struct(">I")


def read_frame(fh: BinaryIO) -> bytes | None:
    head = fh.read(4)
    if len(head) < 4:
        return None
    (n,) = _LEN.unpack(head)
    data = fh.read(n)
    if len(data) < n:
        return None
    return data


def write_frame(fh: IO[bytes], payload: bytes) -> None:
    fh.write(_LEN.pack(len(payload)))
    fh.write(payload)
    fh.flush()


def _vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _set_limits(memory_mb: int) -> Any:
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return None
    for lim, value in ((resource.RLIMIT_CORE, 0),):
        try:
            resource.setrlimit(lim, (value, value))
        except (ValueError, OSError):
            pass
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = _vm_bytes() + memory_mb * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        pass
    return resource


def _cpu_budget(resource: Any, seconds: float) -> None:
    if resource is None:
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(math.ceil(used.ru_utime + used.ru_stime + seconds)) + 1
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    except (ValueError, OSError):
        pass


def main() -> int:  # pragma: no cover - runs in the child, exercised through the sandbox
    memory_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # Nothing may write to our protocol stream by accident.
    sys.stdout = sys.stderr
    # Warm the readers before the memory cap so their import cost is not counted.
    import lxml.etree  # noqa: F401
    import pypdf  # noqa: F401
    import pypdfium2  # noqa: F401

    from .. import jsonio as _jsonio  # noqa: F401
    from . import docx as _docx  # noqa: F401
    from . import html as _html  # noqa: F401
    from . import pdf as _pdf  # noqa: F401
    from . import reader as _reader  # noqa: F401
    from . import roles as _roles  # noqa: F401
    from .limits import ReadLimits
    from .sections import _cues, _gated_cues, _vocabulary

    _cues()
    for kind in ("eeo", "posting", "resume"):
        _gated_cues(kind)
    _vocabulary()
    resource = _set_limits(memory_mb)
    write_frame(stdout, b'{"ready": true}')
    while True:
        header = read_frame(stdin)
        if header is None:
            return 0
        req = json.loads(header)
        limits = ReadLimits(**req["limits"])
        if "batch" in req:
            for item in req["batch"]:
                write_frame(stdout, _answer(item, req.get("kind"), None, limits, resource))
            continue
        data = None if req.get("path") else read_frame(stdin)
        write_frame(stdout, _answer(req, req.get("kind"), data, limits, resource))


def _answer(item: dict[str, Any], kind: Any, data: bytes | None, limits: Any,
            resource: Any) -> bytes:  # pragma: no cover - runs in the child
    """Parse one document (a path, or ``data``) and encode the reply frame."""
    from ..errors import SkillmixError
    from ..errors.document_codes import D106, D109
    from ..jsonio import dumps
    from .reader import parse_bytes, read_path_bytes

    name = item["name"]
    _cpu_budget(resource, limits.max_seconds)
    try:
        if data is None:
            data = read_path_bytes(Path(item["path"]), limits)
        doc = parse_bytes(data, name, kind=kind, limits=limits, doc_id=item.get("doc_id"))
        data = None
        reply: dict[str, Any] = {"ok": True, "document": doc}
    except SkillmixError as err:
        reply = {"ok": False, "code": err.code, "message": err.message, "source": err.source, "hint": err.hint}
    except MemoryError:
        data = None
        reply = {"ok": False, "code": D106.code, "message": "", "source": name, "hint": None}
    except RecursionError:
        reply = {"ok": False, "code": D109.code, "message": "nesting too deep", "source": name, "hint": None}
    except Exception as exc:  # noqa: BLE001 - a parser bug on a hostile file
        reply = {"ok": False, "code": D109.code, "message": f"{type(exc).__name__}: {str(exc)[:200]}", "source": name, "hint": None}
    try:
        return dumps(reply)
    except MemoryError:
        return json.dumps({"ok": False, "code": D106.code, "message": "", "source": name, "hint": None}).encode()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
