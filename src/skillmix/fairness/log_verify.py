"""Checking a decision log end to end, collecting every finding with a code.

Why collect instead of stopping at the first problem: an auditor wants the whole picture
(which entries, which kind of damage) in one pass, and the CLI prints one coded line per
finding. :meth:`skillmix.fairness.DecisionLog.verify` raises the first of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import FairnessError
from ..errors.fairness_codes import F151, F153, F154, F155, F156
from .log_anchor import LogAnchor

if TYPE_CHECKING:
    from .log import LogEntry, LogFinding, LogSink

__all__ = ["check_entries"]

#: stop listing findings after this many (a wholly forged log would list every entry)
MAX_FINDINGS = 50


def _read(sink: "LogSink", findings: list["LogFinding"]) -> list[tuple[int, Any]]:
    from .log import LogFinding

    raws: list[tuple[int, Any]] = []
    it = iter(sink.read())
    while True:
        try:
            raw = next(it)
        except StopIteration:
            break
        except FairnessError as err:  # a line that is not JSON ends what can be read
            findings.append(LogFinding(err.code, len(raws) + 1, err.message))
            break
        raws.append((len(raws) + 1, raw))
    return raws


def check_entries(sink: "LogSink", anchor: LogAnchor | None) -> tuple[int, list["LogFinding"]]:
    """See :meth:`skillmix.fairness.DecisionLog.check`."""
    from .log import _GENESIS, LogFinding, _digest, _reason_hash, parse_entry

    findings: list[LogFinding] = []
    # the head first: appends that commit while the log is read may move it past them
    head_error: FairnessError | None = None
    head = None
    if anchor is not None:
        try:
            head = anchor.head()
        except FairnessError as err:
            head_error = err
    raws = _read(sink, findings)
    entries: list[tuple[int, LogEntry]] = []
    for n, raw in raws:
        try:
            entries.append((n, parse_entry(raw, f"entry {n}")))
        except FairnessError as err:
            findings.append(LogFinding(err.code, n, err.message.split(" of the decision log ")[-1]))
    prev: str | None = None
    expected_seq: int | None = None
    legacy = True  # still in the unsigned entries a log may start with (see below)
    purged_from = {e.outputs.get("first_seq") for _, e in entries
                   if e.kind == "purge" and isinstance(e.outputs, dict)}
    for n, e in entries:
        if _digest(e.body()) != e.hash:
            findings.append(LogFinding(F151.code, n, f"({e.id}) was altered."))
        elif e.reason is not None and e.reason_hash is not None and (
                e.reason_salt is None or _reason_hash(e.reason_salt, e.reason) != e.reason_hash):
            findings.append(LogFinding(F151.code, n, f"({e.id}) has an altered reason."))
        if prev is None:
            if e.prev != _GENESIS and (e.seq is None or e.seq not in purged_from):
                findings.append(LogFinding(F156.code, n, "the entries before it were removed "
                                                      "(no purge records them)."))
        elif e.prev != prev:
            findings.append(LogFinding(F151.code, n, f"({e.id}) does not follow entry {n - 1} "
                                                  "(an entry was removed or inserted)."))
        if anchor is not None and legacy and e.seq is None and e.mac is None:
            pass  # written before anchoring: the chain covers it, the signed entries after it
            # and the head cover the chain (all entries made unsigned would miss the head)
        elif anchor is not None:
            legacy = False
            if e.seq is None or not anchor.signs(e.hash, e.mac):
                findings.append(LogFinding(F153.code, n, f"({e.id}) is not signed by this "
                                                      "server's secret (forged, or the chain "
                                                      "was recomputed)."))
            elif expected_seq is not None and e.seq != expected_seq:
                findings.append(LogFinding(F156.code, n, f"has position {e.seq}, expected "
                                                      f"{expected_seq} (entries removed)."))
        prev = e.hash
        expected_seq = e.seq + 1 if e.seq is not None else None
        if len(findings) >= MAX_FINDINGS:
            break
    if anchor is not None:
        findings += _head_findings(head, head_error, bool(raws), entries)
    return len(raws), findings[:MAX_FINDINGS]


def _head_findings(head: Any, head_error: FairnessError | None, any_raw: bool,
                   entries: list[tuple[int, LogEntry]]) -> list["LogFinding"]:
    """What the anchored head says of the log's end: unreadable, removed while entries
    remain, or recording an entry the log no longer ends with (entries cut off)."""
    from .log import LogFinding

    if head_error is not None:
        return [LogFinding(head_error.code, 0, head_error.message)]
    if head is None:
        if any_raw:
            return [LogFinding(F155.code, 0, "the log has entries but no head "
                                             "record (it was removed).")]
        return []
    at = next((e for _, e in reversed(entries) if e.seq == head.count), None)
    if at is None or at.hash != head.hash:
        last = entries[-1][1] if entries else None
        reach = f"entry {last.seq}" if last is not None else "no entry"
        return [LogFinding(F154.code, 0, f"the log ends at {reach}, but its head "
                                         f"records entry {head.count} (entries "
                                         "removed at the end).")]
    return []
