"""The two entry points for files: :func:`read_document` and :func:`read_documents`."""

from __future__ import annotations

import collections
import itertools
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..batch import BatchReport, OnError, check_on_error, run_batch, usable_cpus
from ..errors import DocumentError
from ..records import Document, DocumentKind
from .codes import doc_error
from .limits import ReadLimits
from .reader import IN_PROCESS_MAX_BYTES, parse_bytes, parse_plain, read_path_bytes
from .sandbox import BATCH_SIZE, Sandbox, default_sandbox
from ..errors.config_codes import C026, C027
from ..errors.document_codes import D111

__all__ = ["read_document", "read_documents"]

if TYPE_CHECKING:
    from concurrent.futures import Future

_KINDS = (None, "posting", "resume", "unknown")
#: most sandbox workers one batch reads with: past a few, extracting what they send is the
#: bottleneck (a LiveCareer PDF takes two to three times as long to read as its text to
#: extract)
MAX_READERS = 4


def _check_kind(kind: Any) -> DocumentKind | None:
    if kind not in _KINDS:

        raise C026(f"kind must be 'posting', 'resume' or None, not {kind!r}.")
    return None if kind == "unknown" else kind


def read_document(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    kind: DocumentKind | None = None,
    limits: ReadLimits | dict[str, Any] | None = None,
    sandbox: bool = True,
) -> Document:
    """Read one document (a path or its bytes) into a :class:`Document`.

    ``name`` labels bytes (and overrides a path in errors and ``Document.source``);
    ``kind`` skips the posting/résumé guess. With ``sandbox=True`` (the default, right
    for files from users) parsing runs in a worker process under ``limits`` (a small UTF-8
    plain-text or Markdown file named by path is parsed in this process, as
    :func:`read_documents` does); pass ``sandbox=False`` for trusted files when speed
    matters (no memory or CPU cap then, and wall time is not enforced). Raises a coded
    :class:`~skillmix.errors.DocumentError`.
    """
    lim = ReadLimits.coerce(limits)
    knd = _check_kind(kind)
    if sandbox:
        plain = None if isinstance(source, (bytes, bytearray, memoryview)) else \
            _plain_file(Path(source), name, knd, lim)
        if plain is not None:
            return plain
        box, lock = default_sandbox()
        with lock:
            return box.read(source, name=name, kind=knd, limits=lim)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return parse_bytes(bytes(source), name or "<bytes>", kind=knd, limits=lim)
    path = Path(source)
    data = read_path_bytes(path, lim)
    return parse_bytes(data, name or str(path), kind=knd, limits=lim)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path, with folders walked (sorted, hidden files left out)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(q for q in path.rglob("*") if q.is_file() and not q.name.startswith("."))
        else:
            yield path


def read_documents(
    paths: Iterable[str | Path] | str | Path,
    *,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    limits: ReadLimits | dict[str, Any] | None = None,
    kind: DocumentKind | None = None,
    sandbox: bool = True,
    workers: int | None = None,
) -> Iterator[Document]:
    """Read many files (folders are walked), yielding documents in input order.

    Failures follow the batch policy (``on_error``) and are counted in ``report``. Small
    UTF-8 text and Markdown files are parsed in this process (:func:`parse_plain`); the
    rest go to sandboxed worker processes, each reused for the whole batch (in batches of
    ``BATCH_SIZE``, one request each) and replaced after a crash or timeout.

    ``workers`` caps how many worker processes read at once (default: the usable CPUs, at
    most :data:`MAX_READERS`). A second worker starts only when a second batch is
    waiting, so reading a handful of files costs one worker start, as before; on a folder
    of PDFs the workers read while this process extracts what they have sent.
    """
    check_on_error(on_error)
    lim = ReadLimits.coerce(limits)
    knd = _check_kind(kind)
    readers = min(MAX_READERS, usable_cpus()) if workers is None else workers
    if not isinstance(readers, int) or readers < 1:
        raise C027(f"workers must be a whole number of at least 1, not {workers!r}.")
    items = expand_paths([paths] if isinstance(paths, (str, Path)) else paths)
    if not sandbox:
        yield from run_batch(
            items,
            lambda p: read_document(p, kind=knd, limits=lim, sandbox=False),
            source=str,
            on_error=on_error,
            report=report,
        )
        return
    rep = report if report is not None else BatchReport()
    for path, result in _read_chunks(_chunks(items, BATCH_SIZE), readers, knd, lim):
        if isinstance(result, Document):
            rep.done += 1
            yield result
        elif on_error == "raise":
            raise result
        else:
            rep.record(str(path), result, on_error)


