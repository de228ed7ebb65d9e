"""``skillmix demo``: the quick start on the bundled sample posting and résumés."""

from __future__ import annotations

import click

from .output import emit_rows

__all__ = ["demo"]


@click.command()
@click.option("--taxonomy", "-t", default="builtin", show_default=True)
def demo(taxonomy: str) -> None:
    """Extract skills from a bundled posting and two résumés, then assess and rank them."""
    from ..demo import run_demo

    result = run_demo(taxonomy)
    for doc, ext in result.extractions:
        rows = [
            {"skill": m.label, "area": m.area, "evidence": m.surface, "section": m.section,
             "requirement": m.requirement, "years": m.years,
             "context": "negated" if m.negated else m.usage}
            for m in ext.mentions
        ]
        emit_rows(rows, "table", title=f"{doc.kind}: {doc.source.rsplit('/', 1)[-1]} "
                  f"({len(rows)} mentions)")
    if result.scorecards:
        cards = result.scorecards
        names = [c.source.rsplit("/", 1)[-1] for c in cards]
        rows = [{"": "fit (0-100)", **{n: f"{c.fit:.1f}" for n, c in zip(names, cards)}}]
        for i, area in enumerate(cards[0].areas):
            rows.append({"": f"{area.label} coverage",
                         **{n: f"{c.areas[i].coverage:.0%}" for n, c in zip(names, cards)}})
        rows.append({"": "tech/comm balance",
                     **{n: f"{c.balance.index:.2f} ({c.balance.leans})"
                        for n, c in zip(names, cards)}})
        rows.append({"": "red flags", **{n: str(len(c.red_flags)) for n, c in zip(names, cards)}})
        emit_rows(rows, "table", title=f"Assessment against profile '{cards[0].profile}'")
        order = {"high": 0, "medium": 1, "low": 2}
        for n, c in zip(names, cards):
            for flag in sorted(c.red_flags, key=lambda f: order[f.severity])[:2]:
                click.echo(f"  {n}: [{flag.severity}] {flag.message}")
    if result.ranking is not None:
        rows = [{"rank": m.rank, "candidate": m.title or m.id, "score": f"{m.score:.3f}",
                 "missing required": ", ".join(m.missing_required[:4]),
                 "what if": m.counterfactuals[0] if m.counterfactuals else ""}
                for m in result.ranking.results]
        emit_rows(rows, "table", title="Candidates ranked for the posting")
    for line in result.notes:
        click.echo(line)
