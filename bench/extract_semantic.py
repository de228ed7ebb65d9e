"""Cost and yield of extraction's semantic fallback (issue #4, part 3).

    python bench/extract_semantic.py [--n 232] [--shared ../shared/data]

Extracts the shared LinkedIn postings with the builtin taxonomy three ways, in one
process: lexical only (the baseline), with the semantic fallback proposing ESCO spans in
every sentence lexical matching left empty (batched, what ``--semantic`` does), and the
same with one linker call per sentence (how the fallback worked before batching). Prints
postings/second, the ratio to the baseline, semantic mentions per posting and whether the
batched and per-sentence runs agree, as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data")))
    ap.add_argument("--n", type=int, default=232)
    args = ap.parse_args()
    from skillmix.extract import Extractor
    from skillmix.extract.semantic import SemanticFallback, SemanticSpan
    from skillmix.io import read_corpus
    from skillmix.link.spans import propose_spans

    docs = list(read_corpus(args.shared / "postings" / "linkedin_2024-04_sample.csv"))[: args.n]
    fallback = SemanticFallback()

    class PerSentence(SemanticFallback):
        def spans(self, text, sentences):  # the pre-batching implementation
            out = []
            for start, end in sentences:
                if not self.min_words <= len(text[start:end].split()) <= self.max_words:
                    continue
                for p in propose_spans(self.linker, text[start:end], threshold=self.threshold):
                    uri = p.uri or ""
                    out.append(SemanticSpan(start + p.start, start + p.end,
                                            uri.rsplit("/", 1)[-1] or p.label, p.label, p.score))
            return out

    runs = {
        "lexical": Extractor("builtin"),
        "semantic_batched": Extractor("builtin", semantic=fallback),
        "semantic_per_sentence": Extractor("builtin", semantic=PerSentence(fallback.linker)),
    }
    for ex in runs.values():
        ex.extract(docs[0])  # warm-up
    result: dict[str, object] = {"postings": len(docs)}
    mentions = {}
    base = None
    for name, ex in runs.items():
        t0 = time.perf_counter()
        out = [ex.extract(d) for d in docs]
        dt = time.perf_counter() - t0
        rate = len(docs) / dt
        base = base or rate
        sem = [[(m.start, m.end, m.skill_id) for m in e.mentions if m.extractor == "semantic"] for e in out]
        mentions[name] = sem
        result[name] = {"postings_per_second": round(rate, 1), "ratio_to_lexical": round(rate / base, 4),
                        "semantic_mentions_per_posting": round(sum(map(len, sem)) / len(docs), 2)}
    result["batched_equals_per_sentence"] = mentions["semantic_batched"] == mentions["semantic_per_sentence"]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
