"""Error codes of role profiles and assessment (``P``) (see :mod:`skillmix.errors`)."""

from __future__ import annotations

from . import ProfileError, ErrorCode

__all__ = [
    "P101", "P102", "P103", "P104", "P105", "P106", "P107", "P108", "P109", "P110", "P111",
    "P120", "P130", "P190", "P191", "P192", "P193",
]

P101 = ErrorCode("P101", ProfileError, "No built-in profile has this name.")
P102 = ErrorCode("P102", ProfileError, "A profile file cannot be read.",
                 "Check the path, or use a built-in name (`skillmix assess --list-profiles`).")
P103 = ErrorCode("P103", ProfileError, "A profile file is not valid YAML.",
                 "Fix the YAML syntax.")
P104 = ErrorCode("P104", ProfileError,
                 "A profile's structure is wrong (unknown, missing, repeated or mistyped field).")
P105 = ErrorCode("P105", ProfileError, "A profile names a skill its taxonomy does not have.")
P106 = ErrorCode("P106", ProfileError,
                 "A profile's taxonomy cannot be loaded or lacks a named area.")
P107 = ErrorCode("P107", ProfileError, "A profile value is out of range.")
P108 = ErrorCode("P108", ProfileError, "A profile names an unknown red-flag rule.")
P109 = ErrorCode("P109", ProfileError,
                 "A red flag's message has placeholders the rule cannot fill.")
P110 = ErrorCode("P110", ProfileError,
                 "A posting names no skill that counts, so no profile can be derived from it.",
                 "Check the posting's text (`skillmix extract POSTING`), or assess with "
                 "--profile NAME instead.")
P111 = ErrorCode("P111", ProfileError, "A profile's alternatives group is malformed.")
P120 = ErrorCode("P120", ProfileError, "A seniority default level has no label.")
P130 = ErrorCode("P130", ProfileError, "A job posting was assessed as a candidate.",
                 "Pass a résumé; use profile_from_posting() to turn a posting into a profile.")
P190 = ErrorCode("P190", ProfileError, "No profile with this id is in the workspace.",
                 "List them with GET /v1/profiles.")
P191 = ErrorCode("P191", ProfileError,
                 "An uploaded profile is not valid YAML or is nested too deeply.")
P192 = ErrorCode("P192", ProfileError, "An uploaded profile is not a mapping.")
P193 = ErrorCode("P193", ProfileError,
                 "An uploaded profile names a taxonomy the server does not register.")
