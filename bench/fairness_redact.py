"""Blind mode on real résumés: what it catches, what it costs.

Usage: .venv/bin/python bench/fairness_redact.py [N]   (default 200 résumés, spread over
the 24 LiveCareer categories)

1. Recall: an identity block (name, e-mail, phone, street address, profile link, date of
   birth, pronouns) is put on top of each résumé, in rotating formats and with names from
   many backgrounds (some not in the name lexicon); the share of planted values that no
   longer appear after blind mode, per kind.
2. Over-masking: the share of the original résumé's skill mentions (builtin taxonomy) that
   are still found, at the same spans, after blind mode.
3. Cost: extraction after blind mode against extraction alone, same documents, this process.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

from skillmix.extract import as_document, get_extractor
from skillmix.fairness import redact
from skillmix.io import read_documents

ROOT = Path(__file__).resolve().parents[1]
GIVEN = ["Greg", "Lakisha", "Priya", "José", "Mei", "DeShawn", "Oluwaseun", "Siobhan", "Nguyen",
         "Aleksandra", "Tomasz", "Ayodele", "Keanu", "Ximena", "Björn", "Fatima", "Hiroshi",
         "Anneliese", "Tariq", "Zainab"]
FAMILY = ["Baker", "Washington", "Raghunathan", "García", "Chen", "Jackson", "Adeyemi",
          "O'Sullivan", "Tran", "Kowalczyk", "Nowak", "Okafor", "Kahananui", "Quispe", "Lindqvist",
          "Haddad", "Tanaka", "Vogel", "Rahman", "Mensah"]
PHONES = ["(312) 555-0{:03d}", "+1 415 555 0{:03d}", "312.555.0{:03d}", "+44 20 7946 0{:03d}"]
STREETS = ["{} Maple Avenue, Apt 3", "{} N. Clark Street", "{} Sunset Blvd", "{} Oak Lane"]


def identity(i: int) -> tuple[str, dict[str, str]]:
    g, f = GIVEN[i % len(GIVEN)], FAMILY[(i * 7) % len(FAMILY)]
    vals = {
        "name": f"{g} {f}",
        "email": f"{g.lower()}.{f.lower().replace(chr(39), '')}{i}@example.com",
        "phone": PHONES[i % len(PHONES)].format(i % 1000),
        "address": STREETS[i % len(STREETS)].format(100 + i),
        "profile_link": f"linkedin.com/in/{g.lower()}{f.lower()[:4]}{i}",
        "date_of_birth": f"{1 + i % 27:02d}/{1 + i % 12:02d}/19{70 + i % 25}",
        "gender_marker": "she/her" if i % 2 else "he/him",
    }
    block = (f"{vals['name']}\n{vals['address']} | {vals['phone']} | {vals['email']}\n"
             f"{vals['profile_link']}\nDate of Birth: {vals['date_of_birth']}\n"
             f"Pronouns: {vals['gender_marker']}\n")
    return block, vals


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    root = ROOT.parent / "shared" / "data" / "resumes" / "livecareer"
    cats = sorted(p for p in root.iterdir() if p.is_dir())
    per = -(-n // len(cats))
    paths = [f for c in cats for f in sorted(c.glob("*.pdf"))[:per]][:n]
    docs = list(read_documents(paths, kind="resume", sandbox=False, on_error="skip"))
    ex = get_extractor("builtin")

    planted, caught = Counter(), Counter()
    misses: list[str] = []
    for i, d in enumerate(docs):
        block, vals = identity(i)
        red = redact(as_document(block + d.text, "resume")).document.text
        for kind, value in vals.items():
            planted[kind] += 1
            parts = value.split("/") if kind == "gender_marker" else [value]
            if not any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", red) for p in parts):
                caught[kind] += 1
            elif len(misses) < 8:
                misses.append(f"{kind}: {value!r}")

    kept = total = 0
    t_plain = t_blind = 0.0
    for d in docs:
        t0 = time.perf_counter()
        before = ex.extract(d)
        t1 = time.perf_counter()
        after = ex.extract(redact(d).document)
        t2 = time.perf_counter()
        t_plain += t1 - t0
        t_blind += t2 - t1
        spans = {(m.skill_id, m.start, m.end) for m in after.mentions}
        counted = [m for m in before.mentions if m.counts]
        total += len(counted)
        kept += sum((m.skill_id, m.start, m.end) in spans for m in counted)

    print(f"résumés: {len(docs)}")
    for kind in planted:
        print(f"recall {kind:14s} {caught[kind]}/{planted[kind]} = {caught[kind] / planted[kind]:.3f}")
    print("first misses:", misses)
    print(f"skill mentions kept after blind mode: {kept}/{total} = {kept / max(total, 1):.4f}")
    print(f"time, redact + extract / extract alone: {t_blind / t_plain:.2f}x "
          f"({1000 * t_plain / len(docs):.1f} ms vs {1000 * t_blind / len(docs):.1f} ms per résumé)")


if __name__ == "__main__":
    main()
