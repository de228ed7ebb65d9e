"""Build ``data/labels/market_labels.jsonl`` from the hand-written label passes.

The raw passes (``data/labels/raw/pass*_batch_*.txt``) hold one posting per line, in the
compact form they were typed in while reading: ``source:id|requires(1/0)|strength(c/s/n)|
areas(letters)|evidence ## evidence|note``; the area letters are M marketing_communications,
C customer_service, T technology, D data_analytics, P psychology_human_interaction,
S strategy_business, L leadership_evangelism. This script expands them, checks every
evidence quote is a verbatim span of the posting (whitespace-normalised), adds the 232
LinkedIn labels of the shared set (labelled by another reader under the same guide), and
writes one JSON object per posting. It never looks at any classifier.

Usage:
    python scripts/build_market_labels.py            # pass 1 + held-out -> market_labels.jsonl
    python scripts/build_market_labels.py --pass 2    # pass 2 -> market_labels_pass2.jsonl
    python scripts/build_market_labels.py --heldout   # heldout_batch_* -> market_labels_heldout.jsonl

Corrections (``raw/corrections_*.txt``, same line form, each with a note saying why) replace a
label of the development pool (``market_labels.jsonl``) only; the files of each reading pass,
the frozen held-out file included, keep what was read then.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))
GUIDE_VERSION = "1.1"
AREAS = {"M": "marketing_communications", "C": "customer_service", "T": "technology",
         "D": "data_analytics", "P": "psychology_human_interaction", "S": "strategy_business",
         "L": "leadership_evangelism"}
STRENGTH = {"c": "core", "s": "secondary", "n": "none"}
FILES = {"remotive": ("remotive_2025-04.jsonl", "remotive"),
         "adzuna": ("adzuna_uk_2013_sample.csv", "adzuna"),
         "linkedin": ("linkedin_2024-04_sample.csv", "linkedin")}


def norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.split()).lower()


def parse_line(line: str, where: str) -> dict:
    parts = line.rstrip("\n").split("|")
    if len(parts) != 6:
        raise SystemExit(f"{where}: expected 6 fields, got {len(parts)}: {line!r}")
    key, req, strength, areas, evidence, note = parts
    source, pid = key.split(":", 1)
    if req not in ("0", "1") or strength not in STRENGTH or (req == "1") == (strength == "n"):
        raise SystemExit(f"{where}: inconsistent requires/strength: {line!r}")
    bad = set(areas) - set(AREAS)
    if bad:
        raise SystemExit(f"{where}: unknown area letters {bad}: {line!r}")
    quotes = [q.strip() for q in evidence.split("##") if q.strip()]
    if req == "1" and not quotes:
        raise SystemExit(f"{where}: a positive label needs evidence: {line!r}")
    return {"source": source, "job_id": pid, "requires_social_media": req == "1",
            "strength": STRENGTH[strength], "areas": sorted(AREAS[a] for a in dict.fromkeys(areas)),
            "evidence": quotes, "note": note.strip()}


def _corrected(rows: list[dict], texts: dict) -> list[dict]:
    """``rows`` with the labels of ``raw/corrections_*.txt`` in place of the ones they correct."""
    fixes = {}
    for f in sorted((ROOT / "data" / "labels" / "raw").glob("corrections_*.txt")):
        for n, line in enumerate(f.read_text("utf-8").splitlines(), 1):
            if line.strip():
                row = parse_line(line, f"{f.name}:{n}")
                if not row["note"] or (row["source"], row["job_id"]) not in texts:
                    raise SystemExit(f"{f.name}:{n}: a correction needs a note and an existing posting")
                fixes[(row["source"], row["job_id"])] = (row, f.name.removesuffix(".txt"))
    out = []
    for r in rows:
        fix = fixes.pop((r["source"], r["job_id"]), None)
        if fix is not None:
            new, where = fix
            r = {**r, "requires_social_media": new["requires_social_media"], "strength": new["strength"],
                 "areas": new["areas"], "note": (r["note"] + " " if r["note"] else "") + new["note"],
                 "corrected": where}
        out.append(r)
    if fixes:
        raise SystemExit(f"corrections for postings with no label: {sorted(fixes)}")
    return out


def _public_rows() -> list[dict]:
    """The labels of the public LinkedIn postings the project brought in (session 19,
    ``data/postings/``), pooled into the development labels once their held-out figure was
    taken; their evidence is checked against the repository's corpus file."""
    sys.path.insert(0, str(ROOT / "src"))
    from skillmix.io import read_corpus

    labels = ROOT / "data" / "labels" / "market_labels_public_s19.jsonl"
    corpus = ROOT / "data" / "postings" / "linkedin_2024_public.csv"
    if not labels.exists():
        return []
    texts = {p.id: norm(f"{p.title or ''} {p.text}") for p in read_corpus(corpus, preset="linkedin")}
    rows = []
    for n, line in enumerate(labels.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        text = texts.get(str(obj["job_id"]))
        if text is None:
            raise SystemExit(f"{labels.name}:{n}: no such posting {obj['job_id']}")
        for q in obj.get("evidence") or []:
            if norm(q) not in text:
                raise SystemExit(f"{labels.name}:{n}: evidence is not verbatim: {q!r}")
        rows.append({k: obj[k] for k in ("source", "job_id", "requires_social_media", "strength", "areas",
                                         "evidence", "note", "labeller", "guide_version")})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pass", dest="npass", type=int, default=1)
    ap.add_argument("--heldout", action="store_true", help="build the held-out labels (session 3)")
    args = ap.parse_args()
    stem = "heldout" if args.heldout else f"pass{args.npass}"
    sys.path.insert(0, str(ROOT / "src"))
    from skillmix.io import read_corpus

    texts = {}
    for source, (fname, preset) in FILES.items():
        for p in read_corpus(SHARED / "postings" / fname, preset=preset):
            texts[(source, p.id)] = norm(f"{p.title or ''} {p.text}")
    rows = []
    files = sorted((ROOT / "data" / "labels" / "raw").glob(f"{stem}_batch_*.txt"))
    if args.npass == 1 and not args.heldout:
        # the held-out round joins the development pool once its figure was taken (session 3)
        files += sorted((ROOT / "data" / "labels" / "raw").glob("heldout_batch_*.txt"))
    for f in files:
        for n, line in enumerate(f.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = parse_line(line, f"{f.name}:{n}")
            text = texts.get((row["source"], row["job_id"]))
            if text is None:
                raise SystemExit(f"{f.name}:{n}: no such posting {row['source']}:{row['job_id']}")
            for q in row["evidence"]:
                if norm(q) not in text:
                    raise SystemExit(f"{f.name}:{n}: evidence is not verbatim: {q!r}")
            row.update(labeller=f.name.split("_batch_")[0], guide_version=GUIDE_VERSION)
            rows.append(row)
    if args.npass == 1 and not args.heldout:
        for line in (SHARED / "postings" / "linkedin_2024-04_sample_labels.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                rows.append({"source": "linkedin", "job_id": str(obj["job_id"]),
                             "requires_social_media": bool(obj["requires_social_media"]),
                             "strength": obj.get("strength", "none"), "areas": sorted(obj.get("areas") or []),
                             "evidence": obj.get("evidence") or [], "note": obj.get("note", ""),
                             "labeller": "shared-v1", "guide_version": "1"})
    if args.npass == 1 and not args.heldout:
        rows += _public_rows()
        rows = _corrected(rows, texts)
    seen = set()
    for r in rows:
        k = (r["source"], r["job_id"])
        if k in seen:
            raise SystemExit(f"duplicate label {k}")
        seen.add(k)
    name = ("market_labels_heldout.jsonl" if args.heldout else
            "market_labels.jsonl" if args.npass == 1 else f"market_labels_pass{args.npass}.jsonl")
    out = ROOT / "data" / "labels" / name
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    pos = sum(r["requires_social_media"] for r in rows)
    print(f"{out.name}: {len(rows)} labels, {pos} positive")


if __name__ == "__main__":
    main()
