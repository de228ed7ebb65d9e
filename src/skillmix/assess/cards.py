"""Scorecards: the numbers of :mod:`.scoring` turned into records a person can check.

Every slice of the fit becomes a :class:`~skillmix.records.ScorePoint` that carries the
spans of the résumé behind it (a skill's mentions, or a role's heading and the area's
mentions inside it), so a hiring manager can click from any number to the words that
earned it. Red flags come from :mod:`.flags`; gaps pair what is missing with an interview
question taken from the profile or taxonomy data.
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np

from ..records import (
    AreaScore,
    BalanceScore,
    Evidence,
    FocusScore,
    Gap,
    Scorecard,
    ScorePoint,
    SkillDepth,
    SkillMention,
)
from .evidence import BLIND_BASIS, CandidateEvidence, RoleEvidence, SkillEvidence
from .flags import red_flags
from .profile import RULES, RoleProfile, profile_source
from .scoring import MIN_BALANCE_EVIDENCE

__all__ = ["build_scorecard", "question_for", "without_profile_path"]

#: spans kept per skill in points and depth (the rest are in the extraction)
MAX_SPANS = 3
#: how gaps are listed: what the role cannot do without first
_GAP_ORDER = {"required": 0, "focus": 1, "seniority": 2, "years": 3, "area": 4, "preferred": 5}


def _round(x: float, ndigits: int) -> float:
    """``round`` after a first rounding to nine places, so that one résumé scored alone and
    in a batch (sums taken in another order, last bits apart) print the same figures."""
    return round(round(float(x), 9), ndigits)


def _mention_evidence(ev: CandidateEvidence, m: SkillMention, weight: float, note: str,
                      sentences: dict[int, str] | None = None) -> Evidence:
    if sentences is None:
        sentence = ev.sentence(m)
    else:  # a skills line holds many mentions: normalise its text once per card
        sentence = sentences.get(m.sentence_start)
        if sentence is None:
            sentence = sentences[m.sentence_start] = ev.sentence(m)
    return Evidence(
        document_id=ev.document_id, skill_id=m.skill_id, start=m.start, end=m.end,
        surface=m.surface, sentence=sentence, weight=_round(weight, 4), note=note,
    )


def _note(ev: CandidateEvidence, se: SkillEvidence, m: SkillMention) -> str:
    # how often careful readers credit such evidence (the extractor's calibrated
    # confidence), so a reader of the card can weigh an inferred duty against a named skill
    sure = f", {m.confidence:.0%} likely credited" if m.counts and m.confidence < 1.0 else ""
    role = m.role
    if role is not None and role < len(ev.roles):
        r = ev.roles[role]
        return f"{se.level}: in role '{r.title or r.employer or role}'{sure}"
    where = m.section or "text"
    return f"{se.level}: in {where}{sure}"


def _skill_spans(ev: CandidateEvidence, se: SkillEvidence, weight: float, prefix: str = "",
                 sentences: dict[int, str] | None = None) -> tuple[Evidence, ...]:
    # mentions inside roles first (work history is the strongest evidence), then the rest
    picked = [m for m in se.mentions if m.role is not None][:MAX_SPANS]
    if len(picked) < MAX_SPANS:
        picked += [m for m in se.mentions if m.role is None][: MAX_SPANS - len(picked)]
    return tuple(_mention_evidence(ev, m, weight, prefix + _note(ev, se, m), sentences)
                 for m in picked)


def _role_header(ev: CandidateEvidence, r: RoleEvidence, skill_id: str) -> Evidence:
    end = r.header_end if r.header_end > r.span_start else r.span_end
    surface = ev.text[r.span_start:end] if ev.text else ""
    dates = f"{r.start:%Y-%m} to {'present' if r.current else (f'{r.end:%Y-%m}' if r.end else '?')}" if r.start else "undated"
    if r.current and ev.current_until is not None and r.start:
        if ev.current_basis.startswith(BLIND_BASIS):
            # blind mode: the same day as the original, not printed (a masked graduation
            # date would show through)
            dates += ", counted to the day the document was written (not shown in blind mode)"
        else:
            dates += f", counted to {ev.current_until:%Y-%m}: the {ev.current_basis}"
    return Evidence(
        document_id=ev.document_id, skill_id=skill_id, start=r.span_start, end=end,
        surface=surface, sentence=" ".join(surface.split()), weight=_round(r.months / 12, 2),
        note=f"role {r.index}: {r.title or r.employer or ''} ({dates}, {r.months} months)",
    )


_QUESTIONS: dict[tuple[int, str | None, str | None], tuple[RoleProfile, str | None]] = {}


_GAPS: dict[tuple[int, str, str, str], tuple[RoleProfile, Gap]] = {}


def _skill_gap(profile: RoleProfile, taxonomy, kind: str, skill_id: str, area: str) -> Gap:
    """The (immutable, so shared) gap for a missing required or preferred skill."""
    key = (id(profile), kind, skill_id, area)
    hit = _GAPS.get(key)
    if hit is not None and hit[0] is profile:
        return hit[1]
    if len(_GAPS) > 20000:
        _GAPS.clear()
    gap = Gap(kind=kind, skill_id=skill_id, area=area,
              message=f"No evidence of {kind} skill '{taxonomy.skills[skill_id].label}'.",
              question=question_for(profile, taxonomy, skill_id, area))
    _GAPS[key] = (profile, gap)
    return gap


def question_for(profile: RoleProfile, taxonomy, skill_id: str | None, area: str | None) -> str | None:
    """The interview question for a gap: the profile's own for the skill, else the
    taxonomy's, else the profile area's (all data, never code)."""
    key = (id(profile), skill_id, area)
    hit = _QUESTIONS.get(key)
    if hit is not None and hit[0] is profile:
        return hit[1]
    if len(_QUESTIONS) > 20000:
        _QUESTIONS.clear()
    q = _question(profile, taxonomy, skill_id, area)
    _QUESTIONS[key] = (profile, q)
    return q


def _question(profile: RoleProfile, taxonomy, skill_id: str | None, area: str | None) -> str | None:
    if skill_id:
        qs = profile.questions.get(skill_id)
        if qs:
            return qs[0]
        skill = taxonomy.skills.get(skill_id)
        if skill is not None and skill.questions:
            return skill.questions[0]
        if area is None and skill is not None:
            area = skill.area
    if area:
        spec = profile.area(area)
        if spec is not None and spec.questions:
            return spec.questions[0]
    return None


class _Row:
    """Row ``i`` of a score table, read once for its card: the skill columns with evidence,
    their credit and their share of each area, and the card's evidence spans, built once
    per skill because the area points and the depth list show the same ones."""

    __slots__ = ("table", "i", "cp", "ev", "cols", "eff", "contrib", "named", "level_of",
                 "breadth", "depth", "factor", "transfer", "_spans", "sentences")

    def __init__(self, table, i: int) -> None:
        cp = self.cp = table.compiled
        self.table, self.i = table, i
        self.ev: CandidateEvidence = table.evidence[i]
        effective = table.effective[i]
        cols_arr = np.flatnonzero(effective)
        self.cols: list[int] = cols_arr.tolist()
        self.eff = dict(zip(self.cols, effective[cols_arr].tolist()))  # only the non-zero entries
        #: per area, each column's contribution and whether the area names the skill
        self.contrib = (cp.importance[cols_arr] * effective[cols_arr][:, None]).T.tolist()
        self.named = cp.named[cols_arr].T.tolist()
        self.level_of = dict(zip(self.cols, table.direct[i][cols_arr].tolist()))
        self.breadth: list[float] = table.breadth[i].tolist()
        self.depth: list[float] = table.depth[i].tolist()
        #: what every area's share is multiplied by: the balance and the focus factors
        self.factor = float(table.factor[i]) * float(table.focus_factor[i])
        self.transfer = table.transfer_from[i]
        self._spans: dict[tuple[str, str], tuple[Evidence, ...]] = {}
        self.sentences: dict[int, str] = {}

    def spans(self, sid: str, src: str) -> tuple[Evidence, ...]:
        """The spans that earn skill ``sid``: its own, or those of ``src`` it is
        transferable from."""
        key = (sid, src)
        hit = self._spans.get(key)
        if hit is None:
            ev, index = self.ev, self.cp.index
            if src == sid:
                hit = _skill_spans(ev, ev.skills[sid], self.level_of[index[sid]],
                                   sentences=self.sentences)
            else:
                hit = _skill_spans(ev, ev.skills[src], self.level_of[index[src]],
                                   prefix=f"transferable to {sid} from {src}; ",
                                   sentences=self.sentences)
            self._spans[key] = hit
        return hit


def _breadth_points(row: _Row, k: int, share: float) -> list[ScorePoint]:
    """Area ``k``'s breadth points, shared over its skills by their contribution."""
    contrib = row.contrib[k] if row.cols else []
    total = sum(contrib)
    breadth_pts = share * row.cp.profile.breadth * row.breadth[k]
    if total <= 0 or breadth_pts <= 0:
        return []
    ids, transfer, area = row.cp.ids, row.transfer, row.cp.profile.areas[k].id
    points = []
    for c, v in zip(row.cols, contrib):
        if v <= 0:
            continue
        sid = ids[c]
        src = ids[transfer[c]] if c in transfer else sid
        points.append(ScorePoint(points=_round(breadth_pts * v / total, 4), area=area,
                                 kind="breadth", skill_id=sid, evidence=row.spans(sid, src)))
    return points


