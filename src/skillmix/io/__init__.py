"""Documents in: every format a recruiter has, read safely, with sections and work history.

``read_document`` reads one file (PDF, DOCX, HTML, text/Markdown, JSON Resume, schema.org
JobPosting JSON-LD, HR Open LER-RS) into a :class:`~skillmix.records.Document`, by default
in a sandboxed worker process with size, page, memory and time limits (:class:`ReadLimits`).
``read_documents`` does the same for many files under the batch policy, ``read_corpus``
streams job-board exports (CSV, JSONL, Parquet) as :class:`~skillmix.records.Posting`, and
``read_resume_corpus`` résumé exports (a text column, or JSON Resume lines) as
:class:`~skillmix.records.Resume`.
"""

from __future__ import annotations

from .read import read_document, read_documents
from .corpus import PRESETS, CorpusMapping, read_corpus
from .resume_corpus import RESUME_PRESETS, ResumeMapping, read_resume_corpus
from .inputs import iter_corpus, iter_documents, iter_records
from .limits import ReadLimits
from .roles import parse_roles
from .sandbox import Sandbox
from .sections import detect_sections, guess_kind

__all__ = [
    "CorpusMapping",
    "PRESETS",
    "RESUME_PRESETS",
    "ReadLimits",
    "ResumeMapping",
    "Sandbox",
    "detect_sections",
    "guess_kind",
    "iter_corpus",
    "iter_documents",
    "iter_records",
    "parse_roles",
    "read_corpus",
    "read_document",
    "read_documents",
    "read_resume_corpus",
]
