"""Extraction against the annotated gold (../shared/data/gold): skill-set precision,
recall and F1 per document kind, posting requirement accuracy, consumer agreement, and
the misses / false positives per document.

    python bench/extract_gold.py [--gold DIR] [--semantic] [--errors] [--folds K]
    python bench/extract_gold.py --blind [--semantic]

``--blind`` scores the blind sets read to the experts' density (``bench/data/gold_fresh14``
onwards, each annotated before anything scored it): counts pooled over the sets per
document kind, and the mean and spread of each set's precision and recall. Rules have been
read from the errors of sets already scored, so later sets are the truer estimate; the
pool is the figure the closing notes quote.

``--semantic`` adds the ESCO linker on sentences with no lexical hit, its concepts mapped
to builtin ids where builtin.yaml cross-references them.

The rules (aliases, duty patterns, guards) were written while reading the errors of the
*development half* of the gold only (documents whose sha1(id) is even); the other half
was kept aside to estimate how the rules do on documents their author did not read, and
is printed separately. ``--errors`` lists errors of the development half only (pass
``--errors-all`` to see all). ``--folds K`` adds the mean and spread over K folds.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

from skillmix.extract import Extractor
from skillmix.extract.evaluate import evaluate_skills, load_gold
from skillmix.io import read_document

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gold"


_ESCO_TO_BUILTIN: dict[str, str] = {}


def _as_builtin(extraction):
    """Semantic mentions name ESCO concepts: map those the builtin taxonomy cross-
    references (``esco:`` in builtin.yaml) to builtin ids, drop the rest."""
    if not any(m.extractor == "semantic" for m in extraction.mentions):
        return extraction
    if not _ESCO_TO_BUILTIN:
        from skillmix.taxonomy import load_taxonomy

        for s in load_taxonomy("builtin"):
            if s.esco_uri:
                _ESCO_TO_BUILTIN[s.esco_uri.rsplit("/", 1)[-1]] = s.id
    kept = []
    for m in extraction.mentions:
        if m.extractor == "semantic":
            sid = _ESCO_TO_BUILTIN.get(m.skill_id)
            if sid is None:
                continue
            m = dataclasses.replace(m, skill_id=sid, taxonomy="builtin")
        kept.append(m)
    return dataclasses.replace(extraction, mentions=tuple(kept))


def _half(doc: str) -> int:
    """0: the development half (rules written from its errors); 1: held out."""
    return int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2


def _blind(ex: Extractor, last: int | None = None) -> dict:
    """Pooled and per-set figures over the expert-density blind sets (``--blind``; up to
    ``gold_fresh<last>`` with ``--through``)."""
    from gold_sets import expert_density_sets

    pooled: dict[str, dict[str, int]] = {}
    per_set: dict[str, dict[str, list[float]]] = {}
    for gs in expert_density_sets(last=last):
        gold = load_gold(gs / "gold.jsonl")
        cache = {g.doc: _as_builtin(ex.extract(read_document(gs / "docs" / f"{g.doc}.txt",
                                                             kind=g.kind, sandbox=False)))
                 for g in gold}
        for kind, ks in evaluate_skills(gold, lambda g: cache[g.doc]).kinds.items():
            counts = pooled.setdefault(kind, {"sets": 0, "tp": 0, "fp": 0, "fn": 0})
            counts["sets"] += 1
            for k in ("tp", "fp", "fn"):
                counts[k] += getattr(ks, k)
            figures = per_set.setdefault(kind, {"precision": [], "recall": []})
            figures["precision"].append(ks.precision)
            figures["recall"].append(ks.recall)
    out: dict = {}
    for kind, c in sorted(pooled.items()):
        out[kind] = {**c, "precision": round(c["tp"] / max(1, c["tp"] + c["fp"]), 4),
                     "recall": round(c["tp"] / max(1, c["tp"] + c["fn"]), 4),
                     **{f"per_set_{k}": {"mean": round(statistics.mean(v), 3),
                                         "sd": round(statistics.pstdev(v), 3)}
                        for k, v in per_set[kind].items()}}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT)
    ap.add_argument("--semantic", action="store_true")
    ap.add_argument("--errors", action="store_true", help="print misses and false positives")
    ap.add_argument("--errors-all", action="store_true")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--blind", action="store_true",
                    help="pool the expert-density blind sets (gold_fresh14 onwards)")
    ap.add_argument("--through", type=int, default=None, metavar="N",
                    help="with --blind: only the sets up to gold_freshN")
    args = ap.parse_args()
    if args.blind:
        json.dump(_blind(Extractor("builtin", semantic=args.semantic), args.through), sys.stdout,
                  indent=2)
        print()
        return 0
    gold = load_gold(args.gold / "gold.jsonl")
    docs = {}
    for g in gold:
        path = args.gold / "docs" / f"{g.doc}.txt"
        docs[g.doc] = read_document(path, kind=g.kind, sandbox=False)
    ex = Extractor("builtin", semantic=args.semantic)
    t0 = time.perf_counter()
    cache = {g.doc: _as_builtin(ex.extract(docs[g.doc])) for g in gold}
    took = time.perf_counter() - t0
    result = evaluate_skills(gold, lambda g: cache[g.doc])
    out: dict = {"all": {k: v.as_dict() for k, v in sorted(result.kinds.items())},
                 "seconds": round(took, 3)}
    for name, half in (("development half", 0), ("held-out half", 1)):
        members = [g.doc for g in gold if _half(g.doc) == half]
        r = evaluate_skills(gold, lambda g: cache[g.doc], docs=members)
        out[name] = {k: v.as_dict() for k, v in sorted(r.kinds.items())}
    if args.folds:
        ids = sorted(g.doc for g in gold)
        folds: dict[int, list[str]] = {}
        for i, d in enumerate(ids):
            folds.setdefault(i % args.folds, []).append(d)
        per: dict[str, list[float]] = {}
        for members in folds.values():
            r = evaluate_skills(gold, lambda g: cache[g.doc], docs=members)
            for kind, ks in r.kinds.items():
                per.setdefault(f"{kind}_f1", []).append(ks.f1)
                per.setdefault(f"{kind}_recall", []).append(ks.recall)
                per.setdefault(f"{kind}_precision", []).append(ks.precision)
        out["folds"] = {k: {"mean": round(statistics.mean(v), 3),
                            "sd": round(statistics.pstdev(v), 3)} for k, v in per.items()}
    json.dump(out, sys.stdout, indent=2)
    print()
    if args.errors or args.errors_all:
        for doc in sorted(set(result.misses) | set(result.false_positives)):
            if not args.errors_all and _half(doc) != 0:
                continue
            print(f"## {doc}")
            print("  miss:", ", ".join(result.misses.get(doc, [])))
            print("  fp:  ", ", ".join(result.false_positives.get(doc, [])))
            if doc in result.requirement_errors:
                print("  req: ", result.requirement_errors[doc])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
