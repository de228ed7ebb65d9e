"""Counterfactual tests on real résumés: in blind mode, swapping a candidate's name,
pronouns and gendered titles changes no score.

Each résumé from ../shared/data/resumes/livecareer is read with skillmix.io and turned into
four variants: "Mr. Greg Baker / Pronouns: he/him" on top of the text as written;
"Ms. Lakisha Marie Washington / Pronouns: she/her" on top of the text with every gender
marker swapped (he<->she, his<->her, chairman<->chairwoman, Mr.<->Ms. ...); "Jamal Jones";
and "Emily Walsh" on the swapped text. Each variant goes through blind mode and then the
assessor (fit and every area's points, profile social-media-manager) and the ranker (scores
against the demo posting, each variant set ranked as its own pool). The largest difference
must be zero between the variants of a pair (Greg/Lakisha, Jamal/Emily: same layout,
different person). As a control, the same ranking without blind mode must show a difference
(names of different lengths move BM25's length normalisation), so the check can fail.

The default run takes one résumé per category (24); the slow run takes all of them.
"""

from __future__ import annotations

import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from skillmix.assess import assess
from skillmix.extract import as_document
from skillmix.fairness import redact
from skillmix.fairness.counterfactual import counterfactual_check, swap_gender, with_name
from skillmix.io import read_document, read_documents
from skillmix.match import MatchParams, rank_candidates

TODAY = date(2026, 1, 1)
VARIANTS = {
    "mr_greg": lambda t: with_name(t, "Greg Baker\nPronouns: he/him", title="Mr."),
    "ms_lakisha": lambda t: with_name(swap_gender(t), "Lakisha Marie Washington\nPronouns: she/her",
                                      title="Ms."),
    "jamal": lambda t: with_name(t, "Jamal Jones"),
    "emily": lambda t: with_name(swap_gender(t), "Emily Walsh"),
}
#: variants compared with each other: same layout, different person.
PAIRS = (("mr_greg", "ms_lakisha"), ("jamal", "emily"))


def _pick(root: Path, per_category: int | None) -> list[Path]:
    out = []
    for cat in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(cat.glob("*.pdf"))
        out += files if per_category is None else files[:per_category]
    return out


def _texts(shared_data: Path, per_category: int | None) -> dict[str, str]:
    paths = _pick(shared_data / "resumes" / "livecareer", per_category)
    docs = list(read_documents(paths, kind="resume", on_error="skip", sandbox=False))
    assert len(docs) >= 0.95 * len(paths)
    return {d.source: d.text for d in docs}


def _fits(docs):
    out = []
    for d in docs:
        card = assess(d, today=TODAY)
        out.append((card.fit, tuple(a.points for a in card.areas)))
    return out


def _ranking_scores(pool):
    posting = read_document(resources.files("skillmix.demo").joinpath("posting.html").read_bytes(),
                            name="posting.html", kind="posting")
    ranking = rank_candidates(posting, pool, top=len(pool), explain=False,
                              params=MatchParams.parse_weights(f"as_of={TODAY}"))
    by_id = {m.id: m.score for m in ranking.results}
    return [by_id[d.id] for d in pool]


def _spread(per: dict, key=lambda a, b: abs(a - b)) -> float:
    return max(key(a, b) for one, two in PAIRS for a, b in zip(per[one], per[two]))


def _check(texts: dict[str, str]) -> dict[str, float]:
    plain = {v: [as_document(make(t), "resume") for t in texts.values()]
             for v, make in VARIANTS.items()}
    blind = {v: [redact(d).document for d in docs] for v, docs in plain.items()}
    # the variants really differ from each other
    for i in range(len(texts)):
        made = [plain[v][i].text for v in VARIANTS]
        assert len(set(made)) == len(made)
    # 1. the redacted texts of a pair are the same up to the length of masked runs
    for one, two in PAIRS:
        for a, b in zip(blind[one], blind[two]):
            assert re.sub("\u2588+", "\u2588", a.text) == re.sub("\u2588+", "\u2588", b.text)
    #    and in placeholder style they are byte-identical
    for one, two in PAIRS:
        for a, b in zip(plain[one], plain[two]):
            assert redact(a, style="placeholder").document.text == \
                redact(b, style="placeholder").document.text
    # 2. the assessor: fit and every area's points
    fits = {v: _fits(docs) for v, docs in blind.items()}
    fit_diff = _spread(fits, lambda a, b: abs(a[0] - b[0]) + sum(abs(x - y) for x, y in zip(a[1], b[1])))
    # 3. the ranker, each variant set as its own pool, blind and (control) not
    rank_blind = _spread({v: _ranking_scores(docs) for v, docs in blind.items()})
    rank_plain = _spread({v: _ranking_scores(docs) for v, docs in plain.items()})
    return {"resumes": len(texts), "fit": fit_diff, "rank_blind": rank_blind,
            "rank_plain": rank_plain}


def test_counterfactual_resumes_blind_scores_identical(shared_data):
    figures = _check(_texts(shared_data, per_category=1))
    assert figures["resumes"] >= 20
    assert figures["fit"] == 0.0
    assert figures["rank_blind"] == 0.0
    assert figures["rank_plain"] > 0.0, "control: without blind mode the names should show"


@pytest.mark.slow
def test_counterfactual_resumes_blind_scores_identical_all(shared_data):
    figures = _check(_texts(shared_data, per_category=None))
    assert figures["resumes"] >= 1200
    assert figures["fit"] == 0.0 and figures["rank_blind"] == 0.0


def test_counterfactual_resumes_check_reports_the_worst():
    # the generic check finds a leak when the scorer sees the name
    texts = {"a": "Summary\nSEO and Python.", "b": "Summary\nCommunity management."}
    variants = {"short": lambda t: with_name(t, "Anna Li"), "long": lambda t: with_name(t, "Alexandra Li")}
    leak = counterfactual_check(texts, variants, lambda batch: [len(x) for x in batch])
    assert leak.max_difference == 5.0 and leak.worst == "a" and leak.documents == 2
    blind = counterfactual_check(
        texts, variants,
        lambda batch: [len(re.sub("\u2588+", "", redact(x).document.text)) for x in batch])
    assert blind.max_difference == 0.0 and blind.worst is None
