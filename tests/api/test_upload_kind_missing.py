"""An upload without ``kind`` says the field is missing, not "must be ..., not ''"."""

from __future__ import annotations


def test_upload_without_kind_says_the_field_is_missing(client, keys) -> None:
    h = {"Authorization": f"Bearer {keys['write']}"}
    res = client.post("/v1/documents", headers=h, files={"file": ("cv.txt", b"SEO, Python")})
    assert res.status_code == 400, res.text
    body = res.json()
    assert body["code"] == "A420" and body["ok"] is False
    assert "no field 'kind'" in body["error"] and "not ''" not in body["error"]
    wrong = client.post("/v1/documents", headers=h, files={"file": ("cv.txt", b"SEO")},
                        data={"kind": "photo"})
    assert "not 'photo'" in wrong.json()["error"]
