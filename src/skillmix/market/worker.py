"""The batch function: one partition in, three Parquet files and a commit marker out.

:func:`process_partition` is a top-level, picklable function of one frozen
:class:`PartitionJob`, so the same code runs inline, in a local ``spawn`` process pool and
on Dask workers. Each worker process builds its extractor once (``get_extractor`` caches
it per process; the compiled vocabulary is cached on disk) and reuses it for every
partition. The worker reads its slice of the corpus itself (see :mod:`.plan`) through
:func:`skillmix.io.read_corpus`, so every corpus format and preset the readers support
works here, and writes its tables directly into the run folder; the driver only counts.

The function is idempotent: a committed partition returns its recorded result, and a
partition redone after a crash produces byte-for-byte the same rows.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..batch import BatchFailure, BatchReport
from ..io.corpus import CorpusMapping
from .classify import CUES_TAXONOMY, SocialMediaClassifier, market_taxonomy_spec
from .dedup import DedupSettings, fingerprint
from .jobfacts import COLUMNS as FACT_COLUMNS
from .jobfacts import facts, facts_version
from .plan import ROW_SPACE, PartitionSpec
from .run_folder import MarketStore, atomic_write_json, atomic_write_table

__all__ = [
    "PartitionJob", "PartitionResult", "RunSettings", "area_sides", "process_partition", "schemas",
    "title_family",
]


def make_classifier(rules: str | None) -> Any:
    """The classifier a run uses: the learned model (packaged ``classifier_model.json``)
    unless a rules file is given, which selects the rule classifier with those rules."""
    if rules:
        return SocialMediaClassifier(rules)
    from .learned import LearnedSocialMediaClassifier

    return LearnedSocialMediaClassifier()


def classifier_version(rules: str | None) -> str:
    """What a run's manifest records as the classifier (a resume must match it)."""
    if rules:
        return SocialMediaClassifier(rules).rules_.version
    from .learned import LearnedSocialMediaClassifier

    return f"learned-{LearnedSocialMediaClassifier().model_.version}"


@dataclass(frozen=True, slots=True)
class RunSettings:
    """What decides a run's output (recorded in the manifest; a resume must match)."""

    taxonomy: str = "builtin"
    dedup: bool = True
    dedup_settings: DedupSettings = field(default_factory=DedupSettings)
    rules: str | None = None
    partition_size: int = 1000

    def to_dict(self) -> dict[str, Any]:
        from ..extract import EXTRACTOR_VERSION

        d = asdict(self)
        d["extractor_version"] = EXTRACTOR_VERSION
        d["classifier_version"] = classifier_version(self.rules)
        d["occupations_pay_version"] = facts_version()
        d["excerpt_version"] = EXCERPT_VERSION
        return d


