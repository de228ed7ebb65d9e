"""Web fixtures: an app over a fresh SQLite store, a signed-in TestClient, and (for the
``browser`` tests) a real uvicorn server on loopback with Debian's Chromium driven by
Playwright (``executable_path``; never ``playwright install``). Browser tests skip cleanly
when Chromium or the playwright package is missing."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

ROOT = Path(__file__).resolve().parents[2]
#: four postings (title, description) for the market pages' small corpora: one social media
#: job, one that asks social skills without the title saying so, and two others
MARKET_ROWS = [
    ("Social Media Manager", "Run our Instagram and TikTok; community management, copywriting, Google Analytics."),
    ("Growth Engineer", "Automate paid social campaigns through the Meta Marketing API in Python."),
    ("Payroll Clerk", "Process payroll and reconcile accounts."),
    ("Support Lead", "Answer customers on Twitter and Facebook and de-escalate complaints."),
]
DEMO = ROOT / "src" / "skillmix" / "demo"
ARTIFACTS = ROOT / "test-artifacts" / "web"


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    from skillmix.store import Store

    st = Store(f"sqlite:///{tmp_path / 'web.sqlite'}", files_dir=tmp_path / "files")
    yield st
    st.dispose()


@pytest.fixture
def admin_token(store) -> str:  # type: ignore[no-untyped-def]
    from skillmix.store import create_key

    return create_key(store, "Hiring Manager", "admin").token


@pytest.fixture
def app(store):  # type: ignore[no-untyped-def]
    from skillmix.server import create_app

    return create_app(store)


def login(client, token: str) -> str:  # type: ignore[no-untyped-def]
    """Sign a TestClient in; returns the session's CSRF token from the start page."""
    page = client.get("/login")
    login_csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    resp = client.post("/login", data={"api_key": token, "csrf": login_csrf},
                       follow_redirects=False)
    assert resp.status_code == 303, resp.text
    home = client.get("/")
    return re.search(r'name="csrf" value="([^"]+)"', home.text).group(1)


@pytest.fixture
def web(app, admin_token):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        c.csrf = login(c, admin_token)  # type: ignore[attr-defined]
        yield c


# --------------------------------------------------------------------------- browser


def chromium_path() -> str | None:
    for cand in (os.environ.get("SKILLMIX_CHROMIUM"), "/usr/bin/chromium",
                 shutil.which("chromium")):
        if cand and Path(cand).exists():
            return cand
    return None


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    """Chromium through Playwright's sync API, for one test module only: that API runs an
    asyncio loop in this thread until it stops, so a session-wide browser made every later
    ``asyncio.run()`` in the run fail ("cannot be called from a running event loop")."""
    exe = chromium_path()
    if exe is None:
        pytest.skip("Chromium not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, headless=True,
                               args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_server(app):  # type: ignore[no-untyped-def]
    """The app under uvicorn in a thread on a free loopback port."""
    uvicorn = pytest.importorskip("uvicorn")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def shot():  # type: ignore[no-untyped-def]
    """Save a full-page screenshot under test-artifacts/web/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:  # type: ignore[no-untyped-def]
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def watched_page(browser):  # type: ignore[no-untyped-def]
    """``(context, page, problems)``: a fresh page whose console errors, Content Security
    Policy reports and page errors are collected in ``problems``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text)
            if "Content Security Policy" in msg.text or msg.type == "error" else None)
    page.on("pageerror", lambda err: problems.append(str(err)))
    return context, page, problems


@pytest.fixture
def demo() -> Path:
    return DEMO


@pytest.fixture
def signin():  # type: ignore[no-untyped-def]
    """``signin(client, token)`` signs a TestClient in and returns the session's CSRF token."""
    return login
