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

import csv
import json
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEED = 2028
#: the coded files that existed when this sample was drawn (later samples must not change it)
EARLIER = ("titles_linkedin_coded.jsonl", "titles_more_coded.jsonl", "titles_new_coded.jsonl", "titles_fresh2_coded.jsonl")
REMOTIVE_CAP = 9
ADZUNA_CAP = 12
ADZUNA_HEALTH = 41
HEALTH = "Healthcare & Nursing Jobs"


def _key(title: str) -> str:
    return " ".join(title.lower().split())


def coded() -> tuple[set[tuple[str, str]], set[str]]:
    """(source, document) and title key of every posting already coded (LinkedIn rows carry no source)."""
    keys: set[tuple[str, str]] = set()
    titles: set[str] = set()
    for name in EARLIER:
        for line in (ROOT / "bench/data" / name).open(encoding="utf-8"):
            row = json.loads(line)
            keys.add((row.get("source", "linkedin"), str(row["document"])))
            titles.add(_key(row["title"]))
    return keys, titles


def draw() -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    done, seen = coded()
    out: list[dict] = []

    def take(source: str, rows: list[dict], cap_of: Callable[[str], int]) -> None:
        by_cat: dict[str, list[dict]] = {}
        for r in rows:
            by_cat.setdefault(r["category"], []).append(r)
        for cat in sorted(by_cat):
            n = 0
            for r in by_cat[cat]:
                if n >= cap_of(cat):
                    break
                if (source, r["document"]) in done or _key(r["title"]) in seen:
                    continue
                seen.add(_key(r["title"]))
                out.append({"source": source, "document": r["document"], "title": r["title"], "category": cat})
                n += 1

    remotive = [json.loads(line) for line in (SHARED / "postings/remotive_2025-04.jsonl").open(encoding="utf-8")]
    rrows = [{"document": str(r["id"]), "title": r["title"], "category": r["category"]} for r in remotive]
    random.Random(SEED).shuffle(rrows)
    take("remotive", rrows, lambda c: REMOTIVE_CAP)

    with (SHARED / "postings/adzuna_uk_2013_sample.csv").open(encoding="utf-8") as fh:
        arows = [{"document": r["Id"], "title": r["Title"], "category": r["Category"]} for r in csv.DictReader(fh)]
    random.Random(SEED).shuffle(arows)
    take("adzuna", arows, lambda c: ADZUNA_HEALTH if c == HEALTH else ADZUNA_CAP)
    return out


if __name__ == "__main__":
    for row in draw():
        print(json.dumps(row, ensure_ascii=False))
