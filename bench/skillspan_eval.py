"""Span extraction quality on SkillSpan dev: precision, recall, F1, exact and loose.

    python bench/skillspan_eval.py [--extractor lexical|linker|both] [--split house,tech]
                                   [--limit N] [--shared ../shared/data]

SkillSpan files hold ``token<TAB>skill-BIO<TAB>knowledge-BIO`` lines, one blank line
between sentences. Each sentence is rebuilt as its tokens joined by single spaces; gold
spans become character spans of that text. An extractor is any callable
``text -> iterable of (start, end)`` (objects with ``.start``/``.end`` work too).
Predictions are scored against the skill spans, the knowledge spans and their union
("any"): *exact* = same boundaries, *loose* = overlapping (each gold and each predicted
span matched at most once).

Extractors:
* ``lexical``: the extraction engine, ``skillmix.extract.extract_text(text)`` (mentions
  with ``start``/``end``), imported lazily; reported as missing when it does not exist;
* ``linker``: :func:`skillmix.link.spans.propose_spans` (word windows scored by the ESCO
  linker, fast static query encoder);
* ``union`` (with ``--extractor union``): lexical spans, plus linker spans that overlap none.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

os.environ.setdefault("HF_HUB_OFFLINE", "1")

Span = tuple[int, int]


@dataclass
class Sentence:
    text: str
    skill: list[Span]
    knowledge: list[Span]


def _bio_spans(tags: list[str], offsets: list[Span]) -> list[Span]:
    spans: list[Span] = []
    start = None
    end = None
    for tag, (s, e) in zip(tags, offsets):
        if tag.startswith("B") or (tag.startswith("I") and start is None):
            if start is not None:
                spans.append((start, end))
            start, end = s, e
        elif tag.startswith("I"):
            end = e
        else:
            if start is not None:
                spans.append((start, end))
            start = None
    if start is not None:
        spans.append((start, end))
    return spans


def read_conll(path: Path) -> list[Sentence]:
    out: list[Sentence] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        offsets, pos = [], 0
        for r in rows:
            offsets.append((pos, pos + len(r[0])))
            pos += len(r[0]) + 1
        text = " ".join(r[0] for r in rows)
        skill = _bio_spans([r[1] if len(r) > 1 else "O" for r in rows], offsets)
        know = _bio_spans([r[2] if len(r) > 2 else "O" for r in rows], offsets)
        out.append(Sentence(text, skill, know))
        rows.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
        else:
            rows.append(line.split("\t"))
    flush()
    return out


def _match(pred: list[Span], gold: list[Span], loose: bool) -> int:
    used = [False] * len(gold)
    hits = 0
    for p in pred:
        for i, g in enumerate(gold):
            if used[i]:
                continue
            ok = (p[0] < g[1] and g[0] < p[1]) if loose else p == g
            if ok:
                used[i] = True
                hits += 1
                break
    return hits


def score(pairs: list[tuple[list[Span], list[Span]]]) -> dict[str, dict[str, float]]:
    out = {}
    for mode in ("exact", "loose"):
        tp = sum(_match(p, g, mode == "loose") for p, g in pairs)
        npred = sum(len(p) for p, _ in pairs)
        ngold = sum(len(g) for _, g in pairs)
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[mode] = {"P": round(100 * prec, 1), "R": round(100 * rec, 1), "F1": round(100 * f1, 1)}
    return out


def _spans(found: Iterable) -> list[Span]:
    out = []
    for m in found:
        if isinstance(m, tuple):
            out.append((int(m[0]), int(m[1])))
        else:
            out.append((int(m.start), int(m.end)))
    return sorted(set(out))


def union(first: list[Span], second: list[Span]) -> list[Span]:
    """``first`` plus the spans of ``second`` that overlap none of them."""
    return first + [s for s in second if all(s[1] <= f[0] or f[1] <= s[0] for f in first)]


def evaluate(extract: Callable[[str], Iterable], sentences: list[Sentence]) -> dict[str, object]:
    t0 = time.perf_counter()
    preds = [_spans(extract(s.text)) for s in sentences]
    dt = time.perf_counter() - t0
    return {
        "skill": score([(p, s.skill) for p, s in zip(preds, sentences)]),
        "knowledge": score([(p, s.knowledge) for p, s in zip(preds, sentences)]),
        "any": score([(p, sorted(s.skill + s.knowledge)) for p, s in zip(preds, sentences)]),
        "sentences": len(sentences),
        "sentences_per_second": round(len(sentences) / dt, 1) if dt else None,
    }


def lexical_extractor(taxonomy: str = "builtin+esco") -> Callable[[str], Iterable] | str:
    """``skillmix.extract.extract_text`` when it exists, else ``extract(text).mentions``;
    mention offsets are re-anchored on the input when the engine normalised the text."""
    import importlib

    try:
        engine = importlib.import_module("skillmix.extract")
    except ImportError as exc:
        return f"missing: skillmix.extract is not available ({exc})"
    if hasattr(engine, "extract_text"):
        return engine.extract_text
    if not hasattr(engine, "extract"):
        return "missing: skillmix.extract has neither extract_text nor extract"

    def run(text: str) -> list[Span]:
        out = []
        for m in engine.extract(text, taxonomy=taxonomy).mentions:
            if text[m.start : m.end] == m.surface:
                out.append((m.start, m.end))
            else:
                at = text.lower().find(m.surface.lower())
                if at >= 0:
                    out.append((at, at + len(m.surface)))
        return out

    return run


def linker_extractor(threshold: float = 0.8) -> Callable[[str], Iterable] | str:
    try:
        from skillmix.link.linker import EscoLinker
        from skillmix.link.spans import propose_spans
        from skillmix.link.static import StaticEncoder

        linker = EscoLinker.load(query_encoder=StaticEncoder.load())
        linker.rank(["warm up"], top_k=1)
    except Exception as exc:  # report, do not crash the whole benchmark
        return f"missing: linker span proposer unavailable ({exc})"
    return lambda text: [(s.start, s.end) for s in propose_spans(linker, text, threshold=threshold)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SKILLMIX_SHARED_DATA", "../shared/data")))
    ap.add_argument("--extractor", default="both", choices=["lexical", "linker", "both", "union"])
    ap.add_argument("--split", default="house,tech")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences of each split")
    ap.add_argument("--taxonomy", default="builtin+esco", help="taxonomy spec for the lexical extractor")
    ap.add_argument("--threshold", type=float, default=0.8, help="span proposer threshold")
    args = ap.parse_args()
    names = {"both": ["lexical", "linker"], "union": ["lexical", "linker", "union"]}.get(
        args.extractor, [args.extractor]
    )
    extractors = {
        "lexical": lambda: lexical_extractor(args.taxonomy),
        "linker": lambda: linker_extractor(args.threshold),
    }
    report: dict[str, object] = {}
    loaded = {n: extractors[n]() for n in names if n != "union"}
    if "union" in names:
        lex, lnk = loaded["lexical"], loaded["linker"]
        if isinstance(lex, str) or isinstance(lnk, str):
            loaded["union"] = "missing: needs both extractors"
        else:
            loaded["union"] = lambda text: union(_spans(lex(text)), _spans(lnk(text)))
    for split in args.split.split(","):
        sents = read_conll(args.shared / "benchmarks" / "skillspan" / f"skillspan_{split}_dev.conll")
        if args.limit:
            sents = sents[: args.limit]
        for n, ext in loaded.items():
            report[f"{split}/{n}"] = ext if isinstance(ext, str) else evaluate(ext, sents)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
