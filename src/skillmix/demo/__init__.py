"""Sample documents shipped with skillmix for the quick start (``skillmix demo``).

Both are written for skillmix: a posting for the convergent role the article describes
and a fictional candidate's résumé. No real person's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..records import Document, Extraction, Ranking, Scorecard

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
    scorecards: list[Scorecard] = field(default_factory=list)
    ranking: Ranking | None = None
    notes: list[str] = field(default_factory=list)


def run_demo(taxonomy: str = "builtin", *, assess: bool = True, rank: bool = True) -> DemoResult:
    """The main job on the bundled data: extract the skills of the posting and both
    résumés, assess the résumés against the default role profile (the article's
    convergent technologist-communicator), and rank them for the posting.

    Ranking needs the ``match`` extra; without it the demo stops after assessing and
    says how to install it."""
    from ..errors import MissingExtraError
    from ..extract import get_extractor
    from ..io import read_document

    extractor = get_extractor(taxonomy)
    result = DemoResult()
    # the samples ship with skillmix, so they are read here rather than in a sandbox worker
    # (whose start cost about 0.15 s of the demo), as the server's warm-up reads them
    posting = read_document(demo_path(POSTING), kind="posting", sandbox=False)
    result.extractions.append((posting, extractor.extract(posting)))
    resumes = []
    for name in RESUMES:
        doc = read_document(demo_path(name), kind="resume", sandbox=False)
        resumes.append(doc)
        result.extractions.append((doc, extractor.extract(doc)))
    if assess:
        from ..assess import assess as assess_one

        for doc, ext in result.extractions[1:]:
            result.scorecards.append(assess_one((ext, doc)))
    if rank:
        try:
            from ..match import rank_candidates
        except MissingExtraError as err:
            result.notes.append(f"ranking skipped: {err.render()}")
        else:
            result.ranking = rank_candidates(posting, resumes, taxonomy=taxonomy)
    return result
