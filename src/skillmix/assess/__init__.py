"""Assess candidates against role profiles: the article's hiring rubric as data.

``summarize`` turns a résumé's extraction into per-skill evidence (professional vs
consumer-only, years from dated roles, recency, seniority); ``load_profile`` reads a role
profile (built-in name or YAML path). Scorecards build on both.
"""

from .evidence import CandidateEvidence, RoleEvidence, SkillEvidence, seniority_of, summarize
from .cards import question_for
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
from .scoring import FORMULA, ScoreTable, assess, assess_many, candidate_evidence, score_many

__all__ = [
    "DEFAULT_PROFILE",
    "FORMULA",
    "AreaSpec",
    "CandidateEvidence",
    "Credit",
    "RedFlagRule",
    "RoleEvidence",
    "RoleProfile",
    "ScoreTable",
    "SkillEvidence",
    "assess",
    "assess_many",
    "available_profiles",
    "candidate_evidence",
    "load_profile",
    "parse_profile",
    "question_for",
    "score_many",
    "seniority_of",
    "summarize",
]
