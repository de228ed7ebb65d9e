"""Error codes of settings, options and arguments (``C``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import ConfigError, ErrorCode, UnprocessableError

__all__ = [
    "C001", "C002", "C003", "C004", "C005", "C010", "C020", "C021", "C022", "C023", "C024", "C025",
    "C026", "C027", "C040", "C041", "C050", "C060", "C061", "C062", "C063", "C070", "C071", "C072", "C073",
    "C074", "C075", "C076", "C077", "C078", "C079", "C080", "C081", "C082", "C083", "C084",
    "C101", "C102", "C110", "C120", "C121", "C122", "C130", "C131", "C132", "C140", "C141", "C142",
    "C143", "C150", "C301", "C302", "C303", "C304", "C305", "C306", "C307", "C400", "C401",
    "C402", "C403", "C410", "C411", "C412", "C413", "C414", "C420", "C421", "C422", "C423",
    "C424", "C425", "C426", "C427",
]

C001 = ErrorCode("C001", ConfigError, "A file that was named does not exist.",
                 "Check the path.")
C002 = ErrorCode("C002", ConfigError, "The files and folders given hold no readable document.",
                 "Pass files, or folders that contain readable documents.")
C003 = ErrorCode("C003", ConfigError, "The settings file cannot be read or is not TOML.")
C004 = ErrorCode("C004", ConfigError, "A settings file or override names an unknown setting.")
C005 = ErrorCode("C005", ConfigError, "The output file cannot be written.",
                 "Check the path of -o/--output: a file (not a folder) you may write.")
C010 = ErrorCode("C010", ConfigError, "on_error is not 'raise', 'skip' or 'collect'.")
C020 = ErrorCode("C020", ConfigError, "A ReadLimits value is not a positive number.")
C021 = ErrorCode("C021", ConfigError, "An unknown read limit was named.")
C022 = ErrorCode("C022", ConfigError, "limits is neither a ReadLimits nor a dict.")
C023 = ErrorCode("C023", ConfigError, "An ExtractLimits value is not a positive number.")
C024 = ErrorCode("C024", ConfigError,
                 "A corpus column mapping lacks 'description' or has unknown keys.")
C025 = ErrorCode("C025", ConfigError, "No corpus preset has this name.")
C026 = ErrorCode("C026", ConfigError, "A document kind is not 'posting', 'resume' or None.")
C027 = ErrorCode("C027", ConfigError, "The number of reading workers is not a whole number of at least 1.")
C040 = ErrorCode("C040", ConfigError, "--today is not an ISO date.")
C041 = ErrorCode("C041", ConfigError, "--profile and --job were given together.",
                 "--job derives the profile from a posting.")
C050 = ErrorCode("C050", ConfigError, "The semantic matcher's threshold is outside (0, 1].")
C060 = ErrorCode("C060", ConfigError, "The number of occupation candidates k is below 1.")
C061 = ErrorCode("C061", ConfigError, "The title normaliser's text_weight is outside [0, 1].")
C062 = ErrorCode("C062", ConfigError, "The title normaliser's ambiguity is below 0.")
C063 = ErrorCode("C063", ConfigError, "The title normaliser's level, title_level or head is outside [0, 1].")
C070 = ErrorCode("C070", ConfigError, "The market classifier's rules file cannot be read.")
C071 = ErrorCode("C071", ConfigError, "The market classifier's rules are not a mapping.")
C072 = ErrorCode("C072", ConfigError, "A market classifier rule list is not a list of strings.")
C073 = ErrorCode("C073", ConfigError,
                 "A market classifier weight, threshold or core is not a number.")
C074 = ErrorCode("C074", ConfigError, "A market label file cannot be read.")
C075 = ErrorCode("C075", ConfigError, "A line of a market label file is not a label.")
C076 = ErrorCode("C076", ConfigError,
                 "Market labels and the corpus share no (or too few) postings.")
C077 = ErrorCode("C077", ConfigError, "The market feature configuration is malformed.")
C078 = ErrorCode("C078", ConfigError,
                 "A market model file cannot be read or is not a market model.")
C079 = ErrorCode("C079", ConfigError, "The market label source is unknown.")
C080 = ErrorCode("C080", ConfigError, "The partition size is below 1.")
C081 = ErrorCode("C081", ConfigError, "A market run was started without a corpus.",
                 "Pass one or more CSV/JSONL/Parquet files.")
C082 = ErrorCode("C082", ConfigError, "The market engine is not 'local' or 'dask'.")
C083 = ErrorCode("C083", ConfigError, "Too few market workers were asked for.")
C084 = ErrorCode("C084", ConfigError, "The corpus a market label source needs is missing.")
C101 = ErrorCode("C101", ConfigError, "The database URL cannot be parsed.",
                 "Use sqlite:///path.sqlite or postgresql://user@host/db.")
C102 = ErrorCode("C102", ConfigError,
                 "An in-memory SQLite database cannot be shared by the server.",
                 "Give a file path, e.g. sqlite:///skillmix.sqlite.")
C110 = ErrorCode("C110", ConfigError, "API key scopes are unknown or empty.")
C120 = ErrorCode("C120", ConfigError, "The workspace's max_upload_bytes is not positive.")
C121 = ErrorCode("C121", ConfigError, "A workspace document kind is not 'resume' or 'posting'.")
C122 = ErrorCode("C122", ConfigError, "The workspace's max_request_bytes is not positive.")
C130 = ErrorCode("C130", ConfigError, "A ranking's top is outside 1..1000.")
C131 = ErrorCode("C131", ConfigError,
                 "A profile id has characters other than lower-case letters, digits and hyphens.",
                 "Use lower-case letters, digits and hyphens (up to 100).")
C132 = ErrorCode("C132", UnprocessableError, "A ranking was given an empty list of candidates.",
                 "Name at least one candidate, or leave candidate_ids out to rank every "
                 "candidate with a résumé.")
C140 = ErrorCode("C140", ConfigError, "The server port is outside 1-65535.")
C141 = ErrorCode("C141", ConfigError, "The server's upload limit is outside (0, 1024] MB.")
C142 = ErrorCode("C142", ConfigError, "A --corpus option is not NAME=PATH.")
C143 = ErrorCode("C143", ConfigError, "The number of server workers is outside 1-256.")
C150 = ErrorCode("C150", ConfigError, "Stored or sent data does not fit the record it should be.")
C301 = ErrorCode("C301", ConfigError, "R-precision was asked for without gold labels.")
C302 = ErrorCode("C302", ConfigError,
                 "The linker evaluation got a different number of rankings and gold sets.")
C303 = ErrorCode("C303", ConfigError, "The embedding cache cannot be written.",
                 "Set SKILLMIX_CACHE_DIR to a writable folder.")
C304 = ErrorCode("C304", ConfigError, "The linker's top_k is below 1.")
C305 = ErrorCode("C305", ConfigError, "The linker's query encoder is unknown.",
                 "Use 'static' (fast) or 'transformer' (MiniLM on every text).")
C306 = ErrorCode("C306", ConfigError, "A LinkerConfig value is out of range.")
C307 = ErrorCode("C307", ConfigError, "Seed texts for the embedding cache contain newlines.")
C400 = ErrorCode("C400", ConfigError,
                 "A match parameter is unknown or a --weights spec is malformed.")
C401 = ErrorCode("C401", ConfigError, "A match parameter is not a number of the right range.",
                 "Check the --weights option or the parameters you passed.")
C402 = ErrorCode("C402", ConfigError, "All score weights of a ranking are 0.")
C403 = ErrorCode("C403", ConfigError, "A match parameter that is a share lies outside [0, 1].")
C410 = ErrorCode("C410", ConfigError, "The ranking relevance map cannot be read.",
                 "Expected JSON: {\"JOB_ID\": {\"CATEGORY\": grade, ...}, ...}")
C411 = ErrorCode("C411", ConfigError,
                 "The ranking relevance map does not map job ids to {category: grade}.")
C412 = ErrorCode("C412", ConfigError, "A ranking method is unknown.")
C413 = ErrorCode("C413", ConfigError, "No job of the relevance map is among the jobs given.",
                 "The map's keys must be the postings' ids (e.g. LinkedIn job_id).")
C414 = ErrorCode("C414", ConfigError, "A résumé in the ranking evaluation has no category.")
C420 = ErrorCode("C420", ConfigError, "skillmix rank needs exactly one of --job and --candidate.",
                 "skillmix rank --job posting.html resumes/")
C421 = ErrorCode("C421", ConfigError, "skillmix rank was given nothing to rank.")
C422 = ErrorCode("C422", ConfigError, "--as-of is not a date.",
                 "Write it as YYYY-MM-DD, e.g. 2026-01-31.")
C423 = ErrorCode("C423", ConfigError, "None of the documents to rank could be read.")
C424 = ErrorCode("C424", ConfigError, "bm25_k1 or bm25_b was changed for a saved index.",
                 "Rebuild the index with --save-index.")
C425 = ErrorCode("C425", ConfigError,
                 "--blind was given with --index (résumés are masked before indexing).",
                 "Rank the files with --blind instead of --index.")
C426 = ErrorCode("C426", ConfigError,
                 "A saved index holds the wrong kind of document for this ranking.")
C427 = ErrorCode("C427", ConfigError,
                 "One document was asked for, and an export of many was given.",
                 "Give one posting or résumé file; an export (CSV, TSV, JSONL, Parquet) "
                 "can be the pool being ranked.")
