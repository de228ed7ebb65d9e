"""``skillmix demo``: the article's story on the bundled sample posting and résumés."""

from __future__ import annotations

import click

__all__ = ["demo"]


@click.command()
@click.option("--taxonomy", "-t", default="builtin", show_default=True)
def demo(taxonomy: str) -> None:
    """The posting's skill mix, a professional and a consumer-only candidate assessed
    (and why they differ), both ranked with a reason each, and where to go next."""
    from ..demo import run_demo
    from ..demo.story import demo_story

    for line in demo_story(run_demo(taxonomy)):
        click.echo(line)
