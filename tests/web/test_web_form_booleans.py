"""A form's yes/no field takes true/false, 1/0 or on/off (what a checkbox sends), and is
off when left out (an unchecked checkbox sends nothing; an empty value is read as left
out, as FastAPI reads every empty form field); anything else is ``[A424]`` on the
UI's error page. The scorecard and rank forms read any value sent as on (``bool("no")``),
so ``blind=no`` scored blind, the opposite of what was sent."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("skillmix.assess")


def _upload(web, demo, source: str, kind: str) -> str:  # type: ignore[no-untyped-def]
    resp = web.post("/upload", files={"file": (source, (demo / source).read_bytes())},
                    data={"kind": kind, "csrf": web.csrf}, follow_redirects=False)
    assert resp.status_code == 303, resp.text
    page = web.get(resp.headers["location"]).text
    return re.findall(rf'href="/{"candidates" if kind == "resume" else "postings"}/([^"#]+)"',
                      page)[0]


@pytest.mark.parametrize("value", ["no", "yes", "blind", "2", " "])
def test_web_form_booleans_refuse_anything_else(web, demo, value: str) -> None:  # type: ignore[no-untyped-def]
    cid = _upload(web, demo, "resume.txt", "resume")
    post = _upload(web, demo, "posting.html", "posting")
    for path, extra in ((f"/candidates/{cid}/assess", {"profile": "social-media-manager"}),
                        (f"/postings/{post}/rank", {})):
        resp = web.post(path, data={"csrf": web.csrf, "blind": value, **extra},
                        follow_redirects=False)
        assert resp.status_code == 422, (path, resp.status_code)
        assert "A424" in resp.text and "true or false" in resp.text


@pytest.mark.parametrize("value, blind", [("1", True), ("on", True), ("TRUE", True),
                                          ("0", False), ("off", False), ("false", False),
                                          (None, False), ("", False)])
def test_web_form_booleans_accept_the_usual_words(web, demo, store, value, blind) -> None:  # type: ignore[no-untyped-def]
    from skillmix.store import repo

    cid = _upload(web, demo, "resume.txt", "resume")
    post = _upload(web, demo, "posting.html", "posting")
    sent = {} if value is None else {"blind": value}
    card = web.post(f"/candidates/{cid}/assess", follow_redirects=False,
                    data={"csrf": web.csrf, "profile": "social-media-manager", **sent})
    assert card.status_code == 303, card.text
    assert repo.get_scorecard(store, card.headers["location"].rsplit("/", 1)[1]).data[
        "blind"] is blind
    rank = web.post(f"/postings/{post}/rank", data={"csrf": web.csrf, **sent},
                    follow_redirects=False)
    assert rank.status_code == 303, rank.text
    assert repo.get_ranking(store, rank.headers["location"].rsplit("/", 1)[1]).data[
        "blind"] is blind
