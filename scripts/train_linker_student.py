"""Rebuild ``src/skillmix/link/data/static_student.npz``: the fast linker's sentence encoder.

    nice python scripts/train_linker_student.py [--shared ../shared/data]

Why: the static encoder (``scripts/train_linker_static.py``) imitates MiniLM's
*embedding* of a text, so at best it ranks ESCO like MiniLM does zero-shot. The
accurate linker (MiniLM on the sentence plus windows, BM25 and exact phrases) ranks far
better but runs ~20x slower. This script distils that *ranking* into a second table of
word-piece vectors, the "student", whose normalised sum is scored against the fixed
MiniLM embeddings of ESCO preferred labels (a softmax over all 13,908 concepts).

Training data (nothing from the Decorte benchmark: every sentence that occurs in one of
its files under ``benchmarks/decorte/`` is dropped, ``--keep-benchmark`` to keep them;
SkillSpan train and dev repeat ~10 validation sentences of boilerplate):
* SkillSpan *train* and *dev* sentences (``--skillspan``; the benchmark's sentences come
  from SkillSpan *test*) and their annotated skill and knowledge spans. The teacher
  (``EscoLinker`` with MiniLM queries) links each span in its sentence and alone
  (``--teacher-context both``, the two targets averaged); the soft target of a span is
  the softmax of the teacher's top-10 scores (temperature ``--teacher-t``), the target of
  a sentence the mean over its spans: the same construction as the Decorte benchmark,
  whose gold labels are SkillSpan spans linked to ESCO by people.
* ``--postings`` sentences of the shared job postings (``postings/``, as sampled by
  ``train_linker_static.py``) and ``--resumes`` lines of the shared Kaggle résumés, each
  with the teacher's top-10 for the whole text as its soft target (no spans there, so
  these targets are noisier);
* every ESCO alternative label and description, with its own concept as a hard target
  (so concepts no job ad mentions are still learnt); ``--esco-variants N`` adds N later
  description sentences and N two-label lists per concept (split targets).
* off by default (no gain beyond seed noise, ``docs/linking.md``): ``--posting-spans``
  gives the posting and résumé sentences in which skillmix's lexical extractor finds
  skills span-level targets built like SkillSpan's (the teacher links each found span);
  ``--span-postings N`` adds N further such posting sentences; ``--sayfullina`` adds the
  Sayfullina soft-skill spans, each linked alone.
What each source adds, by paired cross-validation on the validation splits
(``bench/link_cv.py``), is in ``docs/linking.md``.
``--rounds 2`` adds self-training: the fast linker with the round-1 student becomes a
second teacher view (tried; the student alone gains ~1.5 RP@5 on dev, the fused linker
does not, so it is off). SkillSpan examples are repeated ``--repeat`` times per epoch.
The table starts from the shipped distilled table; cross-entropy, Adam on the rows a
batch touches; 2 epochs (more overfit the teacher: 6 epochs dropped the student's own
HOUSE dev RP@5 by 10). The result is stored int8-quantised per row (~11 MB). ESCO label
embeddings come from the shipped int8 seed (``--exact-labels``: embed all 109k ESCO texts
exactly first, ~8 min). The teacher's answers are cached (``teacher_skillspan_train.json``
in the linker cache), so a rebuild takes ~3 minutes once they exist; ~10 minutes on 2
cores before.
``--teacher-cache FILE`` trains on another teacher's answers instead (all read from FILE,
none computed): ``scripts/gpu_teacher.py`` makes them with MiniLM fine-tuned on ESCO. Deterministic given its inputs up to floating-point summation order.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Callable

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from skillmix.link._blas import blas_threads  # noqa: E402
from skillmix.link.cache import EmbeddingStore, default_cache_dir  # noqa: E402
from skillmix.link.encoder import MiniLMEncoder  # noqa: E402
from skillmix.link.esco import load_esco  # noqa: E402
from skillmix.link.linker import EscoLinker  # noqa: E402
from skillmix.link.static import StaticEncoder, default_static_path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bag_of_pieces import BagOfPieces, epoch_orders, save_table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "skillmix" / "link" / "data" / "static_student.npz"


def conll_spans(path: Path) -> list[tuple[str, list[str]]]:
    """(sentence, [span, ...]) for every sentence of a SkillSpan CoNLL file; spans are
    the skill and the knowledge spans (BIO in the second and third columns)."""
    out: list[tuple[str, list[str]]] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        rows = [ln.split("\t") for ln in block.splitlines() if ln.strip()]
        if not rows:
            continue
        tokens = [r[0] for r in rows]
        spans: list[str] = []
        for col in (1, 2):
            cur: list[str] = []
            for r in rows:
                tag = r[col] if len(r) > col else "O"
                if tag.startswith("B") or (tag.startswith("I") and not cur):
                    if cur:
                        spans.append(" ".join(cur))
                    cur = [r[0]]
                elif tag.startswith("I"):
                    cur.append(r[0])
                else:
                    if cur:
                        spans.append(" ".join(cur))
                    cur = []
            if cur:
                spans.append(" ".join(cur))
        out.append((" ".join(tokens), spans))
    return out


def soft_skill_spans(root: Path) -> list[str]:
    """Distinct soft-skill mentions of the Sayfullina job-ad set that its annotators
    kept as real requirements (``is_soft_skill`` 1): "able to multitask", "relationship
    builder". Their contexts are lemmatised and masked, so only the spans are used."""
    import csv

    p = root / "benchmarks" / "sayfullina" / "job_train.csv"
    if not p.is_file():
        return []
    with p.open(encoding="utf-8", newline="") as fh:
        spans = {" ".join(r["soft_skill"].split()) for r in csv.DictReader(fh) if r.get("is_soft_skill") == "1"}
    return sorted(s for s in spans if s)


