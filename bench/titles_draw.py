"""How the blind title samples are drawn (``titles_fresh2_draw.py`` .. ``titles_fresh4_draw.py``).

One procedure, each sample its own parameters: postings already coded in the ``earlier``
files are left out; a drawn title equal (lower-cased, spaces squeezed) to one drawn before
is skipped, and with ``skip_coded_titles`` so is one equal to a title coded before; each
source (Remotive, then Adzuna UK) is shuffled once with ``random.Random(seed)`` and its
categories are visited in sorted order, each up to the cap ``cap_of`` gives it.
"""

from __future__ import annotations

import csv
import json
import os
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))


def title_key(title: str) -> str:
    return " ".join(title.lower().split())


def coded(earlier: Sequence[str]) -> tuple[set[tuple[str, str]], set[str]]:
    """(source, document) and title key of every posting coded in ``earlier`` (LinkedIn
    rows carry no source)."""
    keys: set[tuple[str, str]] = set()
    titles: set[str] = set()
    for name in earlier:
        for line in (ROOT / "bench/data" / name).open(encoding="utf-8"):
            row = json.loads(line)
            keys.add((row.get("source", "linkedin"), str(row["document"])))
            titles.add(title_key(row["title"]))
    return keys, titles


def draw(seed: int, earlier: Sequence[str], remotive_cap: Callable[[str], int],
         adzuna_cap: Callable[[str], int], *, skip_coded_titles: bool) -> list[dict]:
    """The sample, in drawing order."""
    csv.field_size_limit(sys.maxsize)
    done, coded_titles = coded(earlier)
    seen = set(coded_titles) if skip_coded_titles else set()
    out: list[dict] = []

    def take(source: str, rows: list[dict], cap_of: Callable[[str], int]) -> None:
        random.Random(seed).shuffle(rows)
        by_cat: dict[str, list[dict]] = {}
        for r in rows:
            by_cat.setdefault(r["category"], []).append(r)
        for cat in sorted(by_cat):
            n = 0
            for r in by_cat[cat]:
                if n >= cap_of(cat):
                    break
                if (source, r["document"]) in done or title_key(r["title"]) in seen:
                    continue
                seen.add(title_key(r["title"]))
                out.append({"source": source, "document": r["document"], "title": r["title"], "category": cat})
                n += 1

    with (SHARED / "postings/remotive_2025-04.jsonl").open(encoding="utf-8") as fh:
        remotive = [json.loads(line) for line in fh]
    take("remotive", [{"document": str(r["id"]), "title": r["title"], "category": r["category"]}
                      for r in remotive], remotive_cap)
    with (SHARED / "postings/adzuna_uk_2013_sample.csv").open(encoding="utf-8") as fh:
        take("adzuna", [{"document": r["Id"], "title": r["Title"], "category": r["Category"]}
                        for r in csv.DictReader(fh)], adzuna_cap)
    return out


def print_sample(rows: list[dict]) -> None:
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
