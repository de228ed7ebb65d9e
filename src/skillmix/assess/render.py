"""Scorecards for people: table rows, and a one-page Markdown or HTML scorecard.

The JSON form is :meth:`Scorecard.to_dict`; this module only lays out what a scorecard
already holds (no scoring happens here), so the CLI, the web UI and a notebook show the
same numbers. HTML is escaped throughout: résumé text is untrusted input.
"""

from __future__ import annotations

import html
from typing import Any, Iterable

from ..records import Evidence, Scorecard

__all__ = ["scorecard_html", "scorecard_markdown", "scorecard_rows"]

_SHORT = {
    "marketing_communications": "mkt", "customer_service": "care", "technology": "tech",
    "data_analytics": "data", "psychology_human_interaction": "psych",
    "strategy_business": "strat", "leadership_evangelism": "lead", "platforms": "plat",
}


def scorecard_rows(cards: Iterable[Scorecard]) -> list[dict[str, Any]]:
    """One row per scorecard for a terminal table or CSV: fit, per-area coverage (%),
    balance, years, and the most severe red flag."""
    rows = []
    for c in cards:
        name = c.source.replace("\\", "/").rsplit("/", 1)[-1]
        row: dict[str, Any] = {"source": name, "fit": f"{c.fit:.1f}"}
        for a in c.areas:
            row[_SHORT.get(a.area, a.area)] = f"{a.coverage * 100:.0f}"
        row["balance"] = f"{c.balance.tech_share:.2f} {c.balance.leans}"
        row["years"] = f"{c.total_years:.1f}"
        row["flags"] = len(c.red_flags)
        row["top flag"] = c.red_flags[0].message if c.red_flags else ""
        rows.append(row)
    return rows


