"""Fairness and accountability: blind screening, adverse-impact audits, a decision log.

``redact`` masks what identifies a candidate before extraction and scoring;
``audit_selection`` / ``audit_scores`` compute NYC Local Law 144 style impact ratios from a
run's results and separately held demographics; ``DecisionLog`` records every run and every
reviewer override, append-only and hash-chained. See docs/fairness.md.

Names are loaded lazily (PEP 562): importing blind mode does not import the audit or the
demographics reader, so the scoring path never loads the code that reads demographic data
(a test runs scoring with that module made unimportable). ``redact`` is the exception: it
is imported at once, because its module has the same name, and Python binds a submodule to
its package's attribute the first time it is imported, so after any ``import
skillmix.fairness.redact`` a lazily exported ``redact`` would have been the module.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .redact import redact

__all__ = [
    "AGE_GROUPS",
    "Audit",
    "AuditTable",
    "CounterfactualResult",
    "DECISIONS",
    "DecisionLog",
    "Demographic",
    "GroupRate",
    "JsonlSink",
    "KINDS",
    "LogEntry",
    "LogSink",
    "Outcome",
    "RACES",
    "REDACTOR_VERSION",
    "RedactedDocument",
    "Redaction",
    "Redactor",
    "SEXES",
    "audit_scores",
    "audit_selection",
    "blind_document",
    "candidate_label",
    "config_version",
    "counterfactual_check",
    "input_hash",
    "load_demographics",
    "load_outcomes",
    "neutral_label",
    "outcomes_from_rows",
    "redact",
    "render_html",
    "run_audits",
    "swap_gender",
    "to_csv",
    "to_json",
    "with_name",
    "write_report",
]

_WHERE = {
    "Audit": "audit", "AuditTable": "audit", "GroupRate": "audit", "Outcome": "audit",
    "audit_scores": "audit", "audit_selection": "audit", "run_audits": "audit",
    "AGE_GROUPS": "demographics", "RACES": "demographics", "SEXES": "demographics",
    "Demographic": "demographics",
    "load_demographics": "demographics",
    "DECISIONS": "log", "DecisionLog": "log", "JsonlSink": "log", "LogEntry": "log",
    "LogSink": "log", "config_version": "log", "input_hash": "log",
    "KINDS": "redact", "REDACTOR_VERSION": "redact", "RedactedDocument": "redact",
    "Redaction": "redact", "Redactor": "redact", "redact": "redact",
    "render_html": "report", "to_csv": "report", "to_json": "report", "write_report": "report",
    "load_outcomes": "results", "outcomes_from_rows": "results",
    "CounterfactualResult": "counterfactual", "counterfactual_check": "counterfactual",
    "swap_gender": "counterfactual", "with_name": "counterfactual",
    "blind_document": "labels", "candidate_label": "labels", "neutral_label": "labels",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'skillmix.fairness' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    from .audit import Audit, AuditTable, GroupRate, Outcome, audit_scores, audit_selection, run_audits
    from .counterfactual import CounterfactualResult, counterfactual_check, swap_gender, with_name
    from .demographics import AGE_GROUPS, RACES, SEXES, Demographic, load_demographics
    from .log import DECISIONS, DecisionLog, JsonlSink, LogEntry, LogSink, config_version, input_hash
    from .redact import KINDS, REDACTOR_VERSION, RedactedDocument, Redaction, Redactor, redact
    from .report import render_html, to_csv, to_json, write_report
    from .results import load_outcomes, outcomes_from_rows
