"""The decision log: an append-only, tamper-evident record of every run and override.

Every scoring or ranking run is logged with hashes of its inputs (never the text), the
taxonomy, profile and configuration versions, whether blind mode was on, and its outputs
(ids and scores); every reviewer override is logged with who made it and why (a reason is
required). skillmix never rejects a candidate by itself: runs are logged as advisory, and
the only decisions in the log are a human reviewer's.

Entries are chained: each stores the SHA-256 of the previous entry's canonical JSON, so
an edited or deleted line breaks :meth:`DecisionLog.verify`. With a
:class:`~skillmix.fairness.log_anchor.LogAnchor` each entry also carries its position
(``seq``) and an HMAC of its hash under a server secret, and the head (count and last hash)
is kept apart, so a recomputed chain, a forged log and a log cut short at either end show
too. Entries are read with a strict schema: a line that is not one gives a coded error.

Override reasons are free text and may name a candidate, so the chain covers a salted
hash of the reason, not the reason: erasure can blank ``reason`` and its salt
(:func:`redact_reason`) and the log still verifies, keeping the fact of the decision. Retention is configurable:
:meth:`DecisionLog.purge` drops entries older than ``retention_days`` and records the
purge (and the hash it re-anchors the chain on) as an entry of its own.

Storage is pluggable: :class:`JsonlSink` (default, one JSON object per line, with a file
lock so processes can share it) or any object with the :class:`LogSink` methods, such as
a database table in ``skillmix.store``. :meth:`DecisionLog.export` writes JSONL.

Why nothing about the chain is kept in memory: several processes (server workers, CLI
runs) append to one log. Each append reads its predecessor under the sink's lock (the file
lock, or a locked chain-head row in the database) and writes before releasing it, so the
chain never forks; a process that cached the tail would fork it at the next append.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Literal, Mapping, Protocol

from ..errors import FairnessError, StoreError
from ..errors.fairness_codes import F140, F141, F142, F143, F144, F150, F152
from ..errors.store_codes import S201
from ..records import Document, Posting, Record, Resume, to_jsonable
from .log_anchor import LogAnchor

__all__ = [
    "DECISIONS",
    "DecisionLog",
    "JsonlSink",
    "LogEntry",
    "LogFinding",
    "LogSink",
    "config_version",
    "input_hash",
    "redact_reason",
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
class LogEntry(Record):
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
    seq: int | None = None
    reason_hash: str | None = None
    reason_salt: str | None = None
    mac: str | None = None

    def body(self) -> dict[str, Any]:
        """What the hash covers: everything but ``hash`` and ``mac``; the reason only
        through ``reason_hash`` (so it can be erased); fields older logs lacked only when
        set (so their entries still verify)."""
        d = self.to_dict()
        d.pop("hash", None)
        d.pop("mac", None)
        for key in ("seq", "reason_hash", "reason_salt"):
            if d.get(key) is None:
                d.pop(key, None)
        if d.get("reason_hash"):
            d.pop("reason", None)
            d.pop("reason_salt", None)
        return d

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> "LogEntry":
        """An entry from its JSON form, checked against the schema (``[F152]``)."""
        return parse_entry(data)


_HEX64 = re.compile(r"[0-9a-f]{64}")
_OPT_STR = ("run_kind", "run_id", "candidate_id", "taxonomy", "taxonomy_version", "profile",
            "profile_version", "config_version", "actor", "decision", "reason",
            "reason_hash", "reason_salt", "mac")


def parse_entry(data: Any, where: str = "an entry") -> LogEntry:
    """Check one raw entry against the schema and build it; ``[F152]`` names what is wrong.

    Why strict: the log is evidence. An entry with unknown keys, a missing hash or a value
    of the wrong type is an edit, not something to read around (and must never turn into
    an uncoded ``TypeError``)."""
    def bad(what: str) -> FairnessError:
        return F152(f"{where} of the decision log {what}.",
                    hint="The log was edited or damaged; run `skillmix decisions "
                         "verify` and restore it from a backup.")

    if not isinstance(data, Mapping):
        raise bad(f"is a JSON {type(data).__name__}, not an object")
    names = LogEntry.__dataclass_fields__.keys()
    extra = sorted(str(k) for k in data if k not in names)
    if extra:
        raise bad(f"has unknown key(s) {extra[:5]}")
    for key in ("id", "at", "kind", "prev", "hash"):
        if not isinstance(data.get(key), str):
            raise bad(f"has no text '{key}'")
    if data["kind"] not in ("run", "override", "purge"):
        raise bad(f"has unknown kind {str(data['kind'])[:20]!r}")
    if not _HEX64.fullmatch(data["hash"]) or not _HEX64.fullmatch(data["prev"]):
        raise bad("has a malformed hash")
    try:
        datetime.fromisoformat(data["at"])
    except ValueError:
        raise bad("has a malformed time") from None
    for key in _OPT_STR:
        if data.get(key) is not None and not isinstance(data[key], str):
            raise bad(f"has a non-text '{key}'")
    inputs = data.get("inputs", [])
    if not isinstance(inputs, (list, tuple)) or not all(isinstance(i, str) for i in inputs):
        raise bad("has 'inputs' that are not a list of hashes")
    if not isinstance(data.get("config", {}), Mapping):
        raise bad("has a 'config' that is not an object")
    for key in ("blind",):
        if data.get(key) is not None and not isinstance(data[key], bool):
            raise bad(f"has a non-boolean '{key}'")
    if not isinstance(data.get("advisory", True), bool):
        raise bad("has a non-boolean 'advisory'")
    seq = data.get("seq")
    if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int) or seq < 1):
        raise bad("has a 'seq' that is not a positive integer")
    kw = {k: data[k] for k in names if k in data}
    kw["inputs"] = tuple(inputs)
    return LogEntry(**kw)


def redact_reason(raw: Mapping[str, Any]) -> dict[str, Any]:
    """An entry with its free-text reason erased (the decision, reviewer and run stay).
    Entries that hash the reason through ``reason_hash`` still verify afterwards."""
    return {**raw, "reason": None, "reason_salt": None}


def _reason_hash(salt: str, reason: str) -> str:
    return hashlib.sha256(f"{salt}:{reason}".encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class LogFinding:
    """One problem :meth:`DecisionLog.check` found: a code (``F15x``), the entry position
    (1-based, 0 for the log as a whole) and what is wrong."""

    code: str
    entry: int
    message: str

    def render(self) -> str:
        where = f"entry {self.entry}: " if self.entry else ""
        return f"[{self.code}] {where}{self.message}"


def _digest(body: Mapping[str, Any]) -> str:
    blob = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class LogSink(Protocol):
    """Where entries live. ``append`` must be atomic per entry; ``replace`` swaps the whole
    content (only retention purges call it).

    A sink shared by several processes also has ``append_chained(seal)``: under its own
    lock (a file lock, a database row lock) it reads the newest entry's hash and position,
    calls ``seal(prev, seq)`` for the entry to store, stores it and returns it. The log
    uses it when present, so the chain is serialised where the entries live, never in the
    memory of one process; a sink without it is safe for one process only."""

    def append(self, entry: Mapping[str, Any]) -> None: ...

    def read(self) -> Iterator[Mapping[str, Any]]: ...

    def replace(self, entries: Iterable[Mapping[str, Any]]) -> None: ...


Seal = Callable[[str, int], "LogEntry"]


def tail_of(raws: Iterable[Mapping[str, Any]]) -> tuple[str, int]:
    """The hash and position of the newest of ``raws`` (genesis and 0 for none); entries
    written before positions existed count by their place."""
    last, count = _GENESIS, 0
    for raw in raws:
        e = parse_entry(raw, f"entry {count + 1}")
        last, count = e.hash, e.seq if e.seq is not None else count + 1
    return last, count


class JsonlSink:
    """Entries as JSON lines in one file, appended under an exclusive file lock.

    :meth:`append_chained` reads the last line under that lock, so any number of
    processes extend one chain; :meth:`replace` swaps the file under the same lock and an
    appender that waited on the old file opens the new one."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def anchor(self) -> LogAnchor:
        """The anchor kept beside the file (``<path>.head`` and ``<path>.key``)."""
        return LogAnchor.beside(self.path)

    def _locked(self, fd: int) -> None:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except (ImportError, OSError):  # pragma: no cover - non-POSIX
            pass

    def _open_locked(self) -> int:
        """A descriptor of the current file, locked (re-opened if a purge swapped it)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
            self._locked(fd)
            try:
                if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                    return fd
            except FileNotFoundError:
                pass
            os.close(fd)

    def _write_line(self, fd: int, entry: Mapping[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True, default=str) + "\n"
        os.write(fd, line.encode("utf-8", "surrogatepass"))
        os.fsync(fd)

    def _fail(self, err: OSError) -> StoreError:
        return S201(f"cannot append to the decision log ({err.strerror}).",
                    source=str(self.path), hint="Check the path and permissions.")

    def append(self, entry: Mapping[str, Any]) -> None:
        try:
            with self._lock:
                fd = self._open_locked()
                try:
                    self._write_line(fd, entry)
                finally:
                    os.close(fd)
        except OSError as err:
            raise self._fail(err) from err

    def append_chained(self, seal: Seal) -> "LogEntry":
        try:
            with self._lock:
                fd = self._open_locked()
                try:
                    prev, seq = self._tail(fd)
                    entry = seal(prev, seq + 1)
                    self._write_line(fd, entry.to_dict())
                    return entry
                finally:
                    os.close(fd)
        except OSError as err:
            raise self._fail(err) from err

    def _tail(self, fd: int) -> tuple[str, int]:
        """The last entry's hash and position, read backwards from the end of the file."""
        end = os.lseek(fd, 0, os.SEEK_END)
        buf, pos = b"", end
        while pos > 0:
            step = min(65536, pos)
            pos -= step
            buf = os.pread(fd, step, pos) + buf
            lines = [x for x in buf.split(b"\n") if x.strip()]
            if len(lines) > 1 or (lines and pos == 0):
                break
        lines = [x for x in buf.split(b"\n") if x.strip()]
        if not lines:
            return _GENESIS, 0
        try:
            last = parse_entry(json.loads(lines[-1]), "the last entry")
        except json.JSONDecodeError as err:
            raise F150("the last line of the decision log is not JSON.",
                       source=str(self.path),
                       hint="The log was edited or truncated; restore it from a "
                            "backup.") from err
        if last.seq is not None:
            return last.hash, last.seq
        return tail_of(self.read())  # an unsigned log from before positions: count them

    def read(self) -> Iterator[Mapping[str, Any]]:
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as err:
                        raise F150(f"line {n} of the decision log is not JSON.",
                                   source=str(self.path),
                                   hint="The log was edited or truncated; restore it "
                                        "from a backup.") from err

    def replace(self, entries: Iterable[Mapping[str, Any]]) -> None:
        self.rewrite(lambda _old: entries)

    def rewrite(self, keep: Callable[[list[Mapping[str, Any]]], Iterable[Mapping[str, Any]]]) -> None:
        """Replace the content with ``keep(current entries)``, holding the lock throughout
        (an append waits, then goes to the new file)."""
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        with self._lock:
            lock = self._open_locked()
            try:
                entries = list(keep(list(self.read())))
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    for e in entries:
                        fh.write(json.dumps(e, ensure_ascii=False, sort_keys=True, default=str) + "\n")
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            finally:
                os.close(lock)


