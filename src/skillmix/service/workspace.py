"""A :class:`Workspace`: one store, the settings that govern it and the engines that act
on it; every use case of :mod:`skillmix.service` takes one.

Why an object: the server makes it once at start-up (the composition root in
:mod:`skillmix.api.app`), and the API routes, the web pages, the CLI and the benchmarks hand
the same one to the same use-case functions.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from ..errors.config_codes import C120, C122
from ..errors.market_codes import K190
from ..records import Extraction
from ..store import Store
from ..store.types import ErasureReport, StoredDocument

__all__ = ["Ingested", "Workspace", "WorkspaceSettings", "scorecard_target"]


@dataclass(frozen=True, slots=True)
class WorkspaceSettings:
    """What a workspace allows and uses.

    ``max_upload_bytes`` caps one uploaded file (the API enforces it while streaming);
    ``sandbox`` reads uploads in the io worker process (keep it on for files from users);
    ``blind`` is the default for rankings (names and contact details redacted);
    ``market_corpora`` maps names a client may ask for to corpus files on the server;
    ``max_request_bytes`` caps the body of every request that is not an upload;
    ``extract_limits`` bounds extraction per upload (characters, mentions, time).
    """

    taxonomy: str = "builtin"
    max_upload_bytes: int = 10 * 1024 * 1024
    sandbox: bool = True
    blind: bool = True
    market_corpora: Mapping[str, str] | None = None
    max_request_bytes: int = 2 * 1024 * 1024
    extract_limits: Any = None  # an io.limits.ExtractLimits; None: its defaults

    def __post_init__(self) -> None:
        if self.max_upload_bytes <= 0:
            raise C120("max_upload_bytes must be positive.")
        if self.max_request_bytes <= 0:
            raise C122("max_request_bytes must be positive.")


@dataclass(frozen=True, slots=True)
class Ingested:
    """An upload after reading, extraction and storage."""

    stored: StoredDocument
    extraction: Extraction


class Workspace:
    """A store plus the settings and engines that act on it."""

    def __init__(self, store: Store, settings: WorkspaceSettings | None = None) -> None:
        self.store = store
        self.settings = settings or WorkspaceSettings()
        self._jobs: ThreadPoolExecutor | None = None
        self._decision_log: Any = None  # made by skillmix.service.decide.decision_log
        self._blind_version: str | None = None  # made by skillmix.service.blind.blind_version
        self._jobs_lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run ``fn(*args)`` on the workspace's single background job thread."""
        with self._jobs_lock:
            if self._jobs is None:
                self._jobs = ThreadPoolExecutor(max_workers=1, thread_name_prefix="skillmix-job")
            return self._jobs.submit(fn, *args)

    def close(self) -> None:
        """Stop the job thread (queued jobs are dropped; the running one finishes)."""
        with self._jobs_lock:
            if self._jobs is not None:
                self._jobs.shutdown(wait=False, cancel_futures=True)
                self._jobs = None

    @property
    def extractor(self):  # type: ignore[no-untyped-def]
        from ..extract import get_extractor

        return get_extractor(self.settings.taxonomy)

    def ingest(self, data: bytes, **kwargs: Any) -> Ingested:
        """:func:`skillmix.service.ingest.ingest` on this workspace."""
        from .ingest import ingest

        return ingest(self, data, **kwargs)

    def registered_taxonomies(self) -> frozenset[str]:
        """Taxonomy names a request may name: the shipped ones (``builtin``, ``esco``,
        ``onet``), ``lightcast`` when the operator configured its file
        (:attr:`skillmix.config.Settings.lightcast_file`), and each part
        of the spec the server was started with (which may be the operator's own files).

        Why: a profile's ``taxonomy:`` arrives from a client; a path in it would make the
        server open any file it can read (and quote it back in an error)."""
        names = {"builtin", "esco", "onet"}
        from ..config import current_settings

        if current_settings().lightcast_file is not None:
            names.add("lightcast")
        names.update(p.strip() for p in self.settings.taxonomy.split("+") if p.strip())
        return frozenset(names)

    def erase(self, candidate_id: str, *, actor: str) -> ErasureReport:
        """:func:`skillmix.service.erase.erase` on this workspace."""
        from .erase import erase

        return erase(self, candidate_id, actor=actor)

    def corpus_path(self, name: str) -> Path:
        corpora = dict(self.settings.market_corpora or {})
        if name not in corpora:

            raise K190(f"no market corpus named {name!r}.",
                       hint=f"Known: {', '.join(sorted(corpora)) or 'none'}; the "
                            "server's admin registers corpora.")
        return Path(corpora[name])


def scorecard_target(profile: str | None, posting_id: str | None) -> str:
    return f"posting:{posting_id}" if posting_id else f"profile:{profile}"
