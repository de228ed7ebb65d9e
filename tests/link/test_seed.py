"""The shipped seed of ESCO label embeddings (``skillmix.link.cache.Seed``)."""

from __future__ import annotations

import numpy as np
import pytest

from skillmix.errors import ConfigError
from skillmix.link.cache import EmbeddingStore, Seed, default_seed_path


def test_seed_round_trips_within_int8_rounding(tmp_path) -> None:
    rng = np.random.default_rng(1)
    m = rng.normal(size=(4, 16)).astype(np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    texts = ["present reports", "SQL", "café ☕", "work in teams"]
    Seed.save(tmp_path / "s.npz", "model-x", texts, m)
    seed = Seed.load(tmp_path / "s.npz")
    assert seed is not None and seed.model_id == "model-x"
    got = seed.get(["SQL", "café ☕"])
    np.testing.assert_allclose(got, m[[1, 2]], atol=float(np.abs(m).max()) / 127)
    with pytest.raises(ConfigError, match="C307"):
        Seed.save(tmp_path / "t.npz", "model-x", ["two\nlines"], m[:1])


def test_unreadable_seed_is_ignored(tmp_path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip at all")
    assert Seed.load(bad) is None
    assert Seed.load(tmp_path / "missing.npz") is None


def test_store_takes_shipped_texts_from_the_seed_and_encodes_the_rest(encoder, tmp_path) -> None:
    if not default_seed_path().is_file():
        pytest.skip("seed not built")
    encoded: list[str] = []

    def encode(texts: list[str]) -> np.ndarray:
        encoded.extend(texts)
        return encoder.encode(texts)

    store = EmbeddingStore(encoder.model_id, encoder.dim, tmp_path)
    texts = ["present reports", "Java (computer programming)", "a phrase ESCO does not have"]
    got = store.lookup(texts, encode)
    assert encoded == ["a phrase ESCO does not have"]
    cos = (got * encoder.encode(texts)).sum(1) / np.linalg.norm(got, axis=1)
    assert (cos > 0.999).all(), cos
    # without the seed every text is encoded; the cache then wins over the seed
    plain = EmbeddingStore(encoder.model_id, encoder.dim, tmp_path / "plain", seed=False)
    plain.lookup(texts, encode)
    assert encoded[1:] == texts


def test_truncated_seed_is_ignored(tmp_path) -> None:
    m = np.eye(3, 8, dtype=np.float32)
    Seed.save(tmp_path / "s.npz", "model-x", ["a", "b", "c"], m)
    blob = (tmp_path / "s.npz").read_bytes()
    (tmp_path / "cut.npz").write_bytes(blob[: len(blob) // 2])
    assert Seed.load(tmp_path / "cut.npz") is None