def _depth_points(row: _Row, k: int, share: float) -> list[ScorePoint]:
    """Area ``k``'s depth points, shared over the roles that show it by their months;
    each point's evidence is the role's heading and the area's skills used in it."""
    cp, ev = row.cp, row.ev
    roles = row.table.area_roles[row.i][k]
    depth_pts = share * (1 - cp.profile.breadth) * row.depth[k]
    months = sum(ev.roles[r].months for r in roles)
    if depth_pts <= 0 or months <= 0:
        return []
    ids, area = cp.ids, cp.profile.areas[k].id
    area_named = {ids[c] for c, yes in zip(row.cols, row.named[k] if row.cols else []) if yes}
    points = []
    for r in roles:
        role = ev.roles[r]
        in_role = [s for s in role.skills if s in area_named]
        spans = [_role_header(ev, role, in_role[0] if in_role else "")]
        for sid in in_role[:MAX_SPANS]:
            m = next((m for m in ev.skills[sid].mentions if m.role == r), None)
            if m is not None:
                spans.append(_mention_evidence(ev, m, row.level_of[cp.index[sid]],
                                               f"used in role {r}", row.sentences))
        points.append(ScorePoint(points=_round(depth_pts * role.months / months, 4),
                                 area=area, kind="depth", role=r, evidence=tuple(spans)))
    return points


