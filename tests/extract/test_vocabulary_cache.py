"""The compiled vocabulary's disk cache keeps what a cached start needs: the evidence-phrase
forms that are no skill's own name travel with the keys, so the first coordination of a
process no longer expands the phrases (and parses the taxonomy) again."""

from __future__ import annotations

from pathlib import Path

from skillmix.config import Settings, use_settings
from skillmix.extract import Extractor
from skillmix.extract import vocabulary as vocab_module
from skillmix.extract.duties import evidence_forms
from skillmix.extract.normal_form import normalise_form
from skillmix.taxonomy import load_taxonomy


def _phrase_only(tmp_path: Path) -> frozenset[str]:
    with use_settings(Settings.load(cache_dir=str(tmp_path))):
        return Extractor("builtin").vocabulary.phrase_only


def test_phrase_only_forms_survive_the_disk_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(vocab_module, "_LOADED", {})  # nothing loaded in this process yet
    built = _phrase_only(tmp_path)
    assert list(tmp_path.glob("vocab-*.pkl")), "the compiled vocabulary was cached"
    monkeypatch.setattr(vocab_module, "_LOADED", {})  # a new process: read the pickle
    cached = _phrase_only(tmp_path)
    assert cached == built
    # what they are: evidence forms that no builtin skill is named by
    names = {normalise_form(f) for s in load_taxonomy("builtin") for f in s.surface_forms}
    forms = {f for fs in evidence_forms().values() for f in fs}
    assert built == frozenset(forms - names)
    assert "ability to communicate" in built  # an evidence phrase only
    assert "teamwork" not in built  # the skill's own label
