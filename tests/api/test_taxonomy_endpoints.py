"""Browse taxonomies by registered name only; search and filter skills."""

from __future__ import annotations


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_taxonomy_list_and_builtin_areas(client, keys) -> None:
    h = auth(keys["read"])
    names = [t["name"] for t in client.get("/v1/taxonomies", headers=h).json()["taxonomies"]]
    assert "builtin" in names
    tax = client.get("/v1/taxonomies/builtin", headers=h).json()["taxonomy"]
    areas = {a["id"] for a in tax["areas"]}
    assert {"technology", "marketing_communications", "customer_service", "data_analytics"} <= areas
    assert sum(a["skills"] for a in tax["areas"]) <= tax["skills"]


def test_taxonomy_skill_search_area_filter_and_detail(client, keys) -> None:
    h = auth(keys["read"])
    hits = client.get("/v1/taxonomies/builtin/skills", headers=h, params={"q": "seo"}).json()
    assert hits["skills"] and hits["skills"][0]["id"] == "seo"
    tech = client.get("/v1/taxonomies/builtin/skills", headers=h,
                      params={"area": "technology", "limit": 1000}).json()
    assert tech["skills"] and all(s["area"] == "technology" for s in tech["skills"])
    one = client.get("/v1/taxonomies/builtin/skills/seo", headers=h).json()
    assert one["skill"]["label"] and isinstance(one["neighbours"], list)
    assert client.get("/v1/taxonomies/builtin/skills/no-such-skill", headers=h).status_code == 404


def test_taxonomy_paths_are_never_opened(client, keys) -> None:
    h = auth(keys["read"])
    for name in ("builtin:passwd.yaml", "lightcast:open_skills.csv", "x.yaml", "esco:x"):
        resp = client.get(f"/v1/taxonomies/{name}", headers=h)
        assert resp.status_code == 404 and resp.json()["code"] == "T190"