def lexical_spans(sentences: list[str]) -> list[list[str]]:
    """Per sentence, the surfaces of the skills skillmix's own lexical extractor finds in
    it (builtin and ESCO taxonomies): spans chosen without the teacher, so that posting
    sentences get span-level targets built like SkillSpan's."""
    from skillmix.extract import extract

    return [list(dict.fromkeys(m.surface for m in extract(s, taxonomy="builtin+esco").mentions))
            for s in sentences]


def resume_sentences(root: Path, cap: int, seed: int) -> list[str]:
    """Up to ``cap`` distinct lines and sentences (4-40 words) of the shared Kaggle
    résumés, shuffled with ``seed``: résumé phrasing ("Skill Details", bullet lists of
    tools) that job-ad sentences lack."""
    import csv
    import random
    import re

    p = root / "resumes" / "kaggle_updated_resume_dataset.csv"
    if not p.is_file() or cap <= 0:
        return []
    csv.field_size_limit(sys.maxsize)
    with p.open(encoding="utf-8", newline="") as fh:
        docs = sorted({r.get("Resume") or "" for r in csv.DictReader(fh)})
    split = re.compile(r"(?<=[.!?])\s+|\n+|\s*[•·]\s*")
    sents: set[str] = set()
    for d in docs:
        for s in split.split(d):
            s = " ".join(s.split())
            if 4 <= len(s.split()) <= 40:
                sents.add(s)
    out = sorted(sents)
    random.Random(seed).shuffle(out)
    return out[:cap]


Top = list[tuple[int, float]]


def teacher_key(pair: tuple[str, str]) -> str:
    """The teacher cache's key of a (span, sentence) pair (a ranked sentence is
    ``(sentence, "\x01sentence")``)."""
    return hashlib.sha1(f"{pair[0]}\x00{pair[1]}".encode()).hexdigest()[:20]


#: set by ``--teacher-cache``: answers come from that file alone (a missing one is an error)
FROZEN_CACHE: Path | None = None