def _quote(e: Evidence, limit: int = 140) -> str:
    text = e.sentence or e.surface
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def scorecard_markdown(card: Scorecard, *, max_points: int = 12, max_gaps: int = 10) -> str:
    """A one-page Markdown scorecard: fit, areas, balance, red flags, gaps with interview
    questions, and the evidence behind the biggest points (with character spans)."""
    c = card
    out = [
        f"# Scorecard: {_md(c.source)}",
        "",
        f"**Profile** {c.profile} {c.profile_version} · **fit {c.fit:.1f} / 100** · "
        f"{c.total_years:.1f} years of dated roles · highest role level: {c.seniority_label} · "
        f"as of {c.today}",
        "",
        "| area | weight | coverage | breadth | depth | years | points | evidence for |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for a in c.areas:
        skills = ", ".join(a.skills[:6]) + (" …" if len(a.skills) > 6 else "")
        out.append(
            f"| {a.label} | {a.weight:.2f} | {a.coverage:.0%} | {a.breadth:.0%} | {a.depth:.0%} "
            f"| {a.years:.1f} | {a.points:.1f} | {_md(skills)} |"
        )
    b = c.balance
    out += [
        "",
        f"**Balance** technology {b.tech:g} vs communication {b.comm:g}: tech share "
        f"{b.tech_share:.0%} (target {b.target:.0%} ± {b.tolerance:.0%}), index {b.index:.2f}, "
        f"leans {b.leans}, fit × {b.factor:.2f}.",
        "",
        "## Red flags",
        "",
    ]
    if not c.red_flags:
        out.append("None.")
    for f in c.red_flags:
        out.append(f"- **{f.severity}** {_md(f.message)}")
        for e in f.evidence[:3]:
            out.append(f"  - [{e.start}:{e.end}] “{_md(_quote(e))}”")
        if f.question:
            out.append(f"  - Ask: {_md(f.question)}")
    out += ["", "## Gaps and interview questions", ""]
    if not c.gaps:
        out.append("None.")
    for g in c.gaps[:max_gaps]:
        out.append(f"- {_md(g.message)}" + (f" Ask: *{_md(g.question)}*" if g.question else ""))
    if len(c.gaps) > max_gaps:
        out.append(f"- … {len(c.gaps) - max_gaps} more in the JSON scorecard.")
    out += ["", "## Where the points come from", "",
            "| points | area | for | evidence [start:end] |", "|---:|---|---|---|"]
    for p in sorted(c.points, key=lambda p: -p.points)[:max_points]:
        what = p.skill_id if p.kind == "breadth" else f"role {p.role} (years)"
        e = p.evidence[0]
        out.append(f"| {p.points:.2f} | {p.area} | {_md(str(what))} | [{e.start}:{e.end}] "
                   f"“{_md(_quote(e, 90))}” |")
    rest = len(c.points) - max_points
    if rest > 0:
        out.append(f"| {sum(p.points for p in sorted(c.points, key=lambda p: -p.points)[max_points:]):.2f}"
                   f" | | {rest} more | see the JSON scorecard |")
    out += ["", f"<sub>Formula: {_md(c.formula)}</sub>", ""]
    return "\n".join(out)


def _h(text: Any) -> str:
    return html.escape(str(text), quote=True)


def scorecard_html(card: Scorecard, *, max_points: int = 12, max_gaps: int = 10) -> str:
    """The same one-page scorecard as a standalone, printable HTML page."""
    c = card
    rows = "".join(
        f"<tr><td>{_h(a.label)}</td><td>{a.weight:.2f}</td><td>"
        f"<meter min='0' max='1' value='{a.coverage:.3f}'></meter> {a.coverage:.0%}</td>"
        f"<td>{a.breadth:.0%}</td><td>{a.depth:.0%}</td><td>{a.years:.1f}</td>"
        f"<td>{a.points:.1f}</td><td>{_h(', '.join(a.skills[:6]))}</td></tr>"
        for a in c.areas
    )
    flags = "".join(
        f"<li class='{_h(f.severity)}'><b>{_h(f.severity)}</b> {_h(f.message)}"
        + "".join(f"<blockquote>[{e.start}:{e.end}] {_h(_quote(e))}</blockquote>" for e in f.evidence[:3])
        + (f"<p>Ask: <i>{_h(f.question)}</i></p>" if f.question else "") + "</li>"
        for f in c.red_flags
    ) or "<li>None.</li>"
    gaps = "".join(
        f"<li>{_h(g.message)}" + (f" Ask: <i>{_h(g.question)}</i>" if g.question else "") + "</li>"
        for g in c.gaps[:max_gaps]
    ) or "<li>None.</li>"
    pts = "".join(
        f"<tr><td>{p.points:.2f}</td><td>{_h(p.area)}</td>"
        f"<td>{_h(p.skill_id if p.kind == 'breadth' else f'role {p.role} (years)')}</td>"
        f"<td>[{p.evidence[0].start}:{p.evidence[0].end}] {_h(_quote(p.evidence[0], 90))}</td></tr>"
        for p in sorted(c.points, key=lambda p: -p.points)[:max_points]
    )
    b = c.balance
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scorecard: {_h(c.source)}</title>
<style>
body{{font:14px/1.4 system-ui,sans-serif;max-width:60em;margin:1em auto;color:#222}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;padding:2px 6px;text-align:left}}
.high{{color:#a00}}.medium{{color:#a60}}.low{{color:#555}}blockquote{{margin:2px 0 2px 1em;color:#555}}
.fit{{font-size:2em;font-weight:bold}}@media print{{body{{margin:0}}}}
</style></head><body>
<h1>Scorecard: {_h(c.source)}</h1>
<p><span class="fit">{c.fit:.1f}</span> / 100 against <b>{_h(c.profile)}</b> {_h(c.profile_version)} ·
{c.total_years:.1f} years of dated roles · highest role level {_h(c.seniority_label)} · as of {_h(c.today)}</p>
<table><tr><th>area</th><th>weight</th><th>coverage</th><th>breadth</th><th>depth</th><th>years</th><th>points</th><th>evidence for</th></tr>{rows}</table>
<p><b>Balance</b> technology {b.tech:g} vs communication {b.comm:g}: tech share {b.tech_share:.0%}
(target {b.target:.0%} ± {b.tolerance:.0%}), leans {_h(b.leans)}, fit × {b.factor:.2f}.</p>
<h2>Red flags</h2><ul>{flags}</ul>
<h2>Gaps and interview questions</h2><ul>{gaps}</ul>
<h2>Where the points come from</h2>
<table><tr><th>points</th><th>area</th><th>for</th><th>evidence</th></tr>{pts}</table>
<p><small>Formula: {_h(c.formula)}</small></p>
</body></html>
"""
