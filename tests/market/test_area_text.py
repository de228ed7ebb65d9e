"""The area text models: the terms they read, their arithmetic without scikit-learn, the model
file that carries them, and a fit that must find a word the hand features cannot see."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from skillmix.errors import ConfigError
from skillmix.market import MarketModel
from skillmix.market.evaluate import Label
from skillmix.market.features import AREAS, posting_features
from skillmix.market.learned import LinearModel, TextModel


def test_job_terms_read_the_job_and_the_title_not_the_boilerplate() -> None:
    f = posting_features("Community Lead", "Responsibilities:\nLead a team of moderators.\n"
                         "We are a world leader in widgets and we were founded in 1990.")
    assert {"lead", "team", "moderators", "lead team", "team moderators", "t:community", "t:lead"} <= f.terms
    # stop words are dropped before the bigrams are formed; the company sentence is not the job
    assert "a" not in f.terms and "lead a" not in f.terms
    assert "widgets" not in f.terms and "founded" not in f.terms
    assert posting_features(None, "").terms == frozenset()


def test_text_model_logit_is_the_unit_length_sum_over_known_terms() -> None:
    tm = TextModel({"empathy": 0, "listen": 1, "sales": 2}, (1.5, 0.5, -2.0), -0.25)
    assert tm.logit(["empathy", "listen", "unknown"]) == pytest.approx(-0.25 + 2.0 / math.sqrt(2))
    assert tm.logit(["sales"]) == pytest.approx(-2.25)
    assert tm.logit([]) == tm.logit(["unknown"]) == -0.25


def _text_toy() -> MarketModel:
    def lin(features: tuple[str, ...], w: tuple[float, ...], b: float) -> LinearModel:
        return LinearModel(features, tuple(0.0 for _ in features), tuple(1.0 for _ in features), w, b, 0.5)

    index = {"empathy": 0, "listen": 1, "t:counsellor": 2}
    text = {a: TextModel(index, (4.0, 4.0, 4.0) if a == "psychology_human_interaction" else (0.0, 0.0, 0.0), -1.0)
            for a in AREAS}
    return MarketModel(version="toy", features_version="1", requires=lin(("practice_sentences",), (8.0,), -2.0),
                       strength=lin(("title_social",), (8.0,), -4.0),
                       areas={a: lin((f"title_{a}", "text"), (8.0, 1.0), -2.0) for a in AREAS}, area_text=text)


def test_area_text_model_decides_and_round_trips(tmp_path: Path) -> None:
    m = _text_toy()
    f = posting_features("Counsellor", "You listen with empathy.")
    assert m.decide_areas(f) == ("psychology_human_interaction",)
    assert m.decide_areas(posting_features("Clerk", "File the papers.")) == ()
    p = tmp_path / "m.json"
    m.save(p)
    raw = json.loads(p.read_text("utf-8"))
    assert raw["format"] == "skillmix-market-model/2" and raw["area_text"]["terms"] == ["empathy", "listen",
                                                                                          "t:counsellor"]
    back = MarketModel.load(p)
    assert back.to_dict() == m.to_dict() and back.decide_areas(f) == m.decide_areas(f)


def test_area_text_model_file_must_hold_what_the_area_models_read(tmp_path: Path) -> None:
    p = tmp_path / "m.json"
    raw = _text_toy().to_dict()
    del raw["area_text"]
    p.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(ConfigError, match="C078"):
        MarketModel.load(p)
    raw = _text_toy().to_dict()
    raw["area_text"]["weights"]["technology"] = [1.0]
    p.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(ConfigError, match="C078"):
        MarketModel.load(p)
    # a format-1 file (no text models) still loads and decides on the hand features alone
    raw = _text_toy().to_dict()
    del raw["area_text"]
    raw["format"] = "skillmix-market-model/1"
    for a in AREAS:
        raw["areas"][a] = {**raw["areas"][a], "features": [f"title_{a}"], "mean": [0.0], "scale": [1.0],
                           "coef": [8.0]}
    p.write_text(json.dumps(raw), "utf-8")
    old = MarketModel.load(p)
    assert old.area_text == {} and old.decide_areas(posting_features("Data Analyst", "SQL.")) == ("data_analytics",)


def test_fit_market_model_finds_a_word_only_the_text_model_sees() -> None:
    """An invented word decides the technology label; no hand feature knows it, so only the
    text model can carry it (without text the area model cannot tell the postings apart)."""
    pytest.importorskip("sklearn")
    import random

    from skillmix.market.training import fit_market_model, predict

    rng = random.Random(7)
    filler = ["schedule", "meetings", "prepare", "reports", "budgets", "clients", "invoices", "weekly", "office"]
    feats, labels = [], []
    for i in range(90):
        tech = i % 3 == 0
        words = rng.sample(filler, 5) + (["zorblax"] if tech else [])
        social = i % 5 == 0
        text = ("Manage our social media channels. " if social else "") + " ".join(words) + "."
        feats.append(posting_features("Assistant", text))
        labels.append(Label(f"remotive:{i}", social, "secondary" if social else "none",
                            ("technology",) if tech else ()))
    groups = list(range(90))
    model = fit_market_model(feats, labels, groups, seed=3)
    assert "zorblax" in next(iter(model.area_text.values())).index
    test = [posting_features("Assistant", "prepare weekly reports zorblax."),
            posting_features("Assistant", "prepare weekly reports for clients.")]
    assert [predict(model, f).areas for f in test] == [("technology",), ()]
    plain = fit_market_model(feats, labels, groups, seed=3, text=False)
    assert plain.area_text == {} and "text" not in plain.areas["technology"].features
    assert predict(plain, test[0]).areas == predict(plain, test[1]).areas


def test_areas_decided_with_one_lookup_equal_each_area_read_on_its_own() -> None:
    # decide_areas looks a posting's terms up once for all the areas' text models (they
    # share a vocabulary); the decisions and the logits must be those of area_row
    from skillmix.market.learned import LearnedSocialMediaClassifier

    model = LearnedSocialMediaClassifier().model_
    texts = [("Social Media Coordinator", "Write posts, answer comments and report engagement to the team."),
             ("Counsellor", "You listen with empathy to clients in distress."),
             ("Data Engineer", "Build pipelines on AWS; lead a team of three; present to executives.")]
    for title, text in texts:
        f = posting_features(title, text)
        one_by_one = tuple(a for a in AREAS if model.areas[a].decide(model.area_row(a, f))[0])
        assert model.decide_areas(f) == one_by_one
        for tm in model.area_text.values():
            known = [tm.index[t] for t in f.terms if t in tm.index]
            plain = tm.intercept + (sum(tm.weights[j] for j in known) / math.sqrt(len(known)) if known else 0.0)
            assert tm.logit(f.terms) == plain  # the same sum, in the same order: the same float
    toy = _text_toy()
    f = posting_features("Counsellor", "You listen with empathy.")
    assert toy.decide_areas(f) == tuple(a for a in AREAS if toy.areas[a].decide(toy.area_row(a, f))[0])
