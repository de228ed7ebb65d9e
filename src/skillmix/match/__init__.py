"""Matching: rank candidates for a job and jobs for a candidate, with explanations.

``Matcher(params).fit(corpus)`` learns skill rarity; ``Matcher.index(docs)`` builds a
sparse index of résumés or postings; ``Matcher.rank(query, index)`` scores the whole index
(skill overlap with neighbour credit, area coverage, years, BM25 text relevance; see
:mod:`.params` for the formula) and explains the best results with evidence from both
documents and computed counterfactuals. ``save_index``/``load_index`` store an index;
``rank_candidates``/``rank_jobs`` do everything in one call.
"""

from ..errors import MissingExtraError

try:  # the match extra: scipy.sparse for the index, bm25s for text relevance
    import scipy.sparse  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    raise MissingExtraError.for_module("scipy", "match") from None

from .ranking import build, profile_area_weights, rank_candidates, rank_jobs, read_pool
from .features import MatchDocument, SkillFeature, posting_features, resume_features, to_match_document
from .index import MatchIndex, Matcher
from .params import COMPONENTS, MatchParams
from .rank import FORMULA, distinct_evidence, ordinal, scale_notes
from .saved_index import FORMAT, load_index, save_index

__all__ = [
    "COMPONENTS",
    "FORMAT",
    "FORMULA",
    "MatchDocument",
    "MatchIndex",
    "MatchParams",
    "Matcher",
    "SkillFeature",
    "build",
    "distinct_evidence",
    "load_index",
    "ordinal",
    "posting_features",
    "profile_area_weights",
    "rank_candidates",
    "rank_jobs",
    "read_pool",
    "resume_features",
    "save_index",
    "scale_notes",
    "to_match_document",
]
