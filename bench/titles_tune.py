"""Tune title-matching knobs on an O*NET *tuning* split, disjoint from the dev split.

The distinct reported titles are shuffled once (seed 17, as in titles_eval.py): the first
20% are the dev split that titles_eval.py reports; the next 20% are this tuning split. The
index drops every entry equal (after cleaning) to a tuning title; the dev split is never
scored here. Prints top-1 / major / top-5 for each setting tried.

Usage:
    PYTHONPATH=src python bench/titles_tune.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from titles_eval import onet_split, score  # noqa: E402


def tuning_split(seed: int = 17, share: float = 0.2):
    """The tuning slice: the O*NET share right after the development slice."""
    return onet_split(seed, share, part=1)


def main() -> None:
    import skillmix.occupations.normalise as nm
    from skillmix.occupations import TitleIndex, TitleNormaliser

    kept, items = tuning_split()
    golds = [(min(g), g) for _, g in items]
    for a in (0.4, 0.5, 0.6):
        index = TitleIndex(kept, title_coverage=a)
        for official in (0.0, 0.1, 0.2):
            for support in (0.0, 0.2, 0.5):
                nm.OFFICIAL, nm.SUPPORT = official, support
                n = TitleNormaliser(k=5, index=index)
                s = score([[c.detailed for c in n.normalise(t).candidates] for t, _ in items], golds)
                print(f"coverage={a} official={official} support={support}: "
                      f"top1 {s['top1_acceptable']:.3f} major {s['major']:.3f} top5 {s['top5']:.3f}")


if __name__ == "__main__":
    main()
