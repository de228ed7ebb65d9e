"""The fast ``clean_text`` and EEO detection give exactly what the plain versions gave.

The reference functions below are the implementations before issue #15, kept here as the
definition of the behaviour; the shipped ones are compared with them on every real
posting and résumé in ``../shared/data`` and on generated text full of the characters the
fast paths treat specially (zero-width and space-like characters, the four characters
``re.IGNORECASE`` folds differently from ``str.lower``).
"""

from __future__ import annotations

import csv
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmix.io.sections import (
    _cues,
    _eeo_score,
    _eeo_spans,
    _notice_start,
    _glued_pattern,
    detect_sections,
    guess_kind,
    required_literal,
    unglue_headings,
)
from skillmix.io.mojibake import repair_mojibake
from skillmix.io.text import _FULLWIDTH_COMMA, clean_text, looks_binary

# ------------------------------------------------------------------ the definitions

_REF_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_REF_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_REF_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2002\u2003\u2009\t\x0b"), " ")


def reference_clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _FULLWIDTH_COMMA.sub(",", text)
    text = repair_mojibake(text)  # its own unit since the mojibake repair (tests/io/test_mojibake.py)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_REF_ZERO_WIDTH).translate(_REF_SPACES)
    text = _REF_CONTROLS.sub("", text)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def reference_eeo_spans(text: str) -> list[tuple[int, int]]:
    from bisect import bisect_right

    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    starts = [b for b, _, _ in lines]
    hits: dict[int, int] = {}
    for pat, weight in _cues()["eeo"]:
        seen: set[int] = set()
        for m in pat.finditer(text):
            li = bisect_right(starts, m.start()) - 1
            if li not in seen:
                seen.add(li)
                hits[li] = hits.get(li, 0) + weight
    if not hits or max(hits.values()) < 3:
        return []
    scores = [hits.get(i, 0) if line.strip() else -1 for i, (_, _, line) in enumerate(lines)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if scores[i] < 3:
            i += 1
            continue
        first = last = i
        while first > 0 and scores[first - 1] >= 1:
            first -= 1
        while last + 1 < len(lines) and scores[last + 1] >= 1:
            last += 1
        begin, end = lines[first][0], lines[last][1]
        line = lines[first][2]
        if len(line) > 800:
            for m in re.finditer(r"[^.!?]+[.!?]?", line):
                if _eeo_score(m.group(0)) >= 3:
                    # where the notice starts inside a long "sentence" is the same rule
                    # (sections._notice_start), not what this reference checks
                    begin = lines[first][0] + m.start() + _notice_start(m.group(0))
                    break
        spans.append((begin, end))
        i = last + 1
    return spans


def reference_unglue_headings(text: str, doc: str = "posting") -> str:
    if text.count("\n") * 400 > len(text):
        return text
    pattern = _glued_pattern(doc if doc in ("resume", "posting") else "posting")

    def fix(m: re.Match[str]) -> str:
        return f"\n{m.group('h')}{m.group('c') or ''}\n"

    out = pattern.sub(fix, text)
    return re.sub(r"[ \t]*\n[ \t]*", "\n", out).strip()


def reference_guess_kind(text: str) -> str:
    from skillmix.io.sections import _vocabulary, heading_key

    sample = text[:20000]
    score = {"posting": 0, "resume": 0}
    for kind in score:
        for pat, weight in _cues()[kind]:
            score[kind] += weight * min(3, len(pat.findall(sample)))
    exact, _ = _vocabulary()
    phrases = sorted((p for (d, p) in exact if d == "posting" and len(p) >= 5), key=len, reverse=True)
    for line in sample.split("\n"):
        if len(line) > 60:
            # a posting heading glued to the line's text, tried phrase by phrase, longest first
            glued = None
            for phrase in phrases if line[:1].isupper() else ():
                m = re.match(r"\s+".join(map(re.escape, phrase.split())), line, re.IGNORECASE)
                if m is None:
                    continue
                rest = line[m.end():]
                if re.match(r"[A-Z][a-z]|[ \t]+[·•|–—][ \t]+", rest):
                    glued = m.group()
                    break
            if glued is None:
                continue
            line = glued
        key = heading_key(line)
        in_resume = ("resume", key) in exact
        in_posting = ("posting", key) in exact
        if in_resume != in_posting:
            score["resume" if in_resume else "posting"] += 3
    if score["posting"] == score["resume"]:
        return "unknown"
    return "posting" if score["posting"] > score["resume"] else "resume"


def reference_looks_binary(data: bytes) -> bool:
    from skillmix.io.text import _BOMS

    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS) or not head:
        return False
    if b"\x00" in head:
        even = head[0::2].count(0)
        odd = head[1::2].count(0)
        half = max(1, len(head) // 2)
        return not (even > 0.3 * half and odd < 0.05 * half or odd > 0.3 * half and even < 0.05 * half)
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > 0.02 * len(head)


# ------------------------------------------------------------------ real documents


def _shared_texts(root, postings: list[str]) -> list[str]:
    texts = list(postings)
    kaggle = root / "resumes" / "kaggle_updated_resume_dataset.csv"
    if kaggle.is_file():
        with kaggle.open(encoding="utf-8", errors="replace", newline="") as fh:
            texts += sorted({r["Resume"] for r in csv.DictReader(fh)})
    return texts


@pytest.mark.shared
def test_text_clean_text_same_as_reference_on_shared_documents(shared_data, shared_posting_texts):
    texts = _shared_texts(shared_data, shared_posting_texts)
    assert len(texts) > 3000
    for raw in texts:
        assert clean_text(raw) == reference_clean_text(raw)


@pytest.mark.shared
def test_sections_eeo_spans_same_as_reference_on_shared_documents(shared_data, shared_posting_texts):
    texts = _shared_texts(shared_data, shared_posting_texts)
    found = 0
    for raw in texts:
        text = clean_text(raw)
        want = reference_eeo_spans(text)
        assert _eeo_spans(text) == want
        found += bool(want)
    assert found > 50  # the comparison covered documents that do have EEO text


@pytest.mark.shared
def test_sections_unglue_headings_same_as_reference_on_shared_documents(shared_data, shared_posting_texts):
    changed = 0
    for raw in _shared_texts(shared_data, shared_posting_texts):
        text = clean_text(raw)
        want = reference_unglue_headings(text)
        assert unglue_headings(text) == want
        changed += want != text
    assert changed > 100


@pytest.mark.shared
def test_sections_guess_kind_same_as_reference_on_shared_documents(shared_data, shared_posting_texts):
    kinds = set()
    for raw in _shared_texts(shared_data, shared_posting_texts):
        text = clean_text(raw)
        want = reference_guess_kind(text)
        assert guess_kind(text) == want
        kinds.add(want)
    assert {"posting", "resume"} <= kinds


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_text_looks_binary_same_as_reference(data):
    assert looks_binary(data) == reference_looks_binary(data)


# ------------------------------------------------------------------ generated text

_ODD = "\u0130\u0131\u017f\u212a\u200b\u00ad\ufeff\u00a0\u2009\t\x0b\r\f\x07 \n"
_WORDS = ["We are LOOKING", "you wıll", "Benefits", "per annum", "Managed", "Jan 2020 - Present",
          "Equal Opportunity", "EQUAL EMPLOYMENT OPPORTUNITY", "employer", "disabılity",
          "DISABILITIES", "reaſonable accommodation", "E-Verify", "eeo", "EEO", "national origin",
          "without regard to RACE", "protected veteran", "gender identity", "sexual orientation",
          "discriminate", "affirmative action", "\u212a", "café", "Python", "  ", ".", "\n", "\n\n\n"]
_text = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(alphabet=_ODD + "aeiouEEO. ", max_size=6)),
                 max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_text_clean_text_same_as_reference_generated(text):
    assert clean_text(text) == reference_clean_text(text)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_sections_eeo_spans_same_as_reference_generated(text):
    assert _eeo_spans(text) == reference_eeo_spans(text)
    assert guess_kind(text) == reference_guess_kind(text)