def _area_score(row: _Row, k: int, share: float) -> AreaScore:
    cp, table, i = row.cp, row.table, row.i
    spec = cp.profile.areas[k]
    ids, eff = cp.ids, row.eff
    met = [ids[c] for c, v in zip(row.cols, row.contrib[k] if row.cols else []) if v > 0]
    req = [ids[c] for kk, c in cp.required_cols if kk == k]
    return AreaScore(
        area=spec.id, label=spec.label, side=spec.side, weight=_round(float(cp.weights[k]), 4),
        coverage=_round(float(table.coverage[i, k]), 4),
        breadth=_round(row.breadth[k], 4), depth=_round(row.depth[k], 4),
        years=_round(float(table.years[i, k]), 2), min_years=spec.min_years,
        points=_round(share * float(table.coverage[i, k]), 2), skills=tuple(met),
        required_met=tuple(s for s in req if cp.index[s] in eff),
        required_missing=tuple(s for s in req if cp.index[s] not in eff),
    )


def _balance(table, i: int) -> BalanceScore:
    """The technology/communication mix of row ``i`` against the profile's target; it
    leans ``none`` below :data:`~.scoring.MIN_BALANCE_EVIDENCE` (not enough evidence)."""
    prof: RoleProfile = table.compiled.profile
    tech, comm = float(table.tech[i]), float(table.comm[i])
    tot = tech + comm
    share = tech / tot if tot > 0 else prof.balance_target
    excess = abs(share - prof.balance_target) - prof.balance_tolerance
    if tot < MIN_BALANCE_EVIDENCE:  # too little evidence to lean either way
        leans = "none"
    else:
        leans = "balanced" if excess <= 0 else ("tech" if share > prof.balance_target else "comm")
    return BalanceScore(
        tech=_round(tech, 3), comm=_round(comm, 3), tech_share=_round(share, 4),
        index=_round(1 - abs(tech - comm) / tot, 4) if tot > 0 else 0.0,
        target=prof.balance_target, tolerance=prof.balance_tolerance,
        factor=_round(float(table.factor[i]), 4), leans=leans,
    )


