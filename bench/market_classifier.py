"""Social media requirement classifier vs the keyword baseline, on the labelled dev set.

Prints precision, recall, F1, strength accuracy and areas macro F1 of the rule-based
classifier and of the plain keyword rule (``"social media" in text``), then ablations:
each rule family switched off in turn, so a reader sees what each rule buys (and how
much of the figure may be fitted to this set: it is a development set, and the rules
were written while reading its errors).

Usage:
    python bench/market_classifier.py [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
from pathlib import Path

SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))


def main() -> None:
    from skillmix.market import (
        ClassifierRules,
        SocialMediaClassifier,
        evaluate_classifier,
    )

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    corpus = SHARED / "postings" / "linkedin_2024-04_sample.csv"
    labels = SHARED / "postings" / "linkedin_2024-04_sample_labels.jsonl"
    base = ClassifierRules.load()
    variants = {
        "classifier (packaged rules)": base,
        "areas from required/preferred only": dataclasses.replace(
            base, area_requirements=frozenset({"required", "preferred"})),
        "no incidental/company rules": dataclasses.replace(base, incidental=None, company=None),
        "no title rule": dataclasses.replace(base, title=None),
        "bare platform names weigh fully": dataclasses.replace(base, platform_only_weight=1.0),
        "no generic-phrase cues (skills only)": None,  # handled below
        "threshold 1.0 (required only)": dataclasses.replace(base, threshold=1.0),
    }
    rows = []
    baseline = None
    for name, rules in variants.items():
        if rules is None:
            from skillmix.market.classify import CUES_TAXONOMY

            rules = dataclasses.replace(base, social_areas=base.social_areas - {"social_generic"},
                                        exclude_skills=base.exclude_skills | {"social-media"})
            name = f"{name} [{CUES_TAXONOMY} ignored]"
        ev = evaluate_classifier(corpus, labels, classifier=SocialMediaClassifier(rules))
        baseline = ev.baseline
        c = ev.classifier
        rows.append({"model": name, "precision": c.precision, "recall": c.recall, "f1": c.f1,
                     "f1_vs_keyword": round(c.f1 / ev.baseline.f1, 3) if ev.baseline.f1 else None,
                     "strength_acc": c.strength_accuracy,
                     "strength_acc_positives": c.strength_accuracy_positives,
                     "areas_macro_f1": c.areas_macro_f1, "fp": list(ev.false_positives),
                     "fn": list(ev.false_negatives)})
    assert baseline is not None
    rows.append({"model": "keyword baseline ('social media' in text)", "precision": baseline.precision,
                 "recall": baseline.recall, "f1": baseline.f1, "f1_vs_keyword": 1.0,
                 "strength_acc": baseline.strength_accuracy,
                 "strength_acc_positives": baseline.strength_accuracy_positives,
                 "areas_macro_f1": None, "fp": [], "fn": []})
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(f"labelled dev set: {corpus.name}, 232 postings, 22 positive (development data, not held out)")
    head = f"{'model':58s} {'P':>6s} {'R':>6s} {'F1':>6s} {'F1/kw':>6s} {'str':>6s} {'str+':>6s} {'areaF1':>6s}"
    print(head)
    for r in rows:
        a = "" if r["areas_macro_f1"] is None else f"{r['areas_macro_f1']:.3f}"
        print(f"{r['model'][:58]:58s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
              f"{r['f1_vs_keyword']:6.3f} {r['strength_acc']:6.3f} {r['strength_acc_positives']:6.3f} {a:>6s}")
    print("P/R/F1: requires social media skills; str: 3-way strength accuracy over all postings; "
          "str+: over the 22 positives; areaF1: macro F1 over the 7 label areas.")


if __name__ == "__main__":
    main()
