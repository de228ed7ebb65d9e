"""``/v1/titles``: one title by GET, many (with posting text) by POST; limits enforced."""

from __future__ import annotations


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_titles_get_one(client, keys) -> None:
    resp = client.get("/v1/titles", headers=auth(keys["read"]), params={"title": "Sr. Software Engineer", "k": 3})
    body = resp.json()
    assert resp.status_code == 200 and body["ok"] is True
    assert body["match"]["soc"].startswith("15-1252")
    assert len(body["match"]["candidates"]) == 3


def test_titles_post_many_with_text(client, keys) -> None:
    pr = ("You will write press releases and speeches, pitch journalists and reporters, manage "
          "media relations and the public relations calendar, plan press conferences and "
          "interviews, draft statements for executives, monitor news coverage and public opinion, "
          "advise clients on their reputation and image, handle crisis communications, prepare "
          "annual reports and newsletters, coordinate sponsorships and community events, and "
          "supervise publicists and communications staff working on campaigns for our clients.")
    resp = client.post("/v1/titles", headers=auth(keys["read"]),
                       json={"titles": [{"title": "Manager", "text": pr}, {"title": "Registered Nurse"}]})
    matches = resp.json()["matches"]
    assert [m["title"] for m in matches] == ["Manager", "Registered Nurse"]
    assert matches[0]["soc"].startswith("11-2032") and matches[0]["used_text"]
    assert matches[1]["soc"].startswith("29-1141")


def test_titles_rejects_oversized_input(client, keys) -> None:
    resp = client.post("/v1/titles", headers=auth(keys["read"]), json={"titles": [{"title": "x" * 301}]})
    assert resp.status_code == 422 and resp.json()["ok"] is False
    resp = client.get("/v1/titles", headers=auth(keys["read"]), params={"title": "Nurse", "k": 99})
    assert resp.status_code == 422
