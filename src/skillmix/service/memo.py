"""Reusing a stored result whose inputs did not change, instead of computing it again.

Why: ranking a posting's pool again, or assessing a candidate again against the same
profile, gives the same answer when the documents, the settings and the code are the same;
the cost (reading and decoding every résumé, extraction and blind version, matching, making
the explanations) is the same each time. Each result stores an ``inputs_key``: a SHA-256 of
the ids of the documents it read (documents never change once stored), the settings that
shape it (blind mode and the redactor/extractor/taxonomy versions, the profile's content,
``top``) and a fingerprint of skillmix's own code and data files. A new request whose key
equals the newest stored result's for the same posting (or candidate and target) reuses its
payload; it is still a run of its own: a new stored result (``reused_from`` names the
original, whose scorecard or ranking it shares instead of storing another copy, see
:func:`skillmix.store.repo.full_payload`), a new decision-log entry (with the original's input hashes and outputs, which
the same key guarantees) and a new audit row, in one transaction.

Erasure needs nothing more: a ranking that listed an erased candidate, and an erased
candidate's scorecards, are deleted with them, so nothing erased can be reused. Nothing is
kept in process memory. What the key does not cover: versions of third-party libraries (an
upgrade of them without one of skillmix changes no key; ``skillmix serve`` is restarted
after an upgrade anyway, but stored results are not).
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Any, Mapping

__all__ = ["code_fingerprint", "inputs_key", "rerun_fields"]

_FINGERPRINT: list[str] = []
_LOCK = threading.Lock()

#: the fields of a run entry a reused result repeats (everything but time, actor, chain)
_RUN_FIELDS = ("kind", "run_kind", "inputs", "taxonomy", "taxonomy_version", "profile",
               "profile_version", "config", "config_version", "blind", "outputs", "advisory")


def code_fingerprint() -> str:
    """SHA-256 of every file of the installed skillmix package (code and data), made once
    per process (~0.2 s): any change to the code or its data makes every key new."""
    with _LOCK:
        if not _FINGERPRINT:
            root = Path(__file__).resolve().parents[1]
            h = hashlib.sha256()
            for path in sorted(root.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                    h.update(str(path.relative_to(root)).encode())
                    h.update(path.read_bytes())
            _FINGERPRINT.append(h.hexdigest())
        return _FINGERPRINT[0]


def inputs_key(**parts: Any) -> str:
    """The key of a result made from ``parts`` (JSON-able; a profile by its
    :func:`~skillmix.service.profiles.profile_digest`) by this code."""
    blob = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{code_fingerprint()}:{blob}".encode()).hexdigest()


def rerun_fields(previous: Mapping[str, Any], actor: str) -> dict[str, Any]:
    """The run-entry fields of a reused result: the original entry's, by a new actor."""
    fields = {k: previous[k] for k in _RUN_FIELDS if k in previous}
    fields["inputs"] = tuple(fields.get("inputs") or ())
    fields["actor"] = actor
    return fields
