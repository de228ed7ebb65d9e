"""Draw the third held-out sample of posting titles (``bench/data/titles_fresh2_coded.jsonl``).

Run once, before any system output on the drawn postings was seen; the codes were then
added by reading each title and its posting text. Kept so the draw can be checked:

- postings already in any ``bench/data/titles_*_coded.jsonl`` are left out, and a drawn
  title equal (lower-cased, spaces squeezed) to one drawn before is skipped;
- Remotive (April 2025): every category, at most ``REMOTIVE_CAP`` postings each, so
  marketing, sales, writing, design, customer service and tech titles all appear;
- Adzuna UK (2013): at most ``ADZUNA_CAP`` postings from each category outside healthcare,
  plus ``ADZUNA_HEALTH`` from "Healthcare & Nursing Jobs" (84% of the sample's postings);
- one ``random.Random(2027)`` shuffle per source, categories visited in sorted order.

Usage: python bench/titles_fresh2_draw.py  (prints one JSON line per drawn posting)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from titles_draw import draw, print_sample  # noqa: E402

SEED = 2027
REMOTIVE_CAP = {"Software Development": 12, "DevOps / Sysadmin": 5}
REMOTIVE_DEFAULT_CAP = 9
ADZUNA_CAP = 6
ADZUNA_HEALTH = 20
HEALTH = "Healthcare & Nursing Jobs"
#: the coded files that existed when this sample was drawn (later samples must not change it)
EARLIER = ("titles_linkedin_coded.jsonl", "titles_more_coded.jsonl", "titles_new_coded.jsonl")


def sample() -> list[dict]:
    return draw(SEED, EARLIER, lambda c: REMOTIVE_CAP.get(c, REMOTIVE_DEFAULT_CAP),
                lambda c: ADZUNA_HEALTH if c == HEALTH else ADZUNA_CAP, skip_coded_titles=False)


if __name__ == "__main__":
    print_sample(sample())
