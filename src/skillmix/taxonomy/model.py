"""The in-memory taxonomy: skills by id, areas, and look-ups consumers need.

A :class:`Taxonomy` is immutable once built; loaders make one from a data file and
:meth:`Taxonomy.extend` makes a new one with a user's additions and overrides on top.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

from ..errors.taxonomy_codes import T010, T020
from ..records import Area, Skill

__all__ = ["Taxonomy"]

_WORD = re.compile(r"[a-z0-9+#]+")


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """A named, versioned set of skills grouped into areas.

    ``skills`` keeps insertion order; ``attribution`` is the licence text a user must keep
    when redistributing results built on this taxonomy.
    """

    name: str
    version: str
    skills: Mapping[str, Skill]
    areas: Mapping[str, Area] = field(default_factory=dict)
    description: str = ""
    attribution: str = ""
    source: str = ""
    #: id -> ids one step away (broader, narrower, related both ways); built once
    _links: Mapping[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        links: dict[str, set[str]] = {}
        for skill in self.skills.values():
            for other in (*skill.broader, *skill.related):
                if other != skill.id:
                    links.setdefault(skill.id, set()).add(other)
                    links.setdefault(other, set()).add(skill.id)
        object.__setattr__(self, "_links", {k: frozenset(v) for k, v in links.items()})
        for skill in self.skills.values():
            if skill.area is not None and self.areas and skill.area not in self.areas:
                raise T010(
                    f"skill {skill.id!r} names area {skill.area!r}, which the taxonomy does "
                    f"not define (areas: {', '.join(self.areas)}).",
                    source=self.source or self.name,
                    hint="Add the area under 'areas:' or fix the skill's 'area'.",
                )

    def __len__(self) -> int:
        return len(self.skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self.skills.values())

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.skills

    def get(self, skill_id: str) -> Skill:
        try:
            return self.skills[skill_id]
        except KeyError:
            raise T020(
                f"no skill {skill_id!r} in taxonomy '{self.name}' {self.version}.",
                hint="Use `skillmix taxonomy search TEXT` to find its id.",
            ) from None

    def in_area(self, area: str) -> list[Skill]:
        return [s for s in self.skills.values() if s.area == area]

    def narrower(self, skill_id: str) -> list[Skill]:
        return [s for s in self.skills.values() if skill_id in s.broader]

    def neighbours(self, skill_id: str) -> set[str]:
        """Ids one step away in the taxonomy: broader, narrower, related (both ways).
        Looked up in an index built with the taxonomy, so it is cheap to call often."""
        if skill_id not in self.skills:
            return set()
        return set(self._links.get(skill_id, ()))

    def same_field(self, a: str, b: str) -> bool:
        """Whether two skills are of one field, so that evidence of one may stand in a
        little for the other (assess's transferable credit and years, match's neighbour
        credit): the same area, or a platform beside the practice it serves (Facebook
        Ads beside social media advertising). Python's related data analysis is of
        another field: an accountant's quantitative analysis is no Python."""
        x, y = self.skills[a].area, self.skills[b].area
        return x == y or "platforms" in (x, y)

    def search(self, query: str, limit: int = 20) -> list[Skill]:
        """Skills whose label or aliases contain every word of ``query``; exact label
        matches first, then shorter labels."""
        words = _WORD.findall(query.lower())
        if not words:
            return []
        hits: list[tuple[int, int, str, Skill]] = []
        for skill in self.skills.values():
            best = None
            for form in skill.surface_forms:
                low = form.lower()
                if all(w in low for w in words):
                    score = 0 if low == query.lower().strip() else 1
                    if best is None or (score, len(low)) < best:
                        best = (score, len(low))
            if best is not None:
                hits.append((best[0], best[1], skill.label.lower(), skill))
        hits.sort(key=lambda h: h[:3])
        return [h[3] for h in hits[:limit]]

    def extend(
        self,
        skills: Iterable[Skill] = (),
        areas: Iterable[Area] = (),
        *,
        remove: Iterable[str] = (),
        version: str | None = None,
        name: str | None = None,
    ) -> "Taxonomy":
        """A new taxonomy with ``skills`` added or replacing those with the same id,
        ``remove`` ids dropped and ``areas`` added or replaced."""
        merged_areas = dict(self.areas)
        for a in areas:
            merged_areas[a.id] = a
        merged = {k: v for k, v in self.skills.items() if k not in set(remove)}
        for s in skills:
            merged[s.id] = s
        return dataclasses.replace(
            self,
            skills=merged,
            areas=merged_areas,
            version=version or self.version,
            name=name or self.name,
        )
