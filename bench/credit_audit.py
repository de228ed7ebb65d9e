"""A precision audit of the extractor's credits on documents outside every gold set.

Why: the blind gold sets measure a dozen documents at a time, and rules read from their
errors "fix what they were read from and barely travel" (session 22). This audit draws
credits instead: every (document kind, skill) pair credited in 12 documents or more of the
three shared posting corpora and 300 LiveCareer résumés (the documents of
``bench/extract_identity.py``, gold sets left out) gives 4 credits at random (seed 2623), 908
in all, each shown with its evidence and the text around it. Two readers, following the
gold guide (``../shared/data/gold/README.md``), said of each whether a careful recruiter
credits it, with a tagged reason when not (``verdicts.jsonl``). They saw the extractor's
credit: this is an audit of precision, not a blind annotation, and it cannot measure recall.
The sample is stratified by skill, not by frequency, so its precision is per skill, not
the share of all credits.

    python bench/credit_audit.py --draw [--cache /tmp/ident_docs.pkl]   # the sample (once)
    python bench/credit_audit.py --draw-misses [--cache ...]  # sentences with no credit (once)
    python bench/credit_audit.py [--cache /tmp/ident_docs.pkl]          # score a tree

Scoring reads the sample's documents again, extracts with the tree on ``PYTHONPATH`` (or
``src``) and prints, per kind, the readers' precision of the sampled credits and how many of
the credits judged wrong / right the tree still gives. The rules written from this audit
(session 23) were read from these rows, so a tree after them scores a fit here; the gold
sets are the estimate.
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
if str(ROOT / "src") not in sys.path:
    sys.path.append(str(ROOT / "src"))

DATA = ROOT / "bench" / "data" / "credit_audit_s23"
SEED, PER_SKILL, MIN_DOCS = 2623, 4, 12


def documents(shared: Path, cache: Path | None) -> dict[str, object]:
    """The audit's documents by key: the corpora and LiveCareer sample of
    ``extract_identity.py``, without its gold documents."""
    from extract_identity import fingerprint, read_all

    stamp = fingerprint(shared, 300)
    if cache is not None and cache.exists():
        got, docs = pickle.loads(cache.read_bytes())
        if got != stamp:
            docs = None
    else:
        docs = None
    if docs is None:
        docs = read_all(shared, 300)
        if cache is not None:
            cache.write_bytes(pickle.dumps((stamp, docs)))
    return {k: d for k, d in docs if "gold" not in k and "fresh" not in k}


def first_credits(extraction) -> dict[str, object]:
    """Skill id -> its first counting mention."""
    out: dict[str, object] = {}
    for m in extraction.mentions:
        if m.counts and m.skill_id not in out:
            out[m.skill_id] = m
    return out


def draw(docs: dict[str, object]) -> None:
    from skillmix.extract import Extractor

    ex = Extractor("builtin")
    credits = collections.defaultdict(list)
    for key, doc in docs.items():
        for sid, m in first_credits(ex.extract(doc)).items():
            credits[(doc.kind, sid)].append((key, doc, m))
    rng = random.Random(SEED)
    rows = []
    for (kind, sid), lst in sorted(credits.items()):
        if len(lst) < MIN_DOCS:
            continue
        for key, doc, m in rng.sample(lst, min(PER_SKILL, len(lst))):
            t = doc.text
            a, b = max(m.sentence_start, m.start - 250), min(m.sentence_end, m.end + 250)
            rows.append({"kind": kind, "skill": sid, "label": m.label, "doc": key,
                         "title": (getattr(doc, "title", None) or "")[:80],
                         "evidence": t[m.start:m.end], "context": t[a:b].replace("\n", " / "),
                         "extractor": m.extractor, "requirement": m.requirement})
    rng.shuffle(rows)
    DATA.mkdir(parents=True, exist_ok=True)
    with (DATA / "sample.jsonl").open("w", encoding="utf-8") as f:
        for i, r in enumerate(rows):
            f.write(json.dumps({"n": i, **r}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} credits of {len({(r['kind'], r['skill']) for r in rows})} (kind, skill) pairs")


def draw_misses(docs: dict[str, object]) -> None:
    """160 sentences of each kind in which the extractor credits nothing (40 to 260
    characters, one line, outside boilerplate and company sections; a posting's "we / our"
    sentence without "you" is the company's), seed 2624: ``misses_sample.jsonl``."""
    import re

    from skillmix.extract import Extractor
    from skillmix.extract.context import sentence_ends

    ex = Extractor("builtin")
    pool: dict[str, list[dict]] = {"posting": [], "resume": []}
    for key, doc in docs.items():
        spans = [(m.sentence_start, m.sentence_end) for m in ex.extract(doc).mentions]
        t = doc.text
        starts = [0, *sentence_ends(t)]
        for a, b in zip(starts, [*starts[1:], len(t)]):
            s = t[a:b].strip()
            if not 40 <= len(s) <= 260 or "\n" in s or any(x < b and a < y for x, y in spans):
                continue
            sec = doc.section_at(a) if doc.sections else None
            if sec is not None and (sec.boilerplate or sec.kind in ("company", "benefits", "legal", "apply")):
                continue
            if doc.kind == "posting" and re.search(r"\b(we|our|us)\b", s, re.I) \
                    and not re.search(r"\byou", s, re.I):
                continue
            pool[doc.kind].append({"doc": key, "kind": doc.kind,
                                   "title": (getattr(doc, "title", None) or "")[:80], "sentence": s})
    rng = random.Random(SEED + 1)
    rows = [r for kind in ("posting", "resume") for r in rng.sample(pool[kind], 160)]
    rng.shuffle(rows)
    with (DATA / "misses_sample.jsonl").open("w", encoding="utf-8") as f:
        for i, r in enumerate(rows):
            f.write(json.dumps({**r, "n": i}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences without a credit")


def score(docs: dict[str, object]) -> None:
    from skillmix.extract import Extractor

    sample = [json.loads(line) for line in (DATA / "sample.jsonl").open(encoding="utf-8")]
    verdict = {}
    for line in (DATA / "verdicts.jsonl").open(encoding="utf-8"):
        v = json.loads(line)
        verdict[v["n"]] = v["verdict"]
    ex = Extractor("builtin")
    credited: dict[str, set[str]] = {}
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in sample:
        key = r["doc"]
        if key not in credited:
            credited[key] = set(first_credits(ex.extract(docs[key])))
        v = verdict.get(r["n"], "missing")
        tally[r["kind"]][v] += 1
        tally[r["kind"]][f"{v}_kept"] += r["skill"] in credited[key]
    import skillmix

    print(f"tree: {Path(skillmix.__file__).parent}")
    for kind, c in sorted(tally.items()):
        judged = c["yes"] + c["no"]
        print(f"{kind:8s} sampled {sum(c[k] for k in ('yes', 'no', 'unsure', 'missing'))}: "
              f"precision {c['yes'] / judged:.3f} (yes {c['yes']}, no {c['no']}, unsure {c['unsure']}); "
              f"this tree still credits {c['yes_kept']} of the yes and {c['no_kept']} of the no")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--draw-misses", action="store_true")
    args = ap.parse_args()
    docs = documents(args.shared, args.cache)
    if args.draw_misses:
        draw_misses(docs)
    elif args.draw:
        draw(docs)
    else:
        score(docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
