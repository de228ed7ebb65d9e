"""Properties of the fit on generated résumés: bounded, fully explained, and blind to
consumer familiarity."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillmix.assess import assess
from skillmix.extract import as_document
from skillmix.taxonomy import load_taxonomy

TODAY = date(2026, 11, 1)
_TAX = load_taxonomy("builtin")
LABELS = sorted(s.label for s in _TAX if len(s.label) > 3 and s.label.isascii())
PLATFORMS = sorted(s.label for s in _TAX.in_area("platforms") if s.label.isascii())

skills = st.lists(st.sampled_from(LABELS), min_size=0, max_size=12, unique=True)
years = st.integers(min_value=2005, max_value=2025)


def _resume(first: list[str], second: list[str], start: int) -> str:
    lines = ["EXPERIENCE", f"Marketing Manager, Acme    Jan {start} - Present"]
    lines += [f"- Managed {s} for clients." for s in first]
    lines += [f"Analyst, Beta Corp    Mar {start - 3} - Dec {start - 1}"]
    lines += [f"- Built {s} reports." for s in second]
    lines += ["", "SKILLS", ", ".join(first[:3] + second[:3])]
    return "\n".join(lines) + "\n"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=skills, second=skills, start=years)
def test_properties_fit_is_bounded_and_explained(first, second, start):
    text = _resume(first, second, start)
    card = assess(as_document(text, "resume"), today=TODAY)
    assert 0.0 <= card.fit <= 100.0
    assert sum(p.points for p in card.points) == pytest.approx(card.fit, abs=0.05)
    for p in card.points:
        for e in p.evidence:
            assert text[e.start:e.end] == e.surface
    for a in card.areas:
        assert 0.0 <= a.coverage <= 1.0
        assert a.years <= card.total_years + 1e-9


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=skills, second=skills, start=years,
       fans=st.lists(st.sampled_from(PLATFORMS), min_size=1, max_size=4, unique=True))
def test_properties_consumer_familiarity_never_adds(first, second, start, fans):
    text = _resume(first, second, start)
    extra = "\nINTERESTS\n" + " ".join(f"Avid {p} user." for p in fans) + "\n"
    base = assess(as_document(text, "resume"), today=TODAY)
    plus = assess(as_document(text + extra, "resume"), today=TODAY)
    assert plus.fit == pytest.approx(base.fit, abs=1e-6)