def _focus(row: _Row) -> tuple[FocusScore | None, list[Gap]]:
    """The focus evidence of row ``i`` (the focus skills with the spans behind them, most
    credited first) and, when it falls short of the target, a gap naming what is missing."""
    focus = row.cp.profile.focus
    if focus is None or row.cp.focus is None:
        return None, []
    cp, table, i = row.cp, row.table, row.i
    cols = [c for c in row.cols if cp.focus[c] and row.level_of.get(c, 0.0) > 0]
    cols.sort(key=lambda c: (-row.level_of[c], cp.ids[c]))
    spans: list[Evidence] = []
    for c in cols[:MAX_SPANS]:
        spans.extend(row.spans(cp.ids[c], cp.ids[c])[:1])
    evidence = float(table.focus_evidence[i])
    score = FocusScore(label=focus.label, evidence=_round(evidence, 3), target=focus.target,
                       floor=focus.floor, factor=_round(float(table.focus_factor[i]), 4),
                       skills=tuple(cp.ids[c] for c in cols), spans=tuple(spans))
    gaps: list[Gap] = []
    if evidence < focus.target:
        have = "none" if not cols else f"{evidence:g} of the {focus.target:g} it needs"
        gaps.append(Gap(kind="focus", message=(
            f"Little evidence of {focus.label.lower()} ({have}): the fit is multiplied by "
            f"{score.factor:.2f}."),
            question=question_for(cp.profile, cp.taxonomy, focus.listed[0] if focus.listed else None, None)))
    return score, gaps


def _area_gaps(row: _Row, areas: list[AreaScore]) -> list[Gap]:
    """Per area: its missing required skills, a few missing preferred ones when it is
    thinly covered, and the area itself when it is barely covered."""
    cp = row.cp
    prof, tax = cp.profile, cp.taxonomy
    gaps: list[Gap] = []
    for spec, a in zip(prof.areas, areas):
        for sid in a.required_missing:
            gaps.append(_skill_gap(prof, tax, "required", sid, spec.id))
        if a.coverage < prof.gap_preferred_below:
            missing = [s for s in spec.preferred if cp.index[s] not in row.eff][:3]
            for sid in missing:
                gaps.append(_skill_gap(prof, tax, "preferred", sid, spec.id))
        if a.coverage < prof.gap_area_below:
            gaps.append(Gap(kind="area", area=spec.id,
                            message=f"Little evidence of {spec.label.lower()} ({a.coverage:.0%} covered).",
                            question=question_for(prof, tax, None, spec.id)))
    return gaps


def _skill_depth(row: _Row) -> list[SkillDepth]:
    """Every skill the résumé shows, longest used first, with the spans behind it."""
    ev, cp = row.ev, row.cp
    depth: list[SkillDepth] = []
    for sid, se in ev.skills.items():
        if not se.mentions:
            continue
        depth.append(SkillDepth(
            skill_id=sid, label=se.label, area=se.area, level=se.level,
            years=_round(se.years, 2), years_from_roles=_round(se.years_from_roles, 2),
            years_claimed=se.years_claimed, recency_months=se.recency_months,
            last_used=se.last_used, seniority=se.seniority, roles=se.roles,
            evidence=row.spans(sid, sid) if sid in cp.index
            else _skill_spans(ev, se, 1.0 if se.professional else cp.profile.credit.listed),
        ))
    depth.sort(key=lambda d: (-d.years, d.level != "professional", d.skill_id))
    return depth


