"""Turn ``scripts/gpu_teacher.py``'s targets into teacher caches for the student script.

    python scripts/gpu_teacher_import.py --returned DIR --bundle BUNDLE --out-dir DIR2

Why: ``scripts/train_linker_student.py --teacher-cache FILE`` reads every teacher answer
from a JSON file keyed like its own cache. This writes ``DIR2/teacher_<variant>.json``
for each variant in ``DIR/teachers.npz`` (span pairs and sentences in the order of
``BUNDLE/texts.json.gz``), and, when the CPU teacher's own cache exists, prints how often
the GPU ``base`` variant agrees with it (the same model in float16 weights: a check that
the GPU run computed the same teacher). Students the GPU trained (``student_*.npz``: rows of
the word pieces they use) are merged over the shipped distilled table into complete student
files, ``DIR2/student_gpu_<spec>.npz``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_linker_student import teacher_key  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--returned", type=Path, required=True, help="the folder holding teachers.npz")
    ap.add_argument("--bundle", type=Path, required=True, help="the folder holding texts.json.gz")
    ap.add_argument("--out-dir", type=Path, required=True)
    args = ap.parse_args()
    with gzip.open(args.bundle / "texts.json.gz", "rt", encoding="utf-8") as fh:
        texts = json.load(fh)
    keys = [teacher_key((s, c)) for s, c in texts["pairs"]] + [teacher_key((s, "\x01sentence")) for s in texts["sentences"]]
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with np.load(args.returned / "teachers.npz") as z:
        data = {k: z[k] for k in z.files}
    variants = sorted({k.split("/")[0] for k in data})
    from skillmix.link.cache import default_cache_dir

    cpu_cache = default_cache_dir() / "teacher_skillspan_train.json"
    cpu = json.loads(cpu_cache.read_text()) if cpu_cache.is_file() else {}
    for v in variants:
        idx = np.concatenate([data[f"{v}/pair_idx"], data[f"{v}/sent_idx"]])
        sc = np.concatenate([data[f"{v}/pair_score"], data[f"{v}/sent_score"]])
        if len(idx) != len(keys):
            raise SystemExit(f"{v}: {len(idx)} answers for {len(keys)} texts: not this bundle's run")
        out = {k: [[int(i), round(float(s), 6)] for i, s in zip(ri, rs)] for k, ri, rs in zip(keys, idx, sc)}
        path = args.out_dir / f"teacher_{v}.json"
        path.write_text(json.dumps(out))
        msg = f"wrote {path} ({len(out)} answers)"
        shared = [k for k in keys if k in cpu]
        if shared:
            top1 = np.mean([out[k][0][0] == cpu[k][0][0] for k in shared])
            top10 = np.mean([len({i for i, _ in out[k]} & {int(i) for i, _ in cpu[k]}) / 10 for k in shared])
            msg += f"; vs the CPU teacher on {len(shared)} texts: top-1 same {top1:.3f}, top-10 overlap {top10:.3f}"
        print(msg)
    # students trained on the GPU: their rows over the shipped distilled table, in the
    # format StaticEncoder reads (int8 rows, a float32 scale each)
    from skillmix.link.static import default_static_path

    for part in sorted(args.returned.glob("student_*.npz")):
        with np.load(default_static_path()) as z:
            q, scale = z["q"].copy(), z["scale"].copy()
        with np.load(part) as z:
            q[z["ids"]] = z["q"]
            scale[z["ids"]] = z["scale"]
        path = args.out_dir / f"{part.stem.replace('student_', 'student_gpu_', 1)}.npz"
        np.savez_compressed(path, q=q, scale=scale)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
