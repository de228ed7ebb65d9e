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

import csv
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEED = 2027
REMOTIVE_CAP = {"Software Development": 12, "DevOps / Sysadmin": 5}
REMOTIVE_DEFAULT_CAP = 9
ADZUNA_CAP = 6
ADZUNA_HEALTH = 20
HEALTH = "Healthcare & Nursing Jobs"
#: the coded files that existed when this sample was drawn (later samples must not change it)
EARLIER = ("titles_linkedin_coded.jsonl", "titles_more_coded.jsonl", "titles_new_coded.jsonl")


def _key(title: str) -> str:
    return " ".join(title.lower().split())


def coded_keys() -> set[tuple[str, str]]:
    """(source, document) of every posting already coded (LinkedIn rows carry no source)."""
    keys = set()
    for name in EARLIER:
        for line in (ROOT / "bench/data" / name).open():
            row = json.loads(line)
            keys.add((row.get("source", "linkedin"), str(row["document"])))
    return keys


def draw() -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    done = coded_keys()
    seen: set[str] = set()
    out: list[dict] = []

    def take(source: str, rows: list[dict], cap_of) -> None:
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

    remotive = [json.loads(line) for line in (SHARED / "postings/remotive_2025-04.jsonl").open()]
    rrows = [{"document": str(r["id"]), "title": r["title"], "category": r["category"]} for r in remotive]
    random.Random(SEED).shuffle(rrows)
    take("remotive", rrows, lambda c: REMOTIVE_CAP.get(c, REMOTIVE_DEFAULT_CAP))

    with (SHARED / "postings/adzuna_uk_2013_sample.csv").open(encoding="utf-8") as fh:
        arows = [{"document": r["Id"], "title": r["Title"], "category": r["Category"]} for r in csv.DictReader(fh)]
    random.Random(SEED).shuffle(arows)
    take("adzuna", arows, lambda c: ADZUNA_HEALTH if c == HEALTH else ADZUNA_CAP)
    return out


if __name__ == "__main__":
    for row in draw():
        print(json.dumps(row, ensure_ascii=False))
