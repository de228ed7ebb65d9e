"""Error codes of fairness audits, redaction and the decision log
(``F``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import ConfigError, FairnessError, NotFoundError, ErrorCode, UnprocessableError

__all__ = [
    "F101", "F102", "F103", "F104", "F110", "F111", "F120", "F121", "F122", "F123", "F124",
    "F130", "F131", "F132", "F133", "F134", "F135", "F136", "F137", "F140", "F141", "F142",
    "F143", "F144", "F145", "F146", "F147", "F150", "F151", "F152", "F153", "F154", "F155",
    "F156", "F157", "F159", "F160", "F200", "F201", "F202",
]

F101 = ErrorCode("F101", ConfigError, "The audit's impact-ratio threshold is outside (0, 1].")
F102 = ErrorCode("F102", ConfigError, "The audit's small_share is outside [0, 1).")
F103 = ErrorCode("F103", ConfigError, "The audit's significance test is not 'fisher' or 'z'.")
F104 = ErrorCode("F104", ConfigError, "The audit's alpha is outside (0, 1).")
F110 = ErrorCode("F110", FairnessError, "An audit table has no such category.")
F111 = ErrorCode("F111", FairnessError, "An audit has no table for this dimension.")
F120 = ErrorCode("F120", FairnessError, "There are no outcomes to audit.",
                 "Pass a results file with at least one candidate.")
F121 = ErrorCode("F121", FairnessError, "A candidate appears twice in the results.",
                 "Audit one run at a time, one row per candidate.")
F122 = ErrorCode("F122", FairnessError, "Some outcomes have no selection decision.")
F123 = ErrorCode("F123", FairnessError, "Some outcomes have no score.",
                 "Audit a scoring or ranking run whose rows carry a score.")
F124 = ErrorCode("F124", FairnessError,
                 "The results carry neither a decision nor a score for every candidate.",
                 "Pass --top K for a ranking, or --kind with the right fields.")
F130 = ErrorCode("F130", FairnessError, "A demographics file is not valid JSON.",
                 "Pass CSV, JSON or JSONL.")
F131 = ErrorCode("F131", FairnessError, "A demographics row has no candidate id.")
F132 = ErrorCode("F132", FairnessError, "A candidate appears twice in the demographics.",
                 "Keep one row per candidate.")
F133 = ErrorCode("F133", FairnessError, "A result row has no candidate id.")
F134 = ErrorCode("F134", FairnessError, "A result's selection decision cannot be read.",
                 "Use true/false, yes/no, 1/0 or selected/rejected.")
F135 = ErrorCode("F135", FairnessError, "A result's score is not a number.")
F136 = ErrorCode("F136", FairnessError, "The results file holds no results.",
                 "Pass the output of a scoring or ranking run.")
F137 = ErrorCode("F137", FairnessError,
                 "A demographics file's age, birth-year or age-band column holds no value "
                 "that reads as one.",
                 "Give whole years (42), four-digit birth years (1984) or bands such as '40+' "
                 "and 'under 40'.")
F140 = ErrorCode("F140", ConfigError, "The decision log's retention_days is below 1.",
                 "Pass None to keep entries forever.")
F141 = ErrorCode("F141", ConfigError, "A decision log run kind is not 'scoring' or 'ranking'.")
F142 = ErrorCode("F142", FairnessError, "An override names no reviewer.",
                 "Pass reviewer=<name or id>.")
F143 = ErrorCode("F143", FairnessError, "An override gives no reason.",
                 "Say why the reviewer departs from the run's result.")
F144 = ErrorCode("F144", FairnessError, "An override's decision is unknown.")
F145 = ErrorCode("F145", FairnessError, "The decision-log secret is shorter than 16 bytes.")
F146 = ErrorCode("F146", NotFoundError,
                 "No scoring or ranking run with this id is in the decision log.",
                 "Use the 'decision' id of a scorecard or ranking.")
F147 = ErrorCode("F147", UnprocessableError,
                 "An override names a candidate the run did not score or rank.",
                 "Name a candidate of that run (its scorecard's candidate, or one in its "
                 "ranking), or use the 'decision' id of a run that included them.")
F150 = ErrorCode("F150", FairnessError, "A line of the decision log is not JSON.",
                 "The log was edited or truncated; restore it from a backup.")
F151 = ErrorCode("F151", FairnessError,
                 "A decision log entry was altered, or entries were removed or inserted.")
F152 = ErrorCode("F152", FairnessError, "A decision log entry does not fit the schema.")
F153 = ErrorCode("F153", FairnessError,
                 "A decision log entry is not signed by this server's secret.")
F154 = ErrorCode("F154", FairnessError, "The decision log ends before the entry its head records.")
F155 = ErrorCode("F155", FairnessError,
                 "The decision log's head record is missing, invalid or not signed by this server.",
                 "The head was edited or the secret changed; restore both from a backup.")
F156 = ErrorCode("F156", FairnessError,
                 "Entries at the start or middle of the decision log were removed.")
F157 = ErrorCode("F157", FairnessError, "There is no decision log at this path.",
                 "Pass the JSONL file the log was written to.")
F159 = ErrorCode("F159", FairnessError, "Checking the decision log found damage.",
                 "Restore the log (and its head) from a backup.")
F160 = ErrorCode("F160", ConfigError, "An audit cannot be written in this file format.",
                 "Use a .json, .csv or .html path.")
F200 = ErrorCode("F200", ConfigError,
                 "Redaction was given something other than a Document, Resume, Posting or str.")
F201 = ErrorCode("F201", ConfigError, "A redaction kind is unknown.")
F202 = ErrorCode("F202", ConfigError, "The redaction style is not 'mask' or 'placeholder'.")
