"""Error codes of matching and ranking (``M``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import MatchError, ErrorCode

__all__ = [
    "M001", "M002", "M003", "M004", "M005", "M006", "M007", "M008", "M010", "M011", "M020",
    "M021",
]

M001 = ErrorCode("M001", MatchError,
                 "Ranking was given something other than a Document, Posting, Resume or "
                 "MatchDocument.")
M002 = ErrorCode("M002", MatchError, "A document's kind (posting or résumé) cannot be told.",
                 "Pass kind='posting' or kind='resume'.")
M003 = ErrorCode("M003", MatchError, "A matcher was fitted on an empty corpus.",
                 "Pass at least one posting or résumé.")
M004 = ErrorCode("M004", MatchError, "A matcher was used before it was fitted.",
                 "Call fit(corpus) first, or load a saved index.")
M005 = ErrorCode("M005", MatchError, "An index was built from no document.")
M006 = ErrorCode("M006", MatchError, "An index was given postings and résumés together.",
                 "Index postings and résumés separately.")
M007 = ErrorCode("M007", MatchError, "A query and an index are of the same kind.",
                 "Rank résumés for a posting, or postings for a résumé.")
M008 = ErrorCode("M008", MatchError, "A ranking's top is below 1.")
M010 = ErrorCode("M010", MatchError, "No document with this id is in the index.")
M011 = ErrorCode("M011", MatchError, "The same document is in a ranking pool twice.",
                 "It is ranked once, under the first source that holds it.")
M020 = ErrorCode("M020", MatchError, "A folder is not a saved match index.",
                 "Build one with `skillmix rank ... --save-index DIR`.")
M021 = ErrorCode("M021", MatchError, "A saved match index has another format version.",
                 "Rebuild the index with this version.")
