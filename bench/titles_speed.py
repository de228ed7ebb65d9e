"""Title normalisation speed on one core, as ratios to baselines timed in the same run.

Timed on distinct titles with a fresh normaliser each repeat (its per-title cache starts
empty), CPU time of this one process (``time.process_time``), best of ``--repeat`` runs so
that other jobs on a shared machine disturb the figure less. Titles: the O*NET dev split's
held-out reported titles plus every coded posting title (LinkedIn, Remotive, Adzuna), against
the full shipped index.

Baselines in the same run:
* ``word overlap`` -- a fixed pure-Python nearest-title matcher written here (lower-cased
  words, an inverted index over every O*NET title, the title sharing most words wins): it
  does not change when skillmix does, so the ratio to it moves with the code, not with how
  busy the machine is;
* ``char_tfidf`` -- the accuracy baseline of ``titles_eval.py`` (nearest O*NET title by
  character n-grams), on the first 300 titles.

Usage:
    PYTHONPATH=src python bench/titles_speed.py [--repeat 5]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from titles_eval import CharTfidf, linkedin_items, more_items, onet_split  # noqa: E402

WORD = re.compile(r"[a-z0-9]+")


class WordOverlap:
    """The fixed pure-Python reference: the O*NET title sharing the most words wins."""

    def __init__(self, entries) -> None:
        self.socs = [e.soc for e in entries]
        self.inv: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            for w in set(WORD.findall(e.title.lower())):
                self.inv.setdefault(w, []).append(i)

    def top(self, title: str) -> str | None:
        counts: dict[int, int] = {}
        for w in set(WORD.findall(title.lower())):
            for i in self.inv.get(w, ()):
                counts[i] = counts.get(i, 0) + 1
        return self.socs[max(counts, key=counts.__getitem__)] if counts else None


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    from skillmix.occupations import TitleNormaliser
    from skillmix.occupations.index import load_onet_titles

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    _, dev = onet_split()
    posts = linkedin_items() + more_items()
    titles = list(dict.fromkeys([t for t, _ in dev] + [it["title"] for it in posts]))
    with_text = list({it["title"]: it["text"] for it in posts}.items())
    TitleNormaliser().normalise("warm up", "warm up text")  # load the index and profiles once

    def ours() -> None:
        n = TitleNormaliser(k=5)
        for t in titles:
            n.normalise(t)

    def ours_text() -> None:
        n = TitleNormaliser(k=5)
        for t, x in with_text:
            n.normalise(t, x)

    overlap = WordOverlap(load_onet_titles())

    def reference() -> None:
        for t in titles:
            overlap.top(t)

    base = CharTfidf(load_onet_titles())
    sample = titles[:300]
    t_ours = best_of(args.repeat, ours)
    t_ref = best_of(args.repeat, reference)
    t_text = best_of(max(1, args.repeat // 2), ours_text)
    t_base = best_of(1, lambda: [base.top(t) for t in sample])
    per_s = len(titles) / t_ours
    print(f"{len(titles)} distinct titles, best of {args.repeat}, one core (process CPU time)")
    print(f"skillmix title only     {per_s:8.0f} titles/s")
    print(f"word overlap (baseline) {len(titles) / t_ref:8.0f} titles/s   skillmix/baseline speed x{t_ref / t_ours:.2f}")
    print(f"char_tfidf (baseline)   {len(sample) / t_base:8.0f} titles/s   skillmix is x{per_s / (len(sample) / t_base):.0f} faster")
    print(f"skillmix title + text   {len(with_text) / t_text:8.0f} postings/s ({len(with_text)} postings)")


if __name__ == "__main__":
    main()
