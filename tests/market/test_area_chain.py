"""bench/market_area_chain.py (issue #18): stage 1 is model 6's recipe, and the chain features
that stage 2 is fitted on come from the training rows only (inner out-of-fold probabilities),
never from a scored row."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import Any

import pytest

from skillmix.market.evaluate import Label
from skillmix.market.features import AREAS, posting_features

pytest.importorskip("sklearn")


def _bench() -> Any:
    path = Path(__file__).resolve().parents[2] / "bench" / "market_area_chain.py"
    spec = importlib.util.spec_from_file_location("market_area_chain", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _toy(n: int = 90) -> tuple[list[Any], list[Label], list[int]]:
    """Invented postings whose technology and leadership labels hang on a word each; half of
    them LinkedIn (weighted twice), half Remotive."""
    rng = random.Random(7)
    filler = ["schedule", "meetings", "prepare", "reports", "budgets", "clients", "invoices", "weekly", "office"]
    feats, labels = [], []
    for i in range(n):
        tech, lead, social = i % 3 == 0, i % 4 == 0, i % 5 == 0
        words = rng.sample(filler, 5) + (["zorblax"] if tech else []) + (["quendor"] if lead else [])
        text = ("Manage our social media channels. " if social else "") + " ".join(words) + "."
        feats.append(posting_features("Assistant", text))
        areas = tuple(a for a, on in (("technology", tech), ("leadership_evangelism", lead)) if on)
        labels.append(Label(f"{'linkedin' if i % 2 else 'remotive'}:{i}", social,
                            "secondary" if social else "none", areas))
    return feats, labels, list(range(n))


def test_stage1_is_model_6s_recipe_and_chain_features_are_inner_out_of_fold() -> None:
    from skillmix.market.training import fit_market_model

    bench = _bench()
    feats, labels, groups = _toy()
    stage1, oof, base, rep = bench.fit_stage1(feats, labels, groups, seed=3)
    assert stage1.to_dict() == fit_market_model(feats, labels, groups, seed=3, text=True).to_dict()
    assert len(rep) == 135  # 45 LinkedIn postings twice, 45 Remotive once

    stage1b, chain, rows, rep_b = bench.fit_chain(feats, labels, groups, seed=3)
    assert rep_b == rep and stage1b.to_dict() == stage1.to_dict()
    for a in AREAS:
        others = [b for b in AREAS if b != a]
        assert chain[a].features[-6:] == tuple(f"other_{b}" for b in others)
        assert len(rows[a]) == len(rep)
        for k, row in enumerate(rows[a]):
            assert all(row[f"other_{b}"] == oof[b][k] for b in others)
            assert f"other_{a}" not in row
    # out of fold, not the fitted model's own probability on the row it was fitted on
    tech = [stage1.areas["technology"].proba(base["technology"][k]) for k in range(len(rep))]
    assert max(abs(p - q) for p, q in zip(tech, oof["technology"])) > 1e-3


def test_a_scored_posting_never_feeds_the_fit() -> None:
    """Relabel the test rows (every area flipped): their verdicts, from models fitted on the
    training rows only, do not move."""
    bench = _bench()
    feats, labels, groups = _toy()
    te = list(range(1, 90, 5))
    tr = [i for i in range(90) if i not in te]
    got = bench.score_fold(feats, labels, groups, tr, te, seed=5)
    flipped = list(labels)
    for i in te:
        lab = labels[i]
        flipped[i] = Label(lab.id, not lab.requires, "core", tuple(a for a in AREAS if a not in lab.areas))
    again = bench.score_fold(feats, flipped, groups, tr, te, seed=5)
    assert set(got["chain"]) == set(got["model6"]) == set(te)
    assert again == got
    assert any(got["chain"][i].areas for i in te) and any(not got["chain"][i].areas for i in te)
