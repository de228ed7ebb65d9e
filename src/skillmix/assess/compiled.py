"""A role profile compiled against its taxonomy into arrays, for fast scoring.

Scoring one candidate or a thousand is the same arithmetic: an evidence matrix
(candidates x skills) times an importance matrix (skills x areas). This module builds the
profile's side of it once (cached per profile) so :mod:`.scoring` only does matrix work
and small per-candidate loops over roles.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..yamlio import safe_load as load_yaml
from ..taxonomy import load_taxonomy
from ..taxonomy.model import Taxonomy
from .profile import RoleProfile

__all__ = ["CompiledProfile", "compile_profile", "transversal_skills"]


@dataclass(frozen=True, eq=False)
class CompiledProfile:
    """The numeric view of a profile.

    ``index`` maps skill id -> column; ``importance[s, k]`` is what evidence of skill ``s``
    is worth in profile area ``k`` (0 when it does not count there); ``side[s]`` is +1 for
    tech-side skills, -1 for comm-side, 0 for neutral; ``min_years[s]`` a per-skill
    minimum (0 for none); ``named[s, k]`` marks the skills area ``k`` names (required or
    preferred) and their taxonomy neighbours (every area skill when it names none): the
    roles that use them give the area its depth;
    ``transfer`` lists, for each required or preferred skill, the
    columns of its taxonomy neighbours; ``relevant[s]`` marks skills any area counts;
    ``focus[s]`` marks the skills of the profile's focus.
    """

    profile: RoleProfile
    taxonomy: Taxonomy
    ids: tuple[str, ...]
    index: dict[str, int]
    importance: np.ndarray
    named: np.ndarray
    side: np.ndarray
    min_years: np.ndarray
    relevant: np.ndarray
    weights: np.ndarray
    targets: np.ndarray
    area_min_years: np.ndarray
    transfer: tuple[tuple[int, tuple[int, ...]], ...]
    required_cols: tuple[tuple[int, int], ...]  # (area k, skill column)
    platform: np.ndarray
    #: per group of alternatives: the listed skill's column and its members' columns
    alternatives: tuple[tuple[int, tuple[int, ...]], ...] = ()
    #: the columns of the profile's focus skills (all False without a focus)
    focus: np.ndarray | None = None

    @property
    def n_areas(self) -> int:
        return len(self.profile.areas)


_CACHE: dict[int, CompiledProfile] = {}


@lru_cache(maxsize=1)
def transversal_skills() -> frozenset[str]:
    """Ids of transversal skills (``data/transversal.yaml``): office tools and soft skills
    nearly every résumé lists; see that file for how scoring treats them."""
    raw = load_yaml(
        (resources.files("skillmix.assess") / "data" / "transversal.yaml").read_text("utf-8")
    )
    return frozenset(str(s) for s in raw.get("skills") or [])


def compile_profile(profile: RoleProfile) -> CompiledProfile:
    """The cached numeric view of ``profile`` (profiles are immutable, so caching by
    identity is safe; the cache holds the profile, so its id is not reused)."""
    hit = _CACHE.get(id(profile))
    if hit is not None and hit.profile is profile:
        return hit
    if len(_CACHE) >= 64:
        _CACHE.pop(next(iter(_CACHE)))
    compiled = _compile(profile)
    _CACHE[id(profile)] = compiled
    return compiled


def _compile(profile: RoleProfile) -> CompiledProfile:
    tax = load_taxonomy(profile.taxonomy)
    ids = tuple(tax.skills)
    index = {sid: i for i, sid in enumerate(ids)}
    n, k_n = len(ids), len(profile.areas)
    credit = profile.credit
    importance = np.zeros((n, k_n), dtype=np.float64)
    listed: dict[str, int] = {}
    for k, area in enumerate(profile.areas):
        for sid in area.required:
            importance[index[sid], k] = credit.required
            listed[sid] = k
        for sid in area.preferred:
            importance[index[sid], k] = credit.preferred
            listed[sid] = k
    area_pos = {a.id: k for k, a in enumerate(profile.areas)}
    generic = transversal_skills()
    for sid, skill in tax.skills.items():
        if sid in listed or skill.area is None:
            continue
        k = area_pos.get(skill.area)
        if k is not None:
            importance[index[sid], k] = credit.transversal if sid in generic else credit.other
    named = np.zeros((n, k_n), dtype=bool)
    for sid, k in listed.items():
        named[index[sid], k] = True
        for near in tax.neighbours(sid):
            # a transversal neighbour (customer service next to social customer care)
            # gives no area its years unless the profile names it; nor does a neighbour
            # of another field (an accountant's data analysis is no years of Python)
            if (near in index and (near not in generic or near in listed)
                    and tax.same_field(sid, near)):
                named[index[near], k] = True
    for group in profile.alternatives:
        k = listed.get(group[0])
        if k is not None:
            for sid in group[1:]:
                # a role using any alternative gives the area its years; the alternative
                # earns its credit through the listed skill only, never twice
                named[index[sid], k] = True
                if sid not in listed:
                    importance[index[sid], :] = 0.0
    for k in range(k_n):
        if not named[:, k].any():
            named[:, k] = importance[:, k] > 0
    side = np.zeros(n, dtype=np.float64)
    platform = np.zeros(n, dtype=bool)
    for sid, skill in tax.skills.items():
        area = tax.areas.get(skill.area or "")
        if area is not None and sid not in generic:
            side[index[sid]] = 1.0 if area.side == "tech" else (-1.0 if area.side == "comm" else 0.0)
        platform[index[sid]] = skill.area == "platforms" or skill.kind == "platform"
    min_years = np.zeros(n, dtype=np.float64)
    for sid, years in profile.skill_years.items():
        min_years[index[sid]] = years
    transfer = []
    for sid in listed:
        near = tuple(sorted(index[x] for x in tax.neighbours(sid) if x in index
                            and tax.same_field(sid, x)))
        if near:
            transfer.append((index[sid], near))
    required_cols = tuple(
        (k, index[sid]) for k, area in enumerate(profile.areas) for sid in area.required
    )
    weights = np.array([a.weight for a in profile.areas], dtype=np.float64)
    focus = np.zeros(n, dtype=bool)
    if profile.focus is not None:
        focus[[index[sid] for sid in profile.focus.skills if sid in index]] = True
    return CompiledProfile(
        profile=profile, taxonomy=tax, ids=ids, index=index, importance=importance, named=named,
        side=side, min_years=min_years, relevant=importance.max(axis=1) > 0,
        weights=weights / weights.sum(),
        targets=np.array([a.target for a in profile.areas], dtype=np.float64),
        area_min_years=np.array([a.min_years for a in profile.areas], dtype=np.float64),
        transfer=tuple(transfer), required_cols=required_cols, platform=platform,
        alternatives=tuple((index[g[0]], tuple(index[x] for x in g[1:]))
                           for g in profile.alternatives),
        focus=focus,
    )
