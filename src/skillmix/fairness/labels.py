"""How a person tells candidates apart, in and out of blind mode.

Out of blind mode a candidate is their name when one was given, else their résumé's file
name. In blind mode both can unblind (file names are often ``Jane_Doe_CV.pdf``), so the
label is neutral: ``Candidate`` and four characters derived from the candidate's store id
by a hash. It is the same on every page and in every ranking for the same candidate (a
reviewer can refer to it), says nothing about the person, and is not their position in
any list (which could leak a rank across runs).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records import Document

__all__ = ["blind_document", "candidate_label", "neutral_label"]

_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L, U: easy to read aloud


def neutral_label(candidate_id: str) -> str:
    """``Candidate 7KQ3``: stable for one candidate id, revealing nothing else."""
    n = int.from_bytes(hashlib.sha256(candidate_id.encode("utf-8")).digest()[:8], "big")
    code = ""
    for _ in range(4):
        n, r = divmod(n, len(_ALPHABET))
        code += _ALPHABET[r]
    return f"Candidate {code}"


def candidate_label(candidate_id: str, *, name: str | None, source: str | None,
                    blind: bool) -> str:
    """The label to show: neutral in blind mode, else the name or the file name."""
    if blind:
        return neutral_label(candidate_id)
    if name:
        return name
    if source:
        return source.replace("\\", "/").rsplit("/", 1)[-1] or candidate_id
    return candidate_id


def blind_document(doc: "Document", *, name: str | None = None) -> "Document":
    """What blind scoring sees of a résumé read from a file (``skillmix assess/rank
    --blind``): its text masked as the service's blind mode masks it (:func:`redact`, the
    known ``name`` too), its id kept, and its ``source`` (a file name, which can be the
    person's name) replaced by the neutral label of that id. The same masked text as the
    API's blind mode, so the same scores."""
    from .redact import redact

    red = redact(doc, known_names=[name] if name else [])
    return red.document.replace(id=doc.id, source=neutral_label(doc.id))
