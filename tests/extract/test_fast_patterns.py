"""Code rewritten for speed finds exactly what its plain form finds.

Some of the extractor's patterns are written so that the regex engine can skip ahead (a
leading character class, the cheap look-behind first), and :func:`normalise` walks a
byte table over ASCII runs; the plain form beside each here is the reading it must keep.
When a rule changes, change both.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from skillmix.extract import context, engine, normal_form

_PLAIN_SENTENCE_END = re.compile(
    r"\n(?:(?![a-z])|(?<![^\n]{40}\n))|[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7]|[.!?;](?=\s)"
)
_PLAIN_GLUE = re.compile(r"[a-z.:;!?](?=[A-Z][a-z])")
_PLAIN_CAPS_PAIR = re.compile(r"[A-Z0-9][A-Z]")
_TOKEN = re.compile(r"[A-Za-z0-9+#]+")
_PLAIN_YEARS = re.compile(
    r"(?<!\bin )(?<!\bwithin )(?<!\bevery )(?<!\bnext )(?<![\w.])"
    # the readings the fast form adds (ceilings, ages, a range's second number, figures in
    # brackets): the same look-behinds and groups, without the cheap test that leads it
    r"(?<!\bless than )(?<!\bfewer than )(?<!\bunder )(?<!\bup to )(?<!\bno more than )"
    r"(?<!\bage of )(?<!\baged )(?<!\bages )(?<!\bage )(?<!\d-)(?<!\d\u2013)(?<!\d to )"
    r"(?P<open>\()?(?P<n>\d{1,2}(?:\.\d)?|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)(?(open)\))\s*(?:\+|plus)?\s*"
    r"(?:(?:-|–|to)\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"fifteen|twenty)\s*(?:\(\d{1,2}\)\s*)?)?\+?\s*(?:years?|yrs?)\b(?![ \t]+(?:of[ \t]+age|old)\b)",
    re.IGNORECASE,
)

#: pieces that make the patterns' edge cases likely: line breaks after long and short
#: lines, bullets, glued capitals, number words (long s "ſ" matches "s" ignoring case)
_PIECES = st.sampled_from([
    "a", "b", "x", "Z", "Q", "Word", "ABc", "HTML5", "GraphQL", "#", "+", "\n", "\n\n", " ", "\t", ".", "!", "?", ";", ":",
    "\u2022", "\u00b7", "\u25aa", "in ", "within ", "every ", "next ", "5", "12", "3.5", "one",
    "Two", "SIX", "ſix", "twenty", "years", "yrs", "yr", "-", "–", "to", "+", "plus",
    "a" * 20, "b" * 41, "(", ")", "less than ", "aged ", " old",
])
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_fast_patterns_sentence_end_as_plain(text):
    assert [m.end() for m in context._SENTENCE_END.finditer(text)] == \
        [m.end() for m in _PLAIN_SENTENCE_END.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_fast_patterns_glue_as_plain(text):
    """One scan for the glued capitals (it matches the capital after the glued
    character) and the capital pairs (every pair; glue_points reads the first of each
    token, as the plain scan, which takes two characters a match, does)."""
    found = [m.start() for m in engine._CAPITAL.finditer(text)]
    pairs = [at for at in found if "A" <= text[at + 1] <= "Z"]
    assert [at - 1 for at in found if at not in pairs] == \
        [m.start() for m in _PLAIN_GLUE.finditer(text)]

    def first_per_token(starts):
        tokens = {}
        for at in starts:
            token = next(t.span() for t in _TOKEN.finditer(text) if t.start() <= at < t.end())
            tokens.setdefault(token, at)
        return tokens

    assert first_per_token(pairs) == first_per_token(m.start() for m in _PLAIN_CAPS_PAIR.finditer(text))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_fast_patterns_years_as_plain(text):
    assert [(m.span(), m.group("n")) for m in context._YEARS.finditer(text)] == \
        [(m.span(), m.group("n")) for m in _PLAIN_YEARS.finditer(text)]


def test_fast_patterns_reference_forms_can_differ():
    """The comparison can fail: a pattern that drops the 40-character rule differs."""
    looser = re.compile(r"\n|[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7]|[.!?;](?=\s)")
    text = "a" * 45 + "\nwraps here"
    assert [m.end() for m in looser.finditer(text)] != \
        [m.end() for m in context._SENTENCE_END.finditer(text)]


def _plain_normalise(text: str) -> str:
    """Character by character: the ASCII table, else the one-character map."""
    return "".join(normal_form._ASCII_TABLE[ord(c)] if ord(c) < 128 else normal_form._map_char(c)
                   for c in text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(
    st.text(max_size=300),  # any script, densely non-ASCII
    st.lists(st.sampled_from(["Social Media", " ", "-", "C++", "\n", "é", "İ", "ﬁ", "’", "•",
                              "\u0301", "\ud800", "Ω", "x" * 40]), max_size=40).map("".join),
))
def test_fast_patterns_normalise_as_plain(text):
    assert normal_form.normalise(text) == _plain_normalise(text)


_SENTENCES = st.lists(st.sampled_from([
    "We", "we", "WE", "Wе", " ", "\n", ",", "are a", "are the", "help", "are proud", "As our",
    "since our", "Since", "inception", "business", "continues", "you", "answer", "software",
    "newly", "build", "ſ",
]), max_size=16).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_SENTENCES)
def test_fast_patterns_self_gate_as_one_search(chunk):
    """The company's self-description, searched only where "we" is: the same answer as
    one search of both patterns everywhere."""
    both = re.compile(f"(?:{context._SELF_ANY.pattern})|(?:{context._SELF_OPENING.pattern})",
                      re.IGNORECASE)
    gated = ("we" in chunk.lower() and context._SELF_ANY.search(chunk)) \
        or context._SELF_OPENING.match(chunk)
    assert bool(gated) == bool(both.search(chunk))


def _ungated_years_in(text: str) -> list[tuple[int, float]]:
    """years_in with both patterns tried on every text."""
    out = []
    for m in context._YEARS.finditer(text):
        raw = m.group("n").lower()
        value = float(context._NUMBER_WORDS[raw]) if raw in context._NUMBER_WORDS else float(raw)
        if 0 < value <= 40:
            out.append((m.start(), value))
    if "experience" in text.lower():
        taken = {o for o, _ in out}
        out += [(m.start(), float(m.group("n"))) for m in context._YEARS_BARE.finditer(text)
                if 0 < float(m.group("n")) <= 40 and m.start() not in taken]
        out.sort()
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["5", "3-5", "10+", " ", "years", "YRS", "yr", "Year", "of",
                                 "experience", "Experience", "in", "ſ", "five", "plus", "SQL"]),
                max_size=14).map(" ".join))
def test_fast_patterns_years_gate_as_ungated(text):
    assert context.years_in(text) == _ungated_years_in(text)


def test_fast_patterns_generic_heads_hold_a_stem():
    """The generic-head scan runs only in a text holding one of its stems: every head
    it finds holds one."""
    from skillmix.extract import coordination

    heads = coordination.GENERIC_HEADS | {"abilities", "thinkers"}
    for head in heads:
        assert coordination._GENERIC_AT.search(" " + head) is not None
        assert any(stem in head for stem in coordination._GENERIC_STEMS)
    text = " ".join(["strong", "talent", "capability", "thought", "skilful", "able", *heads])
    found = [m.group(1) for m in coordination._GENERIC_AT.finditer(" " + text)]
    assert found and all(any(s in f for s in coordination._GENERIC_STEMS) for f in found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "(", ")", ",", ";", "|", " ", "x y", "(a, b)"]),
                max_size=20).map("".join))
def test_fast_patterns_separators_without_brackets(text):
    """A sentence with no bracket: every separator, as the bracket-counting walk finds."""
    rules = context.ContextRules(text, [])
    sent = context.SentenceContext(0, len(text), [])
    depth, walked = 0, []
    for m in context._LIST_MARKS.finditer(text):
        if m.group() == "(":
            depth += 1
        elif m.group() == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            walked.append(m.start())
    assert rules._separators(sent) == walked
