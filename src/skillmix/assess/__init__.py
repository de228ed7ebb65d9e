"""Assess candidates against role profiles: the article's hiring rubric as data.

``summarize`` turns a résumé's extraction into per-skill evidence (professional vs
consumer-only, years from dated roles, recency, seniority); ``load_profile`` reads a role
profile (built-in name or YAML path). Scorecards build on both.
"""

from .evidence import CandidateEvidence, RoleEvidence, SkillEvidence, seniority_of, summarize
from .profile import (
    DEFAULT_PROFILE,
    AreaSpec,
    Credit,
    RedFlagRule,
    RoleProfile,
    available_profiles,
    load_profile,
    parse_profile,
)

__all__ = [
    "DEFAULT_PROFILE",
    "AreaSpec",
    "CandidateEvidence",
    "Credit",
    "RedFlagRule",
    "RoleEvidence",
    "RoleProfile",
    "SkillEvidence",
    "available_profiles",
    "load_profile",
    "parse_profile",
    "seniority_of",
    "summarize",
]
