"""A saved index loads back to the same rankings; a foreign format is refused."""

from __future__ import annotations

import json

import pytest

from skillmix.errors import MatchError
from skillmix.match import FORMAT, Matcher, load_index, save_index


def test_store_roundtrip_gives_the_same_ranking(tmp_path, params, demo_posting, synthetic_pool):
    pool, _ = synthetic_pool
    m = Matcher(params).fit([demo_posting, *pool])
    idx = m.index(pool)
    before = m.rank(demo_posting, idx, top=10)
    save_index(m, idx, tmp_path / "ix")
    m2, idx2 = load_index(tmp_path / "ix")
    assert len(idx2) == len(pool)
    m2.params = params
    after = m2.rank(demo_posting, idx2, top=10)
    assert after.to_dict() == before.to_dict()


@pytest.mark.parametrize("old", ["skillmix-match-index/0", "skillmix-match-index/4"])
def test_store_refuses_other_formats(tmp_path, params, demo_posting, synthetic_pool, old):
    """Version 4 stored rarity weights without the soft-skill halving and cross-field
    neighbour links: such an index is refused, not ranked with stale weights."""
    pool, _ = synthetic_pool
    m = Matcher(params).fit(pool)
    folder = save_index(m, m.index(pool), tmp_path / "ix")
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["format"] == FORMAT
    meta["format"] = old
    (folder / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(MatchError) as err:
        load_index(folder)
    assert err.value.code == "M021"
    with pytest.raises(MatchError) as err2:
        load_index(tmp_path)
    assert err2.value.code == "M020"


def test_store_loaded_index_follows_new_parameters(tmp_path, params, demo_posting, synthetic_pool):
    """Stored values are re-derived from levels, so changed credits apply to a loaded index."""
    import dataclasses

    pool, _ = synthetic_pool
    m = Matcher(params).fit([demo_posting, *pool])
    save_index(m, m.index(pool), tmp_path / "ix")
    other = dataclasses.replace(params, listed_credit=0.2, neighbour_credit=0.9)
    fresh = Matcher(other).fit([demo_posting, *pool])
    want = fresh.rank(demo_posting, fresh.index(pool), top=10)
    loaded, idx = load_index(tmp_path / "ix")
    m2 = Matcher(other)
    m2.restore(loaded.fitted_state())
    m2.derive(idx)
    got = m2.rank(demo_posting, idx, top=10)
    assert got.to_dict() == want.to_dict()
    assert got.to_dict() != m.rank(demo_posting, m.index(pool), top=10).to_dict()