def _now() -> datetime:
    return datetime.now(timezone.utc)


class DecisionLog:
    """Record runs and reviewer overrides (see the module docstring).

    ``sink`` is a path (a :class:`JsonlSink` is made) or a :class:`LogSink`;
    ``retention_days`` is how long entries are kept by :meth:`purge` (``None``: forever);
    ``clock`` returns the current UTC time (tests pass a fixed one); ``anchor`` signs
    entries and keeps the head (``"beside"``, the default for a path: files next to the
    log; ``None``: chain only).
    """

    def __init__(self, sink: str | Path | LogSink, *, retention_days: int | None = None,
                 clock: Callable[[], datetime] = _now,
                 anchor: LogAnchor | Literal["beside"] | None = "beside") -> None:
        if retention_days is not None and retention_days < 1:
            raise F140(f"retention_days must be at least 1, not {retention_days}.",
                       hint="Pass None to keep entries forever.")
        self.sink: LogSink = JsonlSink(sink) if isinstance(sink, (str, Path)) else sink
        if anchor == "beside":
            anchor = self.sink.anchor() if isinstance(self.sink, JsonlSink) else None
        self.anchor: LogAnchor | None = anchor  # type: ignore[assignment]
        self.retention_days = retention_days
        self.clock = clock
        self._mutex = threading.Lock()

    # ------------------------------------------------------------------ writing

    def seal(self, fields: Mapping[str, Any], prev: str, seq: int) -> LogEntry:
        """The entry ``fields`` make at position ``seq`` after the entry hashed ``prev``:
        id and time added, hashed and (with an anchor) signed. Sinks call it under their
        lock (see :class:`LogSink`); a store that appends inside its own transaction calls
        it too, then :meth:`anchored` once that transaction commits."""
        base = LogEntry(id=uuid.uuid4().hex, at=self.clock().isoformat(timespec="seconds"),
                        prev=prev, seq=seq, **fields)
        digest = _digest(base.body())
        mac = self.anchor.sign(digest) if self.anchor is not None else None
        return parse_entry({**base.to_dict(), "hash": digest, "mac": mac})

    def anchored(self, entry: LogEntry) -> None:
        """Move the head record forward to ``entry`` (never back: processes that commit in
        one order may get here in another)."""
        if self.anchor is not None and entry.seq is not None:
            self.anchor.advance(entry.seq, entry.hash)

    def _write(self, **fields: Any) -> LogEntry:
        chained = getattr(self.sink, "append_chained", None)
        seal = lambda prev, seq: self.seal(fields, prev, seq)  # noqa: E731
        if chained is not None:
            entry = chained(seal)
        else:  # a sink without its own lock: serialised in this process only
            with self._mutex:
                prev, seq = tail_of(self.sink.read())
                entry = seal(prev, seq + 1)
                self.sink.append(entry.to_dict())
        self.anchored(entry)
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
        return self._write(**self.run_fields(
            run_kind, inputs=inputs, outputs=outputs, taxonomy=taxonomy,
            taxonomy_version=taxonomy_version, profile=profile, profile_version=profile_version,
            config=config, blind=blind, actor=actor))

    @staticmethod
    def run_fields(run_kind: str, *, inputs: Iterable[Document | Resume | Posting | bytes | str],
                   outputs: Any, taxonomy: str | None = None,
                   taxonomy_version: str | None = None, profile: str | None = None,
                   profile_version: str | None = None, config: Mapping[str, Any] | None = None,
                   blind: bool | None = None, actor: str | None = None) -> dict[str, Any]:
        """The checked fields of a run entry (what :meth:`record_run` seals and appends)."""
        if run_kind not in ("scoring", "ranking"):
            raise F141(f"run_kind must be 'scoring' or 'ranking', not {run_kind!r}.")
        cfg = dict(config or {})
        return dict(
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
        return self._write(**self.override_fields(run_id, candidate_id, reviewer=reviewer,
                                                  reason=reason, decision=decision,
                                                  previous=previous))

    @staticmethod
    def override_fields(run_id: str, candidate_id: str, *, reviewer: str, reason: str,
                        decision: str, previous: Any = None) -> dict[str, Any]:
        """The checked fields of an override entry (see :meth:`record_override`)."""
        if not reviewer or not reviewer.strip():
            raise F142("an override needs the reviewer who made it.",
                       hint="Pass reviewer=<name or id>.")
        if not reason or not reason.strip():
            raise F143("an override needs a reason.",
                       hint="Say why the reviewer departs from the run's result.")
        if decision not in DECISIONS:
            raise F144(f"unknown decision {decision!r}.",
                       hint=f"Use one of: {', '.join(DECISIONS)}.")
        salt = secrets.token_hex(16)
        text = reason.strip()
        return dict(kind="override", run_id=run_id, candidate_id=candidate_id,
                    actor=reviewer.strip(), reason=text, reason_salt=salt,
                    reason_hash=_reason_hash(salt, text), decision=decision,
                    previous=to_jsonable(previous), advisory=False)

    # ------------------------------------------------------------------ reading

    def entries(self, *, kind: str | None = None, run_id: str | None = None,
                since: datetime | None = None) -> Iterator[LogEntry]:
        """Entries in order, optionally filtered by kind, run (the run and its overrides)
        and time."""
        for n, raw in enumerate(self.sink.read(), start=1):
            e = parse_entry(raw, f"entry {n}")
            if kind is not None and e.kind != kind:
                continue
            if run_id is not None and e.id != run_id and e.run_id != run_id:
                continue
            if since is not None and datetime.fromisoformat(e.at) < since:
                continue
            yield e

    def check(self) -> tuple[int, list[LogFinding]]:
        """Read the whole log; return how many entries it has and every problem found.

        Codes: ``F150`` a line is not JSON, ``F152`` an entry breaks the schema, ``F151``
        an entry was altered or does not follow its predecessor, ``F153`` an entry lacks
        the server's signature (forged, or the chain recomputed), ``F156`` entries are
        missing at the start or in the middle, ``F154`` the log does not reach its
        recorded head (entries removed at the end), ``F155`` the head record is bad."""
        from .log_verify import check_entries

        return check_entries(self.sink, self.anchor)

    def verify(self) -> int:
        """:meth:`check`, raising the first finding as a :class:`FairnessError`; returns
        the number of entries when the log is intact."""
        n, findings = self.check()
        if findings:
            first = findings[0]
            more = f" ({len(findings) - 1} more finding(s))" if len(findings) > 1 else ""
            raise FairnessError(first.code, first.render()[len(first.code) + 3:] + more,
                                hint="Run `skillmix decisions verify` for every finding; "
                                     "restore the log from a backup.")
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
        kept: list[LogEntry] = []
        total = [0]

        def keep(raws: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
            entries = [parse_entry(r, f"entry {n}") for n, r in enumerate(raws, start=1)]
            kept.extend(e for e in entries if datetime.fromisoformat(e.at) >= cutoff)
            total[0] = len(entries)
            return [e.to_dict() for e in kept] if len(kept) < len(entries) else list(raws)

        rewrite = getattr(self.sink, "rewrite", None)
        with self._mutex:
            if rewrite is not None:  # the sink holds its lock from reading to replacing
                rewrite(keep)
            else:
                out = keep(list(self.sink.read()))
                if len(kept) < total[0]:
                    self.sink.replace(out)
        dropped = total[0] - len(kept)
        if dropped:
            outputs: dict[str, Any] = {"dropped": dropped, "cutoff": cutoff.isoformat(),
                                       "retention_days": self.retention_days}
            if kept and kept[0].seq is not None:
                outputs["first_seq"] = kept[0].seq  # lets verify tell a purge from a cut
            self._write(kind="purge", outputs=outputs, advisory=False)
        return dropped