@dataclass(frozen=True, slots=True)
class PartitionJob:
    """Everything a worker needs for one partition (small, picklable)."""

    spec: PartitionSpec
    mapping: CorpusMapping
    corpus_name: str
    out: str
    settings: RunSettings
    #: (area id, side) of the taxonomy, resolved once by the driver so workers need not
    #: parse the taxonomy file; empty means "load it here"
    area_sides: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What one partition produced: counts, time and the rows that failed to read."""

    number: int
    rows: int
    done: int
    skipped: int
    failed: int
    mentions: int
    social: int
    seconds: float
    failures: tuple[BatchFailure, ...] = ()
    #: CPU time the worker spent (wall ``seconds`` far above it means contention)
    cpu_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["failures"] = [asdict(f) for f in self.failures]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PartitionResult":
        values = dict(d)
        values["failures"] = tuple(BatchFailure(**f) for f in d.get("failures", ()))
        return cls(**values)


@lru_cache(maxsize=1)
def _families() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from ..yamlio import safe_load

    raw = safe_load((resources.files("skillmix.market") / "data" / "title_families.yaml").read_text("utf-8"))
    out = []
    for name, words in (raw.get("families") or {}).items():
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        out.append((str(name), re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)))
    return tuple(out)


def title_family(title: str | None) -> str:
    """The title family (``data/title_families.yaml``) of a job title; ``other`` if none."""
    if title:
        for name, pattern in _families():
            if pattern.search(title):
                return name
    return "other"


@lru_cache(maxsize=4)
def area_sides(taxonomy: str) -> dict[str, str]:
    """Area id -> side (tech, comm, neutral) over the taxonomies of a spec."""
    return _area_sides(taxonomy)


def _area_sides(taxonomy: str) -> dict[str, str]:
    from ..taxonomy import load_taxonomies

    sides: dict[str, str] = {}
    for tax in load_taxonomies(taxonomy):
        for area in tax.areas.values():
            sides.setdefault(area.id, area.side)
    return sides


def _shard(spec: PartitionSpec, tmp_dir: Path) -> Path:
    """Copy the partition's slice into a small file that ``read_corpus`` can read."""
    suffix = {"csv": Path(spec.path).suffix or ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}[spec.fmt]
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=tmp_dir, prefix=f"part-{spec.number:06d}.", suffix=suffix)
    if spec.fmt == "parquet":
        os.close(fd)
        import pyarrow.parquet as pq

        from ..io.parquet import text_columns

        # text stays dictionary-encoded: a value repeated by every row is copied once, and
        # read_corpus counts what the rows decode to before building them
        pf = pq.ParquetFile(spec.path)
        pf = pq.ParquetFile(spec.path, read_dictionary=text_columns(pf))
        table = pf.read_row_groups(list(range(spec.start, spec.end)))
        pq.write_table(table, name)
        return Path(name)
    with os.fdopen(fd, "wb") as out, open(spec.path, "rb") as src:
        out.write(spec.header)
        src.seek(spec.start)
        remaining = spec.end - spec.start
        while remaining > 0:
            chunk = src.read(min(remaining, 1 << 22))
            if not chunk:
                break
            out.write(chunk)
            remaining -= len(chunk)
    return Path(name)


def _row_offset(spec: PartitionSpec) -> int:
    """Maps read_corpus's row number ``n`` in the shard to the record index in the file:
    CSV counts the header as row 1, JSONL and Parquet count from 1."""
    return spec.first_row - (2 if spec.fmt == "csv" else 1)


def _source_row(source: str) -> int:
    return int(source.rsplit(":", 1)[1])


#: records between two progress notes of a partition (see :func:`write_progress`)
PROGRESS_EVERY = 200


def write_progress(root: Path, number: int, records: int) -> None:
    """Note how many records partition ``number`` has handled so far, for the parent's
    progress bar: a small file under ``_tmp/progress`` replaced atomically (a partition
    holds thousands of records, so counting only whole partitions jumps from 0 to 100%).
    Best effort: a note that cannot be written only makes the bar coarser."""
    folder = root / "_tmp" / "progress"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{number}.{os.getpid()}"
        tmp.write_text(str(records), "ascii")
        os.replace(tmp, folder / str(number))
    except OSError:
        pass


def read_progress(root: Path, finished: set[int]) -> int:
    """Records handled so far by partitions not in ``finished`` (their notes)."""
    total = 0
    try:
        entries = list(os.scandir(root / "_tmp" / "progress"))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.isdigit() and int(entry.name) not in finished:
            try:
                total += int(Path(entry.path).read_text("ascii") or 0)
            except (OSError, ValueError):
                continue
    return total


#: the columns of a partition's postings table (then the job facts' columns)
_POSTING_COLUMNS = (
    "uid", "corpus", "row", "id", "title", "company", "location", "posted", "month",
    "chars", "title_family", "requires_social", "strength", "social_score",
    "title_mentions_social", "areas", "tech", "comm", "convergence", "n_mentions",
    "evidence", "text_hash")
