"""Scoring an entity linker on the Decorte et al. ESCO skill-linking benchmark.

Two file layouts are read, one row per (sentence, label): the span-level TECH and HOUSE
splits (``sentence, span, sub_span, label``) and the sentence-level TECHWOLF split
(``sentence, label``: skills annotated on the whole sentence, no span). Rows labelled
``LABEL NOT PRESENT`` or ``UNDERSPECIFIED`` are dropped; the gold set of a sentence is the
set of its remaining labels (ESCO preferred labels). A system ranks the whole label space
for each distinct sentence. Metrics, averaged over sentences:

* ``RP@K`` = hits among the top K / min(K, number of gold labels), in percent;
* ``MRR`` = mean reciprocal rank of the first gold label (0 when none is ranked).
"""

from __future__ import annotations

import csv
import gc
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

from skillmix.errors.config_codes import C301, C302
from skillmix.errors.document_codes import D301, D302, D303

__all__ = [
    "BenchmarkSentence",
    "DROPPED_LABELS",
    "evaluate_rankings",
    "r_precision_at_k",
    "read_benchmark",
    "reciprocal_rank",
    "run_benchmark",
]

DROPPED_LABELS = frozenset({"LABEL NOT PRESENT", "UNDERSPECIFIED"})
REQUIRED_COLUMNS = ("sentence", "label")


@dataclass(frozen=True, slots=True)
class BenchmarkSentence:
    """One scored sentence: its text, gold labels, and the annotated spans (empty in the
    sentence-level layout)."""

    sentence: str
    gold: frozenset[str]
    spans: tuple[str, ...] = ()


def read_benchmark(path: str | Path) -> list[BenchmarkSentence]:
    """Distinct sentences with at least one kept label, in first-seen order.

    Either layout (``sentence, span, sub_span, label`` or ``sentence, label``) is
    recognised by its header; any other header raises ``[D302]``."""
    p = Path(path)
    try:
        fh = p.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise D301(
            f"cannot read the benchmark file: {exc.strerror or exc}.", source=str(p),
            hint="Pass a CSV with columns sentence, span, sub_span, label (or sentence, label).",
        ) from exc
    gold: dict[str, set[str]] = {}
    spans: dict[str, list[str]] = {}
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise D302(
                "expected columns sentence, span, sub_span, label (span level) or "
                f"sentence, label (sentence level); missing {missing}.",
                source=str(p), hint="Check the file is in the Decorte benchmark format.",
            )
        for row in reader:
            label = (row.get("label") or "").strip()
            sent = row.get("sentence") or ""
            if not label or label in DROPPED_LABELS or not sent.strip():
                continue
            gold.setdefault(sent, set()).add(label)
            span = row.get("span") or ""
            spans.setdefault(sent, [])
            if span:
                spans[sent].append(span)
    return [BenchmarkSentence(s, frozenset(g), tuple(spans[s])) for s, g in gold.items()]


def r_precision_at_k(ranked: Sequence[str], gold: frozenset[str] | set[str], k: int) -> float:
    """Hits among the first ``k`` of ``ranked`` divided by ``min(k, len(gold))``."""
    if not gold:
        raise C301("R-precision needs at least one gold label.")
    hits = sum(1 for label in ranked[:k] if label in gold)
    return hits / min(k, len(gold))


def reciprocal_rank(ranked: Sequence[str], gold: frozenset[str] | set[str]) -> float:
    """1 / rank of the first gold label in ``ranked`` (0 when none appears)."""
    for i, label in enumerate(ranked, 1):
        if label in gold:
            return 1.0 / i
    return 0.0


def evaluate_rankings(
    rankings: Sequence[Sequence[str]],
    golds: Sequence[frozenset[str] | set[str]],
    ks: Sequence[int] = (1, 5, 10),
) -> dict[str, float]:
    """``RP@K`` (percent) for each K, ``MRR`` (0..1) and ``n``, averaged over sentences."""
    if len(rankings) != len(golds):
        raise C302(f"got {len(rankings)} rankings for {len(golds)} gold sets.")
    n = len(golds)
    out: dict[str, float] = {}
    for k in ks:
        out[f"RP@{k}"] = 100.0 * sum(r_precision_at_k(r, g, k) for r, g in zip(rankings, golds)) / max(n, 1)
    out["MRR"] = sum(reciprocal_rank(r, g) for r, g in zip(rankings, golds)) / max(n, 1)
    out["n"] = n
    return out