_glued = st.lists(st.sampled_from(
    ["About Us", "about us", "ABOUT US", "Responsibilities:", "responsibilities", "Skills",
     "What you'll do", "We", "build", "apps.", "Python", ")", ":", " ", "  ", "\t", "\n",
     "x", "Y", "\u0130", "\u212a", "Nice to have", "Benefits", "perks", "e", "ll"]),
    max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_glued)
def test_sections_unglue_headings_same_as_reference_generated(text):
    for doc in ("posting", "resume"):
        assert unglue_headings(text, doc) == reference_unglue_headings(text, doc)


def test_sections_eeo_dotless_i_still_found():
    text = "We are an EQUAL OPPORTUNITY employer.\nNo discrimination on dısabılıty."
    assert _eeo_spans(text) == reference_eeo_spans(text) != []
    assert any(s.kind == "legal" for s in detect_sections(text, "posting"))


def test_text_every_character_clean_text_removes_is_non_printable():
    # clean_text skips its three character scans when the text is printable; that is
    # exact only while every character they touch is non-printable.
    from skillmix.io import text as t

    chars = "".join(c for c in map(chr, range(0x110000))
                    if t._ZERO_WIDTH.match(c) or t._SPACES.match(c) or t._CONTROLS.match(c))
    assert len(chars) >= 60
    assert not any(c.isprintable() for c in chars.replace("\n", ""))