def _read_chunks(chunks: Iterator[list[Path]], readers: int, kind: DocumentKind | None,
                 lim: ReadLimits) -> Iterator[tuple[Path, Document | DocumentError]]:
    """``(path, document or error)`` for every file of ``chunks``, in order.

    With one reader, one sandbox reads the chunks in turn. With more, each chunk is read
    by a thread that borrows one of ``readers`` sandboxes (the thread only waits on its
    worker's pipe), at most ``readers`` chunks ahead of the consumer, so memory stays flat
    and a consumer that stops early leaves little read for nothing. On the way out the
    chunks not yet started are cancelled, the ones under way finish, and every worker is
    closed."""
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if readers == 1 or second is None:
        with Sandbox(lim) as box:
            for chunk in itertools.chain([first], [] if second is None else [second], chunks):
                yield from _read_chunk(box, chunk, kind, lim)
        return
    import queue
    from concurrent.futures import ThreadPoolExecutor  # 5 ms of imports, paid only here

    idle: queue.SimpleQueue[Sandbox] = queue.SimpleQueue()
    boxes = [Sandbox(lim) for _ in range(readers)]
    for box in boxes:
        idle.put(box)

    def read(chunk: list[Path]) -> list[tuple[Path, Document | DocumentError]]:
        box = idle.get()
        try:
            return list(_read_chunk(box, chunk, kind, lim))
        finally:
            idle.put(box)

    pool = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="skillmix-read")
    ahead: collections.deque[Future[list[tuple[Path, Document | DocumentError]]]] = collections.deque()
    try:
        for chunk in itertools.chain([first, second], chunks):
            ahead.append(pool.submit(read, chunk))
            if len(ahead) >= readers:
                yield from ahead.popleft().result()
        while ahead:
            yield from ahead.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        for box in boxes:
            box.close()


def _read_chunk(box: Sandbox, chunk: list[Path], kind: DocumentKind | None, lim: ReadLimits
                ) -> Iterator[tuple[Path, Document | DocumentError]]:
    """``(path, document or error)`` for each file of ``chunk``, in order: small UTF-8 plain
    text and Markdown parsed here (:func:`~skillmix.io.reader.parse_plain` says why that
    is safe), everything else in one request to the sandbox's worker."""
    results: list[Document | DocumentError | None] = []
    boxed: list[int] = []
    for path in chunk:
        try:
            data = _small_file(path, lim)
            doc = None if data is None else parse_plain(data, str(path), kind=kind, limits=lim)
        except DocumentError as err:
            results.append(err)
            continue
        if doc is None:
            boxed.append(len(results))
        results.append(doc)
    if boxed:
        for i, (_, result) in zip(boxed, box.read_batch([chunk[i] for i in boxed], kind=kind,
                                                       limits=lim)):
            results[i] = result
    for path, result in zip(chunk, results):
        assert result is not None
        yield path, result


def _plain_file(path: Path, name: str | None, kind: DocumentKind | None, lim: ReadLimits
                ) -> Document | None:
    """A small UTF-8 plain-text or Markdown file parsed in this process, as
    :func:`read_documents` reads one (:func:`~skillmix.io.reader.parse_plain` says why that
    is safe), or None for anything else, which the sandbox reads. A one-file command
    (``skillmix rank --job posting.txt``) no longer waits for a worker process to start
    (about 0.15 s) to read a text file. A file that cannot be opened is left to the
    sandbox too, which reports it under ``name`` as before."""
    try:
        data = _small_file(path, lim)
    except DocumentError:
        return None
    return None if data is None else parse_plain(data, name or str(path), kind=kind, limits=lim)


def _small_file(path: Path, lim: ReadLimits) -> bytes | None:
    """The bytes of a regular file of at most :data:`IN_PROCESS_MAX_BYTES` (and the read
    limit), or None (the sandbox then checks and reads it). One ``stat``, one ``read``."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise doc_error(D111, str(path), exc.strerror or str(exc)) from None
    if not stat.S_ISREG(st.st_mode) or st.st_size > min(lim.max_bytes, IN_PROCESS_MAX_BYTES):
        return None
    try:
        with open(path, "rb") as fh:
            data = fh.read(IN_PROCESS_MAX_BYTES + 1)
    except OSError as exc:
        raise doc_error(D111, str(path), exc.strerror or str(exc)) from None
    return None if len(data) > min(lim.max_bytes, IN_PROCESS_MAX_BYTES) else data


def _chunks(items: Iterable[Path], size: int) -> Iterator[list[Path]]:
    chunk: list[Path] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

