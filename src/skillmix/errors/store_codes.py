"""Error codes of persistence (``S``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import NotFoundError, StoreError, ErrorCode

__all__ = [
    "S001", "S002", "S003", "S020", "S021", "S022", "S023", "S101", "S102", "S103", "S104",
    "S105", "S110", "S120", "S121", "S122", "S130", "S140", "S141", "S142", "S201",
]

S001 = ErrorCode("S001", StoreError, "The database cannot be migrated.",
                 "Check the database URL and that the server is up.")
S002 = ErrorCode("S002", StoreError, "A database operation failed.",
                 "Retry; if it persists, check the database server.")
S003 = ErrorCode("S003", StoreError, "The database cannot be compacted.")
S020 = ErrorCode("S020", StoreError, "A stored file path leaves the files folder.")
S021 = ErrorCode("S021", StoreError, "A stored file cannot be written.",
                 "Check the files folder exists and is writable.")
S022 = ErrorCode("S022", NotFoundError, "A stored file is missing.")
S023 = ErrorCode("S023", StoreError, "A stored file cannot be published after its row was saved.",
                 "The row is saved; restart the server to finish it.")
S101 = ErrorCode("S101", NotFoundError, "No candidate with this id.")
S102 = ErrorCode("S102", NotFoundError, "No posting with this id.")
S103 = ErrorCode("S103", NotFoundError, "No document with this id.")
S104 = ErrorCode("S104", NotFoundError, "A document has no extraction yet.")
S105 = ErrorCode("S105", NotFoundError, "A document has no stored file.")
S110 = ErrorCode("S110", NotFoundError, "No stored profile with this id.")
S120 = ErrorCode("S120", NotFoundError, "No scorecard with this id.")
S121 = ErrorCode("S121", NotFoundError, "No ranking with this id.")
S122 = ErrorCode("S122", NotFoundError, "A stored result holds no scorecard.")
S130 = ErrorCode("S130", NotFoundError, "No job with this id.")
S140 = ErrorCode("S140", NotFoundError, "A candidate has no résumé.",
                 "Upload one with POST /v1/documents (kind=resume).")
S141 = ErrorCode("S141", NotFoundError, "A posting has no document.")
S142 = ErrorCode("S142", NotFoundError, "There are no candidates with a résumé to rank.",
                 "Upload résumés first.")
S201 = ErrorCode("S201", StoreError, "The decision log cannot be appended to.",
                 "Check the path and permissions.")
