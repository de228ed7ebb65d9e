"""The decision log: an append-only, tamper-evident record of every run and override.

Every scoring or ranking run is logged with hashes of its inputs (never the text), the
taxonomy, profile and configuration versions, whether blind mode was on, and its outputs
(ids and scores); every reviewer override is logged with who made it and why (a reason is
required). skillmix never rejects a candidate by itself: runs are logged as advisory, and
the only decisions in the log are a human reviewer's.

Entries are chained: each stores the SHA-256 of the previous entry's canonical JSON, so
an edited or deleted line breaks :meth:`DecisionLog.verify`. Retention is configurable:
:meth:`DecisionLog.purge` drops entries older than ``retention_days`` and records the
purge (and the hash it re-anchors the chain on) as an entry of its own.

Storage is pluggable: :class:`JsonlSink` (default, one JSON object per line, with a file
lock so processes can share it) or any object with the :class:`LogSink` methods, such as
a database table in ``skillmix.store``. :meth:`DecisionLog.export` writes JSONL.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Literal, Mapping, Protocol

from ..errors import ConfigError, FairnessError, StoreError
from ..records import Document, Posting, Resume, _Record, to_jsonable

__all__ = [
    "DECISIONS",
    "DecisionLog",
    "JsonlSink",
    "LogEntry",
    "LogSink",
    "config_version",
    "input_hash",
]

#: decisions a reviewer may record; none is ever made by skillmix itself.
DECISIONS = ("advance", "hold", "reject", "rescore", "note")
EntryKind = Literal["run", "override", "purge"]
_GENESIS = "0" * 64


def input_hash(item: Document | Resume | Posting | bytes | str) -> str:
    """SHA-256 of an input's text (or bytes): identifies it without storing it."""
    if isinstance(item, (Resume, Posting)):
        item = item.document
    if isinstance(item, Document):
        item = item.text
    if isinstance(item, str):
        item = item.encode("utf-8", "surrogatepass")
    return hashlib.sha256(item).hexdigest()


