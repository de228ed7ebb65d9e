"""Audit output: JSON for machines, CSV for spreadsheets, HTML for people.

The HTML report opens with a **public summary** (what LL144 asks an employer to publish:
the date, the data source, the number of people audited and of unknown category, and every
category's rate and impact ratio) followed by the full tables with flags and p-values. It is
one self-contained file (inline CSS, no scripts), built with :func:`html.escape` only.
"""

from __future__ import annotations

import csv
import io
import json
from html import escape
from pathlib import Path
from typing import Iterable, Sequence

from .audit import Audit, GroupRate
from ..errors.fairness_codes import F160

__all__ = ["CSV_COLUMNS", "audit_rows", "render_html", "to_csv", "to_json", "write_report"]

CSV_COLUMNS = ["audit", "dimension", "category", "n", "hits", "rate", "share", "impact_ratio",
               "small", "excluded", "four_fifths", "p_value", "significant", "unknown"]

_LABEL = {"selection": ("Selection rate", "selected"),
          "scoring": ("Scoring rate", "above median")}
_DIM = {"sex": "Sex", "race": "Race/ethnicity", "intersection": "Intersectional categories"}


def audit_rows(audits: Iterable[Audit]) -> list[dict[str, object]]:
    """One flat row per category of every table (the CSV's rows)."""
    rows: list[dict[str, object]] = []
    for a in audits:
        for t in a.tables:
            for r in t.rows:
                rows.append({"audit": a.kind, "dimension": t.dimension, "category": r.category,
                             "n": r.n, "hits": r.hits, "rate": r.rate, "share": r.share,
                             "impact_ratio": r.impact_ratio, "small": r.small,
                             "excluded": r.excluded, "four_fifths": r.four_fifths,
                             "p_value": r.p_value, "significant": r.significant,
                             "unknown": t.unknown})
    return rows


def to_json(audits: Sequence[Audit]) -> str:
    return json.dumps({"audits": [a.to_dict() for a in audits]}, indent=2, ensure_ascii=False)


def to_csv(audits: Sequence[Audit]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in audit_rows(audits):
        w.writerow({k: "" if v is None else v for k, v in row.items()})
    return buf.getvalue()


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x * 100:.1f}%"


