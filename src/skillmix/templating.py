"""HTML pages from Jinja2 templates, escaped by default: the reports and the web UI share them.

Why templates: report pages (scorecards, fairness audits, market reports) hold untrusted
text (résumé sentences, category names, corpus values). Building them in f-strings meant
remembering to escape every value; a template escapes everything unless told otherwise,
and keeps markup out of the Python that computes the numbers. Every page extends
``layout.html`` (``skillmix/templates``), which the web UI's ``base.html`` extends too.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["FILTERS", "TEMPLATES", "render_page", "template_environment"]

#: the shared templates (``layout.html`` and the report pages); the web UI searches here
#: after its own folder
TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def template_environment() -> Any:
    """The shared :class:`jinja2.Environment` (autoescape on, undefined names are errors)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


#: number formats the templates use: ``{{ share|pct }}`` -> "42%", ``{{ x|g }}`` -> "0.5"
FILTERS = {
    "pct": lambda x: f"{x:.0%}",
    "g": lambda x: f"{x:g}",
}


def render_page(name: str, **context: Any) -> str:
    """Render template ``name`` (e.g. ``"scorecard.html"``) with ``context``."""
    return template_environment().get_template(name).render(**context)
