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


def test_store_refuses_other_formats(tmp_path, params, demo_posting, synthetic_pool):
    pool, _ = synthetic_pool
    m = Matcher(params).fit(pool)
    folder = save_index(m, m.index(pool), tmp_path / "ix")
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["format"] == FORMAT
    meta["format"] = "skillmix-match-index/0"
    (folder / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(MatchError) as err:
        load_index(folder)
    assert err.value.code == "M021"
    with pytest.raises(MatchError) as err2:
        load_index(tmp_path)
    assert err2.value.code == "M020"
