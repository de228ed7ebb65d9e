"""The builtin taxonomy is kept pickled in the cache folder and comes back as the taxonomy
parsed from its YAML file: cold, warm, damaged, and with an unwritable cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmix.config import Settings, use_settings
from skillmix.taxonomy import registry
from skillmix.taxonomy.yaml_file import load_yaml_taxonomy


@pytest.fixture(scope="module")
def parsed():  # type: ignore[no-untyped-def]
    return load_yaml_taxonomy(registry.data_path("builtin.yaml"))


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    return (a == b and list(a.skills) == list(b.skills) and list(a.areas) == list(b.areas)
            and a.source == b.source and a.version == b.version and a._links == b._links)


def test_builtin_kept_cold_then_warm_is_the_parsed_taxonomy(tmp_path: Path, parsed, monkeypatch) -> None:
    path = registry.data_path("builtin.yaml")
    with use_settings(Settings(cache_dir=tmp_path)):
        cold = registry._kept_builtin(path)
        [kept] = tmp_path.glob("taxonomy-builtin-*.pkl")
        monkeypatch.setattr(registry, "load_yaml_taxonomy", lambda *a: pytest.fail("parsed again"))
        warm = registry._kept_builtin(path)
    assert _same(cold, parsed) and _same(warm, parsed)
    assert warm is not cold and kept.stat().st_size > 10_000


def test_builtin_kept_damaged_file_is_parsed_again(tmp_path: Path, parsed) -> None:
    path = registry.data_path("builtin.yaml")
    with use_settings(Settings(cache_dir=tmp_path)):
        registry._kept_builtin(path)
        [kept] = tmp_path.glob("taxonomy-builtin-*.pkl")
        kept.write_bytes(kept.read_bytes()[:2000])
        assert _same(registry._kept_builtin(path), parsed)


def test_builtin_kept_unwritable_cache_only_costs_time(parsed) -> None:
    with use_settings(Settings(cache_dir=Path("/dev/null/nowhere"))):
        assert _same(registry._kept_builtin(registry.data_path("builtin.yaml")), parsed)


def test_builtin_kept_edited_file_gets_a_pickle_of_its_own(tmp_path: Path, parsed) -> None:
    edited = tmp_path / "builtin.yaml"
    edited.write_bytes(registry.data_path("builtin.yaml").read_bytes() + b"\n# edited\n")
    with use_settings(Settings(cache_dir=tmp_path / "cache")):
        registry._kept_builtin(registry.data_path("builtin.yaml"))
        registry._kept_builtin(edited)
        assert len(list((tmp_path / "cache").glob("taxonomy-builtin-*.pkl"))) == 2
