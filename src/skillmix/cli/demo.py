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
    for line in result.notes:
        click.echo(line)
