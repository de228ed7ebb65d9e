"""The fit formula, computed for one candidate or many at once.

For a profile with areas k (normalised weights w_k, targets t_k, minimum years m_k,
breadth setting b) and a candidate's evidence (see :mod:`.evidence`):

1. **Skill evidence** e_s = ``credit.professional`` when a counting mention of skill s
   sits in a dated role or carries a professional cue, ``credit.listed`` when it only
   appears in a list or summary, 0 for consumer-only familiarity, negated or absent
   skills. A per-skill minimum m_s scales it by max(``credit.short_years``, min(1,
   years_s / m_s)).
   A required or preferred skill with no evidence takes ``credit.transferable`` times
   the best evidence among its taxonomy neighbours of the same field, and full credit from any member of
   its group of alternatives (a posting's "Hootsuite, Buffer or similar").
2. **Breadth** B_k = min(1, sum_s I_sk * e_s / t_k), where the importance I_sk is
   ``credit.required`` / ``credit.preferred`` for skills the area lists,
   ``credit.other`` for other taxonomy skills of the area, and ``credit.transversal``
   (default 0) for the office tools and soft skills of ``data/transversal.yaml``, which
   also stay out of the balance.
3. **Depth** D_k = min(1, Y_k / max(m_k, 1)) * R_k, where Y_k is the years covered by
   the dated roles that hold direct evidence of a skill the area names (required or
   preferred) or of a taxonomy neighbour of one of the same field (any area skill when
   it names none),
   overlaps counted once, and
   R_k the recency factor of the latest such role: 1 up to ``recency.full_months`` since
   it ended, falling linearly to ``recency.floor`` at ``recency.zero_months``.
4. **Coverage** C_k = b * B_k + (1 - b) * D_k.
5. **Balance**: T and M sum e_s over tech-side and comm-side skills; the tech share
   T / (T + M) may stray from the profile's target by its tolerance for free; beyond
   that the fit is multiplied by 1 - weight * min(1, excess / (max(target, 1 - target)
   - tolerance)). Below :data:`MIN_BALANCE_EVIDENCE` (T + M) there is not enough evidence
   to weigh a mix: the factor is 1 and the scorecard leans ``none``.
6. **Focus** (profiles with a ``focus``): F sums e_s over the focus skills (the skills the
   role is about: social media work for the built-in profiles); the fit is multiplied by
   ``floor + (1 - floor) * min(1, F / target)``, 1 without a focus.
7. **Fit** = 100 * balance factor * focus factor * sum_k w_k * C_k, split into points:
   each area's breadth share over its skills in proportion to I_sk * e_s, its depth share
   over its roles in proportion to their months; every point carries the spans that
   earned it.

Red flags and gaps do not change the fit: they are reported beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from ..batch import BatchReport, OnError, check_on_error
from ..errors import SkillmixError
from ..errors.profile_codes import P130
from ..records import Document, Extraction, Posting, Resume, Scorecard
from .compiled import CompiledProfile, compile_profile
from .evidence import CandidateEvidence, months_between, summarise
from .profile import DEFAULT_PROFILE, RoleProfile, load_profile

__all__ = [
    "FORMULA",
    "MIN_BALANCE_EVIDENCE",
    "ScoreTable",
    "assess",
    "assess_many",
    "assess_stream",
    "candidate_evidence",
    "score_many",
]

#: the least technology + communication evidence (T + M, in skill credits: one skill shown
#: professionally earns about 1) on which a balance is weighed. Why: below it the tech
#: share is one or two skills deciding a label: a chef's résumé whose only evidence was
#: training (1) and customer service (1) came out "0% technical, leans communicator", was
#: flagged for it and had its fit cut by a third. Three credits is the least evidence in
#: which a lean means a pattern (two skills on one side and one on the other still read as
#: a mix); with less, the scorecard leans ``none`` ("not enough evidence"), no imbalance
#: flag fires, and the balance costs nothing.
MIN_BALANCE_EVIDENCE = 3.0

FORMULA = (
    "fit = 100 * balance_factor * focus_factor * sum_k w_k * (b * breadth_k + (1 - b) * depth_k); "
    "breadth_k = min(1, sum_s importance_sk * evidence_s / target_k); "
    "depth_k = min(1, years_k / max(min_years_k, 1)) * recency_k; "
    f"balance_factor = 1 if tech + comm evidence < {MIN_BALANCE_EVIDENCE:g}, else 1 - balance_weight * min(1, max(0, |tech_share - target| - tolerance)"
    " / (max(target, 1 - target) - tolerance)); "
    "focus_factor = floor + (1 - floor) * min(1, sum_s in focus evidence_s / focus_target)"
)

Item = CandidateEvidence | Extraction | Document | Resume | str | Path


@dataclass(frozen=True, eq=False)
class ScoreTable:
    """The numbers behind many scorecards (rows: candidates, columns: profile areas).

    ``transfer_from[i]`` maps a required/preferred skill column credited through a
    neighbour to that neighbour's column; ``area_roles[i][k]`` lists the roles that give
    area k its years; ``relevant_years`` is the union of roles with any relevant evidence.
    """

    compiled: CompiledProfile
    evidence: tuple[CandidateEvidence, ...]
    direct: np.ndarray
    effective: np.ndarray
    breadth: np.ndarray
    depth: np.ndarray
    coverage: np.ndarray
    years: np.ndarray
    recency: np.ndarray
    tech: np.ndarray
    comm: np.ndarray
    factor: np.ndarray
    fit: np.ndarray
    #: per candidate: the focus evidence F and the factor it gives (1 without a focus)
    focus_evidence: np.ndarray
    focus_factor: np.ndarray
    relevant_years: np.ndarray
    transfer_from: tuple[dict[int, int], ...]
    area_roles: tuple[tuple[tuple[int, ...], ...], ...]

    @property
    def formula(self) -> str:
        """The formula this table computed (recorded in every scorecard)."""
        return FORMULA

    @property
    def areas(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.compiled.profile.areas)

    def __len__(self) -> int:
        return len(self.evidence)


def recency_factor(months: float | None, profile: RoleProfile) -> float:
    """1 up to ``recency_full_months``, then linear down to ``recency_floor`` at
    ``recency_zero_months`` (1 when unknown: no penalty without a date)."""
    if months is None:
        return 1.0
    full, zero, floor = profile.recency_full_months, profile.recency_zero_months, profile.recency_floor
    if months <= full:
        return 1.0
    if months >= zero or zero <= full:
        return floor
    return 1.0 - (1.0 - floor) * (months - full) / (zero - full)


def score_many(evidence: Sequence[CandidateEvidence], profile: RoleProfile | str) -> ScoreTable:
    """Score many summarised candidates at once (see the module docs for the formula)."""
    prof = load_profile(profile)
    cp = compile_profile(prof)
    n, s_n, k_n = len(evidence), len(cp.ids), cp.n_areas
    credit = prof.credit
    direct = np.zeros((n, s_n), dtype=np.float64)
    index, min_years = cp.index, cp.min_years
    for i, ev in enumerate(evidence):
        row = direct[i]
        for sid, se in ev.skills.items():
            col = index.get(sid)
            if col is None or not se.mentions:
                continue
            val = credit.professional if se.level == "professional" else credit.listed
            need = min_years[col]
            if need > 0:
                val *= max(credit.short_years, min(1.0, se.years / need))
            row[col] = val
    effective = direct.copy()
    transfer_from: list[dict[int, int]] = [{} for _ in range(n)]
    if credit.transferable > 0 and n:
        for col, near in cp.transfer:
            sub = direct[:, near]
            best = sub.argmax(axis=1)
            val = credit.transferable * sub[np.arange(n), best]
            take = (direct[:, col] == 0) & (val > 0)
            if take.any():
                effective[take, col] = val[take]
                for i in np.flatnonzero(take):
                    transfer_from[i][col] = near[best[i]]
    for col, members in cp.alternatives:
        # "Hootsuite, Buffer or similar": evidence of any member satisfies the listed one
        sub = direct[:, members]
        best = sub.argmax(axis=1)
        val = sub[np.arange(n), best]
        take = val > effective[:, col]
        if take.any():
            effective[take, col] = val[take]
            for i in np.flatnonzero(take):
                transfer_from[i][col] = members[best[i]]
    raw = effective @ cp.importance
    breadth = np.minimum(1.0, raw / cp.targets)

    years = np.zeros((n, k_n))
    recency = np.ones((n, k_n))
    relevant_years = np.zeros(n)
    area_roles: list[tuple[tuple[int, ...], ...]] = []
    named = cp.named
    for i, ev in enumerate(evidence):
        per_area: list[set[int]] = [set() for _ in range(k_n)]
        any_roles: set[int] = set()
        for sid, se in ev.skills.items():
            if not se.roles or not se.mentions:
                continue
            col = index.get(sid)
            if col is None:
                continue
            for k in np.flatnonzero(named[col]):
                per_area[k].update(se.roles)
            any_roles.update(se.roles)
        dated = {r.index for r in ev.roles if r.start is not None and r.months > 0}
        rows = []
        for k in range(k_n):
            roles = per_area[k] & dated
            rows.append(tuple(sorted(roles)))
            if roles:
                years[i, k] = ev.years_in(roles)
                last = max((d for r in roles if (d := ev.roles[r].last_day(ev.today)) is not None),
                           default=None)
                recency[i, k] = recency_factor(
                    months_between(last, ev.today) if last else None, prof
                )
        area_roles.append(tuple(rows))
        relevant_years[i] = ev.years_in(any_roles & dated) if any_roles else 0.0
    depth = np.minimum(1.0, years / np.maximum(cp.area_min_years, 1.0)) * recency
    depth[years == 0] = 0.0
    b = prof.breadth
    coverage = b * breadth + (1.0 - b) * depth

    tech = direct[:, cp.side > 0].sum(axis=1)
    comm = direct[:, cp.side < 0].sum(axis=1)
    total = tech + comm
    share = np.divide(tech, total, out=np.full(n, prof.balance_target), where=total > 0)
    excess = np.maximum(0.0, np.abs(share - prof.balance_target) - prof.balance_tolerance)
    excess[total < MIN_BALANCE_EVIDENCE] = 0.0  # too little evidence to weigh a mix
    room = max(prof.balance_target, 1.0 - prof.balance_target) - prof.balance_tolerance
    if room > 0:
        factor = 1.0 - prof.balance_weight * np.minimum(1.0, excess / room)
    else:  # tolerance covers every mix: balance never costs anything
        factor = np.ones(n)
    focus = prof.focus
    if focus is not None and cp.focus is not None:
        focus_evidence = direct[:, cp.focus].sum(axis=1)
        focus_factor = focus.floor + (1.0 - focus.floor) * np.minimum(1.0, focus_evidence / focus.target)
    else:
        focus_evidence, focus_factor = np.zeros(n), np.ones(n)
    fit = 100.0 * factor * focus_factor * (coverage @ cp.weights)
    return ScoreTable(
        compiled=cp, evidence=tuple(evidence), direct=direct, effective=effective,
        breadth=breadth, depth=depth, coverage=coverage, years=years, recency=recency,
        tech=tech, comm=comm, factor=factor, fit=fit, focus_evidence=focus_evidence,
        focus_factor=focus_factor, relevant_years=relevant_years,
        transfer_from=tuple(transfer_from), area_roles=tuple(area_roles),
    )


# --------------------------------------------------------------------------- entry points


def candidate_evidence(
    item: Item | tuple[Extraction, Document],
    *,
    document: Document | None = None,
    taxonomy: str = "builtin",
    today: date | None = None,
) -> CandidateEvidence:
    """Summarised evidence from whatever the caller has: evidence (returned as is), an
    extraction (with its ``document`` for roles), an ``(extraction, document)`` pair, a
    document, a résumé, a path (read as a résumé; a one-line string naming an existing
    file is taken as a path) or résumé text."""
    if isinstance(item, CandidateEvidence):
        return item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Extraction):
        return summarise(item[0], item[1], today=today)
    if isinstance(item, Extraction):
        return summarise(item, document, today=today)
    from ..extract import as_document, get_extractor

    if isinstance(item, str) and _is_path(item):
        item = Path(item)
    if isinstance(item, Path):
        from ..io import read_document

        doc = read_document(item, kind="resume")
    elif isinstance(item, Posting):
        raise P130(
            "cannot assess a job posting as a candidate.", source=item.document.source,
            hint="Pass a résumé; use profile_from_posting() to turn a posting into a profile.",
        )
    else:
        doc = as_document(item, "resume")
    ext = get_extractor(taxonomy).extract(doc)
    return summarise(ext, doc, today=today)


def assess(
    item: Item | tuple[Extraction, Document],
    profile: RoleProfile | str | Path = DEFAULT_PROFILE,
    *,
    document: Document | None = None,
    today: date | None = None,
) -> Scorecard:
    """Assess one candidate against a role profile and explain the result.

    ``item`` is anything :func:`candidate_evidence` accepts; ``profile`` a built-in name,
    a YAML path or a :class:`RoleProfile`; ``today`` fixes the date years and recency are
    counted to (default: the current date).
    """
    from .cards import build_scorecard

    prof = load_profile(profile)
    ev = candidate_evidence(item, document=document, taxonomy=prof.taxonomy, today=today)
    table = score_many([ev], prof)
    return build_scorecard(table, 0)


def assess_many(
    items: Iterable[Item | tuple[Extraction, Document]],
    profile: RoleProfile | str | Path = DEFAULT_PROFILE,
    *,
    today: date | None = None,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    detail: bool = True,
) -> list[Scorecard]:
    """Assess many candidates against one profile, scoring them as one matrix.

    Inputs that fail (unreadable files...) follow the batch policy and are counted in
    ``report``. ``detail=False`` leaves out the per-skill depth and the skill and area
    gaps, for speed (fit, areas, balance, red flags and evidence-linked points are always
    there).
    """
    from .cards import build_scorecard

    check_on_error(on_error)
    prof = load_profile(profile)
    rep = report if report is not None else BatchReport()
    evs: list[CandidateEvidence] = []
    for item in items:
        try:
            evs.append(candidate_evidence(item, taxonomy=prof.taxonomy, today=today))
        except SkillmixError as err:
            if on_error == "raise":
                raise
            rep.record(_name(item), err, on_error)
            continue
    table = score_many(evs, prof)
    cards = [build_scorecard(table, i, detail=detail) for i in range(len(evs))]
    rep.done += len(cards)
    return cards


def assess_stream(
    items: Iterable[Item | tuple[Extraction, Document]],
    profile: RoleProfile | str | Path = DEFAULT_PROFILE,
    *,
    batch_size: int = 256,
    today: date | None = None,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
    detail: bool = True,
) -> Iterator[Scorecard]:
    """:func:`assess_many` over a stream, ``batch_size`` candidates at a time, yielding
    scorecards as each batch is scored: memory stays flat in the number of candidates.
    A candidate's score depends on its own evidence and the profile only (no row of the
    score matrix reads another), so the cards are the ones ``assess_many`` makes."""
    prof = load_profile(profile)
    rep = report if report is not None else BatchReport()
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from assess_many(batch, prof, today=today, on_error=on_error, report=rep,
                                   detail=detail)
            batch = []
    if batch:
        yield from assess_many(batch, prof, today=today, on_error=on_error, report=rep,
                               detail=detail)


def _is_path(text: str) -> bool:
    if "\n" in text or len(text) > 1024:
        return False
    try:
        return Path(text).expanduser().is_file()
    except OSError:
        return False


def _name(item: Any) -> str:
    if isinstance(item, (str, Path)) and len(str(item)) < 300:
        return str(item)
    if isinstance(item, tuple) and item and isinstance(item[0], Extraction):
        return item[0].source
    for attr in ("source",):
        if hasattr(item, attr):
            return str(getattr(item, attr))
    return type(item).__name__