#: the columns of a partition's mentions table
_MENTION_COLUMNS = (
    "uid", "skill_id", "area", "requirement", "section", "years", "usage", "negated",
    "counts", "start", "end")


def _add_mentions(M: dict[str, list[Any]], uid: int, mentions: Any) -> int:
    """Append a posting's mentions (not the classifier's cues) as rows; how many count."""
    n_counting = 0
    for m in mentions:
        if m.taxonomy == CUES_TAXONOMY:
            continue
        counts = m.counts
        n_counting += counts
        M["uid"].append(uid)
        M["skill_id"].append(m.skill_id)
        M["area"].append(m.area)
        M["requirement"].append(m.requirement)
        M["section"].append(m.section)
        M["years"].append(m.years)
        M["usage"].append(m.usage)
        M["negated"].append(m.negated)
        M["counts"].append(counts)
        M["start"].append(m.start)
        M["end"].append(m.end)
    return n_counting



#: the words that make a sentence evidence of social media work, for the excerpt's centre
_SOCIAL_WORD = re.compile(r"social|linkedin|instagram|facebook|tiktok|twitter|youtube|"
                          r"pinterest|snapchat|reddit|influencer|community", re.IGNORECASE)


#: words that announce what follows, left dangling where an excerpt ends ("such as…")
_DANGLING = re.compile(r"(?:[\s,;:(]+|^)(?:e\.g\.|i\.e\.|such as|including|incl\.|like)\s*$", re.IGNORECASE)


def _trimmed(text: str) -> str:
    """``text`` without trailing punctuation or a dangling "e.g.", before an ellipsis."""
    return _DANGLING.sub("", text.rstrip(" ,;:-")).rstrip(" ,;:-")


#: a list number before its bracket ("1) Manage our accounts", "b) ..."): no parenthesis
_LIST_NUMBER = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}|[A-Za-z]|[ivx]{2,4})\Z")


def _unmatched(text: str) -> tuple[list[int], list[int]]:
    """Positions of the opening parentheses never closed and of the closing ones never
    opened (a list number's bracket, "1)", is neither)."""
    opens: list[int] = []
    closes: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            opens.append(i)
        elif ch == ")":
            if opens:
                opens.pop()
            elif _LIST_NUMBER.search(text, max(0, i - 5), i) is None:
                closes.append(i)
    return opens, closes


def _outside_parentheses(text: str, centre: int, cut_before: bool, cut_after: bool) -> str:
    """``text`` (cut from a sentence before and/or after; ``centre`` its social media word)
    with no parenthesis left open: a parenthetical the excerpt (or the sentence splitter,
    at "(e.g.") cut off is dropped with an ellipsis, or closed when it holds the social
    media word. A QA trial read "...interact with social media (e.g."."""
    opens, closes = _unmatched(text)
    if closes and closes[-1] < centre:  # starts inside a parenthetical that ends before the cue
        text, centre, cut_before = text[closes[-1] + 1:].lstrip(), centre - closes[-1] - 1, True
        opens = _unmatched(text)[0]
    if opens and opens[0] > centre:
        text, cut_after = _trimmed(text[:opens[0]]), True
    elif opens:
        text, cut_after = _trimmed(text) + "…" + ")" * len(opens), False
    elif cut_after:
        text = _trimmed(text)
    return ("…" if cut_before else "") + text + ("…" if cut_after else "")


#: how :func:`evidence_excerpt` cuts (in the run manifest: a resumed run never mixes two
#: cuts in one ``evidence`` column); 2: never inside a parenthesis, 3: a list number's
#: bracket ("1) Manage ...") is none (session 21)
EXCERPT_VERSION = "3"


