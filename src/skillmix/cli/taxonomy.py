"""``skillmix taxonomy list|show|search``."""

from __future__ import annotations

import click

from .output import emit_json, emit_rows, output_options

__all__ = ["taxonomy_group"]


@click.group(name="taxonomy")
def taxonomy_group() -> None:
    """Browse the taxonomies skills are normalised to."""


@taxonomy_group.command("list")
@output_options()
def list_cmd(fmt: str) -> None:
    """The registered taxonomies."""
    from ..taxonomy import available_taxonomies

    rows = [{"name": k, "what": v} for k, v in available_taxonomies().items()]
    emit_rows(rows, fmt, title="Taxonomies")


@taxonomy_group.command("show")
@click.argument("skill_id")
@click.option("--taxonomy", "-t", default="builtin", show_default=True)
def show_cmd(skill_id: str, taxonomy: str) -> None:
    """One skill, with its aliases and cross-references (JSON)."""
    from ..taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy)
    if skill_id not in tax.skills:
        # a label or alias as people write it ("TikTok", "social networks") names its skill
        # when it names exactly one; otherwise the id error, with its hint, stands
        want = skill_id.casefold()
        named = {s.id for s in tax.skills.values()
                 if want == s.label.casefold() or want in (a.casefold() for a in s.aliases)}
        if len(named) == 1:
            skill_id = named.pop()
    skill = tax.get(skill_id)
    emit_json({**skill.to_dict(), "narrower": sorted(s.id for s in tax.narrower(skill.id))})


@taxonomy_group.command("search")
@click.argument("query")
@click.option("--taxonomy", "-t", default="builtin", show_default=True)
@click.option("--limit", default=20, show_default=True)
@output_options()
def search_cmd(query: str, taxonomy: str, limit: int, fmt: str) -> None:
    """Skills whose label or aliases contain QUERY's words."""
    from ..taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy)
    rows = [{"id": s.id, "label": s.label, "area": s.area, "aliases": ", ".join(s.aliases[:5])}
            for s in tax.search(query, limit=limit)]
    if not rows:
        click.echo(f"no skill of {tax.name} {tax.version} matches {query!r}.", err=True)
    emit_rows(rows, fmt, title=f"{tax.name} {tax.version}: {query}")
