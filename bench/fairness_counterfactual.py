"""Counterfactual figures on the real résumés: how many were tested and the largest score
difference between variants that differ only in name, pronouns and gendered titles.

Usage: .venv/bin/python bench/fairness_counterfactual.py [PER_CATEGORY]   (default: all)

Prints the number of résumés, the largest difference in blind mode (assessor fit + area
points; ranker score) and, as a control, the ranker without blind mode; and the cost of
blind mode as a ratio of the blind run's time to the plain run's, measured in this process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fairness"))

from test_counterfactual_resumes import (  # noqa: E402
    PAIRS, VARIANTS, _fits, _ranking_scores, _spread, _texts,
)

from skillmix.extract import as_document  # noqa: E402
from skillmix.fairness import redact  # noqa: E402


def main() -> None:
    per = int(sys.argv[1]) if len(sys.argv) > 1 else None
    shared = Path(ROOT.parent / "shared" / "data")
    t0 = time.perf_counter()
    texts = _texts(shared, per)
    t1 = time.perf_counter()
    plain = {v: [as_document(make(t), "resume") for t in texts.values()] for v, make in VARIANTS.items()}
    t2 = time.perf_counter()
    blind = {v: [redact(d).document for d in docs] for v, docs in plain.items()}
    t3 = time.perf_counter()
    fits_b = {v: _fits(docs) for v, docs in blind.items()}
    t4 = time.perf_counter()
    fits_p = {v: _fits(docs) for v, docs in plain.items()}
    t5 = time.perf_counter()
    fit_key = lambda a, b: abs(a[0] - b[0]) + sum(abs(x - y) for x, y in zip(a[1], b[1]))  # noqa: E731
    rank_b = _spread({v: _ranking_scores(docs) for v, docs in blind.items()})
    rank_p = _spread({v: _ranking_scores(docs) for v, docs in plain.items()})
    print(f"résumés tested: {len(texts)} (variants per résumé: {len(VARIANTS)}, pairs: {PAIRS})")
    print(f"largest difference, blind, assessor (fit + area points): {_spread(fits_b, fit_key)!r}")
    print(f"largest difference, blind, ranker score: {rank_b!r}")
    print(f"control, no blind mode: assessor {_spread(fits_p, fit_key)!r}, ranker {rank_p!r}")
    n_docs = len(texts) * len(VARIANTS)
    print(f"read {t1 - t0:.1f}s; redaction {1000 * (t3 - t2) / n_docs:.1f} ms/doc; "
          f"assess with blind mode / assess alone (same docs): "
          f"{((t3 - t2) + (t4 - t3)) / (t5 - t4):.2f}x")


if __name__ == "__main__":
    main()
