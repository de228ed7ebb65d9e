"""The audit of reads: who read which candidate's personal data, and when.

A read of a candidate's record, a résumé (its text, structure, extraction or file), a
scorecard, a ranking or a listing of candidates leaves one audit row, as a write does: the
key id (``actor``; a web page acts with its session's key), an action such as
``candidate.read``, the object read and, in ``detail``, the candidates it showed and the
channel (``via``). Ids only, never a name or text: the row must not become a copy of what
erasure removes.

Why each read checks its candidates in its own write transaction: an erasure that commits
between a read and its audit row would otherwise leave a row naming the erased
candidate's objects after the erasure's scrub (:mod:`.erase`) ran, breaking its promise.
Here the candidates are looked up in the transaction that writes the row (locked against
deletion, ``FOR SHARE``, on PostgreSQL; SQLite's write transaction excludes the erasure),
so either the erasure comes after and scrubs the row as it scrubs every other, or it came
first and the read is refused (one object: ``[S101]``, nothing is answered) or, for a
listing, written as the scrub would have left it (the erased ids read ``"erased"``).
Cost: one small insert per read request.
"""

from __future__ import annotations

from typing import Any, Collection

from sqlalchemy import insert

from ..errors.store_codes import S101
from .commit import live_candidates
from .core import Store
from .erase import scrub_detail
from .models import AuditRow, table_of, utcnow

__all__ = ["audit_read"]

_AUDIT = table_of(AuditRow)
_INSERT = insert(_AUDIT)


def audit_read(store: Store, actor: str, action: str, object_type: str, object_id: str, *,
               shown: Collection[str], **detail: Any) -> None:
    """Append the audit row of a read that showed the personal data of the candidates ``shown``.

    ``object_id`` names the one object read (a candidate, or one erased with them: a
    résumé, scorecard or ranking); it is empty for a listing, whose ``detail`` names the
    candidates it showed. ``detail`` holds ids and settings only. Raises ``[S101]`` when
    the object's candidate was erased since it was read (the caller answers nothing)."""
    wanted = sorted(set(shown))
    with store.connection(write=True) as conn:
        live = live_candidates(conn, wanted)
        gone = [c for c in wanted if c not in live]
        if gone and object_id:
            raise S101(f"no candidate {gone[0]!r}: erased while it was being read.")
        conn.execute(_INSERT, [{"actor": actor, "action": action, "object_type": object_type,
                                "object_id": object_id, "at": utcnow(),
                                "detail": scrub_detail(detail, gone) if gone else detail}])
