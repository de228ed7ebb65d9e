"""What the mojibake repair (skillmix.io.mojibake) costs and what it changes.

    python bench/io_mojibake.py [--shared DIR] [--repeat N] [--limit N] [--patterns] [--ftfy]

1. Reads every LiveCareer PDF résumé once, with the repair off (PDF parsing dominates a
   read, so the repair is then timed on these pre-read texts).
2. Speed: ``clean_text`` with the repair against ``clean_text(repair=False)`` over the
   same texts, the two taking turns ``--repeat`` times; the ratio of the medians is the
   figure (a shared machine slows both alike). Also the repair's cost per résumé next to
   the time it took to parse the PDF, and the same ratio over the shared postings, which
   have no mojibake (what clean text pays).
3. Change: how many texts the repair changes among the résumés, the shared postings
   (Adzuna, LinkedIn, Remotive), the Kaggle résumés and the gold documents, and every
   distinct change (``--patterns`` prints each with a count and an example).
4. Extraction: the builtin extractor on each changed résumé read both ways (the same
   text through the plain-text reader, repair on and off); which credited skills
   (mentions that count) appear and disappear. Unchanged texts extract alike by
   construction and are not run.
5. ``--ftfy`` (needs ``pip install ftfy``): what ftfy's encoding fixer would add, run
   after the repair and run instead of its sequence decoder.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import statistics
import sys
import time
from collections import Counter
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import skillmix.io.pdf as pdf_module  # noqa: E402
import skillmix.io.text as text_module  # noqa: E402
from skillmix.io.limits import ReadLimits  # noqa: E402
from skillmix.io.reader import parse_bytes  # noqa: E402
from skillmix.io.text import clean_text  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from gold_sets import gold_sets  # noqa: E402


def read_resumes(root: Path, limit: int | None) -> tuple[dict[str, str], float]:
    """Each résumé's text as the reader gives it with the repair off; seconds per PDF."""
    pdf_module.clean_text = partial(clean_text, repair=False)  # type: ignore[assignment]
    texts: dict[str, str] = {}
    start = time.perf_counter()
    try:
        for path in sorted(root.glob("*/*.pdf"))[:limit]:
            try:
                text, _ = pdf_module.read_pdf(path.read_bytes(), str(path), ReadLimits())
            except Exception:  # noqa: BLE001 - the one scanned PDF (D102)
                continue
            texts[f"{path.parent.name}/{path.stem}"] = text
    finally:
        pdf_module.clean_text = clean_text
    return texts, (time.perf_counter() - start) / max(1, len(texts))


def corpora(shared: Path) -> dict[str, list[str]]:
    csv.field_size_limit(1 << 30)
    post = shared / "postings"
    out: dict[str, list[str]] = {}
    for key, name, col in (("postings: adzuna", "adzuna_uk_2013_sample.csv", "FullDescription"),
                           ("postings: linkedin", "linkedin_2024-04_sample.csv", "description")):
        with (post / name).open(encoding="utf-8", newline="") as fh:
            out[key] = [r[col] for r in csv.DictReader(fh)]
    with (post / "remotive_2025-04.jsonl").open(encoding="utf-8") as fh:
        out["postings: remotive"] = [json.loads(line)["description"] for line in fh]
    kaggle = shared / "resumes" / "kaggle_updated_resume_dataset.csv"
    if kaggle.is_file():
        with kaggle.open(encoding="utf-8", errors="replace", newline="") as fh:
            out["resumes: kaggle"] = sorted({r["Resume"] for r in csv.DictReader(fh)})
    out["gold documents"] = [p.read_text(encoding="utf-8", errors="replace")
                             for g in gold_sets() for p in sorted((g / "docs").glob("*")) if p.is_file()]
    return out


def time_repair(texts: list[str], repeat: int) -> tuple[float, float]:
    """Median seconds for the whole list: with the repair, without."""
    on, off = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        for x in texts:
            clean_text(x, repair=False)
        off.append(time.perf_counter() - t)
        t = time.perf_counter()
        for x in texts:
            clean_text(x)
        on.append(time.perf_counter() - t)
    return statistics.median(on), statistics.median(off)


def changes(before: str, after: str) -> list[tuple[str, str, str]]:
    """(removed, inserted, example in context) for each place ``after`` differs."""
    out = []
    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op != "equal":
            out.append((before[a1:a2], after[b1:b2], before[max(0, a1 - 12):a2 + 12].replace("\n", "⏎")))
    return out


