"""Where a ``skillmix market run`` spends its time, stage by stage (one process, inline).

Wraps the pipeline's stages with timers (reading the corpus, extraction, the learned
classifier's features and area models, naming occupations with its title scores, text
vector and profile similarities, pay, deduplication fingerprints, writing the tables), runs
the market command over the shared postings inline (``-w 0``) and prints the seconds each
took. The stages nest (occupations holds its three parts, the classifier its two), so the
lines do not add up to the total; what is not listed is start-up, deduplication's matching
and the run folder's own work. Pin it to one core (``taskset -c 1``) on a shared machine.

    python bench/market_stages.py [--corpus FILE ...]
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
CORPORA = ("linkedin_2024-04_sample.csv", "remotive_2025-04.jsonl", "adzuna_uk_2013_sample.csv")
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

SPENT: collections.Counter[str] = collections.Counter()


def _timed(owner: Any, name: str, label: str) -> None:
    """Replace ``owner.name`` with a copy that adds its time to ``SPENT[label]``."""
    inner: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(inner)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - t0

    setattr(owner, name, wrapper)


def _timed_reader(owner: Any, name: str, label: str) -> None:
    """As :func:`_timed` for a generator: the time spent producing each item."""
    inner: Callable[..., Iterator[Any]] = getattr(owner, name)

    @functools.wraps(inner)
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        items = inner(*args, **kwargs)
        while True:
            t0 = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                SPENT[label] += time.perf_counter() - t0
                return
            SPENT[label] += time.perf_counter() - t0
            yield item

    setattr(owner, name, wrapper)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, nargs="*", help="corpora (default: the shared postings)")
    args = ap.parse_args()
    corpora = args.corpus or [SHARED / "postings" / c for c in CORPORA]

    import skillmix.io as sio
    from skillmix.cli.main import main as cli
    from skillmix.extract.engine import Extractor
    from skillmix.market import jobfacts, worker
    from skillmix.market.learned import LearnedSocialMediaClassifier, MarketModel
    from skillmix.occupations.normalise import TitleNormaliser
    from skillmix.occupations.profiles import OccupationProfiles

    _timed_reader(sio, "read_corpus", "read the corpus")
    for owner, name, label in (
        (Extractor, "extract", "extract"),
        (LearnedSocialMediaClassifier, "classify", "classify"),
        (LearnedSocialMediaClassifier, "features", "  its features"),
        (MarketModel, "decide_areas", "  its area models"),
        (TitleNormaliser, "normalise", "name occupations"),
        (TitleNormaliser, "title_scores", "  title scores (and the index, once)"),
        (OccupationProfiles, "vector", "  text vector"),
        (OccupationProfiles, "similarities", "  profile similarities"),
        (jobfacts, "pay_of", "pay"),  # the posting's text and its board's pay field
        (worker, "fingerprint", "dedup fingerprints"),
        (worker, "_write_tables", "write the tables"),
    ):
        _timed(owner, name, label)
    with tempfile.TemporaryDirectory(prefix="skillmix-market-stages-") as tmp:
        argv = sys.argv
        sys.argv = ["skillmix", "market", "run", *map(str, corpora), "--out", str(Path(tmp) / "run"),
                    "-w", "0", "-q"]
        t0 = time.perf_counter()
        try:
            cli()
        except SystemExit as done:
            if done.code not in (None, 0):
                raise
        finally:
            sys.argv = argv
        total = time.perf_counter() - t0
    print(f"total {total:.2f} s")
    order = ("read the corpus", "extract", "classify", "  its features", "  its area models",
             "name occupations", "  title scores (and the index, once)", "  text vector",
             "  profile similarities", "pay", "dedup fingerprints", "write the tables")
    for label in order:
        print(f"{label:40s} {SPENT[label]:6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
