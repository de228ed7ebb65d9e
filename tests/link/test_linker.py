"""EscoLinker over a tiny ESCO slice: ranking, span linking, caching, configuration."""

from __future__ import annotations

import numpy as np
import pytest

from skillmix.errors import ConfigError, TaxonomyError
from skillmix.link.esco import EscoConcept, LabelSpace
from skillmix.link.linker import EscoLinker, LinkerConfig


@pytest.fixture(scope="module")
def linker(encoder, tmp_path_factory) -> EscoLinker:
    from .conftest import TINY_ESCO

    return EscoLinker.load(
        esco=TINY_ESCO, encoder=encoder, query_encoder=encoder, cache_dir=tmp_path_factory.mktemp("cache")
    )


def test_linker_rank_returns_uri_label_score_best_first(linker) -> None:
    rows = linker.rank(["Strong knowledge of SQL and JavaScript", "We bake croissants every morning"], top_k=3)
    assert len(rows) == 2 and all(len(r) == 3 for r in rows)
    assert {rows[0][0][1], rows[0][1][1]} == {"SQL", "JavaScript"}
    assert rows[1][0] [:2] == ("u:bake", "bake pastry")
    scores = [s for _u, _l, s in rows[0]]
    assert scores == sorted(scores, reverse=True)


def test_linker_links_paraphrase_without_shared_words(linker) -> None:
    top = linker.link_span("comfortable presenting to executives", "You are comfortable presenting to executives.")
    assert top[0][1] == "present reports"


def test_linker_link_span_alone(linker) -> None:
    assert linker.link_span("team player", top_k=1)[0][1] == "work in teams"


def test_linker_caches_label_embeddings(encoder, tiny_esco, tmp_path) -> None:
    EscoLinker.load(esco=tiny_esco, encoder=encoder, cache_dir=tmp_path)
    assert sorted(p.suffix for p in (tmp_path).iterdir()) == [".json", ".npy"]

    class NoEncoder:
        def __getattr__(self, name):
            raise AssertionError("labels should come from the cache")

    again = EscoLinker(LabelSpace(tiny_esco), None, query_encoder=encoder, cache_dir=tmp_path)
    again._encoder = NoEncoder()  # type: ignore[assignment]
    assert again.rank(["SQL"], top_k=1)[0][0][1] == "SQL"


def test_linker_label_space_from_labels_enriches_and_keeps_unknown(tiny_esco) -> None:
    space = LabelSpace.from_labels(["SQL", "teamwork", "juggling", ""], tiny_esco)
    assert [c.label for c in space.concepts] == ["SQL", "teamwork", "juggling"]
    assert space.concepts[0].uri == "u:sql"
    assert space.concepts[1].uri == "u:teams" and "work in teams" in space.concepts[1].texts
    assert space.concepts[2].uri == "" and space.concepts[2].texts == ("juggling",)
    with pytest.raises(TaxonomyError, match=r"\[T305\]"):
        LabelSpace([])


def test_linker_rejects_bad_arguments(linker, encoder, tiny_esco) -> None:
    with pytest.raises(ConfigError, match=r"\[C304\]"):
        linker.rank(["x"], top_k=0)
    with pytest.raises(ConfigError, match=r"\[C306\]"):
        LinkerConfig(shortlist=0)
    with pytest.raises(ConfigError, match=r"\[C306\]"):
        LinkerConfig().with_(alt_mix=2.0)
    with pytest.raises(ConfigError, match=r"\[C305\]"):
        EscoLinker.load(esco=tiny_esco, encoder=encoder, query_encoder="gpu", cache_dir=False)


def test_linker_unknown_label_has_empty_uri(encoder, tmp_path) -> None:
    space = [EscoConcept("", "juggling"), EscoConcept("u:x", "present reports")]
    lk = EscoLinker.load(esco=space, encoder=encoder, cache_dir=False)
    assert lk.rank(["juggling balls"], top_k=1)[0][0][:2] == ("", "juggling")


def test_linker_link_spans_batches_pairs(linker) -> None:
    rows = linker.link_spans(
        [("team player", None), ("SQL", "Strong knowledge of SQL"), ("", None)], top_k=2
    )
    assert [r[0][1] for r in rows[:2]] == ["work in teams", "SQL"]
    assert rows[2] == []
    assert linker.link_span("SQL", "Strong knowledge of SQL", top_k=2) == rows[1]


@pytest.mark.parametrize("query", ["transformer", "static"])
def test_fast_scores_equal_the_fused_channels(query, encoder, tiny_esco, tmp_path) -> None:
    """``score``/``rank`` skip materialising channels and partial-sort once; they must
    agree with ``fuse(channels())`` and a full sort, also when the requested depth is
    deeper than the window shortlist."""
    from skillmix.link.linker import STATIC_CONFIG

    base = STATIC_CONFIG if query == "static" else LinkerConfig()
    lk = EscoLinker.load(esco=tiny_esco, encoder=encoder, cache_dir=tmp_path, query_encoder=query,
                         config=base.with_(shortlist=3, w_prior=0.1))
    texts = ["Strong knowledge of SQL and JavaScript", "We bake croissants every morning",
             "drive", "Present results to the team and write SQL"]
    full = lk.fuse(lk.channels(texts))
    np.testing.assert_allclose(lk.score(texts), full, rtol=1e-5, atol=1e-5)
    for depth in (2, 3, 6):
        got = [[lab for _u, lab, _s in row] for row in lk.rank(texts, top_k=depth)]
        want = [[lk.space.labels[i] for i in np.argsort(-row, kind="stable")[:depth]] for row in full]
        assert got == want, depth


def test_windows_are_the_word_spans_without_stopword_edges(linker) -> None:
    """The vectorised window enumeration against the plain definition: every span of
    1..max_window words whose first and last words are neither stop words nor
    punctuation, and its vector the normalised sum of its pieces' vectors."""
    from skillmix.link.lexical import STOPWORDS

    text = "Build and maintain scalable REST APIs, with the data team."
    _, (tb,) = linker.query_encoder.encode_tokens([text])
    parts = linker._window_parts(tb)
    assert parts is not None
    _cum, lo, hi = parts
    firsts = [i for i in range(len(tb.word_ids)) if i == 0 or tb.word_ids[i] != tb.word_ids[i - 1]]
    words = [tb.words[tb.word_ids[i]] for i in firsts]
    bad = [w.lower() in STOPWORDS or not w[0].isalnum() for w in words]
    width = linker.config.max_window
    want = [(i, j) for i in range(len(words)) if not bad[i]
            for j in range(i + 1, min(len(words), i + width) + 1) if not bad[j - 1]]
    assert list(zip(lo.tolist(), hi.tolist())) == want
    ends = firsts + [len(tb.word_ids)]
    vec = np.stack([tb.vectors[ends[i]:ends[j]].sum(0) for i, j in want])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True)
    np.testing.assert_allclose(linker._windows(tb), vec, atol=1e-5)
    assert linker._window_parts(linker.query_encoder.encode_tokens(["and the ,"])[1][0]) is None
