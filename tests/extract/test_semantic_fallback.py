"""The semantic fallback: ESCO mentions where lexical matching finds nothing."""

from __future__ import annotations

import pytest

from skillmix.extract import Extractor
from skillmix.records import Document


@pytest.fixture(scope="module")
def fallback():
    pytest.importorskip("all_minilm_l6_v2")
    from skillmix.extract.semantic import SemanticFallback
    from skillmix.link.encoder import MiniLMEncoder
    from skillmix.link.esco import EscoConcept
    from skillmix.link.linker import EscoLinker
    from skillmix.link.static import StaticEncoder, default_static_path

    if not default_static_path().is_file():
        pytest.skip("static encoder table not built")
    concepts = [
        EscoConcept("http://data.europa.eu/esco/skill/present", "present reports",
                    ("present results", "give presentations"),
                    "Display results, statistics and conclusions to an audience."),
        EscoConcept("http://data.europa.eu/esco/skill/bake", "bake pastry", ("make pastry",),
                    "Bake pastry such as croissants."),
        EscoConcept("http://data.europa.eu/esco/skill/teams", "work in teams",
                    ("teamwork", "collaborate in a team"), "Work confidently within a group."),
    ]
    linker = EscoLinker.load(esco=concepts, encoder=MiniLMEncoder(),
                             query_encoder=StaticEncoder.load(), cache_dir=False)
    return SemanticFallback(linker, threshold=0.6)


def _doc(text: str) -> Document:
    return Document(id="s", text=text, source="s", media_type="text/plain", kind="posting")


def test_semantic_fallback_links_sentences_without_lexical_hits(fallback) -> None:
    text = ("You will bake pastry for our morning shift every day.\n"
            "Strong Python and SQL skills are required.\n")
    ext = Extractor("builtin", semantic=fallback).extract(_doc(text))
    semantic = [m for m in ext.mentions if m.extractor == "semantic"]
    lexical = [m for m in ext.mentions if m.extractor == "lexical"]
    assert {m.label for m in lexical} >= {"Python", "SQL"}
    assert [m.label for m in semantic] == ["bake pastry"]
    m = semantic[0]
    assert text[m.start:m.end] == m.surface
    assert m.taxonomy == "esco" and m.skill_id == "bake"
    assert 0.6 <= m.confidence <= 1.0
    # the sentence with lexical hits was not sent to the linker
    assert all(m.start < text.index("Strong") for m in semantic)


def test_semantic_fallback_is_off_by_default() -> None:
    ext = Extractor("builtin").extract(_doc("You will bake pastry for our morning shift."))
    assert all(m.extractor == "lexical" for m in ext.mentions)


def test_semantic_threshold_is_checked() -> None:
    from skillmix.errors import ConfigError
    from skillmix.extract.semantic import SemanticFallback

    with pytest.raises(ConfigError):
        SemanticFallback(linker=object(), threshold=1.5)
