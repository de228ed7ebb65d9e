"""Assemble the curators' transcriptions of public LinkedIn postings into one corpus file.

    python scripts/assemble_public_linkedin.py CURATOR_DIR [CURATOR_DIR ...] --out data/postings/linkedin_2024_public.csv

Each CURATOR_DIR holds ``meta.jsonl`` (one line per transcribed posting: job id, title,
company, location, level, listed time, skills text, the public repository, path and commit
it was read from, and its sampling stratum) and ``postings/<job_id>.txt`` (the description,
verbatim). The output has the columns of the shared LinkedIn sample that the ``linkedin``
corpus preset reads, plus the provenance columns; a posting seen by two curators is kept
once (the first directory wins). Files that hold only a LinkedIn company id get
"LinkedIn company <id>" as the company, so company-grouped cross-validation still keeps one
employer's postings together. Listed times written by a spreadsheet ("1.71236E+12") are
turned back into whole milliseconds (their last digits are lost).
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

COLUMNS = ["job_id", "company_name", "title", "description", "skills_desc", "location",
           "listed_time", "formatted_experience_level", "source_repo", "source_path",
           "source_commit", "stratum"]


def _millis(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return str(int(float(value)))
    except ValueError:
        return ""


def _company(meta: dict) -> str:
    name = (meta.get("company_name") or "").strip()
    if name:
        return name
    cid = str(meta.get("company_id") or "").strip()
    if cid:
        return f"LinkedIn company {cid.removesuffix('.0')}"
    return ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    rows: dict[str, dict[str, str]] = {}
    for folder in args.dirs:
        for line in (folder / "meta.jsonl").read_text("utf-8").splitlines():
            if not line.strip():
                continue
            meta = json.loads(line)
            jid = str(meta["job_id"]).strip()
            if jid in rows:
                continue
            text = (folder / "postings" / f"{jid}.txt").read_text("utf-8")
            rows[jid] = {
                "job_id": jid, "company_name": _company(meta), "title": meta.get("title", ""),
                "description": text, "skills_desc": meta.get("skills_desc") or "",
                "location": meta.get("location") or "", "listed_time": _millis(meta.get("listed_time", "")),
                "formatted_experience_level": meta.get("formatted_experience_level") or "",
                "source_repo": meta.get("source_repo", ""), "source_path": meta.get("source_path", ""),
                "source_commit": meta.get("source_commit", ""), "stratum": meta.get("stratum", ""),
            }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        for jid in sorted(rows, key=int):
            w.writerow(rows[jid])
    print(f"{len(rows)} postings -> {args.out}")


if __name__ == "__main__":
    main()
