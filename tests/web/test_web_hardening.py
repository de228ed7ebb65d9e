"""The web profile editor refuses taxonomies that name server files, without reading them."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("spec", ["lightcast:/etc/passwd", "lightcast:/proc/self/environ",
                                  "lightcast:/dev/zero", "/proc/self/environ"])
def test_web_profile_editor_refuses_file_taxonomies(web, spec) -> None:
    text = f"version: 1\ntaxonomy: '{spec}'\nareas: [{{id: technology, weight: 1}}]\n"
    resp = web.post("/profiles/hostile", data={"csrf": web.csrf, "text": text})
    assert resp.status_code == 400, resp.text
    assert "P193" in resp.text
    assert "root:x:" not in resp.text and "PATH=" not in resp.text
