"""A digest of everything extraction outputs, so that two source trees can be compared
exactly (speed work must not change what is extracted).

Extracts, with the source tree given by ``--src`` (this repository's ``src`` by
default), every posting of the three shared posting corpora, every document of the
shared gold and of ``bench/data/gold_fresh*/docs``, and a fixed sample of LiveCareer
résumés (every k-th PDF in sorted order, read through :mod:`skillmix.io`), in three
configurations (builtin vocabulary; ``--taxonomy`` for another): the default path,
context rules without duty patterns
(``duties=False``) and the lexical path (``context=False``). Every mention is written
with every field (skill id, span, surface, sentence, section, requirement, years,
negation, usage, role, extractor, confidence, quantity, group); the extractor version is
left out, as it is a digest of the extraction code and changes with any edit to it.

Prints one SHA-256 over all records, per configuration and in total. ``--dump FILE``
writes the records as JSON lines, so that two trees' dumps can be diffed to find the
first document that differs. ``--cache FILE`` keeps the read documents in a pickle
(reading the PDFs is the slow part; the readers are not what is compared); it is read
again when the document set changes (a gold set added).

    python bench/extract_identity.py [--src ../main/src] [--cache /tmp/ident_docs.pkl]
           [--resumes 300] [--dump /tmp/ident.jsonl] [--taxonomy SPEC]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ("linkedin_2024-04_sample.csv", "remotive_2025-04.jsonl", "adzuna_uk_2013_sample.csv")
CONFIGS = {"default": {}, "no_duties": {"duties": False}, "lexical": {"context": False}}


def gold_dirs(shared: Path) -> list[Path]:
    return [shared / "gold" / "docs",
            *sorted(p / "docs" for p in (ROOT / "bench" / "data").glob("gold_fresh*"))]


def fingerprint(shared: Path, n_resumes: int) -> list:
    """What the document set is made of (names and sizes), so a stale cache is not used
    after a gold set is added."""
    files = [shared / "postings" / n for n in CORPORA]
    files += [p for d in gold_dirs(shared) if d.is_dir() for p in sorted(d.glob("*.txt"))]
    return [n_resumes, *((str(p), p.stat().st_size) for p in files if p.exists())]


def read_all(shared: Path, n_resumes: int) -> list[tuple[str, object]]:
    """(key, Document) for every document compared, in a fixed order."""
    from skillmix.io import read_corpus, read_document, read_documents

    docs: list[tuple[str, object]] = []
    for name in CORPORA:
        for i, p in enumerate(read_corpus(shared / "postings" / name)):
            docs.append((f"{name}#{i}", p.document))
    for d in gold_dirs(shared):
        for path in sorted(d.glob("*.txt")) if d.is_dir() else ():
            kind = "posting" if path.name.startswith("posting") else "resume"
            docs.append((f"{d.parent.name}/{path.name}",
                         read_document(path, kind=kind, sandbox=False)))
    pdfs = sorted((shared / "resumes" / "livecareer").rglob("*.pdf"))
    if pdfs and n_resumes:
        step = max(1, len(pdfs) // n_resumes)
        chosen = pdfs[::step][:n_resumes]
        for path, doc in zip(chosen, read_documents(chosen, kind="resume", sandbox=False,
                                                    on_error="raise")):
            docs.append((f"livecareer/{path.parent.name}/{path.name}", doc))
    return docs


def record(key: str, config: str, extraction, version: str) -> str:
    """One document's extraction as a canonical JSON line (extractor version masked)."""
    mentions = []
    for m in extraction.mentions:
        row = {f: getattr(m, f) for f in m.__dataclass_fields__}
        if row["extractor_version"] == version:
            row["extractor_version"] = "="
        mentions.append(row)
    head = {"config": config, "key": key, "document_id": extraction.document_id,
            "source": extraction.source, "kind": extraction.kind,
            "taxonomy": extraction.taxonomy, "taxonomy_version": extraction.taxonomy_version,
            "mentions": mentions}
    return json.dumps(head, sort_keys=True, ensure_ascii=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=ROOT / "src")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--resumes", type=int, default=300)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--taxonomy", default="builtin",
                    help='the vocabulary spec, e.g. "builtin+esco+lightcast:PATH" (the big one)')
    args = ap.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    import skillmix
    from skillmix.extract import Extractor
    from skillmix.extract.engine import EXTRACTOR_VERSION

    if not Path(skillmix.__file__).resolve().is_relative_to(args.src.resolve()):
        raise SystemExit(f"skillmix imported from {skillmix.__file__}, not {args.src}")
    key = fingerprint(args.shared, args.resumes)
    cached = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.exists() else None
    if cached is not None and cached[0] == key:
        docs = cached[1]
    else:
        docs = read_all(args.shared, args.resumes)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps((key, docs)))
    total = hashlib.sha256()
    out = {"src": str(args.src), "extractor_version": EXTRACTOR_VERSION, "documents": len(docs),
           "taxonomy": args.taxonomy}
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for config, kwargs in CONFIGS.items():
        ex = Extractor(args.taxonomy, **kwargs)
        h = hashlib.sha256()
        n = 0
        for key, doc in docs:
            line = record(key, config, ex.extract(doc), EXTRACTOR_VERSION)
            n += line.count('"skill_id"')
            h.update(line.encode() + b"\n")
            if dump:
                dump.write(line + "\n")
        total.update(h.digest())
        out[config] = {"mentions": n, "sha256": h.hexdigest()[:16]}
    if dump:
        dump.close()
    out["sha256"] = total.hexdigest()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
