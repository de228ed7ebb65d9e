"""Reading a résumé export against reading the same résumés as files (session 15).

Takes a résumé export (a CSV or TSV; default: the shared Kaggle CSV, 962 rows), writes each
row's text as the export holds it to its own ``.txt`` file in a temporary folder, then, in
one process, times in turn (A, B, B, A for ``--pairs``):

* files: ``read_documents`` over the folder (the baseline: what a user had to do before
  exports were read row by row);
* export: ``read_resume_corpus`` over the export.

Prints documents per second for each, the export's speed as a ratio of the files' and
whether every row read to the same text, sections and roles as its file (it must).

    python bench/read_exports.py [--export FILE] [--pairs 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import tempfile
import time
from pathlib import Path

from skillmix.io import read_documents, read_resume_corpus

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "resumes" / "kaggle_updated_resume_dataset.csv"


def _raw_texts(export: Path) -> list[str]:
    """Each row's résumé text as the export holds it (a CSV or TSV with a text column the
    résumé presets name), to be written to its own file."""
    from skillmix.io.corpus import corpus_columns
    from skillmix.io.resume_corpus import RESUME_PRESETS, sniff_resume_preset

    columns = corpus_columns(export)
    preset = RESUME_PRESETS[sniff_resume_preset(columns) or "generic"]
    lower = {c.lower(): c for c in columns}
    column = next(lower[t.lower()] for t in preset.text if t.lower() in lower)
    csv.field_size_limit(1 << 30)
    dialect = "excel-tab" if export.suffix.lower() == ".tsv" else "excel"
    with export.open(encoding="utf-8-sig", newline="") as fh:
        return [row[column] for row in csv.DictReader(fh, dialect=dialect)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--export", type=Path, default=DEFAULT)
    ap.add_argument("--pairs", type=int, default=2)
    args = ap.parse_args()
    rows = _raw_texts(args.export)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k, text in enumerate(rows):
            f = Path(tmp) / f"{k:05d}.txt"
            f.write_text(text, encoding="utf-8")
            files.append(f)

        def by_files() -> list:
            return list(read_documents(files, kind="resume"))

        def by_export() -> list:
            return [r.document for r in read_resume_corpus(args.export)]

        times: dict[str, list[float]] = {"files": [], "export": []}
        out: dict[str, list] = {}
        for _ in range(args.pairs):
            for name, fn in (("files", by_files), ("export", by_export),
                             ("export", by_export), ("files", by_files)):
                t0 = time.perf_counter()
                out[name] = fn()
                times[name].append(time.perf_counter() - t0)
        same = all(a.text == b.text and a.sections == b.sections and a.roles == b.roles
                   for a, b in zip(out["files"], out["export"]))
    n = len(rows)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(json.dumps({
        "export": str(args.export), "documents": n,
        "files_docs_per_s": round(n / med["files"], 1),
        "export_docs_per_s": round(n / med["export"], 1),
        "export_x_files": round(med["files"] / med["export"], 2),
        "same_text_sections_roles": same and len(out["files"]) == len(out["export"]) == n,
    }, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
