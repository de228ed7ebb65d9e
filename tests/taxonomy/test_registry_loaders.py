"""Loading taxonomies by spec, users' extensions, and the standard loaders."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillmix.errors import NotFoundError, TaxonomyError
from skillmix.extract import Extractor
from skillmix.taxonomy import load_esco, load_lightcast, load_onet, load_taxonomies, load_taxonomy


def test_registry_builtin_has_areas_and_sides() -> None:
    tax = load_taxonomy("builtin")
    assert len(tax) >= 400
    sides = {a.side for a in tax.areas.values()}
    assert {"tech", "comm"} <= sides
    for skill in tax:
        assert skill.area in tax.areas


def test_registry_shipped_esco_and_onet_load() -> None:
    esco = load_taxonomy("esco")
    assert len(esco) > 13000
    smm = [s for s in esco if s.label == "social media management"]
    assert smm and smm[0].esco_uri.startswith("http://data.europa.eu/esco/skill/")
    onet = load_taxonomy("onet")
    assert any(s.label == "Hootsuite" for s in onet)


def test_registry_lightcast_needs_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SKILLMIX_LIGHTCAST", raising=False)
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy("lightcast")
    assert err.value.code == "T011"
    assert "lightcast:PATH" in str(err.value)


def test_registry_unknown_spec_is_a_coded_error() -> None:
    with pytest.raises(TaxonomyError) as err:
        load_taxonomies("builtin+nonsense")
    assert err.value.code == "T012"


def test_registry_user_yaml_extends_builtin(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "name: mine\nversion: '1'\nextends: builtin\n"
        "skills:\n"
        "  - id: threads-growth-hacking\n    label: Threads growth hacking\n"
        "    aliases: [growth hacking on Threads]\n    area: marketing_communications\n",
        encoding="utf-8",
    )
    tax = load_taxonomy(str(path))
    assert "threads-growth-hacking" in tax
    assert len(tax) == len(load_taxonomy("builtin")) + 1
    ext = Extractor(str(path), use_cache=False).extract(
        "We want Threads growth hacking experience.", kind="posting"
    )
    assert any(m.skill_id == "threads-growth-hacking" for m in ext.mentions)


def test_registry_bad_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("skills:\n  - label: no id here\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(str(path))
    assert str(path) in str(err.value)


def test_model_get_unknown_skill_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        load_taxonomy("builtin").get("no-such-skill")


def test_model_search_finds_by_alias() -> None:
    hits = load_taxonomy("builtin").search("SEO")
    assert hits and any("search engine" in h.label.lower() or h.label == "SEO" for h in hits)


def test_loaders_read_the_shared_exports(shared_data: Path) -> None:
    esco = load_esco(shared_data / "taxonomies/esco/skills_en.csv")
    assert len(esco) == 13908
    light = load_lightcast(shared_data / "taxonomies/lightcast/open_skills.csv")
    assert len(light) == 31995
    go = [s for s in light if s.label == "Go (Programming Language)"]
    assert go and "Go" in go[0].aliases
    onet = load_onet(shared_data / "taxonomies/onet")
    assert len(onet) > 5000


def test_loaders_reject_wrong_columns(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as err:
        load_esco(path)
    assert err.value.code == "T008"


def test_model_neighbours_are_symmetric_and_match_a_full_scan() -> None:
    tax = load_taxonomy("builtin")
    for skill in list(tax)[:200]:
        expected = set(skill.broader) | set(skill.related)
        for other in tax:
            if skill.id in other.broader or skill.id in other.related:
                expected.add(other.id)
        expected.discard(skill.id)
        assert tax.neighbours(skill.id) == expected
        for n in tax.neighbours(skill.id):
            assert skill.id in tax.neighbours(n)


def test_registry_cache_identity_follows_the_extended_base(tmp_path: Path) -> None:
    import os

    from skillmix.taxonomy.registry import spec_sources

    base = tmp_path / "base.yaml"
    base.write_text("name: base\nversion: '1'\nskills:\n  - {id: a, label: alpha skill}\n",
                    encoding="utf-8")
    ext = tmp_path / "ext.yaml"
    ext.write_text(f"name: ext\nversion: '1'\nextends: {base}\nskills: []\n", encoding="utf-8")
    before = spec_sources(str(ext))
    assert len(before) == 2  # the extension and its base
    base.write_text(base.read_text(encoding="utf-8") + "  - {id: b, label: beta skill}\n",
                    encoding="utf-8")
    os.utime(base, ns=(before[1][1][1] + 10**9, before[1][1][1] + 10**9))
    assert spec_sources(str(ext)) != before