def report_changes(name: str, raw: list[str], patterns: Counter[tuple[str, str]],
                   examples: dict[tuple[str, str], str]) -> list[int]:
    changed = []
    for i, x in enumerate(raw):
        before, after = clean_text(x, repair=False), clean_text(x)
        if before != after:
            changed.append(i)
            for removed, inserted, ctx in changes(before, after):
                patterns[(removed, inserted)] += 1
                examples.setdefault((removed, inserted), ctx)
    print(f"  {name:22} {len(changed):5} of {len(raw):5} texts change")
    return changed


def credited(text: str, extractor) -> set[str]:  # type: ignore[no-untyped-def]
    doc = parse_bytes(text.encode("utf-8"), "resume.txt", kind="resume")
    return {m.skill_id for m in extractor.extract(doc).mentions if m.counts}


def extraction_effect(texts: dict[str, str], names: list[str]) -> None:
    from skillmix.extract import Extractor

    extractor = Extractor("builtin")
    gained: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    moved = 0
    for name in names:
        with_repair = credited(texts[name], extractor)
        text_module.repair_mojibake = lambda t: t  # type: ignore[assignment]
        try:
            without = credited(texts[name], extractor)
        finally:
            text_module.repair_mojibake = _REPAIR
        if with_repair != without:
            moved += 1
            print(f"  {name}: +{sorted(with_repair - without)} -{sorted(without - with_repair)}")
        gained.update(with_repair - without)
        lost.update(without - with_repair)
    print(f"  {moved} of {len(names)} changed résumés credit other skills; "
          f"appear {dict(gained.most_common())}, disappear {dict(lost.most_common())}")


def ftfy_effect(texts: list[str]) -> None:
    try:
        import ftfy
    except ImportError:
        print("  ftfy not installed: pip install ftfy")
        return
    from skillmix.io import mojibake

    cfg = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, replace_lossy_sequences=False,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
        fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
        normalization=None, explain=False)
    after = instead = 0
    for x in texts:
        ours = clean_text(x)
        after += clean_text(ftfy.fix_text(ours, cfg)) != ours
        lossy_only = mojibake._repair_lossy(x)
        instead += clean_text(ftfy.fix_text(lossy_only, cfg), repair=False) != ours
    print(f"  ftfy after the repair changes {after} of {len(texts)}; "
          f"ftfy instead of its decoder (after the table) gives another text for {instead}")


_REPAIR = text_module.repair_mojibake


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--patterns", action="store_true", help="print every distinct change")
    ap.add_argument("--ftfy", action="store_true", help="measure what ftfy would add")
    args = ap.parse_args()
    lc = args.shared / "resumes" / "livecareer"
    if not lc.is_dir():
        sys.exit(f"no LiveCareer résumés under {lc}")

    texts, per_pdf = read_resumes(lc, args.limit)
    raw = list(texts.values())
    print(f"read {len(raw)} LiveCareer résumés with the repair off, {per_pdf * 1000:.1f} ms per PDF")

    on, off = time_repair(raw, args.repeat)
    print(f"\nclean_text over {len(raw)} pre-read texts, median of {args.repeat}:")
    print(f"  repair off   {off * 1000:8.1f} ms   x1.00")
    print(f"  repair on    {on * 1000:8.1f} ms   x{on / off:.2f}")
    print(f"  the repair adds {(on - off) / len(raw) * 1000:.3f} ms per résumé "
          f"({(on - off) / len(raw) / per_pdf:.2%} of reading its PDF)")

    others = corpora(args.shared)
    postings = [t for name, docs in others.items() if name.startswith("postings") for t in docs]
    on, off = time_repair(postings, args.repeat)
    print(f"clean_text over {len(postings)} postings (no mojibake), median of {args.repeat}:")
    print(f"  repair off   {off * 1000:8.1f} ms   x1.00")
    print(f"  repair on    {on * 1000:8.1f} ms   x{on / off:.2f}")

    print("\ntexts the repair changes:")
    patterns: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    changed = report_changes("resumes: livecareer", raw, patterns, examples)
    for name, docs in others.items():
        report_changes(name, docs, patterns, examples)
    print(f"  {len(patterns)} distinct changes, {sum(patterns.values())} in all")
    if args.patterns:
        for (removed, inserted), n in patterns.most_common():
            print(f"    {n:4}  {removed!r:16} -> {inserted!r:8}  e.g. {examples[(removed, inserted)]!r}")

    names = [list(texts)[i] for i in changed]
    print(f"\nextraction (builtin), the {len(names)} changed LiveCareer résumés:")
    extraction_effect(texts, names)

    if args.ftfy:
        print("\nftfy:")
        ftfy_effect(raw + [t for docs in others.values() for t in docs])


if __name__ == "__main__":
    main()
