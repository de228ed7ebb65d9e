"""Assess candidates against role profiles: the article's hiring rubric as data.

``summarise`` turns a résumé's extraction into per-skill evidence (professional vs
consumer-only, years from dated roles, recency, seniority); ``load_profile`` reads a role
profile (built-in name or YAML path) and ``profile_from_posting`` derives one from a job
posting; ``assess`` / ``assess_many`` score candidates into explainable
:class:`~skillmix.records.Scorecard` records (``score_many`` is the numeric fast path);
``scorecard_markdown`` / ``scorecard_html`` / ``scorecard_rows`` lay them out.
"""

from .evidence import CandidateEvidence, RoleEvidence, SkillEvidence, seniority_of, summarise
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
from .posting import PostingProfileParams, profile_from_posting
from .render import scorecard_html, scorecard_markdown, scorecard_rows
from .scoring import (
    FORMULA,
    MIN_BALANCE_EVIDENCE,
    ScoreTable,
    assess,
    assess_many,
    assess_stream,
    candidate_evidence,
    score_many,
)

__all__ = [
    "AreaSpec",
    "CandidateEvidence",
    "Credit",
    "DEFAULT_PROFILE",
    "FORMULA",
    "MIN_BALANCE_EVIDENCE",
    "PostingProfileParams",
    "RedFlagRule",
    "RoleEvidence",
    "RoleProfile",
    "ScoreTable",
    "SkillEvidence",
    "assess",
    "assess_many",
    "assess_stream",
    "available_profiles",
    "candidate_evidence",
    "load_profile",
    "parse_profile",
    "profile_from_posting",
    "question_for",
    "score_many",
    "scorecard_html",
    "scorecard_markdown",
    "scorecard_rows",
    "seniority_of",
    "summarise",
]
