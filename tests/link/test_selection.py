"""Cross-validated selection of fusion weights (skillmix.link.selection)."""

from __future__ import annotations

import numpy as np
import pytest

from skillmix.link.linker import STATIC_CONFIG, EscoLinker, LinkerConfig
from skillmix.link.selection import FusionInputs, group_folds, nested_cv, sentence_metrics

TEXTS = [
    "Strong knowledge of SQL and JavaScript",
    "You will present reports to the board and work in teams",
    "We bake croissants daily",
    "Valid licence to drive vehicles required",
    "Run our social media marketing and present results",
    "Java developer",
]


def test_selection_fusion_inputs_score_like_the_linker(encoder, tiny_esco, tmp_path) -> None:
    lk = EscoLinker.load(esco=tiny_esco, encoder=encoder, query_encoder="transformer",
                         cache_dir=tmp_path, config=LinkerConfig(shortlist=3))
    inputs = FusionInputs(lk, TEXTS)
    for cfg in (LinkerConfig(shortlist=3), STATIC_CONFIG.with_(shortlist=2, alt_mix=0.2),
                LinkerConfig(w_window=0.0), LinkerConfig(shortlist=4, w_bm25=0.0, w_phrase=0.5)):
        lk.config = cfg
        np.testing.assert_allclose(inputs.scores(cfg), lk.score(TEXTS), atol=1e-4)


def test_selection_sentence_metrics_by_hand() -> None:
    scores = np.array([[0.9, 0.8, 0.1, 0.0], [0.0, 0.1, 0.2, 0.3]])
    m = sentence_metrics(scores, [frozenset({1, 2}), frozenset({0, -1})], depth=4)
    # row 0 ranks 0,1,2,3: RP@1 0, RP@5 1, RR 1/2; row 1 ranks 3,2,1,0: RP@5 1/2, RR 1/4
    np.testing.assert_allclose(m, [[0.0, 1.0, 1.0, 0.5], [0.0, 0.5, 0.5, 0.25]])


def test_selection_group_folds_keep_duplicates_and_neighbours_together() -> None:
    texts = [f"unique sentence number {i} about topic {i * 7}" for i in range(40)]
    texts[3] = texts[30] = "you will be required to apply your depth of knowledge daily"
    strata = ["tech"] * 20 + ["house"] * 20
    folds = group_folds(texts, strata, k=4, seed=1, block=4)
    assert set(folds) == {0, 1, 2, 3}
    assert folds[3] == folds[30]  # shared boilerplate, even across files
    for lo in (4, 8, 20, 24):
        assert len(set(folds[lo : lo + 4])) == 1  # a block of one file
    for f in range(4):  # both files in every fold
        assert {strata[i] for i in np.flatnonzero(folds == f)} == {"tech", "house"}
    assert not np.array_equal(folds, group_folds(texts, strata, k=4, seed=2, block=4))


def test_selection_nested_cv_never_scores_a_sentence_used_to_choose() -> None:
    # candidate 1 is perfect on fold 0 only and worst elsewhere: chosen for no fold,
    # because each fold's choice is made on the other folds
    folds = np.array([0, 0, 1, 1, 2, 2])
    good = np.tile([0.5, 0.5, 0.5, 0.5], (6, 1))
    spiky = np.tile([0.0, 0.0, 0.0, 0.0], (6, 1))
    spiky[:2] = 1.0
    res = nested_cv([good, spiky], folds)
    assert res.chosen == (0, 0, 0)
    np.testing.assert_allclose(res.held_out, good)
    mean, sd = res.mean_sd()
    assert mean[1] == pytest.approx(0.5) and sd[1] == pytest.approx(0.0)
    # with the spike on two folds, fold 2 (trained on folds 0 and 1) picks it
    spiky[2:4] = 1.0
    assert nested_cv([good, spiky], folds).chosen == (0, 0, 1)
