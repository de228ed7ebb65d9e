"""One-call ranking for callers that hold documents rather than an index.

``rank_candidates(posting, resumes)`` and ``rank_jobs(resume, postings)`` extract what
is missing, fit a :class:`~.index.Matcher` on every document given (the query and the
pool, so rarity reflects what the caller is ranking), index the pool and rank it.
For repeated queries over one pool, build the index once (``Matcher.fit`` /
``Matcher.index`` / :func:`~.store.save_index`) and call ``Matcher.rank``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..records import Document, Posting, Ranking, Resume
from .features import MatchDocument, to_match_document
from .index import MatchIndex, Matcher
from .params import MatchParams

__all__ = ["build", "profile_area_weights", "rank_candidates", "rank_jobs", "read_pool"]

Item = Document | Posting | Resume | MatchDocument


def profile_area_weights(profile: Any) -> dict[str, float]:
    """A role profile's area weights (``skillmix.assess.load_profile`` name, path or
    profile), the ``w_a`` of the area component."""
    from ..assess import load_profile

    prof = load_profile(profile)
    return {a.id: float(a.weight) for a in prof.areas}


def _docs(items: Iterable[Item], kind: str, taxonomy: str, today: date | None,
          area_weights: Mapping[str, float] | None = None) -> list[MatchDocument]:
    return [to_match_document(it, kind=kind, taxonomy=taxonomy, today=today,
                              area_weights=area_weights) for it in items]


def build(
    query: Item, pool: Sequence[Item], *, query_kind: str, params: MatchParams | None = None,
    taxonomy: str = "builtin", area_weights: Mapping[str, float] | None = None,
) -> tuple[Matcher, MatchDocument, MatchIndex]:
    """Fit a matcher on query + pool, index the pool: what both ``rank_*`` calls share."""
    params = params or MatchParams()
    pool_kind = "resume" if query_kind == "posting" else "posting"
    today = params.today()
    q = _docs([query], query_kind, taxonomy, today,
              area_weights if query_kind == "posting" else None)[0]
    docs = _docs(pool, pool_kind, taxonomy, today,
                 area_weights if pool_kind == "posting" else None)
    matcher = Matcher(params, taxonomy).fit([q, *docs])
    return matcher, q, matcher.index(docs)


def rank_candidates(posting: Item, resumes: Sequence[Item], *, top: int = 10,
                    params: MatchParams | None = None, taxonomy: str = "builtin",
                    area_weights: Mapping[str, float] | None = None,
                    explain: bool = True) -> Ranking:
    """Rank ``resumes`` for ``posting``, best first, with explanations."""
    m, q, idx = build(posting, resumes, query_kind="posting", params=params,
                      taxonomy=taxonomy, area_weights=area_weights)
    return m.rank(q, idx, top=top, explain=explain)


def rank_jobs(resume: Item, postings: Sequence[Item], *, top: int = 10,
              params: MatchParams | None = None, taxonomy: str = "builtin",
              area_weights: Mapping[str, float] | None = None,
              explain: bool = True) -> Ranking:
    """Rank ``postings`` for the candidate of ``resume``, best first, with explanations."""
    m, q, idx = build(resume, postings, query_kind="resume", params=params,
                      taxonomy=taxonomy, area_weights=area_weights)
    return m.rank(q, idx, top=top, explain=explain)



def read_pool(paths: Sequence[str], kind: str, *, report: Any = None,
              on_error: str = "collect",
              progress: Callable[[int], None] | None = None,
              field_columns: Mapping[str, str] | None = None) -> list[Document | Posting | Resume]:
    """The documents to rank, from files and folders; an export (CSV, TSV, JSONL, Parquet)
    yields one per row: a job-board export postings, a résumé export résumés
    (``field_columns`` names columns its reader would not find). Failures follow
    ``on_error``; an export the pool's kind cannot read (a résumé export as postings) is
    one failure, named. ``progress(1)`` is called after each document read (a progress
    bar's ``advance``)."""
    from ..batch import BatchReport
    from ..io import iter_records

    rep = report if report is not None else BatchReport()
    tick = progress or (lambda _n: None)
    out: list[Document | Posting | Resume] = []
    for item in iter_records(list(paths), kind=kind, on_error=on_error, report=rep,  # type: ignore[arg-type]
                             field_columns=field_columns):
        out.append(item)
        tick(1)
    return _once(out, rep)


def _once(items: list[Document | Posting | Resume], report: Any) -> list[Document | Posting | Resume]:
    """Each document once. A later item with an earlier one's id and text (an identical
    file, an export's repeated row) is skipped and recorded ([M011]): a ranking that lists
    one document twice, or under another file's name, misleads. A later item with an
    earlier id but other text (two exports that both number their rows from 1) is another
    document: it is kept, under its id with ``#2``, ``#3``... added, so the index can tell
    them apart."""
    from dataclasses import replace

    from ..errors.match_codes import M011
    from ..records import content_id

    first: dict[tuple[str, str], str] = {}
    ids: dict[str, int] = {}
    kept: list[Document | Posting | Resume] = []
    for item in items:
        doc = item if isinstance(item, Document) else item.document
        key = (doc.id, content_id(doc.text))
        if key in first:
            report.record(doc.source, M011(f"the same document as {first[key]}; ranked once.",
                                           source=doc.source), "skip")
            report.done -= 1  # counted done when it was read; it ends skipped instead
            continue
        first[key] = doc.source
        seen = ids.get(doc.id, 0)
        ids[doc.id] = seen + 1
        if seen:
            new_id = f"{doc.id}#{seen + 1}"
            doc = doc.replace(id=new_id)
            item = doc if isinstance(item, Document) else replace(item, document=doc, id=new_id)
        kept.append(item)
    return kept
