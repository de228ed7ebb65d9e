"""Every time a page shows says its zone, in one format: ``2026-12-06 03:42 UTC``
(skillmix.web.times, the templates' ``when`` filter). The pages printed
``2026-12-06 03:42`` with no zone, each template formatting it itself."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "skillmix" / "web" / "templates"
WEB = TEMPLATES.parent
#: a time as a person reads it on a page: date, hour and minute (seconds optional)
SHOWN = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?")


def _visible(html: str) -> str:
    """The page's text, without tags (and so without ``datetime="..."`` attributes)."""
    return re.sub(r"<[^>]+>", "", html)


def _times_on(html: str) -> list[str]:
    """Each time the page shows, with what follows it."""
    text = _visible(html)
    return [text[m.start():m.end() + 4] for m in SHOWN.finditer(text)]


def test_web_times_shown_time_is_utc_and_says_so() -> None:
    from skillmix.web.times import shown_time, time_tag

    naive = datetime(2026, 12, 6, 3, 42, 40)  # SQLite's: UTC without a zone
    paris = datetime(2026, 12, 6, 4, 42, 40, tzinfo=timezone(timedelta(hours=1)))
    assert shown_time(naive) == shown_time(paris) == "2026-12-06 03:42 UTC"
    assert shown_time(None) == "" and str(time_tag(None)) == ""
    assert str(time_tag(paris)) == \
        '<time datetime="2026-12-06T03:42:40+00:00">2026-12-06 03:42 UTC</time>'


def test_web_times_every_page_shows_utc(web, store, demo: Path) -> None:
    """The lists (candidates, a candidate's scorecards, market runs), a scorecard, a
    ranking and the document pages: each time shown is followed by ``UTC``."""
    from skillmix.store import repo

    def upload(path: Path, kind: str, **fields: str) -> str:
        resp = web.post("/upload", data={"csrf": web.csrf, "kind": kind, **fields},
                        files={"file": (path.name, path.read_bytes(), "text/plain")},
                        follow_redirects=False)
        assert resp.status_code == 303, resp.text
        return str(resp.headers["location"])

    doc_url = upload(demo / "resume.txt", "resume", name="Ada Example")
    post_url = upload(demo / "posting.html", "posting", title="Social Media Engineer")
    cid = repo.list_candidates(store)[0].id
    pid = repo.list_postings(store)[0].id
    card = web.post(f"/candidates/{cid}/assess", data={"csrf": web.csrf, "profile": ""},
                    follow_redirects=False)
    ranking = web.post(f"/postings/{pid}/rank", data={"csrf": web.csrf, "top": "5"},
                       follow_redirects=False)
    assert card.status_code == ranking.status_code == 303
    # a market run in the list
    job = repo.create_job(store, "market", {"corpus": "jobs"}, actor="someone")
    pages = {"/": 1, f"/candidates/{cid}": 1, card.headers["location"]: 1,
             ranking.headers["location"]: 1, "/market": 1, doc_url: 1, post_url: 1,
             f"/postings/{pid}": 0}
    for url, least in pages.items():
        resp = web.get(url)
        assert resp.status_code == 200, (url, resp.text)
        shown = _times_on(resp.text)
        assert len(shown) >= least, (url, shown)
        assert all(s.endswith(" UTC") for s in shown), (url, shown)
    market = web.get("/market").text
    created = repo.get_job(store, job.id).created_at
    assert f'<time datetime="{created.isoformat(timespec="seconds")}">' in market
    assert created.strftime("%Y-%m-%d %H:%M UTC") in _visible(market)


def test_web_times_document_page_says_when_it_was_added(web, store, admin_token,
                                                       demo: Path) -> None:
    """A document's page (and its candidate's list of documents) says when it was added,
    the instant the API gives as the document's ``created_at``."""
    from skillmix.store import repo

    resp = web.post("/upload", data={"csrf": web.csrf, "kind": "resume"},
                    files={"file": ("resume.txt", (demo / "resume.txt").read_bytes(),
                                    "text/plain")}, follow_redirects=False)
    assert resp.status_code == 303, resp.text
    doc_id = resp.headers["location"].rsplit("/", 1)[1]
    stored = repo.get_document(store, doc_id)
    assert stored.created_at is not None
    api = web.get(f"/v1/documents/{doc_id}",
                  headers={"Authorization": f"Bearer {admin_token}"}).json()["document"]
    added = datetime.fromisoformat(api["created_at"])
    assert added.utcoffset() == timedelta(0)
    tag = (f'<time datetime="{added.isoformat(timespec="seconds")}">'
           f'{added.strftime("%Y-%m-%d %H:%M UTC")}</time>')
    page = web.get(f"/documents/{doc_id}").text
    assert f'added <span id="added">{tag}</span>' in page
    candidate = web.get(f"/candidates/{stored.candidate_id}").text
    assert f"added {tag}</li>" in candidate


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.html")), ids=lambda p: p.name)
def test_web_times_templates_format_no_time_themselves(path: Path) -> None:
    """A template prints a time only through ``|when``: no ``strftime``/``isoformat`` of
    its own, and every ``*_at`` value it prints is piped to ``when``."""
    text = path.read_text(encoding="utf-8")
    assert "strftime" not in text and "isoformat" not in text, path.name
    for expr in re.findall(r"\{\{(.*?)\}\}", text, re.S):
        for m in re.finditer(r"\b\w+_at\b", expr):
            assert re.match(r"\s*\|\s*when\b", expr[m.end():]), (path.name, expr)


def test_web_times_view_code_formats_no_time() -> None:
    """The pages' Python formats no time but through skillmix.web.times."""
    for path in sorted(WEB.glob("*.py")):
        if path.name != "times.py":
            text = path.read_text(encoding="utf-8")
            assert "strftime" not in text and ".isoformat(" not in text, path.name
