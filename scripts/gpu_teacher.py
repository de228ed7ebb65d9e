"""Fine-tune the linker's teacher on ESCO's own text, then compute its targets (needs torch).

    python scripts/gpu_teacher.py --bundle BUNDLE --out OUT [--variants base,ft1,ft2] [--tiny]
    python scripts/gpu_teacher.py --bundle BUNDLE --out OUT --variants ft1 --students '' \
        --threads 1 --max-pairs 6000 --start-before 1e9        # a CPU-sized run

Why: the static student (``scripts/train_linker_student.py``) learns to rank ESCO like
its teacher, the accurate linker with all-MiniLM-L6-v2 queries. A better teacher can give
better targets. This fine-tunes MiniLM contrastively on ESCO alone (an alternative label,
the whole description or one of its sentences -> the concept's preferred label, against
the other preferred labels in the batch and one from the same ESCO skill group: nothing
from a benchmark sentence), then runs the full teacher (``EscoLinker`` with default
``LinkerConfig``: sentence, description, BM25, phrase and window channels, label
embeddings from the same model) on the texts of ``BUNDLE/texts.json.gz`` and writes, per
teacher variant, the top-10 concept indices and scores of
every span pair (as ``link_spans``) and sentence (as ``rank``), in the bundle's order
(all variants in ``OUT/teachers.npz``, keys ``<variant>/pair_idx`` ...).
``scripts/gpu_teacher_import.py`` turns these into the student script's teacher cache.

The network is a plain torch BERT read from ``BUNDLE/model`` (no transformers needed) and
word pieces come from skillmix's own tokenizer, so token vectors mean what
:class:`~skillmix.link.encoder.MiniLMEncoder` computes (cosine 0.9999994 with it from the
float16 weights). Variants, in this order by default: ``ft1`` (1 epoch, lr 2e-5), ``ft2``
(3 epochs, lr 3e-5) and ``base`` (the model as it ships: a check against the CPU teacher).
``OUT/summary.json`` holds each variant's own validation figures (teacher alone,
transformer mode; reported, never used in training); ``--keep-weights`` also writes the
fine-tuned weights with the best of them. Label embeddings always come from the model
being run (the shipped int8 seed is switched off). ``--tiny`` is a
CPU rehearsal: a few hundred ESCO pairs, a few steps. On a CPU, ``--max-pairs N`` fine-tunes
on a random N of the ESCO pairs (one fixed shuffle, seed 13) and ``--threads`` caps torch's
threads; neither changes a GPU run unless given.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing as mp
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _src() -> Path:
    for p in Path(__file__).resolve().parents:
        if (p / "src" / "skillmix").is_dir():
            return p / "src"
    raise SystemExit("cannot find src/skillmix above this script")


sys.path.insert(0, str(_src()))

from skillmix.link import cache as _cache  # noqa: E402
from skillmix.link._wordpiece import WordPiece  # noqa: E402
from skillmix.link.encoder import TokenBatch  # noqa: E402
from skillmix.link.esco import LabelSpace, load_esco  # noqa: E402
from skillmix.link.evaluate import evaluate_rankings  # noqa: E402
from skillmix.link.linker import EscoLinker, LinkerConfig  # noqa: E402
from skillmix.link.static import default_vocab_path, read_vocab  # noqa: E402

T0 = time.perf_counter()
LOG = None


def log(msg: str) -> None:
    line = f"[{time.perf_counter() - T0:6.1f}s] {msg}"
    print(line, flush=True)
    if LOG is not None:
        LOG.write(line + "\n")
        LOG.flush()


# ---------------------------------------------------------------------------- model
def read_safetensors(path: Path) -> dict[str, torch.Tensor]:
    blob = path.read_bytes()
    n = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8 : 8 + n])
    dt = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        lo, hi = meta["data_offsets"]
        arr = np.frombuffer(blob[8 + n + lo : 8 + n + hi], dtype=dt[meta["dtype"]]).reshape(meta["shape"])
        if arr.dtype != np.int64:
            out[name.removeprefix("bert.")] = torch.from_numpy(arr.astype(np.float32))
    return out


class Bert(torch.nn.Module):
    """BERT encoder (post-LN, exact GELU) with sentence-transformers' mean pooling."""

    def __init__(self, weights: dict[str, torch.Tensor], config: dict) -> None:
        super().__init__()
        self.names = sorted(k for k in weights if not k.startswith("pooler."))
        for k in self.names:
            self.register_parameter(k.replace(".", "__"), torch.nn.Parameter(weights[k].clone()))
        self.d = int(config["hidden_size"])
        self.h = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))

    def w(self, name: str) -> torch.Tensor:
        return getattr(self, name.replace(".", "__"))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n = ids.shape
        d, h = self.d, self.h
        w = self.w
        x = w("embeddings.word_embeddings.weight")[ids] + w("embeddings.position_embeddings.weight")[:n] \
            + w("embeddings.token_type_embeddings.weight")[0]
        x = F.layer_norm(x, (d,), w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"), self.eps)
        am = mask[:, None, None, :]
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            qkv = [F.linear(x, w(p + f"attention.self.{t}.weight"), w(p + f"attention.self.{t}.bias"))
                   .view(b, n, h, d // h).transpose(1, 2) for t in ("query", "key", "value")]
            ctx = F.scaled_dot_product_attention(*qkv, attn_mask=am).transpose(1, 2).reshape(b, n, d)
            x = F.layer_norm(F.linear(ctx, w(p + "attention.output.dense.weight"), w(p + "attention.output.dense.bias")) + x,
                             (d,), w(p + "attention.output.LayerNorm.weight"), w(p + "attention.output.LayerNorm.bias"), self.eps)
            u = F.gelu(F.linear(x, w(p + "intermediate.dense.weight"), w(p + "intermediate.dense.bias")))
            x = F.layer_norm(F.linear(u, w(p + "output.dense.weight"), w(p + "output.dense.bias")) + x,
                             (d,), w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias"), self.eps)
        return x


def pad(seqs: list[list[int]], pad_id: int, device: str) -> tuple[torch.Tensor, torch.Tensor]:
    n = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), n), pad_id, dtype=torch.long)
    mask = torch.zeros((len(seqs), n), dtype=torch.bool)
    for r, s in enumerate(seqs):
        ids[r, : len(s)] = torch.tensor(s)
        mask[r, : len(s)] = True
    return ids.to(device), mask.to(device)


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    m = mask[:, :, None].to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp_min(1e-9)


class TorchEncoder:
    """``encode`` / ``encode_tokens`` of :class:`MiniLMEncoder`, on torch."""

    model_id = "all-MiniLM-L6-v2"

    def __init__(self, model: Bert, tok: WordPiece, device: str, *, max_length: int = 128,
                 tokens_per_batch: int = 32768) -> None:
        self.model, self.tok, self.device = model, tok, device
        self.dim = model.d
        self.max_length = max_length
        self.tokens_per_batch = tokens_per_batch

    def _batches(self, seqs: list[list[int]]):
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
        lo = 0
        while lo < len(order):
            hi = lo + 1
            while hi < len(order) and (hi + 1 - lo) * len(seqs[order[hi]]) <= self.tokens_per_batch and hi - lo < 1024:
                hi += 1
            idx = order[lo:hi]
            ids, mask = pad([seqs[i] for i in idx], self.tok.pad_id, self.device)
            with torch.no_grad():
                hidden = self.model(ids, mask).float()
            yield idx, mask, hidden
            lo = hi

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        seqs = [self.tok.encode(t, self.max_length) for t in texts]
        for idx, mask, hidden in self._batches(seqs):
            out[idx] = F.normalize(mean_pool(hidden, mask), dim=1).cpu().numpy()
        return out

    def encode_tokens(self, texts: list[str]) -> tuple[np.ndarray, list[TokenBatch]]:
        seqs, maps = [], []
        for t in texts:
            ids, wid, words = self.tok.encode_with_words(t, self.max_length)
            seqs.append(ids)
            maps.append((np.asarray(wid, dtype=np.int32), words))
        sent = np.zeros((len(texts), self.dim), dtype=np.float32)
        tokens: list[TokenBatch | None] = [None] * len(texts)
        for idx, mask, hidden in self._batches(seqs):
            sent[idx] = F.normalize(mean_pool(hidden, mask), dim=1).cpu().numpy()
            h = hidden.cpu().numpy()
            for r, i in enumerate(idx):
                n = len(seqs[i])
                tokens[i] = TokenBatch(vectors=h[r, 1 : n - 1].copy(), word_ids=maps[i][0], words=maps[i][1])
        return sent, tokens  # type: ignore[return-value]


class Precomputed:
    """A query encoder that looks texts up in a precomputed ``encode_tokens`` result, so
    forked CPU workers can run the linker's numpy channels without the GPU."""

    def __init__(self, texts: list[str], sent: np.ndarray, tokens: list[TokenBatch]) -> None:
        self.row = {t: i for i, t in enumerate(texts)}
        self.sent, self.tokens = sent, tokens
        self.dim = sent.shape[1]

    def encode_tokens(self, texts):
        idx = [self.row[t] for t in texts]
        return self.sent[idx], [self.tokens[i] for i in idx]


def save_weights(model: Bert, prefix: Path, name: str, part_bytes: int = 15 * 2**20) -> None:
    """``model``'s tensors as one float16 safetensors blob, split into ``prefix.partN``
    files (``cat`` them back together); any older parts are removed first."""
    for old in prefix.parent.glob(prefix.name + ".part*"):
        old.unlink()
    header: dict[str, dict] = {"__metadata__": {"variant": name}}
    parts: list[bytes] = []
    off = 0
    for k in model.names:
        raw = model.w(k).detach().float().cpu().numpy().astype(np.float16).tobytes()
        header[k] = {"dtype": "F16", "shape": list(model.w(k).shape), "data_offsets": [off, off + len(raw)]}
        parts.append(raw)
        off += len(raw)
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    blob = len(h).to_bytes(8, "little") + h + b"".join(parts)
    for i in range(0, len(blob), part_bytes):
        Path(f"{prefix}.part{i // part_bytes}").write_bytes(blob[i : i + part_bytes])


# ---------------------------------------------------------------------------- fine-tuning
def deepest(groups: tuple[str, ...]) -> str:
    return max(groups, key=lambda g: (g.count("."), len(g))) if groups else ""


def esco_pairs(concepts, rng: random.Random, max_alts: int, max_sents: int) -> list[tuple[str, int]]:
    """(query-like ESCO text, concept index): alternative labels (``texts[1:]``, at most
    ``max_alts``), the whole description, and up to ``max_sents`` later description sentences."""
    split = re.compile(r"(?<=[.;])\s+")
    out: list[tuple[str, int]] = []
    for i, c in enumerate(concepts):
        alts = list(c.texts[1:])
        rng.shuffle(alts)
        out += [(a, i) for a in alts[:max_alts]]
        desc = c.description.replace("\n", " ").strip()
        if desc:
            out.append((desc, i))
            parts = [p.strip() for p in split.split(desc) if len(p.split()) >= 4]
            out += [(p, i) for p in parts[1 : 1 + max_sents]]
    return out


def fine_tune(base: dict[str, torch.Tensor], config: dict, tok: WordPiece, concepts, *, epochs: int,
              lr: float, batch: int, scale: float, seed: int, device: str, max_pairs: int | None,
              max_steps: int | None) -> Bert:
    rng = random.Random(seed)
    torch.manual_seed(seed)
    pairs = esco_pairs(concepts, rng, max_alts=8, max_sents=3)
    if max_pairs:
        rng.shuffle(pairs)
        pairs = pairs[:max_pairs]
    by_group: dict[str, list[int]] = {}
    for i, c in enumerate(concepts):
        by_group.setdefault(deepest(c.groups), []).append(i)
    label_ids = [tok.encode(c.label, 32) for c in concepts]
    model = Bert(base, config).to(device)
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(pairs) / batch)
    if max_steps:
        steps = min(steps, max_steps)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    amp = torch.autocast("cuda", dtype=torch.bfloat16) if device == "cuda" else torch.autocast("cpu", enabled=False)
    log(f"fine-tune: {len(pairs)} ESCO pairs, {steps} steps of {batch}, lr {lr}, {epochs} epoch(s)")
    step = 0
    t_start = time.perf_counter()
    every = max(1, steps // 20)
    for ep in range(epochs):
        rng.shuffle(pairs)
        tot, hit, seen = 0.0, 0, 0
        for lo in range(0, len(pairs), batch):
            if step >= steps:
                break
            part = pairs[lo : lo + batch]
            ci = [i for _, i in part]
            neg = []
            for i in ci:
                grp = by_group.get(deepest(concepts[i].groups), [])
                j = rng.choice(grp) if len(grp) > 1 else rng.randrange(len(concepts))
                while j == i:
                    j = rng.randrange(len(concepts))
                neg.append(j)
            cand = ci + neg
            a_ids, a_mask = pad([tok.encode(t, 128) for t, _ in part], tok.pad_id, device)
            c_ids, c_mask = pad([label_ids[j] for j in cand], tok.pad_id, device)
            with amp:
                a = F.normalize(mean_pool(model(a_ids, a_mask).float(), a_mask), dim=1)
                c = F.normalize(mean_pool(model(c_ids, c_mask).float(), c_mask), dim=1)
            logits = scale * a @ c.T
            cc = torch.tensor(cand, device=device)
            own = torch.tensor(ci, device=device)
            same = (cc[None, :] == own[:, None])
            target = torch.arange(len(part), device=device)
            same[target, target] = False  # the positive itself stays
            logits = logits.masked_fill(same, -1e4)
            loss = F.cross_entropy(logits, target)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            tot += float(loss.detach()) * len(part)
            hit += int((logits.argmax(1) == target).sum())
            seen += len(part)
            if step % every == 0:
                log(f"    step {step}/{steps}: loss {tot / max(seen, 1):.3f}, in-batch top-1 "
                    f"{hit / max(seen, 1):.3f} ({(time.perf_counter() - t_start) / step:.2f}s a step)")
        log(f"  epoch {ep + 1}: loss {tot / max(seen, 1):.3f}, in-batch top-1 {hit / max(seen, 1):.3f}")
    model.eval()
    return model


# ---------------------------------------------------------------------------- teacher
_LINKER: EscoLinker | None = None


def _work(job):
    kind, part = job
    assert _LINKER is not None
    if kind == "pairs":
        rows = _LINKER.link_spans([(s, c or None) for s, c in part], top_k=10)
    else:
        rows = _LINKER.rank(part, top_k=10)
    index = _LINKER._uri_index  # type: ignore[attr-defined]
    idx = np.array([[index[u] for u, _l, _s in r] for r in rows], dtype=np.int32)
    sc = np.array([[s for _u, _l, s in r] for r in rows], dtype=np.float32)
    return idx, sc


def run_teacher(enc: TorchEncoder, concepts, texts: dict, cache_dir: Path, procs: int, chunk: int = 256) -> dict[str, np.ndarray]:
    """Top-10 (index into ``concepts``, score) of the full linker for every pair and sentence."""
    global _LINKER
    queries = list(dict.fromkeys([t for p in texts["pairs"] for t in p if t] + texts["sentences"]))
    t0 = time.perf_counter()
    sent, toks = enc.encode_tokens(queries)
    log(f"  encoded {len(queries)} query texts ({time.perf_counter() - t0:.1f}s)")
    t0 = time.perf_counter()
    linker = EscoLinker(LabelSpace.from_esco(concepts), encoder=enc,  # type: ignore[arg-type]
                        query_encoder=Precomputed(queries, sent, toks),
                        config=LinkerConfig(workers=1), cache_dir=cache_dir)
    linker._uri_index = {u: i for i, u in enumerate(c.uri for c in linker.space.concepts)}  # type: ignore[attr-defined]
    log(f"  label store ready ({time.perf_counter() - t0:.1f}s)")
    _LINKER = linker
    jobs = [("pairs", texts["pairs"][lo : lo + chunk]) for lo in range(0, len(texts["pairs"]), chunk)]
    n_pairs = len(jobs)
    jobs += [("sentences", texts["sentences"][lo : lo + chunk]) for lo in range(0, len(texts["sentences"]), chunk)]
    t0 = time.perf_counter()
    done = None
    if procs > 1:
        try:
            with mp.get_context("fork").Pool(procs) as pool:
                done = pool.map(_work, jobs, chunksize=1)
        except Exception as exc:  # a sandbox without fork: one process is slower, not wrong
            log(f"  process pool failed ({exc!r}); ranking in this process")
    if done is None:
        done = [_work(j) for j in jobs]
    log(f"  teacher ranked {len(texts['pairs'])} pairs + {len(texts['sentences'])} sentences "
        f"({time.perf_counter() - t0:.1f}s, {procs} processes)")
    _LINKER = None
    empty = (np.zeros((0, 10), np.int32), np.zeros((0, 10), np.float32))
    pi, ps = zip(*done[:n_pairs]) if n_pairs else ([empty[0]], [empty[1]])
    si, ss = zip(*done[n_pairs:]) if len(done) > n_pairs else ([empty[0]], [empty[1]])
    return {"pair_idx": np.concatenate(pi), "pair_score": np.concatenate(ps),
            "sent_idx": np.concatenate(si), "sent_score": np.concatenate(ss)}


# ---------------------------------------------------------------------------- students
def torch_student(table0: np.ndarray, seqs: list[np.ndarray], targets: list[dict[int, float]],
                  labels: torch.Tensor, *, epochs: int, batch: int, lr: float, scale: float, seed: int,
                  device: str) -> np.ndarray:
    """``train_linker_student.train`` on torch: the same batches (same numpy shuffle), the
    same softmax cross-entropy against soft targets and the same Adam on only the rows a
    batch touches (``bag_of_pieces.BagOfPieces``), computed on the GPU."""
    from bag_of_pieces import epoch_orders  # beside this script, or in the bundle

    T = torch.tensor(table0, dtype=torch.float32, device=device)
    m, v = torch.zeros_like(T), torch.zeros_like(T)
    b1, b2, eps = 0.9, 0.999, 1e-8
    step = 0
    for ep, order in enumerate(epoch_orders(seqs, epochs, seed)):
        tot, hit = 0.0, 0
        t0 = time.perf_counter()
        for lo in range(0, len(order), batch):
            idx = order[lo : lo + batch]
            parts = [seqs[i] for i in idx]
            ids = torch.from_numpy(np.concatenate(parts)).to(device)
            seg = torch.from_numpy(np.repeat(np.arange(len(idx)), [len(x) for x in parts])).to(device)
            summed = torch.zeros((len(idx), T.shape[1]), device=device).index_add_(0, seg, T[ids])
            norm = summed.norm(dim=1, keepdim=True).clamp_min(1e-9)
            u = summed / norm
            p = torch.softmax(scale * (u @ labels.T), dim=1)
            r, c, w = [], [], []
            for k, i in enumerate(idx):
                for cc, ww in targets[i].items():
                    r.append(k)
                    c.append(cc)
                    w.append(ww)
            t = torch.zeros_like(p)
            t[torch.tensor(r, device=device), torch.tensor(c, device=device)] = torch.tensor(w, device=device, dtype=p.dtype)
            tot += float(-(t * torch.log(p + 1e-12)).sum())
            hit += int((t[torch.arange(len(idx), device=device), p.argmax(1)] > 0).sum())
            grad_u = ((p - t) * (scale / len(idx))) @ labels
            gs = (grad_u - u * (u * grad_u).sum(1, keepdim=True)) / norm
            g = torch.zeros_like(T).index_add_(0, ids, gs[seg])
            uniq = torch.unique(ids)
            step += 1
            gu = g[uniq]
            m[uniq] = b1 * m[uniq] + (1 - b1) * gu
            v[uniq] = b2 * v[uniq] + (1 - b2) * gu * gu
            T[uniq] -= lr * (m[uniq] / (1 - b1**step)) / ((v[uniq] / (1 - b2**step)).sqrt() + eps)
        log(f"    epoch {ep + 1}: loss {tot / len(order):.3f}, top-1 in target {hit / len(order):.3f}"
            f" ({time.perf_counter() - t0:.0f}s)")
    return T.cpu().numpy()


def train_students(specs: list[str], answers: dict[str, np.ndarray], texts: dict, concepts, labels: np.ndarray,
                   bundle: Path, out: Path, device: str) -> None:
    """One student per spec ``VARIANT:POSTINGS:RESUMES:SEED`` (the student script's
    recipe and defaults otherwise), trained on the variant's answers; each is written as
    ``OUT/student_<spec>.npz``: the int8 rows (``ids``, ``q``, ``scale``) of the pieces
    the bundle's ``static_rows.npz`` holds (every other row is the distilled table's)."""
    sys.path.insert(0, str(bundle))
    import train_linker_student as ts  # the bundle's copy: the same examples() as on the CPU

    with np.load(bundle / "static_rows.npz") as z:
        ids, table0 = z["ids"], z["q"].astype(np.float32) * z["scale"][:, None]
    compact = np.full(int(ids.max()) + 1, -1, dtype=np.int64)
    compact[ids] = np.arange(len(ids))
    tok = WordPiece(read_vocab(default_vocab_path()))
    data = [(sent, spans) for sent, spans in texts["skillspan"]]
    lab = torch.tensor(labels, dtype=torch.float32, device=device)
    seq_cache: dict[str, np.ndarray] = {}
    torch.backends.cuda.matmul.allow_tf32 = False  # the CPU recipe is float32 throughout
    for spec in specs:
        v, n_post, n_res, seed = spec.split(":")
        if f"{v}/pair_idx" not in answers:
            log(f"student {spec}: no answers of {v}; skipped")
            continue
        t0 = time.perf_counter()
        top = lambda i, s: [(int(a), float(b)) for a, b in zip(answers[f"{v}/{i}_idx"][s], answers[f"{v}/{i}_score"][s])]  # noqa: E731
        pair_row = {tuple(p): r for r, p in enumerate(texts["pairs"])}
        sent_row = {t: r for r, t in enumerate(texts["sentences"])}
        views = [{(sp, sent): top("pair", pair_row[(sp, sent)]) for sent, spans in data for sp in spans},
                 {(sp, sent): top("pair", pair_row[(sp, "")]) for sent, spans in data for sp in spans}]
        extra = [t for t in texts["postings"][: int(n_post)] + texts["resumes"][: int(n_res)] if t is not None]
        postings = [(t, top("sent", sent_row[t])) for t in extra]
        ns = argparse.Namespace(teacher_t=0.05, repeat=5, no_spans=False, no_esco=False)
        ex, targets = ts.examples(data, views, postings, ns, concepts)
        seqs = []
        for t in ex:
            if t not in seq_cache:
                pieces = compact[np.asarray(tok.encode(t, 128)[1:-1], dtype=np.int64)]
                assert (pieces >= 0).all(), f"a piece of {t[:40]!r} is not in static_rows.npz"
                seq_cache[t] = pieces
            seqs.append(seq_cache[t])
        log(f"student {spec}: {len(ex)} examples ({len(extra)} posting and résumé sentences)")
        table = torch_student(table0, seqs, targets, lab, epochs=2, batch=256, lr=1e-3, scale=20.0,
                              seed=int(seed), device=device)
        from skillmix.link.static import quantise

        q, sc = quantise(table)
        name = spec.replace(":", "_")
        np.savez_compressed(out / f"student_{name}.npz", ids=ids, q=q, scale=sc)
        log(f"  wrote student_{name}.npz ({time.perf_counter() - t0:.0f}s)")


def validation(enc: TorchEncoder, concepts, val: dict, cache_dir: Path) -> dict[str, dict]:
    """The teacher's own figures on the validation splits (label file space, transformer
    mode): reported beside the targets, used for nothing else."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(val["labels"]) + "\n")
    space = LabelSpace.from_label_file(fh.name, concepts)
    linker = EscoLinker(space, encoder=enc, query_encoder=enc, config=LinkerConfig(), cache_dir=cache_dir)  # type: ignore[arg-type]
    out = {}
    for split in ("tech", "house"):
        rows = val[split]
        ranked = linker.rank_labels([s for s, _ in rows], top_k=100)
        out[split] = {k: round(v, 4) for k, v in evaluate_rankings(ranked, [frozenset(g) for _, g in rows]).items()}
    return out


def main() -> None:
    global LOG
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bundle", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--variants", default="ft1,ft2,base")
    ap.add_argument("--procs", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--tiny", action="store_true", help="CPU rehearsal: few pairs and steps")
    ap.add_argument("--max-pairs", type=int, default=None,
                    help="fine-tune on a random N of the ESCO pairs (a CPU-sized run; default all)")
    ap.add_argument("--max-steps", type=int, default=None, help="stop fine-tuning after N steps")
    ap.add_argument("--threads", type=int, default=None, help="torch threads (default torch's own)")
    ap.add_argument("--students", default="base:4000:2000:13,ft1:4000:2000:13,ft2:4000:2000:13,"
                    "ft1:100000:100000:13,ft2:100000:100000:13",
                    help="students to train on the GPU, VARIANT:POSTINGS:RESUMES:SEED each ('' for none)")
    ap.add_argument("--start-before", type=float, default=330.0,
                    help="start no further variant after this many seconds (the run's time limit)")
    ap.add_argument("--keep-weights", action="store_true",
                    help="also write the fine-tuned weights (float16, in parts of < 16 MiB) of "
                    "the variant whose teacher has the best validation MRR")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    if args.threads:
        torch.set_num_threads(args.threads)
    if device == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    log(f"torch {torch.__version__} on {device}"
        + (f" ({torch.cuda.get_device_name(0)})" if device == "cuda" else "") + f", {os.cpu_count()} CPUs")
    # never the shipped int8 seed: every label embedding comes from the model being run
    _cache._SEEDS[_cache.default_seed_path()] = None
    config = json.loads((args.bundle / "model" / "config.json").read_text())
    base = read_safetensors(args.bundle / "model" / "model.safetensors")
    tok = WordPiece(read_vocab(default_vocab_path()))
    concepts = load_esco()
    with gzip.open(args.bundle / "texts.json.gz", "rt", encoding="utf-8") as fh:
        texts = json.load(fh)
    texts["pairs"] = [tuple(p) for p in texts["pairs"]]
    val = None
    vp = args.bundle / "validation.json.gz"
    if vp.is_file():
        with gzip.open(vp, "rt", encoding="utf-8") as fh:
            val = json.load(fh)
    if args.tiny:
        concepts = concepts[:400]
        pairs, sents = texts["pairs"][:60], texts["sentences"][:60]
        have, keep = set(pairs), set(sents)
        texts = {"pairs": pairs, "sentences": sents,
                 "skillspan": [(s, sp) for s, sp in texts["skillspan"]
                               if all((x, s) in have and (x, "") in have for x in sp)],
                 "postings": [t if t in keep else None for t in texts["postings"]],
                 "resumes": [t if t in keep else None for t in texts["resumes"]]}
    log(f"{len(concepts)} concepts, {len(texts['pairs'])} span pairs, {len(texts['sentences'])} sentences")
    settings = {"ft1": dict(epochs=1, lr=2e-5), "ft2": dict(epochs=3, lr=3e-5)}
    # the student's softmax is over MiniLM's own preferred-label embeddings (the shipped
    # recipe reads them from the int8 seed; here the unchanged model computes them)
    labels = TorchEncoder(Bert(base, config).to(device).eval(), tok, device).encode([c.label for c in concepts])
    summary: dict = {"device": device, "variants": {}}
    answers: dict[str, np.ndarray] = {}
    best = (-1.0, "")
    for name in args.variants.split(","):
        if time.perf_counter() - T0 > args.start_before:
            log(f"variant {name} skipped: {args.start_before:.0f}s have passed (--start-before)")
            continue
        t0 = time.perf_counter()
        log(f"variant {name}")
        if name == "base":
            model = Bert(base, config).to(device).eval()
        else:
            model = fine_tune(base, config, tok, concepts, batch=args.batch, scale=20.0, seed=13, device=device,
                              max_pairs=2000 if args.tiny else args.max_pairs,
                              max_steps=3 if args.tiny else args.max_steps,
                              **settings[name])
        enc = TorchEncoder(model, tok, device, tokens_per_batch=4096 if args.tiny else 65536)
        with tempfile.TemporaryDirectory() as tmp:
            res = run_teacher(enc, concepts, texts, Path(tmp), args.procs)
            answers.update({f"{name}/{k}": v for k, v in res.items()})
            np.savez_compressed(args.out / "teachers.npz", **answers)
            info: dict = {"seconds": round(time.perf_counter() - t0, 1)}
            if val is not None and not args.tiny:
                info["validation"] = validation(enc, concepts, val, Path(tmp))
            elif val is not None:
                info["validation"] = validation(enc, concepts, {"labels": val["labels"][:300],
                                                                "tech": val["tech"][:5], "house": val["house"][:5]}, Path(tmp))
        log(f"variant {name} done: {json.dumps(info)}")
        summary["variants"][name] = info
        (args.out / "summary.json").write_text(json.dumps(summary, indent=1))
        if name != "base" and args.keep_weights:
            mrr = sum(info["validation"][s]["MRR"] for s in ("tech", "house"))
            if mrr > best[0]:
                best = (mrr, name)
                save_weights(model, args.out / "weights", name)
                log(f"  kept {name}'s weights (the fine-tuned teacher with the best validation MRR so far)")
        del model, enc
        if device == "cuda":
            torch.cuda.empty_cache()
    if args.students:
        train_students(args.students.split(","), answers, texts, concepts, labels, args.bundle, args.out, device)
    log("all done")


if __name__ == "__main__":
    main()