def build_scorecard(table, i: int, *, detail: bool = True) -> Scorecard:
    """The scorecard of row ``i`` of a :class:`~skillmix.assess.scoring.ScoreTable`:
    each area's points with the spans behind them, the balance, red flags and (with
    ``detail``) the gaps and every skill's depth."""
    row = _Row(table, i)
    cp, ev = row.cp, row.ev
    prof: RoleProfile = cp.profile
    tax = cp.taxonomy
    points: list[ScorePoint] = []
    areas: list[AreaScore] = []
    for k in range(len(prof.areas)):
        share = 100.0 * float(cp.weights[k]) * row.factor
        points += _breadth_points(row, k, share)
        points += _depth_points(row, k, share)
        areas.append(_area_score(row, k, share))
    balance = _balance(table, i)
    flags, gaps = red_flags(table, i, balance)
    focus, focus_gaps = _focus(row)
    gaps += focus_gaps
    depth: list[SkillDepth] = []
    if detail:
        gaps += _area_gaps(row, areas)
        depth = _skill_depth(row)
        gaps.sort(key=lambda g: _GAP_ORDER.get(g.kind, 9))  # stable: area order kept within a kind

    return Scorecard(
        document_id=ev.document_id, source=ev.source, profile=prof.id,
        profile_version=prof.version, taxonomy=tax.name, taxonomy_version=tax.version,
        fit=_round(float(table.fit[i]), 2), areas=tuple(areas), balance=balance,
        depth=tuple(depth), red_flags=tuple(flags), gaps=tuple(gaps), points=tuple(points),
        total_years=_round(ev.total_years, 2), seniority=ev.seniority,
        seniority_label=ev.seniority_label, today=ev.today, formula=table.formula,
        parameters=_parameters(prof), focus=focus,
    )


_PARAMS: dict[int, dict[str, Any]] = {}


def without_profile_path(parameters: Mapping[str, Any]) -> Mapping[str, Any]:
    """Scorecard parameters recorded before ``profile_source`` replaced ``profile_path``
    (a server path: the install's, or a user's home), as they are recorded now; others
    as they are. For results and decision-log entries already stored: the log's chain
    covers what was written, so what is shown is mended, not what is stored."""
    if "profile_path" not in parameters:
        return parameters
    out = {k: v for k, v in parameters.items() if k != "profile_path"}
    out["profile_source"] = profile_source(str(parameters["profile_path"] or ""))
    return out


def _parameters(prof: RoleProfile) -> dict:
    hit: dict[str, Any] | None = _PARAMS.get(id(prof))
    if hit is None or hit.get("_profile") is not prof:
        hit = {
            "_profile": prof,
            "view": {
                "breadth": prof.breadth, "credit": {
                    "professional": prof.credit.professional, "listed": prof.credit.listed,
                    "required": prof.credit.required, "preferred": prof.credit.preferred,
                    "other": prof.credit.other, "transversal": prof.credit.transversal,
                    "transferable": prof.credit.transferable,
                    "short_years": prof.credit.short_years},
                "balance": {"target": prof.balance_target, "tolerance": prof.balance_tolerance,
                            "weight": prof.balance_weight},
                **({"focus": {"label": prof.focus.label, "target": prof.focus.target,
                              "floor": prof.focus.floor, "skills": list(prof.focus.listed),
                              "areas": list(prof.focus.areas)}} if prof.focus is not None else {}),
                "recency": {"full_months": prof.recency_full_months,
                            "zero_months": prof.recency_zero_months, "floor": prof.recency_floor},
                "weights": {a.id: a.weight for a in prof.areas},
                "gaps": {"preferred_below": prof.gap_preferred_below,
                         "area_below": prof.gap_area_below},
                "red_flags": {f"{r.rule}.{k}": v for r in prof.red_flags
                              for k, v in {**RULES[r.rule], **r.params}.items()},
                "profile_source": profile_source(prof.path),
            },
        }
        _PARAMS[id(prof)] = hit
    # a fresh copy per scorecard, so no consumer can change another card's record
    return {k: dict(v) if isinstance(v, dict) else v for k, v in hit["view"].items()}
