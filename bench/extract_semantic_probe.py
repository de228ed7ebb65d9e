"""Does semantic recall pay? Two probes on the development gold (issue #13).

The rules read duties and paraphrases; what they miss on unseen documents is long-tail
wording. Two ways of reaching it with the shipped static encoder (no download, core
install) are measured here by what they would *add* to the default extractor:

1. **Exemplars** (a learned matcher in its simplest honest form): every credited gold
   evidence quote is an example of its skill. Leave one document out: the sentences of
   the left-out document are compared with the examples of all the others, and a skill
   the extractor did not credit is proposed when some sentence comes within the cosine
   threshold of one of its examples. ``--missed-only`` keeps only the examples the
   extractor misses (the paraphrases the rules never learned).
2. **List items**: short skills-list items that earned no mention ("Budget
   Maintenance", "Retail Marketing") are linked to the nearest taxonomy label or alias.

Each line prints the threshold and the added true and false credits over all documents
(a proposal counts once per document and skill). Threshold is the only knob; the
figures show what any choice of it would cost.

    python bench/extract_semantic_probe.py [--gold DIR ...] [--encoder static|minilm]

``--encoder minilm`` runs the exemplar probe with the transformer (all-MiniLM-L6-v2, the
``semantic`` extra; about 15x slower than the static one, so never on the default path):
the question it answers is whether a stronger encoder would make exemplars pay at all.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

from gold_sets import gold_sets  # bench/gold_sets.py (bench/ is on the path)
from skillmix.extract import Extractor
from skillmix.extract.evaluate import credited_skills, load_gold
from skillmix.link.static import StaticEncoder
from skillmix.taxonomy import load_taxonomy

SETS = gold_sets()
_SENTENCES = re.compile(r"(?<=[.;!?])\s+|\n+|\s+[•·▪]\s+")
_ITEMS = re.compile(r"[,;|•·]")


def _unit(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    return v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-9)


def load(sets: list[Path], ex: Extractor):
    docs = []
    for g in sets:
        if not (g / "gold.jsonl").exists():
            continue
        for gd in load_gold(g / "gold.jsonl"):
            text = (g / "docs" / f"{gd.doc}.txt").read_text("utf-8")
            e = ex.extract(text, kind=gd.kind)
            docs.append((gd, text, e, credited_skills(e)))
    return docs


def exemplars(docs, enc, missed_only: bool) -> None:
    doc_of, sid_of, quotes = [], [], []
    for gd, _text, _e, pred in docs:
        for s in gd.skills:
            if s.credited and s.evidence and (not missed_only or s.id not in pred):
                doc_of.append(gd.doc)
                sid_of.append(s.id)
                quotes.append(s.evidence)
    emb = _unit(enc.encode(quotes))
    doc_arr, sid_arr = np.array(doc_of), np.array(sid_of)
    best_per_doc = []
    for gd, text, _e, pred in docs:
        sents = [s.strip() for s in _SENTENCES.split(text) if len(s.strip().split()) >= 3]
        mask = doc_arr != gd.doc
        if not sents or not mask.any():
            best_per_doc.append({})
            continue
        sims = (_unit(enc.encode(sents)) @ emb[mask].T).max(0)
        best: dict[str, float] = {}
        for sid, v in zip(sid_arr[mask], sims):
            if sid not in pred and v > best.get(sid, -1.0):
                best[str(sid)] = float(v)
        best_per_doc.append(best)
    print(f"exemplars ({'missed only' if missed_only else 'all'}: {len(quotes)} quotes, "
          f"leave one document out)")
    for th in (0.70, 0.75, 0.80, 0.85, 0.90):
        tp = fp = 0
        for (gd, *_), best in zip(docs, best_per_doc):
            for sid, v in best.items():
                if v >= th:
                    tp += sid in gd.credited
                    fp += sid not in gd.credited
        print(f"  threshold {th:.2f}: +{tp} true, +{fp} false")


def list_items(docs, enc: StaticEncoder, taxonomy) -> None:
    ids, names = [], []
    for s in taxonomy:
        if s.area != "platforms":
            for a in (s.label, *s.aliases):
                ids.append(s.id)
                names.append(a)
    emb = _unit(enc.encode_phrases(names))
    rows = []
    for gd, text, e, pred in docs:
        spans = [(m.start, m.end) for m in e.mentions]
        pos = 0
        for line in text.splitlines(keepends=True):
            items = [x.strip(" \t.*-") for x in _ITEMS.split(line) if x.strip(" \t.*-")]
            if len(items) >= 3 and sum(len(x.split()) <= 4 for x in items) >= 0.8 * len(items):
                for it in items:
                    a = text.find(it, pos)
                    if 1 <= len(it.split()) <= 4 and re.search("[A-Za-z]{3}", it) and not any(
                            s < a + len(it) and a < t for s, t in spans):
                        rows.append((gd, pred, it))
            pos += len(line)
    print(f"list items ({len(rows)} uncovered items, nearest label or alias)")
    if not rows:
        return
    sims = _unit(enc.encode_phrases([r[2] for r in rows])) @ emb.T
    best, val = sims.argmax(1), sims.max(1)
    for th in (0.75, 0.80, 0.85, 0.90):
        tp = fp = 0
        seen: set[tuple[str, str]] = set()
        for (gd, pred, _it), j, v in zip(rows, best, val):
            sid = ids[j]
            if v < th or sid in pred or (gd.doc, sid) in seen:
                continue
            seen.add((gd.doc, sid))
            tp += sid in gd.credited
            fp += sid not in gd.credited
        print(f"  threshold {th:.2f}: +{tp} true, +{fp} false")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, action="append", default=None)
    ap.add_argument("--encoder", choices=("static", "minilm"), default="static")
    args = ap.parse_args()
    taxonomy = load_taxonomy("builtin")
    ex = Extractor(taxonomy)
    docs = load(args.gold or SETS, ex)
    gold_n = sum(len(gd.credited) for gd, *_ in docs)
    tp = sum(len(gd.credited & pred) for gd, _t, _e, pred in docs)
    fp = sum(len(pred - gd.credited) for gd, _t, _e, pred in docs)
    print(f"{len(docs)} documents, {gold_n} gold credits; default extractor +{tp} true, "
          f"{fp} false (recall {tp / gold_n:.3f})")
    if args.encoder == "minilm":
        from skillmix.link.encoder import MiniLMEncoder

        exemplars(docs, MiniLMEncoder(), missed_only=False)
        exemplars(docs, MiniLMEncoder(), missed_only=True)
        return
    enc = StaticEncoder.load()
    exemplars(docs, enc, missed_only=False)
    exemplars(docs, enc, missed_only=True)
    list_items(docs, enc, taxonomy)


if __name__ == "__main__":
    main()
