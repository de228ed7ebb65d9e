"""Page-ready views of stored scorecards and rankings (ordering, rounding, name look-ups),
so templates only print. The results are read as records
(:attr:`~skillmix.store.StoredResult.scorecard`, ``.ranking``), not probed with ``.get``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from ..errors import NotFoundError, SkillmixError
from ..errors.store_codes import S122
from ..records import Match, Ranking, Scorecard
from ..store import Store, StoredResult, repo

__all__ = ["RankingRow", "area_evidence", "candidate_labels", "ranking_rows", "scorecard_view"]


def area_evidence(card: Scorecard) -> dict[str, list[dict[str, Any]]]:
    """Each area's evidence, in the order of its points, each sentence once: two skills
    credited by one sentence show it once (a QA trial saw it listed twice)."""
    by_area: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[str, str, str]] = set()
    for p in card.points:
        for e in p.evidence[:2]:
            key = (p.area, e.sentence or e.surface, e.note)
            if key not in seen:
                seen.add(key)
                by_area.setdefault(p.area, []).append(e.to_dict())
    return by_area


def candidate_labels(store: Store, candidates: list[Any]) -> dict[str, str]:
    """Candidate id -> how pages name them out of blind mode: their name, or their newest
    résumé's file name when no name was given (the id only when they have no résumé), as
    rankings and scorecards do (:func:`~skillmix.fairness.candidate_label`); the home list
    and the candidate page showed the store id instead."""
    from ..fairness.labels import candidate_label

    sources = repo.resume_sources(store, [c.id for c in candidates if not c.name])
    return {c.id: candidate_label(c.id, name=c.name, source=sources.get(c.id), blind=False)
            for c in candidates}


def scorecard_view(result: StoredResult) -> dict[str, Any]:
    """The stored scorecard (read back as a :class:`~skillmix.records.Scorecard`) with
    areas sorted by points and up to six pieces of evidence per area."""
    card = result.scorecard
    data = result.data
    if card is None:
        raise S122(f"result {result.id!r} holds no scorecard.")
    by_area = area_evidence(card)
    areas = []
    for a in sorted(card.areas, key=lambda a: -a.points):
        areas.append({**a.to_dict(), "pct": round(100 * a.coverage),
                      "evidence": by_area.get(a.area, [])[:6]})
    return {"fit": card.fit, "areas": areas, "balance": card.balance.to_dict(),
            "focus": card.focus.to_dict() if card.focus is not None else None,
            "tech_pct": round(100 * card.balance.tech_share),
            "flags": [f.to_dict() for f in card.red_flags], "gaps": [g.to_dict() for g in card.gaps],
            "profile": card.profile, "formula": card.formula,
            "blind": bool(data.get("blind")), "redactions": data.get("redactions") or {},
            "label": data.get("label") or "",
            # a blind scorecard does not link to the candidate's page, which shows their name
            "candidate_href": None if data.get("blind") else f"/candidates/{result.subject}",
            "years": card.total_years, "seniority": card.seniority_label}


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
    #: a far seniority mismatch, in words (``Match.level``)
    level: str | None = None
    #: the candidate's page, or None in a blind ranking: that page is headed by their
    #: name, so a link would undo blind mode in one click
    href: str | None = None


def _labeller(ranking: Ranking) -> Callable[[str], str]:
    """Skill id -> label: the labels the ranking's explanations carry, else its taxonomy's
    (a neighbour a skill was credited through), else the id."""
    known = {s.skill_id: s.label for m in ranking.results for s in m.skills}
    try:
        from ..taxonomy import load_taxonomy

        skills = load_taxonomy(ranking.taxonomy or "builtin").skills
    except SkillmixError:
        skills = {}

    def label(sid: str) -> str:
        return known.get(sid) or (skills[sid].label if sid in skills else sid)

    return label


def _why(m: Match) -> tuple[dict[str, Any], ...]:
    """The evidence of each matched skill once (two demands met by one span show it once),
    named by the skill the job asks for: "TikTok: professional, 0.7 years of use"."""
    from ..match import distinct_evidence

    return tuple({**e.to_dict(), "label": s.label,
                  "note": e.note if s.label.lower() in e.note.lower() else f"{s.label}: {e.note}"}
                 for s, e in distinct_evidence(m.skills)[:8])


def ranking_rows(store: Store, result: StoredResult) -> list[RankingRow]:
    """One row per ranked candidate of a stored ranking (read back as a
    :class:`~skillmix.records.Ranking`), labelled as
    :func:`~skillmix.fairness.candidate_label` says: the name or file name, or a neutral
    label when the ranking was blind (and then with no link to the candidate's page)."""
    from ..fairness.labels import candidate_label, neutral_label

    data = result.data
    owners = dict(data.get("candidates") or {})
    labels = dict(data.get("labels") or {})
    blind = bool(data.get("blind"))
    ranking = result.ranking
    label_of = _labeller(ranking) if ranking is not None else str
    rows = []
    for m in ranking.results if ranking is not None else ():
        cid = owners.get(m.id)
        label = labels.get(m.id) or cid or m.id
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
            rank=m.rank, score=round(100 * float(m.score), 1), candidate_id=cid, label=label,
            components={k: round(100 * float(v), 1) for k, v in m.components.items()},
            matched=_why(m) if m.skills else tuple(e.to_dict() for e in m.matched[:8]),
            missing=tuple(label_of(s) for s in m.missing_required),
            transferable=tuple((label_of(a), label_of(b)) for a, b in m.transferable),
            counterfactuals=tuple(m.counterfactuals), level=m.level,
            href=f"/candidates/{cid}" if cid and not blind and label != "erased" else None))
    return rows
