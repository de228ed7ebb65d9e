"""The distilled static query encoder and the span proposer, on the tiny ESCO slice."""

from __future__ import annotations

import numpy as np
import pytest

from skillmix.link.linker import EscoLinker
from skillmix.link.spans import propose_spans
from skillmix.link.static import StaticEncoder, default_static_path, dequantise, quantise


@pytest.fixture(scope="module")
def static(encoder) -> StaticEncoder:
    if not default_static_path().is_file():
        pytest.skip("static encoder table not built")
    return StaticEncoder.load()


def test_static_quantise_round_trips() -> None:
    t = np.random.default_rng(0).normal(size=(5, 8)).astype(np.float32)
    q, s = quantise(t)
    assert q.dtype == np.int8
    np.testing.assert_allclose(dequantise(q, s), t, atol=float(np.abs(t).max()) / 120)


def test_static_tracks_minilm(static, encoder) -> None:
    texts = ["present reports", "Strong knowledge of SQL and JavaScript", "team player"]
    cos = (static.encode(texts) * encoder.encode(texts)).sum(1)
    assert (cos > 0.8).all(), cos


def test_static_linker_and_span_proposals(static, encoder, tiny_esco, tmp_path) -> None:
    lk = EscoLinker.load(esco=tiny_esco, encoder=encoder, query_encoder=static, cache_dir=tmp_path)
    assert lk.rank(["We bake croissants every morning"], top_k=1)[0][0][1] == "bake pastry"
    text = "You will bake pastry and write SQL queries."
    spans = propose_spans(lk, text, threshold=0.6)
    got = {(text[s.start : s.end], s.label) for s in spans}
    assert ("bake pastry", "bake pastry") in got
    assert ("SQL", "SQL") in got
    ends = [(s.start, s.end) for s in spans]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))  # no overlaps, text order
