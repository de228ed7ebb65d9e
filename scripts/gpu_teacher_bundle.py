"""Pack what ``scripts/gpu_teacher.py`` needs on a GPU machine into one folder.

    python scripts/gpu_teacher_bundle.py --out BUNDLE [--postings 40000 --resumes 15000] [--also-seed 14]

Why: the GPU machine has no ``../shared`` data and no model package. This writes to
``BUNDLE``:

* ``model/``: all-MiniLM-L6-v2's ``config.json`` and ``model.safetensors`` in float16
  (~45 MB; the teacher to fine-tune; word pieces come from skillmix's shipped vocabulary);
* ``texts.json.gz``: the texts the teacher must link or rank for
  ``scripts/train_linker_student.py``: SkillSpan train+dev spans with their sentence
  (``pairs``; a bare span is ``[span, ""]``), and posting and résumé sentences
  (``sentences``, the first ``--postings`` / ``--resumes`` of the same shuffles the
  student script draws, so its default sets are prefixes). Every sentence that occurs in
  a Decorte benchmark file is dropped, as the student script does; ``--also-seed N`` adds
  the sentences the student script draws with ``--seed N`` (same sizes) to ``sentences``,
  so that a student of another seed can be trained on the CPU from the same answers;
* ``static_rows.npz``: the rows of the shipped distilled table (int8) for every word piece
  of those texts and of ESCO, where the student starts (~6 MB instead of 11);
* ``validation.json.gz``: the TECH and HOUSE validation sentences with their gold labels
  and the benchmark's label file, *only* to print the teacher's own figures (never trained on);
* ``gpu_teacher.py``, ``train_linker_student.py`` and ``bag_of_pieces.py`` (the student's
  training examples are built by the same code), and ``run.sh`` (``OUT=... bash BUNDLE/run.sh`` from the repository root).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from skillmix.link.encoder import model_zip_path  # noqa: E402
from skillmix.link.evaluate import read_benchmark  # noqa: E402
from train_linker_student import (  # noqa: E402
    benchmark_sentences,
    conll_spans,
    normalise,
    resume_sentences,
)

_DT = {"F32": np.float32, "F16": np.float16}

#: run from the repository root on the GPU machine: ``bash BUNDLE/run.sh [extra args]``;
#: everything it writes goes to $OUT (a log of stdout and stderr too)
RUN_SH = """#!/bin/bash
set -o pipefail
cd "$(dirname "$0")/.." || exit 2
: "${{OUT:?set OUT to the folder that comes back}}"
(nvidia-smi -L; nproc; python3 -c 'import torch, numpy; print(torch.__version__, numpy.__version__)') 2>&1 | tee "$OUT/run.log"
export OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1  # the linker's numpy runs in one process per CPU
PYTHONUNBUFFERED=1 python3 {name}/gpu_teacher.py --bundle {name} --out "$OUT" "$@" 2>&1 | tee -a "$OUT/run.log"
"""


def fp16_safetensors(blob: bytes) -> bytes:
    """The same tensors, float32 ones stored as float16 (halves the ~90 MB file)."""
    n = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8 : 8 + n])
    out_header: dict[str, dict] = {}
    parts: list[bytes] = []
    off = 0
    for name in sorted(k for k in header if k != "__metadata__"):
        meta = header[name]
        lo, hi = meta["data_offsets"]
        arr = np.frombuffer(blob[8 + n + lo : 8 + n + hi], dtype=_DT.get(meta["dtype"], np.int64))
        dtype = meta["dtype"]
        if dtype == "F32":
            arr, dtype = arr.astype(np.float16), "F16"
        raw = arr.tobytes()
        out_header[name] = {"dtype": dtype, "shape": meta["shape"], "data_offsets": [off, off + len(raw)]}
        parts.append(raw)
        off += len(raw)
    h = json.dumps(out_header).encode()
    h += b" " * (-len(h) % 8)
    return struct.pack("<Q", len(h)) + h + b"".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data")))
    ap.add_argument("--postings", type=int, default=40000)
    ap.add_argument("--resumes", type=int, default=15000)
    ap.add_argument("--seed", type=int, default=13, help="the student script's --seed (its shuffles)")
    ap.add_argument("--also-seed", type=int, action="append", default=[],
                    help="also the posting and résumé sentences of this --seed (repeatable)")
    ap.add_argument("--tiny", action="store_true", help="a few texts only (a CPU rehearsal)")
    args = ap.parse_args()
    out: Path = args.out
    (out / "model").mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(model_zip_path()) as zf:
        (out / "model" / "config.json").write_bytes(zf.read("config.json"))
        (out / "model" / "model.safetensors").write_bytes(fp16_safetensors(zf.read("model.safetensors")))
    banned = benchmark_sentences(args.shared)
    data = []
    for part in ("train", "dev"):
        for f in sorted((args.shared / "benchmarks" / "skillspan").glob(f"*_{part}.conll")):
            data += [(s, sp) for s, sp in conll_spans(f) if sp and normalise(s) not in banned]
    pairs = [(span, sent) for sent, spans in data for span in spans]
    pairs = list(dict.fromkeys(pairs + [(span, "") for span, _ in pairs]))
    from train_linker_static import posting_sentences

    n_post, n_res = (40, 20) if args.tiny else (args.postings, args.resumes)
    # in the student script's order (its --postings / --resumes take prefixes); a
    # benchmark sentence is kept as None so that prefixes still line up
    post = [None if normalise(t) in banned else t for t in posting_sentences(args.shared, n_post, args.seed)]
    res = [None if normalise(t) in banned else t for t in resume_sentences(args.shared, n_res, args.seed)]
    sents = list(dict.fromkeys(t for t in post + res if t is not None))
    for seed in args.also_seed:
        more = posting_sentences(args.shared, n_post, seed) + resume_sentences(args.shared, n_res, seed)
        sents = list(dict.fromkeys(sents + [t for t in more if normalise(t) not in banned]))
    if args.tiny:
        pairs = pairs[:60]
        data = [(s, sp) for s, sp in data if all((x, s) in set(pairs) and (x, "") in set(pairs) for x in sp)]
    with gzip.open(out / "texts.json.gz", "wt", encoding="utf-8") as fh:
        json.dump({"pairs": pairs, "sentences": sents, "skillspan": data, "postings": post, "resumes": res,
                   "seed": args.seed}, fh)
    # the distilled table's rows of every word piece these texts and ESCO use: the student
    # starts from them (the other rows never change; gpu_teacher_import.py merges them back)
    from build_esco_embeddings import esco_texts
    from skillmix.link.static import StaticEncoder, default_static_path

    static = StaticEncoder.load(student=False)
    rows: set[int] = set()
    for t in esco_texts() + [x for p in pairs for x in p if x] + sents:
        rows.update(static.tokenizer.encode(t, 128)[1:-1])
    ids = np.array(sorted(rows), dtype=np.int64)
    with np.load(default_static_path()) as z:
        np.savez_compressed(out / "static_rows.npz", ids=ids, q=z["q"][ids], scale=z["scale"][ids])
    root = args.shared / "benchmarks" / "decorte"
    val = {split: [[s.sentence, sorted(s.gold)] for s in read_benchmark(root / f"{split}_validation_annotations.csv")]
           for split in ("tech", "house")}
    val["labels"] = [ln.strip() for ln in (root / "skills_en_label.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    with gzip.open(out / "validation.json.gz", "wt", encoding="utf-8") as fh:
        json.dump(val, fh)
    for name in ("gpu_teacher.py", "train_linker_student.py", "bag_of_pieces.py"):
        shutil.copy(ROOT / "scripts" / name, out / name)
    (out / "run.sh").write_text(RUN_SH.format(name=out.name))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"{out}: {len(pairs)} span pairs, {len(sents)} sentences, {size / 2**20:.1f} MiB in all")


if __name__ == "__main__":
    main()
