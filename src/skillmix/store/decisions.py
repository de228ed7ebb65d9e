"""The server's decision log: :class:`skillmix.fairness.DecisionLog` on a database table.

Every assessment and ranking is recorded through the fairness library's ``record_run``
(hash-chained, advisory), and reviewer overrides through ``record_override``. Entries live
in the ``decision_log`` table via :class:`DbLogSink`.

Why pseudonyms: the log must stay verifiable (an edited entry breaks the chain) and an
erased candidate must leave no trace. So a candidate never appears by id or text: the log
holds ``HMAC(candidate.log_key, candidate.id)`` as their pseudonym, and the input hash of a
résumé is taken over ``log_key + text``. Erasure deletes the candidate row and with it
``log_key`` (crypto-shredding): the entries stay intact and the chain still verifies, but
nobody can link them back to the person or the document.

Why a chain-head row: any number of server processes append to one log. Each append locks
the ``decision_head`` row inside the caller's transaction (:func:`append_entry`), takes its
predecessor's hash and position from it, inserts the entry and moves the head; the lock is
held until that transaction commits, so appends queue in the database and the chain cannot
fork. A use case appends in the same transaction as the scorecard or ranking it records, so
both commit or neither does.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..errors.store_codes import S101
from .core import Store
from .models import CandidateRow, DecisionHeadRow, DecisionLogRow, RankingMemberRow, RankingRow

if TYPE_CHECKING:
    from ..fairness.log import LogEntry
    from ..fairness.log_anchor import LogAnchor

__all__ = ["DbLogSink", "alias_of", "append_entry", "find_run", "keyed_bytes", "keyed_input",
           "pseudonym", "run_included", "store_anchor"]


def _locked_head(sess: Session) -> DecisionHeadRow:
    """The chain-head row, locked until ``sess`` ends (FOR UPDATE; on SQLite the write
    transaction already holds the database lock)."""
    head = sess.scalars(select(DecisionHeadRow).where(DecisionHeadRow.id == 1)
                        .with_for_update()).first()
    if head is None:  # only a database someone emptied by hand: start from its entries
        from ..fairness.log import tail_of

        digest, seq = tail_of(sess.scalars(select(DecisionLogRow.entry)
                                           .order_by(DecisionLogRow.seq)).all())
        head = DecisionHeadRow(id=1, seq=seq, hash=digest)
        sess.add(head)
        sess.flush()
    return head


def append_entry(sess: Session, seal: Callable[[str, int], "LogEntry"]) -> "LogEntry":
    """Append one entry inside the caller's transaction: lock the head, seal the entry on
    it (``seal(prev, seq)``, see :meth:`DecisionLog.seal`), insert it, move the head.

    Open ``sess`` with ``store.session(write=True)``. The caller anchors the entry
    (:meth:`DecisionLog.anchored`) after the commit."""
    head = _locked_head(sess)
    entry = seal(head.hash, head.seq + 1)
    sess.add(DecisionLogRow(id=entry.id, at=entry.at, entry=entry.to_dict()))
    head.seq, head.hash = int(entry.seq or head.seq + 1), entry.hash
    sess.flush()
    return entry


class DbLogSink:
    """A :class:`skillmix.fairness.log.LogSink` over the ``decision_log`` table."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def append(self, entry: Mapping[str, Any]) -> None:
        with self.store.session(write=True) as sess:
            head = _locked_head(sess)
            sess.add(DecisionLogRow(id=str(entry["id"]), at=str(entry["at"]), entry=dict(entry)))
            if entry.get("hash"):
                head.hash = str(entry["hash"])
                head.seq = int(entry.get("seq") or head.seq + 1)

    def append_chained(self, seal: Callable[[str, int], "LogEntry"]) -> "LogEntry":
        with self.store.session(write=True) as sess:
            return append_entry(sess, seal)

    def read(self) -> Iterator[Mapping[str, Any]]:
        with self.store.session() as sess:
            rows = sess.scalars(select(DecisionLogRow.entry).order_by(DecisionLogRow.seq)).all()
        yield from rows

    def replace(self, entries: Iterable[Mapping[str, Any]]) -> None:
        self.rewrite(lambda _old: entries)

    def rewrite(self, keep: Callable[[list[Mapping[str, Any]]], Iterable[Mapping[str, Any]]]) -> None:
        """Replace the entries with ``keep(current entries)`` in one transaction that holds
        the head lock (an append waits for it). The head stays: a purge continues the
        chain after the newest entry."""
        with self.store.session(write=True) as sess:
            _locked_head(sess)
            current = list(sess.scalars(select(DecisionLogRow.entry).order_by(DecisionLogRow.seq)))
            kept = list(keep(current))
            sess.execute(delete(DecisionLogRow))
            for e in kept:
                sess.add(DecisionLogRow(id=str(e["id"]), at=str(e["at"]), entry=dict(e)))


