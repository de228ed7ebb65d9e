"""Properties of blind mode on arbitrary text (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillmix.extract import as_document
from skillmix.fairness import redact

PIECES = st.sampled_from([
    "Jamal Robinson\n", "Summary\n", "Experience\n", "Education\n", "He ", "she ", "her ",
    "Mr. Lee ", "Ms Word ", "SEO ", "Python ", "jane@example.com ", "(312) 555-0142 ",
    "12 Oak Lane ", "linkedin.com/in/x ", "B.A. 2010\n", "Class of 2009 ", "34 years old ",
    "Gender: Female\n", "chairwoman ", "Ruby on Rails ", "\n", "Jan 2018 to Current\n",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=30).map("".join), st.text(max_size=300))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_redact_properties_mask_preserves_everything_outside_spans(text):
    doc = as_document(text, "resume")
    red = redact(doc)
    out = red.document.text
    assert len(out) == len(text)
    masked = [False] * len(text)
    for r in red.redactions:
        for i in range(r.start, r.end):
            masked[i] = True
    for i, (a, b) in enumerate(zip(text, out)):
        if masked[i]:
            assert b == "\u2588" or (a in "\r\n" and b == a)
        else:
            assert a == b


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_redact_properties_placeholder_offsets_are_consistent(text):
    doc = as_document(text, "resume")
    red = redact(doc, style="placeholder")
    out = red.document.text
    spans = [r for r in red.redactions if r.end > r.start]
    pos = new = 0
    for r in spans:  # the text between spans is copied unchanged
        assert out[new:new + (r.start - pos)] == text[pos:r.start]
        assert r.new_start == new + (r.start - pos)
        assert re.fullmatch(r"\[[A-Z ]+\]", out[r.new_start:r.new_end])
        pos, new = r.end, r.new_end
    assert out[new:] == text[pos:]
    for s in red.document.sections:
        assert 0 <= s.start <= s.end <= len(out)
