"""skillmix: skills-first hiring of social media tech talent.

The public API, re-exported from the stage packages. Heavy parts load on first use, so
``import skillmix`` stays cheap::

    import skillmix
    doc = skillmix.read_document("resume.pdf", kind="resume")
    extraction = skillmix.extract_skills(doc)

``skillmix.extract`` is always the extraction subpackage; its one-call function is
``skillmix.extract_skills`` (``skillmix.extract.extract``).
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import (
    ConfigError,
    DocumentError,
    ExtractionError,
    FairnessError,
    MarketError,
    MatchError,
    MissingExtraError,
    NotFoundError,
    PermissionDeniedError,
    ProfileError,
    SkillmixError,
    StoreError,
    TaxonomyError,
)
from .records import (
    Area,
    Document,
    Evidence,
    Extraction,
    Match,
    Posting,
    Ranking,
    Resume,
    Role,
    Scorecard,
    Section,
    Skill,
    SkillMention,
)

__version__ = "0.1.0"

#: lazily imported public names -> module that defines them ("module:attribute" when the
#: public name differs from the module's)
_LAZY = {
    "DecisionLog": "skillmix.fairness",
    "Extractor": "skillmix.extract",
    "MatchParams": "skillmix.match",
    "Matcher": "skillmix.match",
    "Taxonomy": "skillmix.taxonomy",
    "assess_many": "skillmix.assess",
    "audit_scores": "skillmix.fairness",
    "audit_selection": "skillmix.fairness",
    "extract_skills": "skillmix.extract:extract",
    "get_extractor": "skillmix.extract",
    "load_profile": "skillmix.assess",
    "load_taxonomies": "skillmix.taxonomy",
    "load_taxonomy": "skillmix.taxonomy",
    "profile_from_posting": "skillmix.assess",
    "rank_candidates": "skillmix.match",
    "rank_jobs": "skillmix.match",
    "read_corpus": "skillmix.io",
    "read_document": "skillmix.io",
    "read_documents": "skillmix.io",
    "redact": "skillmix.fairness",
    "summarise": "skillmix.assess",
}

__all__ = [
    "Area",
    "ConfigError",
    "DecisionLog",
    "Document",
    "DocumentError",
    "Evidence",
    "Extraction",
    "ExtractionError",
    "Extractor",
    "FairnessError",
    "MarketError",
    "Match",
    "MatchError",
    "MatchParams",
    "Matcher",
    "MissingExtraError",
    "NotFoundError",
    "PermissionDeniedError",
    "Posting",
    "ProfileError",
    "Ranking",
    "Resume",
    "Role",
    "Scorecard",
    "Section",
    "Skill",
    "SkillMention",
    "SkillmixError",
    "StoreError",
    "Taxonomy",
    "TaxonomyError",
    "assess_many",
    "audit_scores",
    "audit_selection",
    "extract_skills",
    "get_extractor",
    "load_profile",
    "load_taxonomies",
    "load_taxonomy",
    "profile_from_posting",
    "rank_candidates",
    "rank_jobs",
    "read_corpus",
    "read_document",
    "read_documents",
    "redact",
    "summarise",
]


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'skillmix' has no attribute {name!r}")
    module, _, attr = target.partition(":")
    value = getattr(importlib.import_module(module), attr or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