def store_anchor(store: Store) -> "LogAnchor":
    """The anchor of a store's decision log: head and key files beside the files folder
    (``<files>.decisions.head``, ``.key``), outside the database an editor of the log
    would change (``$SKILLMIX_LOG_SECRET`` replaces the key file)."""
    from ..fairness.log_anchor import LogAnchor

    root = store.files.root
    return LogAnchor.beside(root.with_name(root.name + ".decisions"))


def _log_key(store: Store, candidate_id: str) -> str:
    with store.session() as sess:
        row = sess.get(CandidateRow, candidate_id)
        if row is None:
            raise S101(f"no candidate {candidate_id!r}.")
        return row.log_key


def alias_of(log_key: str, candidate_id: str) -> str:
    """The candidate's id in the decision log: ``cp_`` + HMAC-SHA256(log_key, id)[:20]."""
    mac = hmac.new(bytes.fromhex(log_key), candidate_id.encode(), hashlib.sha256).hexdigest()
    return "cp_" + mac[:20]


def keyed_bytes(log_key: str, text: str) -> bytes:
    """What the log hashes for a candidate's document: their key, then the text."""
    return bytes.fromhex(log_key) + text.encode("utf-8", "surrogatepass")


def pseudonym(store: Store, candidate_id: str) -> str:
    """:func:`alias_of` with the candidate's key read from the store (``[S101]`` if none)."""
    return alias_of(_log_key(store, candidate_id), candidate_id)


def keyed_input(store: Store, candidate_id: str, text: str) -> bytes:
    """:func:`keyed_bytes` with the candidate's key read from the store."""
    return keyed_bytes(_log_key(store, candidate_id), text)


def find_run(sess: Session, run_id: str) -> Mapping[str, Any] | None:
    """The run entry with id ``run_id`` (by its indexed id, not by reading the log)."""
    entry = sess.scalars(select(DecisionLogRow.entry).where(DecisionLogRow.id == run_id)).first()
    return entry if isinstance(entry, Mapping) and entry.get("kind") == "run" else None


def run_included(sess: Session, run_id: str, run: Mapping[str, Any], candidate_id: str,
                 alias: str) -> bool:
    """Whether the run ``run_id`` (its entry ``run``) scored or ranked the candidate
    (pseudonym ``alias``).

    Their pseudonym is among the entry's outputs (a scoring run's candidate, a ranking's
    ranked ones), or they were in the pool of the stored ranking the run made: a ranking's
    entry lists only its ``top`` results, and a reviewer may advance one ranked below them.
    The entry decides first because it outlives the stored ranking (erasing any member
    drops that)."""
    outputs = run.get("outputs")
    for item in outputs if isinstance(outputs, list) else [outputs]:
        if isinstance(item, Mapping) and item.get("candidate") == alias:
            return True
    if run.get("run_kind") != "ranking":
        return False
    member = select(RankingMemberRow.ranking_id).join(
        RankingRow, RankingRow.id == RankingMemberRow.ranking_id).where(
        RankingMemberRow.candidate_id == candidate_id,
        RankingRow.data["decision"].as_string() == run_id).limit(1)
    return sess.scalar(member) is not None