def _cached_teacher(keys: list[tuple[str, str]], cache: Path, what: str,
                    ask: Callable[[EscoLinker, list[tuple[str, str]]], list[list]], log=print) -> list[Top]:
    """Top-10 (concept index, score) of the accurate linker (MiniLM queries) for each
    key, computed by ``ask`` for the keys not yet in the JSON ``cache``."""
    key = teacher_key
    if FROZEN_CACHE is not None:
        cache = FROZEN_CACHE
    known: dict[str, list[list[float]]] = json.loads(cache.read_text()) if cache.is_file() else {}
    todo = [p for p in dict.fromkeys(keys) if key(p) not in known]
    if todo and FROZEN_CACHE is not None:
        raise SystemExit(f"{FROZEN_CACHE}: no teacher answer for {len(todo)} {what} texts "
                         f"(e.g. {todo[0][0][:60]!r}); it was built for other texts")
    if todo:
        log(f"teacher: {what} {len(todo)} texts with MiniLM queries (cached afterwards)", flush=True)
        linker = EscoLinker.load(query_encoder="transformer")
        index = {u: i for i, u in enumerate(c.uri for c in linker.space.concepts)}
        t0 = time.perf_counter()
        for lo in range(0, len(todo), 256):
            part = todo[lo : lo + 256]
            for p, row in zip(part, ask(linker, part)):
                known[key(p)] = [[index[u], s] for u, _lab, s in row]
            log(f"  {lo + len(part)}/{len(todo)} ({time.perf_counter() - t0:.0f}s)", flush=True)
            cache.write_text(json.dumps(known))
    return [[(int(i), float(s)) for i, s in known[key(p)]] for p in keys]


def teacher_links(pairs: list[tuple[str, str]], cache: Path) -> list[Top]:
    """The teacher's top-10 for each (span, sentence); an empty sentence links the span alone."""
    return _cached_teacher(pairs, cache, "linking spans of",
                           lambda linker, part: linker.link_spans(part, top_k=10))


def teacher_sentences(sentences: list[str], cache: Path) -> list[Top]:
    """The teacher's top-10 for whole sentences (job-posting sentences: no annotated spans)."""
    return _cached_teacher([(s, "\x01sentence") for s in sentences], cache, "ranking",
                           lambda linker, part: linker.rank([q for q, _ in part], top_k=10))


def soft_target(top: list[tuple[int, float]], temperature: float) -> dict[int, float]:
    s = np.array([x[1] for x in top])
    w = np.exp((s - s.max()) / temperature)
    w /= w.sum()
    return {i: float(p) for (i, _), p in zip(top, w)}


