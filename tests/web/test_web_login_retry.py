"""A wrong key at sign-in shows the form again with the reason (a new-user trial met a
dead-end "Something went wrong" page instead)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")


def test_wrong_key_shows_the_form_again(app, admin_token) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        page = c.get("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        resp = c.post("/login", data={"api_key": "smk_wrong", "csrf": csrf},
                      follow_redirects=False)
        assert resp.status_code == 401
        assert 'id="login-error"' in resp.text and "That key was not accepted" in resp.text
        assert 'name="api_key"' in resp.text  # the form, to try again
        again = re.search(r'name="csrf" value="([^"]+)"', resp.text).group(1)
        ok = c.post("/login", data={"api_key": admin_token, "csrf": again},
                    follow_redirects=False)
        assert ok.status_code == 303
