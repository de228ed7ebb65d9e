"""Scorecards: the numbers of :mod:`.scoring` turned into records a person can check.

Every slice of the fit becomes a :class:`~skillmix.records.ScorePoint` that carries the
spans of the résumé behind it (a skill's mentions, or a role's heading and the area's
mentions inside it), so a hiring manager can click from any number to the words that
earned it. Red flags come from :mod:`.flags`; gaps pair what is missing with an interview
question taken from the profile or taxonomy data.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..records import (
    AreaScore,
    BalanceScore,
    Evidence,
    Gap,
    Scorecard,
    ScorePoint,
    SkillDepth,
    SkillMention,
)
from .evidence import CandidateEvidence, RoleEvidence, SkillEvidence
from .flags import red_flags
from .profile import RULES, RoleProfile

__all__ = ["build_scorecard", "question_for"]

#: spans kept per skill in points and depth (the rest are in the extraction)
MAX_SPANS = 3
#: how gaps are listed: what the role cannot do without first
_GAP_ORDER = {"required": 0, "seniority": 1, "years": 2, "area": 3, "preferred": 4}


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
        surface=m.surface, sentence=sentence, weight=round(weight, 4), note=note,
    )


def _note(ev: CandidateEvidence, se: SkillEvidence, m: SkillMention) -> str:
    role = m.role
    if role is not None and role < len(ev.roles):
        r = ev.roles[role]
        return f"{se.level}: in role '{r.title or r.employer or role}'"
    where = m.section or "text"
    return f"{se.level}: in {where}"


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
    return Evidence(
        document_id=ev.document_id, skill_id=skill_id, start=r.span_start, end=end,
        surface=surface, sentence=" ".join(surface.split()), weight=round(r.months / 12, 2),
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


def build_scorecard(table, i: int, *, detail: bool = True) -> Scorecard:
    """The scorecard of row ``i`` of a :class:`~skillmix.assess.scoring.ScoreTable`."""
    cp = table.compiled
    prof: RoleProfile = cp.profile
    tax = cp.taxonomy
    ev: CandidateEvidence = table.evidence[i]
    direct, effective = table.direct[i], table.effective[i]
    factor = float(table.factor[i])
    b = prof.breadth
    ids = cp.ids
    transfer = table.transfer_from[i]
    cols_arr = np.flatnonzero(effective)
    cols = cols_arr.tolist()
    eff = dict(zip(cols, effective[cols_arr].tolist()))  # only the non-zero entries
    contrib_all = (cp.importance[cols_arr] * effective[cols_arr][:, None]).T.tolist()
    named_all = cp.named[cols_arr].T.tolist()
    level_of = dict(zip(cols, direct[cols_arr].tolist()))
    breadth_row = table.breadth[i].tolist()
    depth_row = table.depth[i].tolist()
    spans_cache: dict[tuple[str, str], tuple[Evidence, ...]] = {}
    sentences: dict[int, str] = {}

    def spans_for(sid: str, src: str) -> tuple[Evidence, ...]:
        key = (sid, src)
        hit = spans_cache.get(key)
        if hit is None:
            if src == sid:
                hit = _skill_spans(ev, ev.skills[sid], level_of[cp.index[sid]],
                                   sentences=sentences)
            else:
                hit = _skill_spans(ev, ev.skills[src], level_of[cp.index[src]],
                                   prefix=f"transferable to {sid} from {src}; ",
                                   sentences=sentences)
            spans_cache[key] = hit
        return hit

    points: list[ScorePoint] = []
    areas: list[AreaScore] = []
    for k, spec in enumerate(prof.areas):
        share = 100.0 * float(cp.weights[k]) * factor
        row = contrib_all[k] if cols else []
        total = sum(row)
        breadth_pts = share * b * breadth_row[k]
        met: list[str] = []
        if total > 0 and breadth_pts > 0:
            for c, v in zip(cols, row):
                if v <= 0:
                    continue
                sid = ids[c]
                src = ids[transfer[c]] if c in transfer else sid
                points.append(ScorePoint(points=round(breadth_pts * v / total, 4), area=spec.id,
                                         kind="breadth", skill_id=sid, evidence=spans_for(sid, src)))
                met.append(sid)
        else:
            met = [ids[c] for c, v in zip(cols, row) if v > 0]
        roles = table.area_roles[i][k]
        depth_pts = share * (1 - b) * depth_row[k]
        months = sum(ev.roles[r].months for r in roles)
        if depth_pts > 0 and months > 0:
            area_named = {ids[c] for c, yes in zip(cols, named_all[k] if cols else []) if yes}
            for r in roles:
                role = ev.roles[r]
                in_role = [s for s in role.skills if s in area_named]
                spans = [_role_header(ev, role, in_role[0] if in_role else "")]
                for sid in in_role[:MAX_SPANS]:
                    se = ev.skills[sid]
                    m = next((m for m in se.mentions if m.role == r), None)
                    if m is not None:
                        spans.append(_mention_evidence(ev, m, level_of[cp.index[sid]],
                                                       f"used in role {r}", sentences))
                points.append(ScorePoint(points=round(depth_pts * role.months / months, 4),
                                         area=spec.id, kind="depth", role=r,
                                         evidence=tuple(spans)))
        req = [ids[c] for kk, c in cp.required_cols if kk == k]
        areas.append(AreaScore(
            area=spec.id, label=spec.label, side=spec.side, weight=round(float(cp.weights[k]), 4),
            coverage=round(float(table.coverage[i, k]), 4),
            breadth=round(breadth_row[k], 4), depth=round(depth_row[k], 4),
            years=round(float(table.years[i, k]), 2), min_years=spec.min_years,
            points=round(share * float(table.coverage[i, k]), 2), skills=tuple(met),
            required_met=tuple(s for s in req if cp.index[s] in eff),
            required_missing=tuple(s for s in req if cp.index[s] not in eff),
        ))

    tech, comm = float(table.tech[i]), float(table.comm[i])
    tot = tech + comm
    share = tech / tot if tot > 0 else prof.balance_target
    excess = abs(share - prof.balance_target) - prof.balance_tolerance
    leans = "none" if tot == 0 else ("balanced" if excess <= 0 else ("tech" if share > prof.balance_target else "comm"))
    balance = BalanceScore(
        tech=round(tech, 3), comm=round(comm, 3), tech_share=round(share, 4),
        index=round(1 - abs(tech - comm) / tot, 4) if tot > 0 else 0.0,
        target=prof.balance_target, tolerance=prof.balance_tolerance,
        factor=round(factor, 4), leans=leans,
    )

    flags, flag_gaps = red_flags(table, i, balance)
    gaps = list(flag_gaps)
    depth: list[SkillDepth] = []
    if detail:
        for k, spec in enumerate(prof.areas):
            a = areas[k]
            for sid in a.required_missing:
                gaps.append(_skill_gap(prof, tax, "required", sid, spec.id))
            if a.coverage < prof.gap_preferred_below:
                missing = [s for s in spec.preferred if cp.index[s] not in eff][:3]
                for sid in missing:
                    gaps.append(_skill_gap(prof, tax, "preferred", sid, spec.id))
            if a.coverage < prof.gap_area_below:
                gaps.append(Gap(kind="area", area=spec.id,
                                message=f"Little evidence of {spec.label.lower()} ({a.coverage:.0%} covered).",
                                question=question_for(prof, tax, None, spec.id)))
        for sid, se in ev.skills.items():
            if not se.mentions:
                continue
            depth.append(SkillDepth(
                skill_id=sid, label=se.label, area=se.area, level=se.level,
                years=round(se.years, 2), years_from_roles=round(se.years_from_roles, 2),
                years_claimed=se.years_claimed, recency_months=se.recency_months,
                last_used=se.last_used, seniority=se.seniority, roles=se.roles,
                evidence=spans_for(sid, sid) if sid in cp.index
                else _skill_spans(ev, se, 1.0 if se.professional else prof.credit.listed),
            ))
        depth.sort(key=lambda d: (-d.years, d.level != "professional", d.skill_id))
        gaps.sort(key=lambda g: _GAP_ORDER.get(g.kind, 9))  # stable: area order kept within a kind

    return Scorecard(
        document_id=ev.document_id, source=ev.source, profile=prof.id,
        profile_version=prof.version, taxonomy=tax.name, taxonomy_version=tax.version,
        fit=round(float(table.fit[i]), 2), areas=tuple(areas), balance=balance,
        depth=tuple(depth), red_flags=tuple(flags), gaps=tuple(gaps), points=tuple(points),
        total_years=round(ev.total_years, 2), seniority=ev.seniority,
        seniority_label=ev.seniority_label, today=ev.today, formula=table.formula,
        parameters=_parameters(prof),
    )


_PARAMS: dict[int, dict[str, Any]] = {}


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
                "recency": {"full_months": prof.recency_full_months,
                            "zero_months": prof.recency_zero_months, "floor": prof.recency_floor},
                "weights": {a.id: a.weight for a in prof.areas},
                "gaps": {"preferred_below": prof.gap_preferred_below,
                         "area_below": prof.gap_area_below},
                "red_flags": {f"{r.rule}.{k}": v for r in prof.red_flags
                              for k, v in {**RULES[r.rule], **r.params}.items()},
                "profile_path": prof.path,
            },
        }
        _PARAMS[id(prof)] = hit
    # a fresh copy per scorecard, so no consumer can change another card's record
    return {k: dict(v) if isinstance(v, dict) else v for k, v in hit["view"].items()}
