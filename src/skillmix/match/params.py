"""The scoring formula's parameters: one typed, frozen object, recorded with every ranking.

The score of candidate *c* for job *j* is a weighted sum of four components, each in
[0, 1] (see ``docs/match.md`` for the derivation and examples)::

    score = w_skill * skill + w_area * area + w_years * years + w_text * text

* ``d_j[s]``: the job's **demand** for skill *s*: ``required_weight`` / ``preferred_weight``
  / ``mentioned_weight`` by the strongest requirement level of its counting mentions,
  times the skill's **rarity** ``idf[s] = ln((1 + N) / (1 + df[s])) + 1`` learned by
  :meth:`Matcher.fit` from a corpus of N documents;
* ``e_c[s]``: the candidate's **evidence** of *s*: ``professional_credit`` for a counting
  mention inside a dated role or with a professional-use cue, ``listed_credit`` for one
  only in a skills list or summary, 0 for consumer-only familiarity or a negated mention;
  times ``stale_factor`` when the skill was last used more than ``stale_after_years`` ago;
* ``e'_c[s] = max(e_c[s], neighbour_credit * max over taxonomy neighbours t of e_c[t])``:
  partial credit for a related skill (broader, narrower or related in the taxonomy) of
  the same field (``Taxonomy.same_field``);
* ``skill = conf_j * sum_s d_j[s] e'_c[s] / sum_s d_j[s]`` with ``conf_j = D_j / (D_j +
  demand_prior)`` and ``D_j = sum_s d_j[s]``: a posting that names one or two skills
  cannot be fully met on skills alone (it says too little), so its skill and area
  components are shrunk and text and years weigh relatively more;
* ``area = conf_j * sum_a w_a cov_a / sum_a w_a`` with ``cov_a`` the same ratio restricted to the
  skills of area *a*, over the areas where the job has demand; ``w_a`` comes from the role
  profile (``skillmix.assess``) when one is given, else every such area weighs the same,
  so a candidate strong in one area and absent from another is marked down (the mix);
* ``years = sum over skills with years asked of d_j[s] min(1, y_c[s] / y_j[s]) / sum of
  those d_j[s]`` (1 when the job asks for no years), with ``y_c[s]`` the years of dated
  roles that used the skill, or the years claimed, whichever is larger;
* ``text``: BM25 relevance of the document texts (bm25s, ``bm25_k1``, ``bm25_b``),
  divided by the best BM25 score in the pool so it lies in [0, 1].

A penalty, ``+ w_level * (level - 1)``, can mark down a far seniority mismatch: ``level``
is 1 when the posting's level and the candidate's are within one step of each other or
either is unknown, 0.5 two steps apart and 0 from three (:mod:`.level`; for candidates of a
posting only those below its level count). ``w_level`` is 0 by default: no labelled data
here supports a weight (docs/match.md); the mismatch is named in every explanation.

A fifth, optional component, ``+ w_occupation * occupation``, is the share of the
candidate's months of work in the posting's O*NET-SOC occupation (months elsewhere in its
major group count ``occupation_major_credit``; :mod:`.occupation`). ``w_occupation`` is 0
by default: on the ranking evaluation it has not earned a weight (``bench/rank_quality.py
--occupation``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from ..errors.config_codes import C400, C401, C402, C403

__all__ = ["COMPONENTS", "MatchParams"]

#: the score's components, in the order they are reported
COMPONENTS = ("skill", "area", "years", "text", "level")


@dataclass(frozen=True, slots=True)
class MatchParams:
    """Every number the score depends on (see the module docs for the formula)."""

    w_skill: float = 0.45
    w_area: float = 0.20
    w_years: float = 0.10
    w_text: float = 0.25
    #: the most a far seniority mismatch costs: 0 (leave-one-job-out on the ranking
    #: evaluation chooses 0 for every job; ``bench/rank_quality.py --level``; docs/match.md)
    w_level: float = 0.0
    #: off by default (see the module docs); documents need ``occupations`` filled
    w_occupation: float = 0.0
    occupation_major_credit: float = 0.5
    required_weight: float = 1.0
    preferred_weight: float = 0.5
    mentioned_weight: float = 0.25
    professional_credit: float = 1.0
    listed_credit: float = 0.6
    neighbour_credit: float = 0.5
    demand_prior: float = 3.0
    stale_after_years: float = 10.0
    stale_factor: float = 0.8
    bm25_k1: float = 1.5
    bm25_b: float = 0.75
    #: the date recency and "current" roles are measured against (None: today)
    as_of: date | None = None
    #: how many counterfactuals each result gets at most
    counterfactuals: int = 3

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if isinstance(v, float) and not (v >= 0.0):
                raise C401(
                    f"match parameter {f.name} must be a number >= 0, not {v!r}.",
                    hint="Check the --weights option or the parameters you passed.",
                )
        if self.w_skill + self.w_area + self.w_years + self.w_text + self.w_occupation <= 0:
            raise C402("at least one of the score weights must be above 0.")
        for name in ("listed_credit", "neighbour_credit", "stale_factor", "professional_credit",
                     "occupation_major_credit"):
            if getattr(self, name) > 1.0:
                raise C403(f"match parameter {name} must lie in [0, 1].")

    @property
    def weights(self) -> dict[str, float]:
        return {"skill": self.w_skill, "area": self.w_area, "years": self.w_years,
                "text": self.w_text}

    def level_weight(self, level: str) -> float:
        """Demand weight of a posting's requirement level."""
        return {"required": self.required_weight, "preferred": self.preferred_weight,
                "mentioned": self.mentioned_weight}.get(level, 0.0)

    def evidence_credit(self, level: str) -> float:
        """Evidence credit of a résumé's evidence level."""
        return {"professional": self.professional_credit,
                "listed": self.listed_credit}.get(level, 0.0)

    def today(self) -> date:
        return self.as_of or date.today()

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        out["as_of"] = self.today().isoformat()
        return out

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "MatchParams":
        """Parameters from loose input (a JSON object, ``--weights skill=0.5,...``)."""
        names = {f.name: f for f in dataclasses.fields(cls)}
        alias = {"skill": "w_skill", "area": "w_area", "years": "w_years", "text": "w_text",
                 "occupation": "w_occupation", "level": "w_level"}
        values: dict[str, Any] = {}
        for key, raw in data.items():
            name = alias.get(key, key)
            if name not in names:
                raise C400(
                    f"unknown match parameter {key!r}.",
                    hint=f"Known: {', '.join(sorted(names))}.",
                )
            try:
                if name == "as_of":
                    values[name] = None if raw in (None, "") else (
                        raw if isinstance(raw, date) else date.fromisoformat(str(raw)))
                elif name == "counterfactuals":
                    values[name] = int(raw)
                else:
                    values[name] = float(raw)
            except (TypeError, ValueError):
                raise C401(
                    f"match parameter {key!r} needs a number (or an ISO date for "
                    f"as_of), not {raw!r}.",
                ) from None
        return cls(**values)

    @classmethod
    def parse_weights(cls, spec: str, base: "MatchParams | None" = None) -> "MatchParams":
        """``"skill=0.5,text=0.3"`` on top of ``base`` (or the defaults)."""
        pairs: dict[str, Any] = {}
        for part in (p.strip() for p in spec.split(",")):
            if not part:
                continue
            key, sep, val = part.partition("=")
            if not sep:
                raise C400(f"expected NAME=VALUE in {spec!r}, got {part!r}.",
                           hint="Example: --weights skill=0.5,area=0.2,years=0.1,text=0.2")
            pairs[key.strip()] = val.strip()
        current = (base or cls()).to_dict()
        if base is None or base.as_of is None:
            current["as_of"] = None
        current.update(pairs)
        return cls.from_mapping(current)
