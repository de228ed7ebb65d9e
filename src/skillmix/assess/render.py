"""Scorecards for people: table rows, and a one-page Markdown or HTML scorecard.

The JSON form is :meth:`Scorecard.to_dict`; this module only lays out what a scorecard
already holds (no scoring happens here), so the CLI, the web UI and a notebook show the
same numbers. HTML is escaped throughout: résumé text is untrusted input.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..records import Evidence, Scorecard
from .scoring import MIN_BALANCE_EVIDENCE

__all__ = ["scorecard_html", "scorecard_markdown", "scorecard_rows"]

#: an ``&`` that a renderer would read as a character reference
_ENTITY_LIKE = re.compile(r"&(?=#\d+;|#[xX][0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;)")
#: a ``<`` that could open an HTML tag, comment, declaration or autolink
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?\\])")

#: what a scorecard says for a balance that leans ``none`` (see MIN_BALANCE_EVIDENCE)
_TOO_LITTLE = "not enough evidence"

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
        row["balance"] = (_TOO_LITTLE if c.balance.leans == "none"
                          else f"{c.balance.tech_share:.2f} {c.balance.leans}")
        if c.focus is not None:
            row["focus"] = f"{c.focus.factor:.2f}"
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
    """Document text made inert in a Markdown page, and otherwise left as written: one
    line; ``<`` as ``&lt;`` only where it could open raw HTML or an autolink (before a
    letter, ``/``, ``!`` or ``?``: a résumé line holding ``<img onerror=...>`` must show as
    text, not run; ``&lt;`` works in every renderer, a backslash does not); ``&`` as
    ``&amp;`` only where it would read as an entity (``&copy;``, ``&#169;``); and the
    characters of links, images and code spans (``[ ] ! ` ``, with the backslash itself
    and the table's ``|``) backslash-escaped, so ``![x](https://tracker/p.png)`` shows as
    written. Why so little: a scorecard quotes résumés, and "promotion, &amp; execution"
    misquoted one (a bare ``&`` or ``>`` is text to every Markdown renderer)."""
    text = text.replace("\\", "\\\\")
    for ch in "|[]!`":
        text = text.replace(ch, "\\" + ch)
    text = _ENTITY_LIKE.sub("&amp;", text)
    return _TAG_LIKE.sub("&lt;", text).replace("\n", " ")


def scorecard_markdown(card: Scorecard, *, max_points: int = 12, max_gaps: int = 10) -> str:
    """A one-page Markdown scorecard: fit, areas, balance, focus, red flags, gaps with interview
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
    ] if b.leans != "none" else [
        "",
        f"**Balance** technology {b.tech:g} vs communication {b.comm:g}: {_TOO_LITTLE} to "
        f"weigh the mix (at least {MIN_BALANCE_EVIDENCE:g} needed), fit × {b.factor:.2f}.",
    ]
    if c.focus is not None:
        fo = c.focus
        shown = ", ".join(fo.skills[:6]) + (" …" if len(fo.skills) > 6 else "")
        out += ["", f"**Focus** {_md(fo.label.lower())}: evidence {fo.evidence:g} of the {fo.target:g} "
                f"that earns full credit ({_md(shown) or 'none'}), fit × {fo.factor:.2f} "
                f"(× {fo.floor:g} with none)."]
    out += [
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
        note = f" ({_md(e.note)})" if e.note else ""  # the level, where, how likely credited
        out.append(f"| {p.points:.2f} | {p.area} | {_md(str(what))} | [{e.start}:{e.end}] "
                   f"“{_md(_quote(e, 90))}”{note} |")
    rest = len(c.points) - max_points
    if rest > 0:
        out.append(f"| {sum(p.points for p in sorted(c.points, key=lambda p: -p.points)[max_points:]):.2f}"
                   f" | | {rest} more | see the JSON scorecard |")
    out += ["", f"<sub>Formula: {_md(c.formula)}</sub>", ""]
    return "\n".join(out)


def scorecard_html(card: Scorecard, *, max_points: int = 12, max_gaps: int = 10) -> str:
    """The same one-page scorecard as a standalone, printable HTML page
    (``templates/scorecard_report.html``)."""
    from ..templating import render_page

    return render_page(
        "scorecard_report.html", c=card, b=card.balance, gaps=card.gaps[:max_gaps],
        points=sorted(card.points, key=lambda p: -p.points)[:max_points], quote=_quote,
    )
