"""A role profile derived from a job posting, so candidates can be assessed against it.

The posting's extraction says which skills it asks for and how strongly: mentions in a
requirement sentence or section are **required**, "nice to have" ones and any other
counting mention are **preferred** (a posting naming a skill wants it); negated mentions
("no agency experience needed") and incidental ones ("follow us on Instagram") do not
count, and transversal skills (office tools, soft skills) are kept only when required.
An example list ("tools such as Hootsuite, Buffer, etc.") becomes one group of
alternatives: its first skill is listed, and evidence of any member satisfies it.
Areas get weights from the evidence they hold (required 1, preferred
``PostingProfileParams.preferred_mass`` per skill), years come from the posting's own "N+
years" phrases, the technologist/communicator target from the tech share of its skills.
Every number of the derivation is a field of :class:`PostingProfileParams`; the profile
records the ones that are not already visible in it (its ``sources``). The result goes
through the same validation as a profile file, so it can be saved
(``RoleProfile.to_dict``) and edited like one.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from ..errors.profile_codes import P110
from ..records import Document, Extraction, Posting
from ..taxonomy import load_taxonomy
from .compiled import transversal_skills
from .profile import RoleProfile, parse_profile

__all__ = ["PostingProfileParams", "profile_from_posting", "years_asked"]

_RANK = {"required": 2, "preferred": 1, "mentioned": 0}

#: the red flags a derived profile applies, by severity (parameters: the rules' defaults)
_FLAGS = {"consumer_familiarity": "high", "missing_required": "medium",
          "years_below_minimum": "medium", "imbalance": "low", "listed_only": "low"}


@dataclass(frozen=True, slots=True)
class PostingProfileParams:
    """The numbers that turn a posting into a profile.

    ``preferred_mass``: what a preferred skill adds to its area's weight (a required one
    adds 1); ``target_share`` and ``min_target``: an area's breadth target is
    ``max(min_target, target_share * weight)``, so a candidate need not show every skill
    the posting names; ``breadth``, ``balance_tolerance`` and ``balance_weight`` become the
    profile's own (see :class:`~skillmix.assess.profile.RoleProfile`).
    """

    preferred_mass: float = 0.7
    target_share: float = 0.7
    min_target: float = 1.0
    breadth: float = 0.6
    balance_tolerance: float = 0.2
    balance_weight: float = 0.25

    def describe(self) -> str:
        """One line for the derived profile's ``sources``."""
        return "derived with " + ", ".join(f"{k}={v:g}" for k, v in asdict(self).items())


def years_asked(doc: Document | None) -> list[float]:
    """Years of experience a posting's requirements ask for without naming a skill of the
    taxonomy ("1-2 years of social media experience", "5+ years of experience"): read from
    the requirement and preferred sections' sentences that speak of experience."""
    if doc is None or not doc.sections:
        return []
    from ..extract.context import years_in
    from ..extract.engine import POSTING_MAX_YEARS

    out: list[float] = []
    for sec in doc.sections:
        if sec.kind not in ("requirements", "preferred") or sec.boilerplate:
            continue
        for line in doc.text[sec.start:sec.end].split("\n"):
            low = line.lower()
            if "experience" not in low or _COMPANY_VOICE.search(low):
                continue  # "Our agency brings over 25 years of experience" asks nothing
            out.extend(y for at, y in years_in(line)
                       if "experience" in low[at:at + 80] and y <= POSTING_MAX_YEARS)
    return out


#: the company speaking of itself in a requirements list
_COMPANY_VOICE = re.compile(r"\b(?:we|we're|we've|our|us)\b")


def profile_from_posting(
    extraction: Extraction,
    posting: Posting | Document | None = None,
    *,
    taxonomy: str = "builtin",
    breadth: float | None = None,
    params: PostingProfileParams | None = None,
) -> RoleProfile:
    """A :class:`RoleProfile` for the job a posting describes (see the module docs).

    ``posting`` (the :class:`Posting` or its :class:`Document`) supplies the title and id;
    ``params`` the numbers of the derivation (``breadth``, when given, replaces its own).

    Raises [P110] when the posting names no skill of ``taxonomy`` that counts.
    """
    p = params or PostingProfileParams()
    if breadth is not None:
        p = PostingProfileParams(**{**asdict(p), "breadth": breadth})
    tax = load_taxonomy(taxonomy)
    generic = transversal_skills()
    best: dict[str, str] = {}
    years: dict[str, float] = {}
    for m in extraction.mentions:
        if not m.counts or m.skill_id not in tax or tax.skills[m.skill_id].area is None:
            continue
        if _RANK[m.requirement] > _RANK.get(best.get(m.skill_id, ""), -1):
            best[m.skill_id] = m.requirement
        if m.years is not None:
            years[m.skill_id] = max(years.get(m.skill_id, 0.0), m.years)
    best = {s: r for s, r in best.items() if r == "required" or s not in generic}
    alternatives = extraction.alternative_groups(best)
    for group in alternatives:
        for other in group[1:]:
            best.pop(other, None)  # any member satisfies the first one, which is listed
    doc = posting.document if isinstance(posting, Posting) else posting
    source = doc.source if doc is not None else extraction.source
    if not best:
        raise P110(
            f"the posting names no skill of taxonomy '{tax.name}' that counts.",
            source=source,
            hint="Check the posting's text (`skillmix extract POSTING`), or assess with "
                 "--profile NAME instead.",
        )
    by_area: dict[str, dict[str, list[str]]] = {}
    for sid, req in best.items():
        area = tax.skills[sid].area or ""
        slot = by_area.setdefault(area, {"required": [], "preferred": []})
        slot["required" if req == "required" else "preferred"].append(sid)
    areas: list[dict[str, Any]] = []
    tech = comm = 0.0
    for aid in tax.areas:
        slot = by_area.get(aid)
        if not slot:
            continue
        mass = len(slot["required"]) + p.preferred_mass * len(slot["preferred"])
        side = tax.areas[aid].side
        if side == "tech":
            tech += mass
        elif side == "comm":
            comm += mass
        area_years = max((years.get(s, 0.0) for s in slot["required"] + slot["preferred"]),
                         default=0.0)
        areas.append({
            "id": aid, "weight": round(mass, 3), "min_years": area_years,
            "target": round(max(p.min_target, p.target_share * mass), 3),
            "required": slot["required"], "preferred": slot["preferred"],
        })
    title = posting.title if isinstance(posting, Posting) else None
    title = title or (doc.title if doc is not None else None)
    pid = f"job:{posting.id if posting is not None else extraction.document_id}"
    raw = {
        "schema": 1, "id": pid, "version": extraction.document_id,
        "label": title or f"Job {extraction.document_id}",
        "description": f"Derived from the posting {source}.", "taxonomy": taxonomy,
        "sources": [p.describe()],
        "min_years": max([*years.values(), *years_asked(doc)], default=0.0),
        "breadth": p.breadth,
        "balance": {"target": round(tech / (tech + comm), 3) if tech + comm else 0.5,
                    "tolerance": p.balance_tolerance, "weight": p.balance_weight},
        "areas": areas,
        "skills": {s: {"min_years": y} for s, y in years.items() if s in best},
        "red_flags": [{"rule": r, "severity": s} for r, s in _FLAGS.items()],
        "alternatives": [list(g) for g in alternatives],
    }
    return parse_profile(raw, source=f"posting:{source}")
