"""Draw the fifth held-out sample of posting titles (``bench/data/titles_fresh4_coded.jsonl``).

Run once, before any system output on the drawn postings was seen (the normaliser was
not run on them); each posting was then coded by reading its title and its text: the
primary O*NET-SOC detailed code, acceptable alternatives where the posting is genuinely
ambiguous, a short note; the sample's ``category`` is kept on each row. Coded at
normaliser version 5, before any version 6 change. Kept so the draw can be checked:

- postings already in any ``bench/data/titles_*_coded.jsonl`` (the five of ``EARLIER``) are
  left out, and so is a title equal (lower-cased, spaces squeezed) to any title coded before
  or drawn before;
- Remotive is fully coded (cap 0); Adzuna UK (2013) only;
- stratified by Adzuna's ``Category`` with one equal cap, ``ADZUNA_CAP`` = 30, for every
  category. After the exclusions only four categories still hold distinct uncoded titles:
  Engineering (38), Healthcare & Nursing (1,487), Hospitality & Catering (93) and IT (41);
  every other category (Accounting, HR, Sales, Travel...) was used up by earlier samples.
  So the sample is 30 from each of the four: healthcare is a quarter of it, not the 84%
  of fresh3 (and of the source file), and nursing, care and kitchen titles together are at
  most half;
- one ``random.Random(2030)`` shuffle, categories visited in sorted order (the procedure of
  ``titles_draw.py``).

Usage: python bench/titles_fresh4_draw.py  (prints one JSON line per drawn posting)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from titles_draw import draw, print_sample  # noqa: E402

SEED = 2030
#: the coded files that existed when this sample was drawn (later samples must not change it)
EARLIER = ("titles_linkedin_coded.jsonl", "titles_more_coded.jsonl", "titles_new_coded.jsonl",
           "titles_fresh2_coded.jsonl", "titles_fresh3_coded.jsonl")
ADZUNA_CAP = 30


def sample() -> list[dict]:
    return draw(SEED, EARLIER, lambda c: 0, lambda c: ADZUNA_CAP, skip_coded_titles=True)


if __name__ == "__main__":
    print_sample(sample())
