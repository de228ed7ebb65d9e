"""Red-flag rules: the checks a hiring manager should not have to remember.

Each rule is code (what to check) driven by data (a profile's ``red_flags`` entries give
its severity, parameters, message template and interview question):

* ``consumer_familiarity`` — platforms known only as a consumer ("avid Instagram user")
  while fewer than ``min_professional`` platforms show professional use: the article's
  "intern" mistake;
* ``missing_required`` — required skills with no evidence (direct or transferable), when
  more than ``max_missing`` (default 0) are missing;
* ``years_below_minimum`` — relevant years, an area's years or a skill's years below
  ``ratio`` (default 0.5) times the profile's minimum;
* ``imbalance`` — the technology/communication mix strays beyond the profile's tolerance;
* ``seniority_below`` — no role at the profile's ``min_seniority``;
* ``listed_only`` — more than ``max_share`` of the relevant skills appear only in lists
  (with at least ``min_skills`` such skills).

Parameter defaults live with the rule names in :data:`skillmix.assess.profile.RULES`.
A flag that lacks a template message falls back to a plain one; templates that name an
unknown placeholder raise [P109] so a typo in a profile is found, not printed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors.profile_codes import P109
from ..records import BalanceScore, Evidence, Gap, RedFlag
from .evidence import CandidateEvidence
from .profile import RULES, RedFlagRule

__all__ = ["red_flags"]

_DEFAULTS = {
    "consumer_familiarity": "Platform familiarity without professional evidence: {platforms} known as a consumer only.",
    "missing_required": "No evidence of {count} required skill(s): {skills}.",
    "years_below_minimum": "{what}: {years:.1f} years {measured}, against a minimum of {minimum:g}.",  # + the claim, if any
    "imbalance": "Leans {side}: {share:.0%} of the skill evidence is technical (target {target:.0%}).",
    "seniority_below": "Highest role seen is {have}; the role wants {want} or above.",
    "listed_only": "{count} of {total} skills appear only in lists, with no work-history evidence.",
}

_LEVELS = {0: "intern", 1: "junior", 2: "mid", 3: "senior", 4: "manager", 5: "executive"}


def _render(rule: RedFlagRule, values: dict[str, Any]) -> str:
    template = rule.message or _DEFAULTS[rule.rule]
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError) as err:
        raise P109(
            f"red flag '{rule.rule}' message {template!r} cannot be filled ({err!r}).",
            hint=f"Use only these placeholders: {', '.join(sorted(values))}.",
        ) from None


def _spans(ev: CandidateEvidence, mentions, note: str) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(document_id=ev.document_id, skill_id=m.skill_id, start=m.start, end=m.end,
                 surface=m.surface, sentence=ev.sentence(m), weight=0.0, note=note)
        for m in mentions
    )


def _role_spans(ev: CandidateEvidence, roles) -> tuple[Evidence, ...]:
    out = []
    for r in roles:
        role = ev.roles[r]
        end = role.header_end if role.header_end > role.span_start else role.span_end
        surface = ev.text[role.span_start:end] if ev.text else ""
        out.append(Evidence(document_id=ev.document_id, skill_id="", start=role.span_start,
                            end=end, surface=surface, sentence=" ".join(surface.split()),
                            weight=round(role.months / 12, 2),
                            note=f"role {r}: {role.months} months"))
    return tuple(out)


#: what a check finds for one rule: its flags, and the gaps they imply
_Found = tuple[list[RedFlag], list[Gap]]


def _flag(rule: RedFlagRule, message: str, *, skill_ids: tuple[str, ...] = (),
          evidence: tuple[Evidence, ...] = ()) -> RedFlag:
    return RedFlag(rule=rule.rule, severity=rule.severity,  # type: ignore[arg-type]
                   message=message, skill_ids=skill_ids, evidence=evidence,
                   question=rule.question or None)


def _consumer_familiarity(table, i: int, balance: BalanceScore, rule: RedFlagRule,
                          p: dict[str, Any]) -> _Found:
    """Platforms known only as a consumer while too few show professional use."""
    cp = table.compiled
    ev: CandidateEvidence = table.evidence[i]
    consumer = [se for se in ev.skills.values()
                if se.consumer_only and se.skill_id in cp.index and cp.platform[cp.index[se.skill_id]]]
    pro = [se for se in ev.skills.values()
           if se.professional and se.skill_id in cp.index and cp.platform[cp.index[se.skill_id]]]
    if not consumer or len(pro) >= p["min_professional"]:
        return [], []
    names = ", ".join(se.label for se in consumer)
    return [_flag(
        rule, _render(rule, {"platforms": names, "count": len(consumer), "professional": len(pro)}),
        skill_ids=tuple(se.skill_id for se in consumer),
        evidence=_spans(ev, [m for se in consumer for m in se.consumer_mentions],
                        "consumer familiarity: does not count"),
    )], []


def _missing_required(table, i: int, balance: BalanceScore, rule: RedFlagRule,
                      p: dict[str, Any]) -> _Found:
    """More required skills without evidence (direct or transferable) than allowed."""
    cp = table.compiled
    effective = table.effective[i]
    missing = [cp.ids[c] for _, c in cp.required_cols if effective[c] <= 0]
    if len(missing) <= p["max_missing"]:
        return [], []
    labels = ", ".join(cp.taxonomy.skills[s].label for s in missing)
    return [_flag(rule, _render(rule, {"count": len(missing), "skills": labels,
                                       "total": len(cp.required_cols)}),
                  skill_ids=tuple(missing))], []


#: one years check: what is measured, years seen, years wanted, the roles behind them,
#: the skill or area it is about, and what counts towards the years in words (only the
#: profile's named skills count: a résumé may quote dated work with other tools)
_YearsCheck = tuple[str, float, float, tuple, str | None, str | None, str]


def _years_checks(table, i: int) -> list[_YearsCheck]:
    """Every minimum the profile sets: relevant years overall, each area's, each skill's
    (a skill credited through a neighbour is measured by the neighbour's years)."""
    cp = table.compiled
    prof = cp.profile
    ev: CandidateEvidence = table.evidence[i]
    checks: list[_YearsCheck] = []
    if prof.min_years > 0:
        relevant = {r for se in ev.skills.values() if se.mentions
                    and se.skill_id in cp.index and cp.relevant[cp.index[se.skill_id]]
                    for r in se.roles}
        checks.append(("Relevant experience", float(table.relevant_years[i]),
                       prof.min_years, tuple(sorted(relevant)), None, None,
                       "in dated roles that use the profile's skills"))
    for k, spec in enumerate(prof.areas):
        if spec.min_years > 0:
            checks.append((spec.label, float(table.years[i, k]), spec.min_years,
                           table.area_roles[i][k], None, spec.id,
                           f"in dated roles that use the profile's {spec.label.lower()} skills"))
    transfer = table.transfer_from[i]
    for sid, need in prof.skill_years.items():
        se = ev.skills.get(sid)
        col = cp.index[sid]
        if (se is None or not se.mentions) and col in transfer:
            se = ev.skills.get(cp.ids[transfer[col]])  # credited via a neighbour
        have = se.years if se is not None and se.mentions else 0.0
        label = cp.taxonomy.skills[sid].label
        checks.append((label, have, need, se.roles if se is not None else (), sid, None,
                       f"of {label} in dated roles or stated in words"))
    return checks


def _claimed(table, i: int, area: str | None) -> float:
    """The most years the résumé claims in words ("10+ years of social media marketing")
    for a relevant skill (``area`` None) or a skill of ``area``."""
    cp = table.compiled
    ev: CandidateEvidence = table.evidence[i]
    best = 0.0
    for se in ev.skills.values():
        if not se.mentions or not se.years_claimed or se.skill_id not in cp.index:
            continue
        if (se.area == area) if area is not None else cp.relevant[cp.index[se.skill_id]]:
            best = max(best, se.years_claimed)
    return best


def _years_below_minimum(table, i: int, balance: BalanceScore, rule: RedFlagRule,
                         p: dict[str, Any]) -> _Found:
    """Each of :func:`_years_checks` below ``ratio`` times its minimum: a flag and a gap."""
    ev: CandidateEvidence = table.evidence[i]
    flags: list[RedFlag] = []
    gaps: list[Gap] = []
    for what, have, need, roles, sid, area, measured in _years_checks(table, i):
        if need > 0 and have < p["ratio"] * need:
            claimed = 0.0 if sid else _claimed(table, i, area)
            msg = _render(rule, {"what": what, "years": have, "minimum": need,
                                 "claimed": claimed, "measured": measured})
            if claimed > have and "{claimed" not in (rule.message or ""):
                # "10+ years of social media marketing" with undated roles is not zero
                # years of experience: it is a claim to check, and the reader is told so
                msg = (f"{msg.rstrip().removesuffix('.')}; the résumé claims {claimed:g} "
                       "years without the dates to show them.")
            flags.append(_flag(rule, msg, skill_ids=(sid,) if sid else (),
                               evidence=_role_spans(ev, roles)))
            gaps.append(Gap(kind="years", message=msg, skill_id=sid, area=area,
                            question=rule.question or None))
    return flags, gaps


def _imbalance(table, i: int, balance: BalanceScore, rule: RedFlagRule,
               p: dict[str, Any]) -> _Found:
    """The technology/communication mix strays beyond the profile's tolerance."""
    if balance.leans not in ("tech", "comm"):
        return [], []
    side = "technologist" if balance.leans == "tech" else "communicator"
    return [_flag(rule, _render(rule, {"side": side, "share": balance.tech_share,
                                       "target": balance.target}))], []


def _seniority_below(table, i: int, balance: BalanceScore, rule: RedFlagRule,
                     p: dict[str, Any]) -> _Found:
    """No role at the profile's minimum seniority: a flag on the highest role, and a gap."""
    want = table.compiled.profile.min_seniority
    ev: CandidateEvidence = table.evidence[i]
    if want is None or (ev.seniority is not None and ev.seniority >= want):
        return [], []
    msg = _render(rule, {"have": ev.seniority_label, "want": _LEVELS.get(want, str(want))})
    top = [r.index for r in ev.roles if r.seniority == ev.seniority][:1]
    return ([_flag(rule, msg, evidence=_role_spans(ev, top))],
            [Gap(kind="seniority", message=msg, question=rule.question or None)])


def _listed_only(table, i: int, balance: BalanceScore, rule: RedFlagRule,
                 p: dict[str, Any]) -> _Found:
    """Too large a share of the relevant skills appear only in lists."""
    cp = table.compiled
    ev: CandidateEvidence = table.evidence[i]
    rel = [se for se in ev.skills.values() if se.mentions and se.skill_id in cp.index
           and cp.relevant[cp.index[se.skill_id]]]
    listed = [se for se in rel if se.level == "listed"]
    if not rel or len(listed) < p["min_skills"] or len(listed) / len(rel) <= p["max_share"]:
        return [], []
    return [_flag(rule, _render(rule, {"count": len(listed), "total": len(rel)}),
                  skill_ids=tuple(se.skill_id for se in listed))], []


#: the check behind each rule name of :data:`~skillmix.assess.profile.RULES`
_CHECKS: dict[str, Callable[[Any, int, BalanceScore, RedFlagRule, dict[str, Any]], _Found]] = {
    "consumer_familiarity": _consumer_familiarity,
    "missing_required": _missing_required,
    "years_below_minimum": _years_below_minimum,
    "imbalance": _imbalance,
    "seniority_below": _seniority_below,
    "listed_only": _listed_only,
}

_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def red_flags(table, i: int, balance: BalanceScore) -> tuple[list[RedFlag], list[Gap]]:
    """The red flags of row ``i`` of a score table (most severe first, profile order
    within a severity), and the gaps they imply."""
    flags: list[RedFlag] = []
    gaps: list[Gap] = []
    for rule in table.compiled.profile.red_flags:
        params = {**RULES[rule.rule], **rule.params}
        found, implied = _CHECKS[rule.rule](table, i, balance, rule, params)
        flags += found
        gaps += implied
    flags.sort(key=lambda f: _SEVERITY_ORDER[f.severity])
    return flags, gaps
