"""Audit output: JSON for machines, CSV for spreadsheets, HTML for people.

The HTML report opens with a **public summary** (what LL144 asks an employer to publish:
the date, the data source, the number of people audited and of unknown category, and every
category's rate and impact ratio) followed by the full tables with flags and p-values. It is
one self-contained file (inline CSS, no scripts) from an autoescaping template. A table in
which no one's category is known (no age column in the demographics, say) is a sentence
saying so, not an empty table; the CSV has no rows for it, the JSON a table with no rows.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Iterable, Sequence

from .audit import Audit
from ..errors.config_codes import C005
from ..errors.fairness_codes import F160

__all__ = ["CSV_COLUMNS", "audit_rows", "render_html", "to_csv", "to_json", "write_report"]

CSV_COLUMNS = ["audit", "dimension", "category", "n", "hits", "rate", "share", "impact_ratio",
               "small", "excluded", "four_fifths", "p_value", "significant", "unknown"]

_LABEL = {"selection": ("Selection rate", "selected"),
          "scoring": ("Scoring rate", "above median")}
_DIM = {"sex": "Sex", "race": "Race/ethnicity", "intersection": "Intersectional categories",
        "age": "Age (ADEA: 40 and over)"}
#: what a table with no known category says instead of its rows
_NONE_KNOWN = {
    "sex": "No one audited has a known sex",
    "race": "No one audited has a known race/ethnicity",
    "intersection": "No one audited has both a known sex and a known race/ethnicity",
    "age": "No one audited has a known age group: the demographics give no usable age, "
           "birth year or age band",
}


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


def render_html(audits: Sequence[Audit], *, title: str = "Bias audit",
                tool: str = "skillmix", source: str | None = None) -> str:
    """A self-contained HTML report: public summary first, then the full tables
    (``templates/audit_report.html``)."""
    from ..templating import template_environment

    first = audits[0] if audits else None
    if source is None and first is not None:
        source = ", ".join(f"{k} sha256:{v[:12]}" for k, v in (first.sources or {}).items())
    env = template_environment().overlay()
    env.filters.update(rate=_pct, ratio=_ratio, pvalue=_p)
    return env.get_template("audit_report.html").render(
        audits=audits, title=title, tool=tool, source=source,
        date=first.generated_at[:10] if first else "", labels=_LABEL, dimensions=_DIM,
        none_known=_NONE_KNOWN)


def write_report(audits: Sequence[Audit], path: str | Path, fmt: str | None = None,
                 **html_options: str) -> Path:
    """Write ``audits`` to ``path`` as JSON, CSV or HTML (``fmt`` or the suffix), making
    its folder when missing; a path that cannot be written is ``[C005]``."""

    p = Path(path)
    kind = (fmt or p.suffix.lstrip(".")).lower()
    if kind in ("htm", "html"):
        text = render_html(audits, **html_options)
    elif kind == "json":
        text = to_json(audits)
    elif kind == "csv":
        text = to_csv(audits)
    else:
        raise F160(f"cannot write an audit as {kind or 'a file without suffix'!r}.",
                   hint="Use a .json, .csv or .html path.")
    try:
        # a folder that does not exist yet is made, as the other --out options make theirs
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, "utf-8")
    except OSError as exc:
        why = ("a part of the path is a file, not a folder"
               if isinstance(exc, (FileExistsError, NotADirectoryError)) else exc.strerror or exc)
        raise C005(f"cannot write the audit report: {why}.", source=str(path),
                   hint="Check the path: a file (not a folder) in a place you may write.") from None
    return p