@pytest.mark.parametrize("pattern, literal", [
    (r"\bdisabilit(?:y|ies)\b", "disabilit"),
    (r"\bequal (?:employment )?opportunity\b", "equal "),
    (r"\bcolou?r\b", "colo"),
    (r"\bab\b", None),
    (r"foo|bar", None),
    (r"(?:foo|bar)baz", None),
    (r"[|]abcd", None),
    (r"abc[|]def", "abc"),
    (r"(?i)abcdef", None),
    (r"\be-verify\b", "e-verify"),
])
def test_sections_required_literal(pattern, literal):
    assert required_literal(pattern) == literal


def _cue_counts_agree(text: str) -> int:
    """Every cue's fast count equals ``findall``'s on ``text``; how many cues matched."""
    from skillmix.io.sections import _count_upto, _kind_cues

    matched = 0
    lower = text[:20000].lower()
    for kind in ("posting", "resume"):
        for cue in _kind_cues(kind):
            want = min(3, len(cue.pattern.findall(text[:20000])))
            matched += want > 0
            if cue.fast is not None and not any(c in text for c in "\u0130\u0131\u017f\u212a"):
                assert _count_upto(cue.fast, cue.bounded, lower, 3) == want, cue.pattern.pattern
    return matched


def test_sections_kind_cues_mostly_fast():
    from skillmix.io.sections import _kind_cues

    cues = _kind_cues("posting") + _kind_cues("resume")
    assert sum(c.fast is not None for c in cues) >= len(cues) - 1
    assert sum(c.bounded for c in cues) >= len(cues) // 2


@pytest.mark.shared
def test_sections_kind_cue_counts_same_as_findall_on_shared_documents(shared_data,
                                                                    shared_posting_texts):
    texts = _shared_texts(shared_data, shared_posting_texts)
    assert sum(_cue_counts_agree(clean_text(raw)) for raw in texts) > 3000


_cued = st.lists(st.sampled_from(
    ["we are looking", "We're HIRING", "xwe are seeking", "you will", "_you will", "you'll",
     "Candidates", "applicant", "candidatex", "Jan 2020 - present", "jan. 2019 to ", "05/2020 – ",
     "2019-current", "managed", "Led", "led_", "B.S.", "mba", "Company Name", "experience",
     "Work Experience", "\nEducation\n", "per annum", "é", "\u00e9we are hiring", "1", "_", "-",
     " ", "\n", "\u212a", "\u0131"]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_cued)
def test_sections_kind_cue_counts_same_as_findall_generated(text):
    _cue_counts_agree(text)
    assert guess_kind(text) == reference_guess_kind(text)
