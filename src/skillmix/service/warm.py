"""Warming a server process before it takes requests.

Why: the first assessment in a process builds what every later one shares (the taxonomy,
the extractor's vocabulary, the role profiles, the redactor, the digest of skillmix's own
files that result reuse keys on) and costs about a second. Caches built lazily with
``functools.lru_cache`` do not hold other callers back while one builds, so the first
burst of requests on a cold worker built them once per request thread, each slowed by the
others, and their latencies (seconds) ended up in every percentile of a load run. The
server calls :func:`warm_up` during start-up, before the worker accepts a connection.

Nothing here touches the store: the demo résumé and posting that ship with skillmix go
through the same redaction, extraction, assessment and matching a request takes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["warm_up"]


def warm_up(ws: "Workspace") -> None:
    """Build the workspace's shared engines and caches once, in this thread."""
    from importlib import resources

    from ..assess import DEFAULT_PROFILE, assess, available_profiles, load_profile
    from ..fairness.redact import redact
    from ..io import read_document
    from ..match import rank_candidates, to_match_document
    from ..records import Posting, Resume
    from .blind import blind_version
    from .decide import decision_log
    from .memo import code_fingerprint

    code_fingerprint()
    available_profiles()
    profile = load_profile(DEFAULT_PROFILE)
    blind_version(ws)
    decision_log(ws)
    demo = resources.files("skillmix.demo")
    resume = read_document(demo.joinpath("resume.txt").read_bytes(), name="resume.txt",
                           kind="resume", sandbox=False)
    posting = read_document(demo.joinpath("posting.html").read_bytes(), name="posting.html",
                            kind="posting", sandbox=False)
    masked = redact(resume).document
    ext = ws.extractor.extract(masked)
    pext = ws.extractor.extract(posting)
    assess((ext, masked), profile)
    taxonomy = ws.settings.taxonomy
    query = to_match_document(Posting(document=posting, id="warm"), pext, kind="posting",
                              taxonomy=taxonomy)
    pool = [to_match_document(Resume(document=masked, id="warm"), ext, kind="resume",
                              taxonomy=taxonomy)]
    rank_candidates(query, pool, top=1, taxonomy=taxonomy)
