"""Read every LiveCareer PDF résumé and compare PDF text engines.

    python bench/read_pdfs.py [ROOT] [--limit N] [--engines auto,pypdfium2,pdfium-raw,pypdf]

For each engine: how many files give text, seconds per file, and a text-quality check:
the share of extracted words (alphabetic tokens of 2+ letters) found in a dictionary.
The dictionary is /usr/share/dict/words when present (Debian's ``wamerican``), otherwise a
vocabulary derived from the shared data (ESCO skill labels + words seen 3+ times in the
Adzuna postings); the script prints which. Engines:

* ``auto``       skillmix's reader (pypdfium2 with position-based word spacing, pypdf
                 fallback when the text still looks poor)
* ``pypdfium2``  skillmix's pypdfium2 path alone
* ``pdfium-raw`` pypdfium2's own ``get_text_range`` (what a naive reader gets)
* ``pypdf``      pypdf's ``extract_text()`` alone

Engines take turns on each file so that load from other processes on a shared machine
slows them alike. Then the full pipeline (sandboxed ``read_documents``: text, sections, roles) over the
same files, with its batch report. Ratios are printed against ``pypdf``.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skillmix.batch import BatchReport  # noqa: E402
from skillmix.io import read_documents  # noqa: E402
from skillmix.io.limits import ReadLimits  # noqa: E402
from skillmix.io.pdf import read_pdf  # noqa: E402

WORD = re.compile(r"[A-Za-z]{2,}")


def load_dictionary(shared: Path) -> tuple[set[str], str]:
    words_file = Path("/usr/share/dict/words")
    if words_file.is_file():
        words = {w.strip().lower().removesuffix("'s") for w in words_file.read_text(errors="ignore").split()}
        return words, f"{words_file} ({len(words)} words)"
    vocab: Counter[str] = Counter()
    esco = shared / "taxonomies" / "esco" / "skills_en.csv"
    adzuna = shared / "postings" / "adzuna_uk_2013_sample.csv"
    words: set[str] = set()
    if esco.is_file():
        with esco.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                words.update(w.lower() for w in WORD.findall(row["preferredLabel"] + " " + row.get("altLabels", "")))
    if adzuna.is_file():
        with adzuna.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                vocab.update(w.lower() for w in WORD.findall(row["FullDescription"]))
    words.update(w for w, n in vocab.items() if n >= 3)
    return words, f"derived from ESCO labels + Adzuna words seen 3+ times ({len(words)} words)"


def quality(text: str, words: set[str]) -> tuple[int, int]:
    tokens = [t.lower() for t in WORD.findall(text)]
    return sum(t in words for t in tokens), len(tokens)


def pdfium_raw(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def pypdf_plain(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join((page.extract_text() or "") for page in reader.pages)


def extract(name: str, data: bytes, path: Path, limits: ReadLimits) -> str:
    if name == "auto":
        return read_pdf(data, str(path), limits, engine="auto")[0]
    if name == "pypdfium2":
        return read_pdf(data, str(path), limits, engine="pypdfium2")[0]
    if name == "pdfium-raw":
        return pdfium_raw(data)
    return pypdf_plain(data)


def run_engines(engines: list[str], files: list[Path], words: set[str]) -> dict[str, dict[str, float]]:
    """Engines take turns on each file, so a busy machine slows them all alike."""
    limits = ReadLimits()
    stats = {e: {"ok": 0, "found": 0, "total": 0, "times": []} for e in engines}
    for i, path in enumerate(files):
        data = path.read_bytes()
        k = i % len(engines)
        for engine in engines[k:] + engines[:k]:  # rotate: no engine always goes first
            st = stats[engine]
            t0 = time.perf_counter()
            try:
                text = extract(engine, data, path, limits)
            except Exception:  # noqa: BLE001 - a benchmark counts failures
                st["times"].append(time.perf_counter() - t0)
                continue
            st["times"].append(time.perf_counter() - t0)
            if text.strip():
                st["ok"] += 1
            f, n = quality(text, words)
            st["found"] += f
            st["total"] += n
    out = {}
    for engine, st in stats.items():
        times = st["times"]
        out[engine] = {
            "ok": st["ok"],
            "mean_s": statistics.fmean(times),
            "p95_s": sorted(times)[int(0.95 * (len(times) - 1))],
            "dict_share": st["found"] / st["total"] if st["total"] else 0.0,
            "words": st["total"] / max(1, st["ok"]),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", nargs="?", default=str(ROOT.parent / "shared" / "data" / "resumes" / "livecareer"))
    ap.add_argument("--limit", type=int, default=0, help="read only the first N files (0 = all)")
    ap.add_argument("--engines", default="auto,pypdfium2,pdfium-raw,pypdf")
    ap.add_argument("--no-pipeline", action="store_true", help="skip the sandboxed full pipeline")
    args = ap.parse_args(argv)
    root = Path(args.root)
    files = sorted(root.rglob("*.pdf"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no PDFs under {root}")
        return 1
    words, source = load_dictionary(root.parents[1] if root.name == "livecareer" else root)
    print(f"{len(files)} PDFs under {root}")
    print(f"dictionary: {source}")
    print(f"{'engine':<11} {'read':>9} {'s/file':>8} {'p95 s':>7} {'dict share':>10} {'words/file':>10}")
    results = run_engines(args.engines.split(","), files, words)
    for engine, r in results.items():
        print(
            f"{engine:<11} {r['ok']:>4}/{len(files):<4} {r['mean_s']:>8.4f} {r['p95_s']:>7.4f} "
            f"{r['dict_share']:>10.4f} {r['words']:>10.0f}"
        )
    base = results.get("pypdf")
    if base:
        print("ratios vs pypdf (time: lower is faster; quality: higher is better)")
        for engine, r in results.items():
            if engine == "pypdf":
                continue
            print(
                f"  {engine:<11} time x{r['mean_s'] / base['mean_s']:.3f}   "
                f"dict share x{r['dict_share'] / base['dict_share']:.4f}"
            )
    if not args.no_pipeline:
        report = BatchReport()
        t0 = time.perf_counter()
        docs = list(read_documents(files, report=report))
        spent = time.perf_counter() - t0
        with_roles = sum(1 for d in docs if d.roles)
        roles = sum(len(d.roles) for d in docs)
        with_exp = sum(1 for d in docs if any(s.kind == "experience" for s in d.sections))
        kinds = Counter(d.kind for d in docs)
        extractors = Counter(d.metadata.get("extractor") for d in docs)
        print(
            f"pipeline (sandboxed read_documents): {report.summary()}; {spent / len(files):.4f} s/file; "
            f"kinds {dict(kinds)}; extractor {dict(extractors)}"
        )
        print(
            f"  experience section found in {with_exp}/{len(docs)}; roles found in {with_roles}/{len(docs)} "
            f"({roles} roles, {roles / max(1, len(docs)):.1f} per résumé)"
        )
        for f in report.failures[:10]:
            print(f"  failed: {f.error}")
        sample = files[: min(len(files), 200)]
        t0 = time.perf_counter()
        list(read_documents(sample, sandbox=False))
        inproc = (time.perf_counter() - t0) / len(sample)
        t0 = time.perf_counter()
        list(read_documents(sample))
        boxed = (time.perf_counter() - t0) / len(sample)
        print(
            f"sandbox overhead on {len(sample)} files: in-process {inproc:.4f} s/file, "
            f"sandboxed {boxed:.4f} s/file (x{boxed / inproc:.2f}, worker start included)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
