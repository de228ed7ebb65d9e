"""Error codes of skill extraction (``E``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import ExtractionError, ErrorCode

__all__ = [
    "E001", "E010", "E020", "E021", "E022", "E023", "E024", "E050", "E051", "E052",
]

E001 = ErrorCode("E001", ExtractionError,
                 "Extraction was given something other than a Document, Posting, Resume or str.")
E010 = ErrorCode("E010", ExtractionError, "The vocabulary cache cannot be written.",
                 "Set $SKILLMIX_CACHE_DIR to a writable folder, or pass use_cache=False.")
E020 = ErrorCode("E020", ExtractionError, "A data file of the extractor cannot be read.")
E021 = ErrorCode("E021", ExtractionError, "A data file of the extractor is not a mapping.")
E022 = ErrorCode("E022", ExtractionError, "A duty pattern of the extractor is malformed.")
E023 = ErrorCode("E023", ExtractionError, "The extractor's guarded_forms.yaml cannot be read.")
E024 = ErrorCode("E024", ExtractionError, "The extractor's credit_confidence.yaml is malformed.",
                 "Refit it with scripts/fit_credit_confidence.py.")
E050 = ErrorCode("E050", ExtractionError, "A skills gold file cannot be read.")
E051 = ErrorCode("E051", ExtractionError, "A line of a skills gold file is not a gold record.",
                 "Each line needs {\"doc\": ..., \"skills\": [{\"id\": ..., \"usage\": ...}]}.")
E052 = ErrorCode("E052", ExtractionError,
                 "The documents a skills gold file names are not in the folder.",
                 "DOCS must hold files named by the gold's doc ids.")
