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
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from sqlalchemy import delete, select

from ..errors import NotFoundError
from .core import Store
from .models import CandidateRow, DecisionLogRow

if TYPE_CHECKING:
    from ..fairness.log import DecisionLog
    from ..fairness.log_anchor import LogAnchor
    from .workspace import Workspace

__all__ = ["DbLogSink", "decision_log", "keyed_input", "pseudonym", "store_anchor"]

_LOCK = threading.Lock()


class DbLogSink:
    """A :class:`skillmix.fairness.log.LogSink` over the ``decision_log`` table."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def append(self, entry: Mapping[str, Any]) -> None:
        with self.store.session() as sess:
            sess.add(DecisionLogRow(id=str(entry["id"]), at=str(entry["at"]), entry=dict(entry)))

    def read(self) -> Iterator[Mapping[str, Any]]:
        with self.store.session() as sess:
            rows = sess.scalars(select(DecisionLogRow.entry).order_by(DecisionLogRow.seq)).all()
        yield from rows

    def replace(self, entries: Iterable[Mapping[str, Any]]) -> None:
        with self.store.session() as sess:
            sess.execute(delete(DecisionLogRow))
            for e in entries:
                sess.add(DecisionLogRow(id=str(e["id"]), at=str(e["at"]), entry=dict(e)))


def decision_log(ws: "Workspace") -> "DecisionLog":
    """The workspace's decision log (one per workspace, so its chain tail is shared)."""
    from ..fairness.log import DecisionLog

    with _LOCK:
        log = getattr(ws, "_decision_log", None)
        if log is None:
            log = DecisionLog(DbLogSink(ws.store), anchor=store_anchor(ws.store))
            ws._decision_log = log
        return log


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
            raise NotFoundError("S101", f"no candidate {candidate_id!r}.")
        return row.log_key


def pseudonym(store: Store, candidate_id: str) -> str:
    """The candidate's id in the decision log: ``cp_`` + HMAC-SHA256(log_key, id)[:20]."""
    key = _log_key(store, candidate_id)
    mac = hmac.new(bytes.fromhex(key), candidate_id.encode(), hashlib.sha256).hexdigest()
    return "cp_" + mac[:20]


def keyed_input(store: Store, candidate_id: str, text: str) -> bytes:
    """What the log hashes for a candidate's document: their key, then the text."""
    return bytes.fromhex(_log_key(store, candidate_id)) + text.encode("utf-8", "surrogatepass")
