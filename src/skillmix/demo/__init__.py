"""Sample documents shipped with skillmix for the quick start (``skillmix demo``).

Both are written for skillmix: a posting for the convergent role the article describes
and a fictional candidate's résumé. No real person's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..records import Document, Extraction

__all__ = ["DemoResult", "demo_path", "run_demo"]

POSTING = "posting.html"
RESUMES = ("resume.txt", "consumer_resume.txt")


def demo_path(name: str) -> Path:
    """Path of a bundled sample: ``posting.html``, ``resume.txt`` or ``consumer_resume.txt``."""
    return Path(str(resources.files("skillmix.demo") / name))


@dataclass(slots=True)
class DemoResult:
    """What the demo found: each document with its extraction, plus summary lines."""

    extractions: list[tuple[Document, Extraction]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def run_demo(taxonomy: str = "builtin") -> DemoResult:
    """Read the bundled posting and résumés and extract their skills."""
    from ..extract import get_extractor
    from ..io import read_document

    extractor = get_extractor(taxonomy)
    result = DemoResult()
    posting = read_document(demo_path(POSTING), kind="posting")
    result.extractions.append((posting, extractor.extract(posting)))
    for name in RESUMES:
        doc = read_document(demo_path(name), kind="resume")
        result.extractions.append((doc, extractor.extract(doc)))
    return result
