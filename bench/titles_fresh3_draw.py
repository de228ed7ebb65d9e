"""Draw the fourth held-out sample of posting titles (``bench/data/titles_fresh3_coded.jsonl``).

Run once, before any system output on the drawn postings was seen; the codes were then
added by reading each title and its posting text. Kept so the draw can be checked:

- postings already in any ``bench/data/titles_*_coded.jsonl`` (the four of ``EARLIER``) are
  left out, and so is a title equal (lower-cased, spaces squeezed) to any title coded before or drawn before;
- Remotive (April 2025): by the time of this draw only 8 of its 215 postings were not yet
  coded; 4 of them repeat a coded title, so 4 are drawn (``REMOTIVE_CAP`` a category is
  never reached);
- Adzuna UK (2013): at most ``ADZUNA_CAP`` postings from each category outside healthcare,
  plus ``ADZUNA_HEALTH`` from "Healthcare & Nursing Jobs" (84% of the sample's postings);
- one ``random.Random(2028)`` shuffle per source, categories visited in sorted order.

So this sample is mostly the Adzuna UK mix, unlike the earlier ones (about half Remotive).

Usage: python bench/titles_fresh3_draw.py  (prints one JSON line per drawn posting)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from titles_draw import draw, print_sample  # noqa: E402

SEED = 2028
#: the coded files that existed when this sample was drawn (later samples must not change it)
EARLIER = ("titles_linkedin_coded.jsonl", "titles_more_coded.jsonl", "titles_new_coded.jsonl",
           "titles_fresh2_coded.jsonl")
REMOTIVE_CAP = 9
ADZUNA_CAP = 12
ADZUNA_HEALTH = 41
HEALTH = "Healthcare & Nursing Jobs"


def sample() -> list[dict]:
    return draw(SEED, EARLIER, lambda c: REMOTIVE_CAP,
                lambda c: ADZUNA_HEALTH if c == HEALTH else ADZUNA_CAP, skip_coded_titles=True)


if __name__ == "__main__":
    print_sample(sample())