def run_benchmark(
    rank: Callable[[list[str]], Sequence[Sequence[str]]],
    sentences: Sequence[BenchmarkSentence],
    *,
    depth: int = 100,
) -> dict[str, float]:
    """Time ``rank`` (texts -> ranked labels per text) over ``sentences`` and score it.

    ``depth`` is how far each ranking is read; MRR counts ranks up to it.
    ``sentences_per_second`` is wall-clock with the garbage collector paused, as
    :mod:`timeit` does; ``cpu_seconds`` is the process's CPU time
    for the same work (it does not grow when other programs share the CPU).
    """
    texts = [s.sentence for s in sentences]
    # like timeit: no garbage collection inside the timed block (a collection's cost
    # depends on everything else the process holds, not on the linker)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = time.perf_counter()
        c0 = time.process_time()
        rankings = [list(r)[:depth] for r in rank(texts)]
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - c0
    finally:
        if was_enabled:
            gc.enable()
    scores: dict[str, float] = dict(evaluate_rankings(rankings, [s.gold for s in sentences]))
    scores["sentences_per_second"] = len(texts) / elapsed if elapsed > 0 else float("inf")
    # CPU seconds of this process (all threads): a load-independent view of the cost
    scores["cpu_seconds"] = cpu
    return scores


def round_scores(scores: Mapping[str, float]) -> dict[str, float]:
    """Scores rounded for display (RP to 2 decimals, MRR to 4)."""
    out: dict[str, float] = {}
    for k, v in scores.items():
        if isinstance(v, str):
            out[k] = v  # type: ignore[assignment]
        elif k in ("n", "labels"):
            out[k] = int(v)
        elif k == "MRR":
            out[k] = round(v, 4)
        else:
            out[k] = round(v, 2)
    return out


LABEL_FILE_NAME = "skills_en_label.txt"


def default_label_file(benchmark: str | Path | None = None) -> Path | None:
    """The benchmark's label space: ``skills_en_label.txt`` beside ``benchmark``, else in
    ``benchmarks/decorte/`` of the shared data folder
    (:attr:`skillmix.config.Settings.shared_data_dir`, ``$SKILLMIX_SHARED_DATA``); ``None``
    when none exists (rank every ESCO concept)."""
    from skillmix.config import current_settings

    candidates: list[Path] = []
    if benchmark is not None:
        candidates.append(Path(benchmark).parent / LABEL_FILE_NAME)
    shared = current_settings().shared_data_dir
    if shared is not None:
        candidates.append(shared / "benchmarks" / "decorte" / LABEL_FILE_NAME)
    for c in candidates:
        if c.is_file():
            return c
    return None


def evaluate_linker_file(
    benchmark: str | Path,
    *,
    labels: str | Path | None = None,
    esco: str | Path | None = None,
    cache_dir: str | Path | None = None,
    depth: int = 100,
    query: str = "static",
) -> dict[str, float]:
    """Load an :class:`~skillmix.link.linker.EscoLinker` over the benchmark's label space
    and score it on ``benchmark``: ``RP@1/5/10``, ``MRR``, ``n``, ``sentences_per_second``
    (ranking only) and ``load_seconds`` (model, label index and one warm-up batch of 8
    sentences)."""
    from skillmix.link.linker import EscoLinker

    sentences = read_benchmark(benchmark)
    if not sentences:
        raise D303(
            "no scorable rows (every label was dropped or empty).", source=str(benchmark),
            hint="Check the label column holds ESCO preferred labels.",
        )
    label_path = labels if labels is not None else default_label_file(benchmark)
    t0 = time.perf_counter()
    linker = EscoLinker.load(esco=esco, labels=label_path, cache_dir=cache_dir, query_encoder=query)
    linker.rank([s.sentence for s in sentences[:8]], depth)  # warm-up: first-touch costs
    load_seconds = time.perf_counter() - t0
    scores = run_benchmark(lambda texts: linker.rank_labels(texts, depth), sentences, depth=depth)
    scores["load_seconds"] = load_seconds
    scores["labels"] = len(linker.space)
    scores["query_encoder"] = query  # type: ignore[assignment]
    return scores
