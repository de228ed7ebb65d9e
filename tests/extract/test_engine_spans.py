"""Span integrity, overlap resolution and guards of the lexical matcher."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmix.extract import Extractor
from skillmix.extract.normal_form import normalise, normalise_form
from skillmix.records import Area, Document, Skill
from skillmix.taxonomy import Taxonomy


def _doc(text: str, kind: str = "posting") -> Document:
    return Document(id="t", text=text, source="t", media_type="text/plain", kind=kind)


@pytest.fixture(scope="module")
def tiny() -> Extractor:
    skills = {
        s.id: s
        for s in [
            Skill("sm", "social media"),
            Skill("smm", "social media marketing", aliases=("SMM",)),
            Skill("go", "Go", aliases=("Golang",), case_sensitive=("Go",)),
            Skill("excel", "Microsoft Excel", aliases=("Excel",), case_sensitive=("Excel",)),
            Skill("ab", "A/B testing", aliases=("split testing",)),
            Skill("cpp", "C++"),
            Skill("node", "Node.js"),
            Skill("api", "API", aliases=("APIs",)),
        ]
    }
    tax = Taxonomy("tiny", "1", skills, {"a": Area("a", "A")} if False else {})
    return Extractor(tax, use_cache=False)


def test_engine_longest_match_wins(tiny: Extractor) -> None:
    ext = tiny.extract(_doc("We need social media marketing and social media."))
    assert [m.skill_id for m in ext.mentions] == ["smm", "sm"]


def test_engine_spans_slice_original_text(tiny: Extractor) -> None:
    text = "Strong C++, Node.js and A/B-testing; SOCIAL-MEDIA Marketing!"
    ext = tiny.extract(_doc(text))
    assert {m.skill_id for m in ext.mentions} == {"cpp", "node", "ab", "smm"}
    for m in ext.mentions:
        assert text[m.start:m.end] == m.surface


def test_engine_case_guards_for_ambiguous_short_forms(tiny: Extractor) -> None:
    ext = tiny.extract(_doc("You will excel here. Let's go! We use Go and Excel daily."))
    found = [(m.skill_id, m.surface) for m in ext.mentions]
    assert found == [("go", "Go"), ("excel", "Excel")]


def test_engine_whole_words_only(tiny: Extractor) -> None:
    assert tiny.extract(_doc("Gopher rapids googled excellent socialmedia")).mentions == ()


def test_engine_sentence_final_full_stop(tiny: Extractor) -> None:
    ext = tiny.extract(_doc("Our stack is Node.js. We love APIs."))
    assert [m.skill_id for m in ext.mentions] == ["node", "api"]


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_normalise_preserves_length(text: str) -> None:
    assert len(normalise(text)) == len(text)


WORDS = ["social", "media", "marketing", "Go", "go", "Excel", "C++", "Node.js", "A/B",
         "testing", "APIs", "-", ",", ".", "\n", "  ", "(", ")", "é", "İ", "ﬁ", "/"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_engine_every_span_is_exact_surface(tiny: Extractor, words: list[str]) -> None:
    text = " ".join(words)
    ext = tiny.extract(_doc(text))
    last_end = -1
    for m in ext.mentions:
        assert text[m.start:m.end] == m.surface
        assert m.start >= last_end  # no overlaps, in order
        last_end = m.end
        # whole words: the characters around the span are not word characters
        before = text[m.start - 1] if m.start else " "
        after = text[m.end] if m.end < len(text) else " "
        assert not before.isalnum()
        assert not after.isalnum()
        assert normalise_form(m.surface)


def test_normalise_form_is_idempotent() -> None:
    for form in ["Search-Engine Optimisation", "A/B testing", "C#", "e.g."]:
        once = normalise_form(form)
        assert normalise_form(once) == once


def test_engine_guards_sentence_initial_and_abbreviations() -> None:
    from skillmix.extract import get_extractor

    ex = get_extractor("builtin")

    def surfaces(text: str) -> list[str]:
        return [m.surface for m in ex.extract(text, kind="posting").mentions]

    # capitalised at the start of a sentence proves nothing ("Go Digital")
    assert "Go" not in surfaces("Go Digital with our agency.")
    assert "Go" in surfaces("Our services are written in Go and Python.")
    # ... but a list item may start a line
    assert "Excel" in surfaces("Tools:\n- Excel, Word and PowerPoint")
    assert "Excel" not in surfaces("Excel in a fast-paced environment.")
    # a one-letter language inside an abbreviation (accounts receivable)
    assert "R" not in surfaces("Process A/R and A/P invoices weekly.")
    assert "R" in surfaces("Statistics in R or Python required.")


def test_the_extractor_version_follows_the_rules(tmp_path) -> None:
    """Caches and run manifests are keyed on EXTRACTOR_VERSION, so it must change with the
    rules: a copy of the extraction code and data digests the same, and one changed byte
    of a data file changes the digest."""
    import re
    import shutil
    from importlib import resources

    from skillmix.extract import EXTRACTOR_VERSION, get_extractor
    from skillmix.extract.engine import _RULE_CODE, _RULE_DATA, rules_sha, version_digest

    package = resources.files("skillmix.extract")
    (tmp_path / "data").mkdir()
    for name in _RULE_DATA:
        shutil.copyfile(str(package / "data" / name), tmp_path / "data" / name)
    for mod in _RULE_CODE:
        shutil.copyfile(str(package / f"{mod}.py"), tmp_path / f"{mod}.py")
    assert rules_sha(tmp_path) == rules_sha()
    assert re.fullmatch(r"2\.1\+[0-9a-f]{8}", EXTRACTOR_VERSION)
    assert EXTRACTOR_VERSION.endswith(version_digest()[:8])
    patterns = tmp_path / "data" / "duty_patterns.yaml"
    patterns.write_text(patterns.read_text("utf-8") + "\n# one more line\n", "utf-8")
    assert rules_sha(tmp_path) != rules_sha()
    assert version_digest(rules_sha(tmp_path)) != version_digest()
    ext = get_extractor("builtin").extract("Managed social media accounts", kind="resume")
    assert ext.mentions
    assert {m.extractor_version for m in ext.mentions} == {EXTRACTOR_VERSION}


def test_the_extractor_version_follows_the_reader(tmp_path) -> None:
    """The reader decides sections, roles and dates, so a changed byte of its code or data
    (a heading word) changes the version too; a copy digests the same."""
    import shutil
    from importlib import resources

    from skillmix.extract.engine import version_digest
    from skillmix.io.version import reader_sha

    package = resources.files("skillmix.io")
    copy = tmp_path / "io"
    shutil.copytree(str(package), copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert reader_sha(copy) == reader_sha()
    headings = copy / "data" / "headings.csv"
    headings.write_text(headings.read_text("utf-8") + "resume,skills,0,exact,know-how\n", "utf-8")
    assert reader_sha(copy) != reader_sha()
    assert version_digest(reader=reader_sha(copy)) != version_digest()


def test_every_rule_module_is_in_the_version_digest() -> None:
    """A module that decides what is credited must change EXTRACTOR_VERSION when it
    changes (``departments`` was missing from the digest when it was written)."""
    from importlib import resources

    from skillmix.extract.engine import _RULE_CODE

    package = resources.files("skillmix.extract")
    modules = {p.name[:-3] for p in package.iterdir() if p.name.endswith(".py")}
    # not rules: the package's exports, the gold scorer, the optional semantic layer
    assert modules - set(_RULE_CODE) == {"__init__", "evaluate", "semantic"}