def config_version(config: Mapping[str, Any]) -> str:
    """A short hash of a configuration (canonical JSON), recorded as its version."""
    blob = json.dumps(to_jsonable(config), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class LogEntry(_Record):
    """One line of the log.

    ``kind`` is ``run`` (a scoring or ranking run: ``run_kind``, ``inputs`` hashes,
    ``outputs``), ``override`` (a reviewer's ``decision`` on ``candidate_id`` in run
    ``run_id``, with ``reason``) or ``purge``. ``prev`` and ``hash`` chain the entries.
    """

    id: str
    at: str
    kind: str
    run_kind: str | None = None
    run_id: str | None = None
    candidate_id: str | None = None
    inputs: tuple[str, ...] = ()
    taxonomy: str | None = None
    taxonomy_version: str | None = None
    profile: str | None = None
    profile_version: str | None = None
    config: Mapping[str, Any] = field(default_factory=dict)
    config_version: str | None = None
    blind: bool | None = None
    outputs: Any = None
    advisory: bool = True
    actor: str | None = None
    decision: str | None = None
    reason: str | None = None
    previous: Any = None
    prev: str = _GENESIS
    hash: str = ""

    def body(self) -> dict[str, Any]:
        """Everything but ``hash``, as hashed."""
        d = self.to_dict()
        d.pop("hash", None)
        return d

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> "LogEntry":
        names = LogEntry.__dataclass_fields__.keys()
        kw = {k: data[k] for k in names if k in data}
        if "inputs" in kw:
            kw["inputs"] = tuple(kw["inputs"])
        return LogEntry(**kw)


def _digest(body: Mapping[str, Any]) -> str:
    blob = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class LogSink(Protocol):
    """Where entries live. ``append`` must be atomic per entry; ``replace`` swaps the whole
    content (only retention purges call it)."""

    def append(self, entry: Mapping[str, Any]) -> None: ...

    def read(self) -> Iterator[Mapping[str, Any]]: ...

    def replace(self, entries: Iterable[Mapping[str, Any]]) -> None: ...


class JsonlSink:
    """Entries as JSON lines in one file, appended under an exclusive file lock."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def _locked(self, fh: IO[Any]) -> None:
        try:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        except (ImportError, OSError):  # pragma: no cover - non-POSIX
            pass

    def append(self, entry: Mapping[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True, default=str) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock, open(self.path, "a", encoding="utf-8") as fh:
                self._locked(fh)
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as err:
            raise StoreError("S201", f"cannot append to the decision log ({err.strerror}).",
                             source=str(self.path), hint="Check the path and permissions.") from err

    def read(self) -> Iterator[Mapping[str, Any]]:
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as err:
                        raise FairnessError("F150", f"line {n} of the decision log is not JSON.",
                                            source=str(self.path),
                                            hint="The log was edited or truncated; restore it "
                                                 "from a backup.") from err

    def replace(self, entries: Iterable[Mapping[str, Any]]) -> None:
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        with self._lock:
            with open(tmp, "w", encoding="utf-8") as fh:
                for e in entries:
                    fh.write(json.dumps(e, ensure_ascii=False, sort_keys=True, default=str) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)


def _now() -> datetime:
    return datetime.now(timezone.utc)


class DecisionLog:
    """Record runs and reviewer overrides (see the module docstring).

    ``sink`` is a path (a :class:`JsonlSink` is made) or a :class:`LogSink`;
    ``retention_days`` is how long entries are kept by :meth:`purge` (``None``: forever);
    ``clock`` returns the current UTC time (tests pass a fixed one).
    """

    def __init__(self, sink: str | Path | LogSink, *, retention_days: int | None = None,
                 clock: Callable[[], datetime] = _now) -> None:
        if retention_days is not None and retention_days < 1:
            raise ConfigError("F140", f"retention_days must be at least 1, not {retention_days}.",
                              hint="Pass None to keep entries forever.")
        self.sink: LogSink = JsonlSink(sink) if isinstance(sink, (str, Path)) else sink
        self.retention_days = retention_days
        self.clock = clock
        self._last: str | None = None
        self._mutex = threading.Lock()

    # ------------------------------------------------------------------ writing

    def _tail_hash(self) -> str:
        if self._last is None:
            last = _GENESIS
            for e in self.sink.read():
                last = str(e.get("hash", last))
            self._last = last
        return self._last

    def _write(self, **fields: Any) -> LogEntry:
        with self._mutex:
            base = LogEntry(id=uuid.uuid4().hex, at=self.clock().isoformat(timespec="seconds"),
                            prev=self._tail_hash(), **fields)
            body = base.body()
            entry = LogEntry.from_dict({**body, "hash": _digest(body)})
            self.sink.append(entry.to_dict())
            self._last = entry.hash
            return entry

    def record_run(self, run_kind: Literal["scoring", "ranking"], *,
                   inputs: Iterable[Document | Resume | Posting | bytes | str],
                   outputs: Any, taxonomy: str | None = None,
                   taxonomy_version: str | None = None, profile: str | None = None,
                   profile_version: str | None = None,
                   config: Mapping[str, Any] | None = None, blind: bool | None = None,
                   actor: str | None = None) -> LogEntry:
        """Log a scoring or ranking run. ``inputs`` are hashed (:func:`input_hash`);
        ``outputs`` should be ids and scores (records are turned into JSON); ``config`` is
        stored with its hash as ``config_version``. The run is advisory: it decides
        nothing about any candidate."""
        if run_kind not in ("scoring", "ranking"):
            raise ConfigError("F141", f"run_kind must be 'scoring' or 'ranking', not {run_kind!r}.")
        cfg = dict(config or {})
        return self._write(
            kind="run", run_kind=run_kind, inputs=tuple(input_hash(i) for i in inputs),
            taxonomy=taxonomy, taxonomy_version=taxonomy_version, profile=profile,
            profile_version=profile_version, config=to_jsonable(cfg),
            config_version=config_version(cfg), blind=blind, outputs=to_jsonable(outputs),
            actor=actor, advisory=True,
        )

    def record_override(self, run_id: str, candidate_id: str, *, reviewer: str, reason: str,
                        decision: str, previous: Any = None) -> LogEntry:
        """Log a reviewer's decision on one candidate of a run, with the reason.

        ``decision`` is one of :data:`DECISIONS`; ``previous`` what the run said (a score,
        a rank). A reviewer and a non-empty reason are required.
        """
        if not reviewer or not reviewer.strip():
            raise FairnessError("F142", "an override needs the reviewer who made it.",
                                hint="Pass reviewer=<name or id>.")
        if not reason or not reason.strip():
            raise FairnessError("F143", "an override needs a reason.",
                                hint="Say why the reviewer departs from the run's result.")
        if decision not in DECISIONS:
            raise FairnessError("F144", f"unknown decision {decision!r}.",
                                hint=f"Use one of: {', '.join(DECISIONS)}.")
        return self._write(kind="override", run_id=run_id, candidate_id=candidate_id,
                           actor=reviewer.strip(), reason=reason.strip(), decision=decision,
                           previous=to_jsonable(previous), advisory=False)

    # ------------------------------------------------------------------ reading

    def entries(self, *, kind: str | None = None, run_id: str | None = None,
                since: datetime | None = None) -> Iterator[LogEntry]:
        """Entries in order, optionally filtered by kind, run (the run and its overrides)
        and time."""
        for raw in self.sink.read():
            e = LogEntry.from_dict(raw)
            if kind is not None and e.kind != kind:
                continue
            if run_id is not None and e.id != run_id and e.run_id != run_id:
                continue
            if since is not None and datetime.fromisoformat(e.at) < since:
                continue
            yield e

    def verify(self) -> int:
        """Check the hash chain; return the number of entries. Raises ``F151`` at the
        first entry that was altered, inserted or removed."""
        prev: str | None = None
        n = 0
        for raw in self.sink.read():
            e = LogEntry.from_dict(raw)
            n += 1
            if _digest(e.body()) != e.hash:
                raise FairnessError("F151", f"entry {n} ({e.id}) was altered.",
                                    hint="Restore the log from a backup.")
            if prev is not None and e.prev != prev:
                raise FairnessError("F151", f"entry {n} ({e.id}) does not follow entry {n - 1}.",
                                    hint="An entry was removed or inserted.")
            prev = e.hash
        return n

    def export(self, out: str | Path | IO[str], *, kind: str | None = None) -> int:
        """Write the entries as JSONL to a path or text stream; return how many."""
        n = 0
        if isinstance(out, (str, Path)):
            with open(out, "w", encoding="utf-8") as fh:
                return self.export(fh, kind=kind)
        for e in self.entries(kind=kind):
            out.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True, default=str) + "\n")
            n += 1
        return n

    # ------------------------------------------------------------------ retention

    def purge(self, now: datetime | None = None) -> int:
        """Drop entries older than ``retention_days``; return how many were dropped.

        The first kept entry stays chained to its dropped predecessor's hash, and the
        purge itself is logged, so :meth:`verify` still passes after it.
        """
        if self.retention_days is None:
            return 0
        cutoff = (now or self.clock()) - timedelta(days=self.retention_days)
        with self._mutex:
            raw = list(self.sink.read())
            keep = [r for r in raw if datetime.fromisoformat(str(r["at"])) >= cutoff]
            dropped = len(raw) - len(keep)
            if dropped:
                self.sink.replace(keep)
                self._last = None
        if dropped:
            self._write(kind="purge", outputs={"dropped": dropped, "cutoff": cutoff.isoformat(),
                                               "retention_days": self.retention_days},
                        advisory=False)
        return dropped
