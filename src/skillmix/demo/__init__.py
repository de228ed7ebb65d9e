"""Sample documents shipped with skillmix for the quick start (``skillmix demo``).

Both are written for skillmix: a posting for the convergent role the article describes
and a fictional candidate's résumé. No real person's data.
"""

from importlib import resources
from pathlib import Path

__all__ = ["demo_path"]


def demo_path(name: str) -> Path:
    """Path of a bundled sample: ``posting.html``, ``resume.txt`` or ``consumer_resume.txt``."""
    return Path(str(resources.files("skillmix.demo") / name))
