"""The default title index is kept on disk and comes back as the index it was.

``TitleIndex.default()`` pickles the index of every shipped title into the cache folder
under a digest of what it is made from. These tests load it cold, warm and from a damaged
file, and compare each with the index built in memory (``TitleIndex()``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmix.config import Settings, use_settings
from skillmix.occupations import index as title_index
from skillmix.occupations.index import TitleIndex
from skillmix.occupations.normalise import TitleNormaliser


def _state(ix: TitleIndex) -> dict:
    return dict(vars(ix))


@pytest.fixture(scope="module")
def built() -> TitleIndex:
    return TitleIndex()


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("title-index-*.pkl"))


def test_cold_then_warm_give_the_index_built_in_memory(tmp_path: Path, built, monkeypatch) -> None:
    with use_settings(Settings(cache_dir=tmp_path)):
        cold = TitleIndex.default()
        [kept] = _kept(tmp_path)
        monkeypatch.setattr(TitleIndex, "__init__", lambda *a, **k: pytest.fail("rebuilt"))
        warm = TitleIndex.default()
    assert kept.stat().st_size > 1_000_000
    assert _state(cold) == _state(built)
    assert _state(warm) == _state(built)
    assert warm is not cold


def test_a_damaged_file_is_rebuilt_and_replaced(tmp_path: Path, built) -> None:
    with use_settings(Settings(cache_dir=tmp_path)):
        TitleIndex.default()
        [kept] = _kept(tmp_path)
        kept.write_bytes(kept.read_bytes()[:5000])
        again = TitleIndex.default()
        assert _state(again) == _state(built)
        assert TitleIndex.default() is not again  # the replaced file loads
    assert kept.stat().st_size > 1_000_000


def test_an_unwritable_cache_folder_only_costs_time(built) -> None:
    with use_settings(Settings(cache_dir=Path("/dev/null/nowhere"))):
        assert _state(TitleIndex.default()) == _state(built)


def test_an_edited_rule_file_gets_a_file_of_its_own(tmp_path: Path, monkeypatch) -> None:
    before = title_index._index_key()
    real = title_index.resources.files("skillmix.occupations")

    class Edited:
        def joinpath(self, name: str):
            inner = real.joinpath(name)
            extra = b"\n# edited\n" if name == "data/title_words.yaml" else b""
            return type("F", (), {"read_bytes": lambda self: inner.read_bytes() + extra})()

    monkeypatch.setattr(title_index.resources, "files", lambda pkg: Edited())
    assert title_index._index_key() != before


def test_the_normaliser_names_the_same_occupations_from_the_kept_index(tmp_path: Path, built) -> None:
    titles = ["Social Media Manager", "Community Manager", "Sr. Software Engineer (Python)", "RN - ICU"]
    fresh = TitleNormaliser(index=built)
    with use_settings(Settings(cache_dir=tmp_path)):
        TitleIndex.default()
        kept = TitleNormaliser(index=TitleIndex.default())
    assert [kept.normalise(t) for t in titles] == [fresh.normalise(t) for t in titles]


def test_the_kept_file_holds_the_entries_as_columns(tmp_path: Path, built) -> None:
    import pickle

    with use_settings(Settings(cache_dir=tmp_path)):
        TitleIndex.default()
    [kept] = _kept(tmp_path)
    state = pickle.loads(kept.read_bytes()).__getstate__()
    assert "entries" not in state
    assert state["_entry_columns"][2][:3] == tuple(e.title for e in built.entries[:3])


def test_occupation_titles_are_the_occupation_records_of_the_title_file() -> None:
    records = {e.soc: e.title for e in title_index.load_onet_titles() if e.kind == "occupation"}
    assert title_index.occupation_titles() == records
    assert list(title_index.occupation_titles()) == list(records)
