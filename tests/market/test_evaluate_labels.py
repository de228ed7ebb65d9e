"""Classifier evaluation: the scoring arithmetic, and the figures on the labelled set."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmix.market import evaluate_classifier, keyword_verdict
from skillmix.market.evaluate import Label, score_verdicts


def test_evaluate_scores_count_each_cell() -> None:
    labels = [Label("a", True, "core", ("technology",)), Label("b", True, "secondary", ()),
              Label("c", False, "none", ()), Label("d", False, "none", ("technology",))]
    verdicts = [keyword_verdict("Social Media Lead", "social media"),
                keyword_verdict("Clerk", "nothing"),
                keyword_verdict("Clerk", "Social media policy applies"),
                keyword_verdict("Clerk", "nothing")]
    s = score_verdicts(zip(labels, verdicts), ["technology"])
    assert (s.tp, s.fn, s.fp, s.tn) == (1, 1, 1, 1)
    assert s.precision == 0.5 and s.recall == 0.5
    assert s.strength_accuracy == 0.5  # a (core) and d (none) right
    assert s.strength_accuracy_positives == 0.5
    assert s.areas_f1["technology"] == 0.0  # keyword verdicts predict no areas


@pytest.mark.shared
def test_evaluate_classifier_beats_keyword_baseline_on_dev_set(shared_data: Path) -> None:
    d = shared_data / "postings"
    ev = evaluate_classifier(d / "linkedin_2024-04_sample.csv", d / "linkedin_2024-04_sample_labels.jsonl")
    assert ev.n == 232 and ev.positives == 22
    # the figures LABELS.md gives for the keyword rule
    assert ev.baseline.precision == pytest.approx(0.87, abs=0.01)
    assert ev.baseline.recall == pytest.approx(0.91, abs=0.01)
    assert ev.classifier.f1 > ev.baseline.f1
    assert ev.classifier.strength_accuracy_positives > ev.baseline.strength_accuracy_positives
    assert ev.classifier.areas_macro_f1 is not None and ev.classifier.areas_macro_f1 > 0.4
