"""Fairness and accountability: blind screening, adverse-impact audits, a decision log.

``redact`` masks what identifies a candidate before extraction and scoring;
``audit_selection`` / ``audit_scores`` compute NYC Local Law 144 style impact ratios from a
run's results and separately held demographics; ``DecisionLog`` records every run and every
reviewer override, append-only and hash-chained. See docs/fairness.md.
"""

from __future__ import annotations

from .audit import Audit, AuditTable, GroupRate, Outcome, audit_scores, audit_selection
from .demographics import RACES, SEXES, Demographic, load_demographics
from .log import DECISIONS, DecisionLog, JsonlSink, LogEntry, LogSink, config_version, input_hash
from .redact import KINDS, REDACTOR_VERSION, RedactedDocument, Redaction, Redactor, redact
from .report import render_html, to_csv, to_json, write_report
from .results import load_outcomes, outcomes_from_rows

__all__ = [
    "DECISIONS",
    "KINDS",
    "RACES",
    "REDACTOR_VERSION",
    "SEXES",
    "Audit",
    "AuditTable",
    "DecisionLog",
    "Demographic",
    "GroupRate",
    "JsonlSink",
    "LogEntry",
    "LogSink",
    "Outcome",
    "RedactedDocument",
    "Redaction",
    "Redactor",
    "audit_scores",
    "audit_selection",
    "config_version",
    "input_hash",
    "load_demographics",
    "load_outcomes",
    "outcomes_from_rows",
    "redact",
    "render_html",
    "to_csv",
    "to_json",
    "write_report",
]
