"""Reference statistics written from their textbook definitions (no scipy), so the audit's
scipy-based tests are checked against an independent computation."""

from __future__ import annotations

import math


def fisher_two_sided(a: int, b: int, c: int, d: int) -> float:
    """Fisher's exact test for [[a, b], [c, d]]: the sum of the probabilities of every
    table with the same margins that is no more likely than the observed one."""
    row1, col1, n = a + b, a + c, a + b + c + d
    total = math.comb(n, col1)

    def prob(x: int) -> float:
        return math.comb(row1, x) * math.comb(n - row1, col1 - x) / total

    observed = prob(a)
    lo, hi = max(0, col1 - (n - row1)), min(row1, col1)
    return min(1.0, sum(prob(x) for x in range(lo, hi + 1) if prob(x) <= observed * (1 + 1e-7)))


def z_two_sided(h1: int, n1: int, h2: int, n2: int) -> float:
    """Pooled two-proportion z-test, two-sided p = erfc(|z| / sqrt 2)."""
    p = (h1 + h2) / (n1 + n2)
    z = (h1 / n1 - h2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return math.erfc(abs(z) / math.sqrt(2))
