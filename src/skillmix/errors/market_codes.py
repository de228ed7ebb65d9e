"""Error codes of market runs (``K``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import MarketError, NotFoundError, ErrorCode

__all__ = [
    "K101", "K102", "K103", "K104", "K110", "K111", "K112", "K113", "K114", "K120", "K121", "K130",
    "K131", "K132", "K140", "K150", "K190", "K191", "K192", "K193", "K194", "K195", "K199",
]

K101 = ErrorCode("K101", MarketError, "A corpus file type cannot be partitioned.")
K102 = ErrorCode("K102", MarketError, "The corpus file does not exist.",
                 "Check the path.")
K103 = ErrorCode("K103", MarketError, "No column of the corpus reads as a job description.")
K104 = ErrorCode("K104", MarketError, "The corpora hold no records.",
                 "Check that each file has rows under its header (or lines, for JSONL).")
K110 = ErrorCode("K110", MarketError, "A market run's manifest cannot be read.",
                 "Start again with --restart or a new --out.")
K111 = ErrorCode("K111", MarketError, "The run folder was written by another version.")
K112 = ErrorCode("K112", MarketError, "The corpora differ from the run being resumed.")
K113 = ErrorCode("K113", MarketError, "The options differ from the run being resumed.")
K114 = ErrorCode("K114", MarketError, "Another market run is using this folder.",
                 "Wait for it to finish, or use another --out.")
K120 = ErrorCode("K120", MarketError, "The folder holds no finished market run.",
                 "Run `skillmix market run CORPUS --out DIR` first (or resume it).")
K121 = ErrorCode("K121", MarketError, "The run folder has no committed partitions.",
                 "Run or resume `skillmix market run`.")
K130 = ErrorCode("K130", MarketError, "A market worker process died (killed or out of memory).",
                 "Run the same command again to resume.")
K131 = ErrorCode("K131", MarketError, "A corpus record could not be read (on_error='raise').",
                 "Fix the record or run with on_error='collect' or 'skip'.")
K132 = ErrorCode("K132", MarketError, "Some partitions of a market run did not commit.",
                 "Run the same command again to resume.")
K140 = ErrorCode("K140", MarketError, "The Dask scheduler cannot be reached.",
                 "Check the address (tcp://HOST:8786) and that the scheduler runs.")
K150 = ErrorCode("K150", MarketError, "A query over a market run failed.",
                 "Views: postings, mentions, duplicates, postings_all, mentions_all.")
K190 = ErrorCode("K190", NotFoundError,
                 "No market corpus with this name is configured on the server.")
K191 = ErrorCode("K191", NotFoundError, "A job is not a market run.")
K192 = ErrorCode("K192", MarketError,
                 "An API key already has the most market runs queued or running.",
                 "Wait for one to finish (GET /v1/market/runs).")
K193 = ErrorCode("K193", NotFoundError, "A market run has no HTML report.")
K194 = ErrorCode("K194", MarketError, "The server stopped before a market run finished.",
                 "Start the run again.")
K195 = ErrorCode("K195", NotFoundError, "A market run is not done yet.")
K199 = ErrorCode("K199", MarketError, "A market run failed; the job's error says why.")
