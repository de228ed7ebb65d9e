"""The distilled static query encoder and the span proposer, on the tiny ESCO slice."""

from __future__ import annotations

import numpy as np
import pytest

from skillmix.link.linker import EscoLinker
from skillmix.link.spans import propose_spans
from skillmix.errors import TaxonomyError
from skillmix.link.static import (
    StaticEncoder,
    default_static_path,
    default_student_path,
    dequantise,
    quantise,
)


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
    cos = (static.encode_phrases(texts) * encoder.encode(texts)).sum(1)
    assert (cos > 0.8).all(), cos
    distilled = StaticEncoder.load(student=False)
    np.testing.assert_allclose(distilled.encode(texts), static.encode_phrases(texts), atol=1e-6)


def test_student_embeds_sentences_windows_stay_distilled(static) -> None:
    if not default_student_path().is_file():
        pytest.skip("student table not built")
    assert static.sentence_table is not static.table
    text = ["Strong knowledge of SQL and JavaScript"]
    sent, tokens = static.encode_tokens(text)
    np.testing.assert_allclose(sent, static.encode(text), atol=1e-6)
    assert not np.allclose(sent, static.encode_phrases(text), atol=1e-3)
    ids, _, _ = static._pieces(text[0])
    np.testing.assert_allclose(tokens[0].vectors, static.table[ids])


def test_student_ranks_skills_of_job_ad_sentences(static, encoder, tiny_esco, tmp_path) -> None:
    """The student alone (no lexical channel) must put the skill a sentence asks for
    first; the texts share no label word with the expected concept."""
    if not default_student_path().is_file():
        pytest.skip("student table not built")
    lk = EscoLinker.load(esco=tiny_esco, encoder=encoder, query_encoder=static, cache_dir=tmp_path)
    cases = {
        "You will write queries against our relational databases": "SQL",
        "Comfortable presenting findings to executives": "present reports",
        "You collaborate closely with colleagues across departments": "work in teams",
    }
    sims = static.encode(list(cases)) @ lk._pref_emb.T
    got = [lk.space.labels[int(i)] for i in sims.argmax(1)]
    assert got == list(cases.values())


def test_student_of_wrong_shape_is_refused(tmp_path) -> None:
    if not default_static_path().is_file():
        pytest.skip("static encoder table not built")
    bad = tmp_path / "student.npz"
    q, s = quantise(np.ones((3, 4), dtype=np.float32))
    np.savez(bad, q=q, scale=s)
    with pytest.raises(TaxonomyError, match="T307"):
        StaticEncoder.load(student=bad)
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip")
    with pytest.raises(TaxonomyError, match="T307") as info:
        StaticEncoder.load(student=broken)
    assert "broken.npz" in str(info.value)


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


def test_batched_span_proposals_equal_one_by_one(static, encoder, tiny_esco, tmp_path) -> None:
    from skillmix.link.spans import propose_spans_many

    lk = EscoLinker.load(esco=tiny_esco, encoder=encoder, query_encoder=static, cache_dir=tmp_path)
    lk.config = lk.config.with_(batch_size=2)  # several batches
    texts = ["You will bake pastry and write SQL queries.", "", "Drive vehicles safely",
             "Teamwork and presenting results", "nothing to see here"]
    one = [propose_spans(lk, t, threshold=0.6) for t in texts]
    assert propose_spans_many(lk, texts, threshold=0.6) == one
    assert one[1] == [] and one[0]
