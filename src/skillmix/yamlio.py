"""YAML read with libyaml where PyYAML has it: the same safe loader, five to ten times faster.

The builtin taxonomy (about 700 skills, 5,000 lines) took most of a second to parse with
PyYAML's pure-Python safe loader, and a one-file ``skillmix extract`` or the first
scorecard paid it before any work. PyYAML ships ``CSafeLoader`` (the libyaml parser with the
same safe constructor) in its wheels; where a build lacks libyaml the pure-Python loader
does the same job more slowly. Both give the same values for the files skillmix reads.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["BACKEND", "SafeLoader", "safe_load"]

#: the fastest safe loader this PyYAML has
SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: ``"libyaml"`` or ``"python"``: which parser this process uses
BACKEND = "libyaml" if SafeLoader is not yaml.SafeLoader else "python"


def safe_load(text: str) -> Any:
    """``yaml.safe_load``, through libyaml when it is there."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