def evidence_excerpt(sentence: str, limit: int = 240) -> str:
    """At most ``limit`` characters of an evidence sentence, around its first social media
    word and cut at word ends, never inside a parenthesis, so the excerpt shows why the
    posting counts (a QA trial read "... such as print" where the sentence goes on "...
    apps, social media")."""
    text = " ".join(sentence.split())
    m = _SOCIAL_WORD.search(text)
    centre = m.start() if m else 0
    if len(text) <= limit:
        return _outside_parentheses(text, centre, False, False)
    lo = max(0, min(centre - limit // 3, len(text) - limit))
    hi = lo + limit
    if lo:
        lo = text.find(" ", lo) + 1 or lo
    if hi < len(text):
        hi = text.rfind(" ", lo, hi) if text.rfind(" ", lo, hi) > lo else hi
    part = text[lo:hi]
    stripped = part.strip()
    centre = max(0, centre - lo - (len(part) - len(part.lstrip())))
    return _outside_parentheses(stripped, centre, bool(lo), hi < len(text))


def _add_posting(P: dict[str, list[Any]], uid: int, row: int, corpus_name: str, posting: Any,
                 verdict: Any, sides: dict[str, str], n_mentions: int) -> None:
    """Append a posting's row (all but ``text_hash``): what it is, the classifier's
    verdict, which sides of the skill mix its areas fall on, and its job facts."""
    posting_sides = {sides.get(a, "neutral") for a in verdict.areas}
    tech, comm = "tech" in posting_sides, "comm" in posting_sides
    posted = posting.posted
    P["uid"].append(uid)
    P["corpus"].append(corpus_name)
    P["row"].append(row)
    P["id"].append(posting.id)
    P["title"].append(posting.title)
    P["company"].append(posting.company)
    P["location"].append(posting.location)
    P["posted"].append(posted)
    P["month"].append(f"{posted.year:04d}-{posted.month:02d}" if posted else None)
    P["chars"].append(len(posting.text))
    P["title_family"].append(title_family(posting.title))
    P["requires_social"].append(verdict.requires)
    P["strength"].append(verdict.strength)
    P["social_score"].append(verdict.score)
    P["title_mentions_social"].append(verdict.title_mentions)
    P["areas"].append(list(verdict.areas))
    P["tech"].append(tech)
    P["comm"].append(comm)
    P["convergence"].append(tech and comm)
    P["n_mentions"].append(n_mentions)
    P["evidence"].append(evidence_excerpt(verdict.evidence[0].sentence) if verdict.evidence else None)
    for col, value in facts(posting).items():
        P[col].append(value)


def _write_tables(store: MarketStore, number: int, P: dict[str, list[Any]],
                  M: dict[str, list[Any]], S: dict[str, list[Any]] | None) -> None:
    """Write the partition's postings, mentions and (with dedup) signatures files."""
    import pyarrow as pa

    p_schema, m_schema, s_schema = schemas()
    atomic_write_table(store.part_file("postings", number), pa.table(P, schema=p_schema))
    atomic_write_table(store.part_file("mentions", number), pa.table(M, schema=m_schema))
    if S is not None:
        atomic_write_table(store.part_file("signatures", number), pa.table(S, schema=s_schema))


def _failures(spec: PartitionSpec, offset: int, shard: Path,
              report: BatchReport) -> tuple[BatchFailure, ...]:
    """The partition's failed records, named by the corpus file and line (not the shard)."""
    shard_name = str(shard)
    return tuple(
        BatchFailure(f"{spec.path}:{offset + _source_row(f.source) + (2 if spec.fmt == 'csv' else 1)}",
                     f.code, f.error.replace(shard_name, spec.path))
        for f in report.failures
    )


def process_partition(job: PartitionJob) -> PartitionResult:
    """Read, extract, classify and fingerprint one partition; write its tables and marker."""
    from ..extract import get_extractor
    from ..io import read_corpus

    store = MarketStore(job.out)
    marker = store.marker(job.spec.number)
    if marker.exists():
        import json

        return PartitionResult.from_dict(json.loads(marker.read_text("utf-8")))
    t0 = time.perf_counter()
    c0 = time.process_time()
    spec, settings = job.spec, job.settings
    extractor = get_extractor(market_taxonomy_spec(settings.taxonomy))
    classifier = make_classifier(settings.rules)
    sides = dict(job.area_sides) if job.area_sides else _area_sides(settings.taxonomy)
    offset = _row_offset(spec)
    base = spec.corpus * ROW_SPACE
    P: dict[str, list[Any]] = {k: [] for k in (*_POSTING_COLUMNS, *(c for c, _ in FACT_COLUMNS))}
    M: dict[str, list[Any]] = {k: [] for k in _MENTION_COLUMNS}
    S: dict[str, list[Any]] = {"uid": [], "sig": [], "bands": []}
    report = BatchReport()
    shard = _shard(spec, store.root / "_tmp")
    try:
        for posting in read_corpus(shard, mapping=job.mapping, on_error="collect", report=report):
            row = offset + _source_row(posting.document.source)
            uid = base + row
            ext = extractor.extract(posting)
            verdict = classifier.classify(posting, ext)
            n_counting = _add_mentions(M, uid, ext.mentions)
            _add_posting(P, uid, row, job.corpus_name, posting, verdict, sides, n_counting)
            if settings.dedup:
                exact, sig, bands = fingerprint(posting.title, posting.text, settings.dedup_settings)
                P["text_hash"].append(exact)
                S["uid"].append(uid)
                S["sig"].append(sig)
                S["bands"].append(bands)
            else:
                P["text_hash"].append(None)
            if report.done % PROGRESS_EVERY == 0:
                write_progress(store.root, spec.number, report.total)
    finally:
        try:
            shard.unlink()
        except OSError:
            pass
    _write_tables(store, spec.number, P, M, S if settings.dedup else None)
    result = PartitionResult(
        number=spec.number, rows=spec.rows, done=report.done, skipped=report.skipped,
        failed=report.failed, mentions=len(M["uid"]), social=sum(P["requires_social"]),
        seconds=round(time.perf_counter() - t0, 3), failures=_failures(spec, offset, shard, report),
        cpu_seconds=round(time.process_time() - c0, 3),
    )
    atomic_write_json(marker, result.to_dict())
    return result


@lru_cache(maxsize=1)
def schemas() -> tuple[Any, Any, Any]:
    """The Arrow schemas of the postings, mentions and signatures tables."""
    import pyarrow as pa

    postings = pa.schema([
        ("uid", pa.int64()), ("corpus", pa.string()), ("row", pa.int64()), ("id", pa.string()),
        ("title", pa.string()), ("company", pa.string()), ("location", pa.string()),
        ("posted", pa.date32()), ("month", pa.string()), ("chars", pa.int32()),
        ("title_family", pa.string()), ("requires_social", pa.bool_()),
        ("strength", pa.string()), ("social_score", pa.float32()),
        ("title_mentions_social", pa.bool_()), ("areas", pa.list_(pa.string())),
        ("tech", pa.bool_()), ("comm", pa.bool_()), ("convergence", pa.bool_()),
        ("n_mentions", pa.int32()), ("evidence", pa.string()), ("text_hash", pa.int64()),
        *((c, {"string": pa.string(), "float32": pa.float32(), "float64": pa.float64(),
               "bool": pa.bool_()}[t]) for c, t in FACT_COLUMNS),
    ])
    mentions = pa.schema([
        ("uid", pa.int64()), ("skill_id", pa.string()), ("area", pa.string()),
        ("requirement", pa.string()), ("section", pa.string()), ("years", pa.float32()),
        ("usage", pa.string()), ("negated", pa.bool_()), ("counts", pa.bool_()),
        ("start", pa.int32()), ("end", pa.int32()),
    ])
    signatures = pa.schema([("uid", pa.int64()), ("sig", pa.binary()), ("bands", pa.list_(pa.int64()))])
    return postings, mentions, signatures