def train(table: np.ndarray, seqs: list[np.ndarray], targets: list[dict[int, float]],
          labels: np.ndarray, *, epochs: int, batch: int, lr: float, scale: float,
          seed: int, log=print) -> np.ndarray:
    """Cross-entropy of softmax(scale * cos(sum of piece vectors, label)) against soft
    targets; Adam on the rows of the table each batch touches."""
    model = BagOfPieces(table, lr=lr)
    for ep, order in enumerate(epoch_orders(seqs, epochs, seed)):
        tot, hit = 0.0, 0
        t0 = time.perf_counter()
        for lo in range(0, len(order), batch):
            idx = order[lo : lo + batch]
            u = model.forward([seqs[i] for i in idx])
            logits = scale * (u @ labels.T)
            logits -= logits.max(1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(1, keepdims=True)
            t = np.zeros_like(p)
            for r, i in enumerate(idx):
                for c, w in targets[i].items():
                    t[r, c] = w
            tot += float(-(t * np.log(p + 1e-12)).sum())
            hit += int((t[np.arange(len(idx)), p.argmax(1)] > 0).sum())
            model.step(((p - t) * (scale / len(idx))) @ labels)
        log(f"epoch {ep + 1}: loss {tot / len(order):.3f}, top-1 in target {hit / len(order):.3f}"
            f" ({time.perf_counter() - t0:.0f}s)", flush=True)
    return model.table


def examples(data: list[tuple[str, list[str]]],
             views: list[dict[tuple[str, str], list[tuple[int, float]]]],
             postings: list[tuple[str, list[tuple[int, float]]]],
             args: argparse.Namespace, concepts: list,
             soft: list[tuple[str, list[tuple[int, float]]]] = (),
             posting_spans: list[tuple[str, list[str]]] = ()) -> tuple[list[str], list[dict[int, float]]]:
    """Training texts and soft targets: SkillSpan sentences and spans (the teacher views
    mixed), repeated ``args.repeat`` times, then posting sentences with the teacher's
    sentence-level top-10, then ESCO labels and descriptions."""
    def target(span: str, sent: str) -> dict[int, float]:
        out: dict[int, float] = {}
        for view in views:
            for c, w in soft_target(view[(span, sent)], args.teacher_t).items():
                out[c] = out.get(c, 0.0) + w / len(views)
        return out

    texts: list[str] = []
    targets: list[dict[int, float]] = []
    span_target = dict(posting_spans)
    # SkillSpan sentences are repeated; posting sentences appear once, as without spans
    for (sent, spans), times in [(x, args.repeat) for x in data] + [(x, 1) for x in posting_spans]:
        dists = [target(sp, sent) for sp in spans]
        merged: dict[int, float] = {}
        for d in dists:
            for c, w in d.items():
                merged[c] = merged.get(c, 0.0) + w / len(dists)
        for _ in range(times):
            texts.append(sent)
            targets.append(merged)
            if not args.no_spans:
                for sp, d in zip(spans, dists):
                    texts.append(sp)
                    targets.append(d)
    for _ in range(args.repeat):
        for span, top in soft:
            texts.append(span)
            targets.append(soft_target(top, args.teacher_t))
    for sent, top in postings:
        if sent in span_target:
            continue  # linked through its lexical spans above
        texts.append(sent)
        targets.append(soft_target(top, args.teacher_t))
    if not args.no_esco:
        for i, c in enumerate(concepts):
            for t in c.texts[1:]:
                texts.append(t)
                targets.append({i: 1.0})
            if c.description:
                texts.append(c.description.replace("\n", " ").strip())
                targets.append({i: 1.0})
    return texts, targets


def static_views(student: np.ndarray, base: StaticEncoder, concepts: list,
                 pairs: list[tuple[str, str]], context: str) -> list[dict]:
    """Teacher views from the fast linker whose sentence table is ``student``."""
    enc = StaticEncoder(base.table, base.tokenizer, sentence_table=student)
    linker = EscoLinker.load(esco=concepts, query_encoder=enc)
    index = {u: i for i, u in enumerate(c.uri for c in linker.space.concepts)}
    contexts = {"sentence": (True,), "none": (False,), "both": (True, False)}[context]
    out = []
    for use_sentence in contexts:
        rows = linker.link_spans([(span, sent if use_sentence else "") for span, sent in pairs], top_k=10)
        out.append({p: [(index[u], s) for u, _lab, s in row] for p, row in zip(pairs, rows)})
    return out


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def benchmark_sentences(root: Path) -> set[str]:
    """Normalised sentences of every Decorte file present (``*_annotations.csv``): never
    trained on, so validation figures stay out-of-sample (SkillSpan train and dev repeat
    some of their boilerplate sentences)."""
    from skillmix.link.evaluate import read_benchmark

    out: set[str] = set()
    for f in sorted((root / "benchmarks" / "decorte").glob("*_annotations.csv")):
        out.update(normalise(s.sentence) for s in read_benchmark(f))
    return out


def esco_variants(concepts: list, seed: int, per_concept: int = 2) -> tuple[list[str], list[dict[int, float]]]:
    """Job-ad-like queries made from ESCO alone: each sentence of a description (the
    first names the skill; later ones describe it in other words), and pairs of two
    concepts' labels joined like a requirement list ("SQL, present results"), whose
    target is split between both, as a multi-skill benchmark sentence's gold is."""
    import random
    import re

    rng = random.Random(seed)
    texts: list[str] = []
    targets: list[dict[int, float]] = []
    split = re.compile(r"(?<=[.;])\s+")
    for i, c in enumerate(concepts):
        parts = [p.strip() for p in split.split(c.description.replace("\n", " ")) if len(p.split()) >= 4]
        for p in parts[1 : 1 + per_concept]:
            texts.append(p)
            targets.append({i: 1.0})
    joins = (", ", " and ", "; ", " / ")
    order = list(range(len(concepts)))
    for _ in range(per_concept):
        rng.shuffle(order)
        for a, b in zip(order[::2], order[1::2]):
            la = rng.choice(concepts[a].texts)
            lb = rng.choice(concepts[b].texts)
            texts.append(f"{la}{rng.choice(joins)}{lb}")
            targets.append({a: 0.5, b: 0.5})
    return texts, targets


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data")))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--scale", type=float, default=20.0, help="logit scale (1 / softmax temperature)")
    ap.add_argument("--teacher-t", type=float, default=0.05, help="temperature of the teacher's top-10")
    ap.add_argument("--teacher-context", choices=["sentence", "none", "both"], default="both",
                    help="link each span in its sentence, alone, or average the two targets")
    ap.add_argument("--repeat", type=int, default=5, help="job-ad examples per ESCO example, per epoch")
    ap.add_argument("--no-esco", action="store_true", help="train on job-ad examples only")
    ap.add_argument("--no-spans", action="store_true", help="do not use spans themselves as queries")
    ap.add_argument("--postings", type=int, default=4000,
                    help="also distil the teacher's ranking of this many shared job-posting sentences")
    ap.add_argument("--skillspan", default="train+dev", choices=["train", "train+dev"],
                    help="SkillSpan splits whose annotated spans the teacher links")
    ap.add_argument("--resumes", type=int, default=2000,
                    help="also distil the teacher's ranking of this many Kaggle résumé lines")
    ap.add_argument("--posting-spans", action="store_true",
                    help="posting and résumé sentences where the lexical extractor finds skills get "
                    "span-level targets (the teacher links each found span), like SkillSpan's")
    ap.add_argument("--span-postings", type=int, default=0,
                    help="add up to this many further posting sentences in which the lexical "
                    "extractor finds skills, with span-level targets only")
    ap.add_argument("--sayfullina", action="store_true",
                    help="also the Sayfullina soft-skill spans, each linked alone by the teacher")
    ap.add_argument("--esco-variants", type=int, default=0,
                    help="per concept: this many extra description sentences and two-label lists")
    ap.add_argument("--keep-benchmark", action="store_true",
                    help="do not drop sentences that occur in a Decorte benchmark file")
    ap.add_argument("--exact-labels", action="store_true",
                    help="embed every ESCO text exactly first (~8 min on 2 cores) instead of "
                    "reading the shipped int8 seed")
    ap.add_argument("--rounds", type=int, default=1,
                    help="self-training rounds: from round 2 the fast linker with the previous "
                    "round's student joins the teacher")
    ap.add_argument("--teacher-cache", type=Path, default=None,
                    help="read every teacher answer from this JSON file (as written by "
                    "scripts/gpu_teacher_import.py: another teacher's targets) and compute none")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    global FROZEN_CACHE
    FROZEN_CACHE = args.teacher_cache
    t0 = time.perf_counter()
    concepts = load_esco()
    banned = set() if args.keep_benchmark else benchmark_sentences(args.shared)
    data: list[tuple[str, list[str]]] = []
    dropped = 0
    for part in args.skillspan.split("+"):
        for f in sorted((args.shared / "benchmarks" / "skillspan").glob(f"*_{part}.conll")):
            for s, sp in conll_spans(f):
                if not sp:
                    continue
                if normalise(s) in banned:
                    dropped += 1
                    continue
                data.append((s, sp))
    pairs = [(span, sent) for sent, spans in data for span in spans]
    print(f"{len(data)} SkillSpan {args.skillspan} sentences with {len(pairs)} spans "
          f"({dropped} benchmark sentences dropped)", flush=True)
    cache_dir = default_cache_dir()
    cache_dir.mkdir(parents=True, exist_ok=True)
    enc = MiniLMEncoder()
    # --exact-labels: exact (float16) embeddings of every ESCO text in the cache, so
    # neither the teacher nor the targets use the shipped int8 seed (minutes on a fresh
    # machine); else the seed (cosines within ~0.001)
    store = EmbeddingStore(enc.model_id, enc.dim, seed=not args.exact_labels)
    if args.exact_labels:
        from build_esco_embeddings import esco_texts

        store.lookup(esco_texts(), enc.encode)
    cache = cache_dir / "teacher_skillspan_train.json"
    # each teacher view: (span, sentence) -> top-10 (concept, score); mixed with equal weight
    views: list[dict[tuple[str, str], list[tuple[int, float]]]] = []
    if args.teacher_context in ("sentence", "both"):
        views.append(dict(zip(pairs, teacher_links(pairs, cache))))
    if args.teacher_context in ("none", "both"):
        bare = [(span, "") for span, _ in pairs]
        views.append(dict(zip(pairs, teacher_links(bare, cache))))
    postings: list[tuple[str, list[tuple[int, float]]]] = []
    extra: list[str] = []
    if args.postings:
        from train_linker_static import posting_sentences

        extra += posting_sentences(args.shared, args.postings, args.seed)
    extra += resume_sentences(args.shared, args.resumes, args.seed)
    extra = [t for t in extra if normalise(t) not in banned]
    if extra:
        postings = list(zip(extra, teacher_sentences(extra, cache)))
    posting_spans: list[tuple[str, list[str]]] = []
    if (args.posting_spans or args.span_postings) and args.rounds > 1:
        ap.error("--posting-spans / --span-postings and --rounds > 1 do not combine")
    if args.posting_spans and extra:
        posting_spans = [(t, sp) for t, sp in zip(extra, lexical_spans(extra)) if sp]
    if args.span_postings:
        from train_linker_static import posting_sentences

        # further posting sentences (after the first --postings of the same shuffle), only
        # those with lexical spans, with span-level targets alone
        pool = posting_sentences(args.shared, args.postings + 4 * args.span_postings, args.seed)[args.postings :]
        pool = [t for t in pool if normalise(t) not in banned]
        more = [(t, sp) for t, sp in zip(pool, lexical_spans(pool)) if sp][: args.span_postings]
        posting_spans += more
    if posting_spans:
        ppairs = [(span, sent) for sent, spans in posting_spans for span in spans]
        pviews = [dict(zip(ppairs, teacher_links(ppairs, cache)))]
        if args.teacher_context == "both":
            pviews.append(dict(zip(ppairs, teacher_links([(sp, "") for sp, _ in ppairs], cache))))
        for v, pv in zip(views, pviews):
            v.update(pv)
        print(f"{len(posting_spans)} posting and résumé sentences with {len(ppairs)} lexical spans", flush=True)
    soft: list[tuple[str, list[tuple[int, float]]]] = []
    if args.sayfullina:
        spans = [t for t in soft_skill_spans(args.shared) if normalise(t) not in banned]
        soft = list(zip(spans, teacher_links([(t, "") for t in spans], cache)))
        print(f"{len(soft)} Sayfullina soft-skill spans", flush=True)
    labels = store.lookup([c.label for c in concepts], enc.encode)
    labels = labels / np.maximum(np.linalg.norm(labels, axis=1, keepdims=True), 1e-12)
    base = StaticEncoder.load(default_static_path())
    E = base.table
    for rnd in range(1, args.rounds + 1):
        if rnd > 1:
            # self-training: the fast linker with the previous round's student joins the
            # teacher (it links spans about as well as MiniLM, and differently)
            views = views[: 1 + (args.teacher_context == "both")]
            views += static_views(E, base, concepts, pairs, args.teacher_context)
        texts, targets = examples(data, views, postings, args, concepts, soft, posting_spans)
        if args.esco_variants:
            vt, vg = esco_variants(concepts, args.seed, args.esco_variants)
            texts += vt
            targets += vg
        print(f"round {rnd}: {len(texts)} training examples ({time.perf_counter() - t0:.0f}s)", flush=True)
        tok_cache: dict[str, np.ndarray] = {}
        seqs = []
        for t in texts:
            if t not in tok_cache:
                tok_cache[t] = np.asarray(base.tokenizer.encode(t, 128)[1:-1], dtype=np.int64)
            seqs.append(tok_cache[t])
        with blas_threads(None):
            E = train(base.table, seqs, targets, labels.astype(np.float32), epochs=args.epochs,
                      batch=args.batch, lr=args.lr, scale=args.scale, seed=args.seed)
    print(f"{save_table(args.out, E)} in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
