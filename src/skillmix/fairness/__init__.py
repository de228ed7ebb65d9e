"""Fairness and accountability: blind screening, adverse-impact audits, a decision log.

``redact`` masks what identifies a candidate before extraction and scoring;
``audit_selection`` / ``audit_scores`` compute NYC Local Law 144 style impact ratios from a
run's results and separately held demographics; ``DecisionLog`` records every run and every
reviewer override, append-only.
"""

from __future__ import annotations

from .redact import KINDS, REDACTOR_VERSION, RedactedDocument, Redaction, Redactor, redact

__all__ = [
    "KINDS",
    "REDACTOR_VERSION",
    "RedactedDocument",
    "Redaction",
    "Redactor",
    "redact",
]
