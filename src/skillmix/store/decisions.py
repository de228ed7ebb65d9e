"""The decision log of the server: every assessment and ranking, with its parameters and
outcome, so a reviewer can later see what the system decided and why.

Entries go to the ``decisions`` table in the same transaction style as the rest of the
store. Erasure (:func:`erase_decisions`, called by :mod:`.erase`) deletes a candidate's
own decisions and replaces their id with ``"erased"`` in the outcomes of rankings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Mapping

from sqlalchemy import String, cast, delete, select

from ..records import _Record
from .core import new_id
from .models import DecisionRow

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["Decision", "erase_decisions", "list_decisions", "record_decision"]


@dataclass(frozen=True, slots=True)
class Decision(_Record):
    id: str
    at: datetime
    kind: str
    subject: str
    target: str
    actor: str
    parameters: Mapping[str, Any] = field(default_factory=dict)
    outcome: Mapping[str, Any] = field(default_factory=dict)


def record_decision(ws: "Workspace", kind: str, *, subject: str, target: str, actor: str,
                    parameters: Mapping[str, Any], outcome: Mapping[str, Any]) -> str:
    """Append one decision; returns its id."""
    from ..records import to_jsonable

    did = new_id("dec")
    with ws.store.session() as sess:
        sess.add(DecisionRow(id=did, kind=kind, subject=subject, target=target, actor=actor,
                             parameters=to_jsonable(dict(parameters)),
                             outcome=to_jsonable(dict(outcome))))
    return did


def list_decisions(ws: "Workspace", *, subject: str | None = None, limit: int = 100) -> list[Decision]:
    with ws.store.session() as sess:
        q = select(DecisionRow).order_by(DecisionRow.at.desc()).limit(limit)
        if subject:
            q = q.where(DecisionRow.subject == subject)
        return [Decision(id=r.id, at=r.at, kind=r.kind, subject=r.subject, target=r.target,
                         actor=r.actor, parameters=r.parameters, outcome=r.outcome)
                for r in sess.scalars(q)]


def _scrub(value: Any, ids: set[str]) -> Any:
    if isinstance(value, str):
        return "erased" if value in ids else value
    if isinstance(value, list):
        return [_scrub(v, ids) for v in value]
    if isinstance(value, dict):
        return {("erased" if k in ids else k): _scrub(v, ids) for k, v in value.items()}
    return value


def erase_decisions(sess: Any, candidate_id: str, ids: list[str]) -> int:
    """Erasure hook: drop the candidate's decisions, scrub their ids from others."""
    n = sess.execute(delete(DecisionRow).where(DecisionRow.subject.in_(ids))).rowcount or 0
    idset = set(ids)
    for i in ids:
        for row in sess.scalars(select(DecisionRow).where(
                cast(DecisionRow.outcome, String).like(f"%{i}%")
                | cast(DecisionRow.parameters, String).like(f"%{i}%"))):
            row.outcome = _scrub(row.outcome, idset)
            row.parameters = _scrub(row.parameters, idset)
            n += 1
    return n
