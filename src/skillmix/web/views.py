"""Page-ready views of stored scorecards and rankings (ordering, rounding, name look-ups),
so templates only print."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..errors import NotFoundError
from ..store import Store, repo

__all__ = ["RankingRow", "ranking_rows", "scorecard_view"]


def scorecard_view(data: Mapping[str, Any]) -> dict[str, Any]:
    """The scorecard's parts with areas sorted by points and evidence per area."""
    card = dict(data.get("scorecard") or {})
    areas = sorted(card.get("areas", []), key=lambda a: -a.get("points", 0))
    by_area: dict[str, list[dict[str, Any]]] = {}
    for p in card.get("points", []):
        for ev in p.get("evidence", [])[:2]:
            by_area.setdefault(p.get("area", ""), []).append(ev)
    for a in areas:
        a["pct"] = round(100 * float(a.get("coverage", 0)))
        a["evidence"] = by_area.get(a.get("area", ""), [])[:6]
    bal = card.get("balance") or {}
    return {"fit": card.get("fit", 0), "areas": areas, "balance": bal,
            "tech_pct": round(100 * float(bal.get("tech_share", 0) or 0)),
            "flags": card.get("red_flags", []), "gaps": card.get("gaps", []),
            "profile": card.get("profile"), "formula": card.get("formula", ""),
            "blind": bool(data.get("blind")), "redactions": data.get("redactions") or {},
            "label": data.get("label") or "",
            "years": card.get("total_years", 0), "seniority": card.get("seniority_label", "")}


@dataclass(frozen=True, slots=True)
class RankingRow:
    rank: int
    score: float
    candidate_id: str | None
    label: str
    components: Mapping[str, float] = field(default_factory=dict)
    matched: tuple[Mapping[str, Any], ...] = ()
    missing: tuple[str, ...] = ()
    transferable: tuple[tuple[str, str], ...] = ()
    counterfactuals: tuple[str, ...] = ()


def ranking_rows(store: Store, data: Mapping[str, Any]) -> list[RankingRow]:
    """One row per ranked candidate, labelled as :func:`~skillmix.fairness.candidate_label`
    says: the name or file name, or a neutral label when the ranking was blind."""
    from ..fairness.labels import candidate_label, neutral_label

    owners = dict(data.get("candidates") or {})
    labels = dict(data.get("labels") or {})
    blind = bool(data.get("blind"))
    rows = []
    for m in (data.get("ranking") or {}).get("results", []):
        cid = owners.get(m.get("id"))
        label = labels.get(m.get("id")) or cid or m.get("id", "")
        if cid and blind:
            label = neutral_label(cid)
        elif cid:
            try:
                name, stored = repo.latest_resume(store, cid)
                label = candidate_label(cid, name=name, blind=False,
                                        source=stored.document.source if stored else None)
            except NotFoundError:
                label = "erased"
        rows.append(RankingRow(
            rank=m.get("rank", 0), score=round(100 * float(m.get("score", 0)), 1),
            candidate_id=cid, label=label,
            components={k: round(100 * float(v), 1) for k, v in (m.get("components") or {}).items()},
            matched=tuple(m.get("matched", [])[:8]), missing=tuple(m.get("missing_required", [])),
            transferable=tuple(tuple(t) for t in m.get("transferable", [])),
            counterfactuals=tuple(m.get("counterfactuals", []))))
    return rows
