"""The CPU halves of the GPU teacher run (``scripts/gpu_teacher_bundle.py``,
``scripts/gpu_teacher_import.py``): the float16 weights they ship and the cache keys the
student script reads back. The GPU half needs torch and is rehearsed by hand (its docstring)."""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
import sys
from pathlib import Path

import numpy as np
import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="module")
def scripts():
    sys.path.insert(0, str(SCRIPTS))
    try:
        import gpu_teacher_bundle
        import gpu_teacher_import
        import train_linker_student

        yield gpu_teacher_bundle, gpu_teacher_import, train_linker_student
    finally:
        sys.path.remove(str(SCRIPTS))


def _safetensors(tensors: dict[str, np.ndarray]) -> bytes:
    names = {np.dtype(np.float32): "F32", np.dtype(np.int64): "I64"}
    header, parts, off = {}, [], 0
    for k, a in tensors.items():
        raw = a.tobytes()
        header[k] = {"dtype": names[a.dtype], "shape": list(a.shape), "data_offsets": [off, off + len(raw)]}
        parts.append(raw)
        off += len(raw)
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + b"".join(parts)


def test_float16_weights_read_back_by_the_numpy_encoder(scripts) -> None:
    from skillmix.link.encoder import _read_safetensors

    bundle, _imp, _student = scripts
    rng = np.random.default_rng(3)
    w = rng.normal(size=(5, 7)).astype(np.float32)
    ids = np.arange(4, dtype=np.int64)
    got = _read_safetensors(bundle.fp16_safetensors(_safetensors({"a.weight": w, "pos_ids": ids})))
    assert got["a.weight"].dtype == np.float16 and got["a.weight"].shape == (5, 7)
    np.testing.assert_allclose(got["a.weight"].astype(np.float32), w, rtol=1e-3, atol=1e-4)
    np.testing.assert_array_equal(got["pos_ids"], ids)


def test_import_writes_answers_under_the_student_scripts_keys(scripts, tmp_path, monkeypatch) -> None:
    _bundle, imp, student = scripts
    pairs = [["SQL", "We need SQL skills."], ["SQL", ""]]
    sentences = ["Present results to clients."]
    with gzip.open(tmp_path / "texts.json.gz", "wt", encoding="utf-8") as fh:
        json.dump({"pairs": pairs, "sentences": sentences}, fh)
    idx = np.arange(30, dtype=np.int32).reshape(3, 10)
    sc = np.linspace(1, 0, 30, dtype=np.float32).reshape(3, 10)
    np.savez(tmp_path / "teachers.npz", **{"ft1/pair_idx": idx[:2], "ft1/pair_score": sc[:2],
                                           "ft1/sent_idx": idx[2:], "ft1/sent_score": sc[2:]})
    rows = np.array([5, 7])
    np.savez(tmp_path / "student_ft1_4000_2000_13.npz", ids=rows, q=np.full((2, 384), 3, np.int8),
             scale=np.array([0.5, 0.25], np.float32))
    monkeypatch.setenv("SKILLMIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "argv", ["x", "--returned", str(tmp_path), "--bundle", str(tmp_path),
                                      "--out-dir", str(tmp_path / "out")])
    imp.main()
    got = json.loads((tmp_path / "out" / "teacher_ft1.json").read_text())
    key = hashlib.sha1("Present results to clients.\x00\x01sentence".encode()).hexdigest()[:20]
    assert student.teacher_key(("Present results to clients.", "\x01sentence")) == key
    assert [i for i, _s in got[key]] == list(range(20, 30))
    assert got[student.teacher_key(("SQL", ""))][0] == [10, pytest.approx(float(sc[1, 0]), abs=1e-6)]
    # a GPU student's rows land over the shipped distilled table, the rest unchanged
    from skillmix.link.static import StaticEncoder

    merged = StaticEncoder.load(student=tmp_path / "out" / "student_gpu_ft1_4000_2000_13.npz")
    np.testing.assert_allclose(merged.sentence_table[[5, 7], 0], [1.5, 0.75])
    np.testing.assert_array_equal(merged.sentence_table[8:100], merged.table[8:100])
