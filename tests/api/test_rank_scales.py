"""``POST /v1/rank`` says what its scores are relative to (``data.scales``), as the CLI's
table caption and JSON do: text against the pool's best, years against what was asked."""

from __future__ import annotations

import pytest

pytest.importorskip("skillmix.assess")


def test_rank_scales_in_the_stored_ranking(client, keys, demo, uploader) -> None:
    uploader(demo / "resume.txt")
    post = uploader(demo / "posting.html", kind="posting")["posting_id"]
    res = client.post("/v1/rank", headers={"Authorization": f"Bearer {keys['write']}"},
                      json={"posting_id": post})
    assert res.status_code == 201, res.text
    scales = res.json()["ranking"]["data"]["scales"]
    assert "relative to this pool of 1" in scales["text"]
    assert set(scales) == {"score", "text", "years"}