def _ratio(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _p(x: float | None) -> str:
    if x is None:
        return "ref."
    return "<0.001" if x < 0.001 else f"{x:.3f}"


def _flags(r: GroupRate) -> str:
    out = []
    if r.four_fifths:
        out.append('<span class="flag">below 4/5</span>')
    if r.significant:
        out.append('<span class="flag">significant</span>')
    if r.small:
        out.append('<span class="note">under 2% of sample</span>')
    if r.excluded:
        out.append('<span class="note">excluded from ratios</span>')
    return " ".join(out)


def _summary_table(a: Audit) -> str:
    rate_label, _ = _LABEL[a.kind]
    parts = []
    for t in a.tables:
        rows = "".join(
            f"<tr><td>{escape(r.category)}</td><td>{r.n}</td><td>{_pct(r.rate)}</td>"
            f"<td>{_ratio(r.impact_ratio)}</td></tr>" for r in t.rows)
        parts.append(
            f"<h4>{escape(_DIM.get(t.dimension, t.dimension))}</h4><table><thead><tr>"
            f"<th>Category</th><th>Applicants</th><th>{rate_label}</th><th>Impact ratio</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
            f"<p class=\"note\">Unknown category: {t.unknown} of {a.total}.</p>")
    return "".join(parts)


def _full_table(a: Audit) -> str:
    rate_label, hits_label = _LABEL[a.kind]
    parts = []
    for t in a.tables:
        rows = "".join(
            f"<tr class=\"{'bad' if r.four_fifths else ''}\"><td>{escape(r.category)}</td>"
            f"<td>{r.n}</td><td>{r.hits}</td><td>{_pct(r.rate)}</td><td>{_pct(r.share)}</td>"
            f"<td>{_ratio(r.impact_ratio)}</td><td>{_p(r.p_value)}</td><td>{_flags(r)}</td></tr>"
            for r in t.rows)
        ref = escape(t.reference) if t.reference else "none"
        parts.append(
            f"<h4>{escape(_DIM.get(t.dimension, t.dimension))} (reference: {ref})</h4>"
            f"<table><thead><tr><th>Category</th><th>n</th><th>{hits_label}</th>"
            f"<th>{rate_label}</th><th>Share of sample</th><th>Impact ratio</th>"
            f"<th>p-value</th><th>Flags</th></tr></thead><tbody>{rows}</tbody></table>"
            f"<p class=\"note\">Unknown category: {t.unknown}.</p>")
    return "".join(parts)


_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#222}table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;
padding:.25rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}
tr.bad td{background:#fde8e8}.flag{color:#a00;font-weight:600}.note{color:#666;font-size:.9em}
section{margin-bottom:2rem}"""


def render_html(audits: Sequence[Audit], *, title: str = "Bias audit",
                tool: str = "skillmix", source: str | None = None) -> str:
    """A self-contained HTML report: public summary first, then the full tables."""
    first = audits[0] if audits else None
    date = escape(first.generated_at[:10]) if first else ""
    src = escape(source or ", ".join(f"{k} sha256:{v[:12]}" for k, v in
                                     (first.sources or {}).items()) if first else "")
    summary = []
    detail = []
    for a in audits:
        what = "selection" if a.kind == "selection" else "scoring"
        med = f" Median score of the sample: {a.median:.4g}." if a.median is not None else ""
        summary.append(
            f"<h3>{escape(what.title())} results</h3><p>{a.total} applicants audited; "
            f"{a.hits} {_LABEL[a.kind][1]}.{med}</p>{_summary_table(a)}")
        params = a.parameters or {}
        flagged = a.flagged()
        flag_text = (", ".join(f"{escape(r.category)} ({r.dimension})" for r in flagged)
                     if flagged else "none")
        detail.append(
            f"<h3>{escape(what.title())}</h3><p>Test: {escape(str(params.get('test')))}, "
            f"alpha {params.get('alpha')}; four-fifths threshold {params.get('threshold')}; "
            f"small categories (under {float(params.get('small_share', 0.02)) * 100:g}% of the "
            f"sample) {'excluded from' if params.get('exclude_small') else 'kept in'} the impact "
            f"ratios. Outcomes without demographics: {a.missing_demographics}; demographics rows "
            f"without an outcome: {a.unused_demographics}.</p>"
            f"<p>Categories below four-fifths: {flag_text}.</p>{_full_table(a)}")
    return (
        f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f"<section id=\"public-summary\"><h2>Public summary</h2>"
        f"<p>Automated employment decision tool: {escape(tool)}. Date of this audit: {date}. "
        f"Source of the data: {src or 'the employer’s own historical data'}. "
        f"Rates use self-reported sex and race/ethnicity (EEO-1 categories); people whose "
        f"category is unknown are counted but left out of the rates.</p>"
        f"{''.join(summary)}</section>"
        f"<section id=\"details\"><h2>Details</h2>{''.join(detail)}"
        f"<p class=\"note\">Impact ratio: a category's rate divided by the highest category's "
        f"rate. Scoring rate: the share of a category scoring above the median score of the "
        f"whole sample. p-value: two-sided test of the category's rate against the reference "
        f"(highest-rate) category. An audit describes; it does not change any result.</p>"
        f"</section></body></html>"
    )


def write_report(audits: Sequence[Audit], path: str | Path, fmt: str | None = None,
                 **html_options: str) -> Path:
    """Write ``audits`` to ``path`` as JSON, CSV or HTML (``fmt`` or the suffix)."""

    p = Path(path)
    kind = (fmt or p.suffix.lstrip(".")).lower()
    if kind in ("htm", "html"):
        p.write_text(render_html(audits, **html_options), "utf-8")
    elif kind == "json":
        p.write_text(to_json(audits), "utf-8")
    elif kind == "csv":
        p.write_text(to_csv(audits), "utf-8")
    else:
        raise F160(f"cannot write an audit as {kind or 'a file without suffix'!r}.",
                   hint="Use a .json, .csv or .html path.")
    return p
