"""An error the REST API or the web UI shows gives advice its reader can follow there, never
a command-line option (``--max-upload-mb``), a command (``skillmix taxonomy search``) or a
Python name (``ReadLimits``): skillmix.service.advice. The trial saw D104, D117 and C427
speak to the command line in the UI and the API; a test walks every code in the catalog,
with every hint a raise site gives it, through both."""

from __future__ import annotations

import ast
import io
import re
from functools import cache
from pathlib import Path
from typing import Iterator

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient

from skillmix.errors import ErrorCode, SkillmixError
from skillmix.errors.catalog import all_codes

SRC = Path(__file__).resolve().parents[2] / "src" / "skillmix"
#: what a person at a browser or an API client cannot act on: a command-line option
#: (``--out``, ``-o/--output``), a skillmix command or pip, a Python limit or argument.
#: Kept apart from the module's own pattern so a weaker one there cannot pass here.
CLI = re.compile(r"(?<![\w-])--[a-z]|\bskillmix\s+[a-z]|\bpip\s+install|\b(?:Read|Extract)Limits\b"
                 r"|\bfield_columns\b|\bfrom Python\b|\bon_error=|\bthe same command\b")
#: a hint as the command line would give it, for every code: whatever a raise site says
SYNTHETIC = "Pass --out DIR, or run `skillmix extract FILE` (raise ReadLimits.max_bytes)."
CODE = re.compile(r"^[A-Z]\d{3}$")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --------------------------------------------------------------------- the raise sites


def _text(node: ast.AST, names: dict[str, ast.AST]) -> str | None:
    """A hint expression as text (f-string fields as ``{}``; names of string constants
    read from their assignment); None for one that is not text (``err.hint``)."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(_text(v, names) or "" if isinstance(v, ast.Constant) else "{}"
                       for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left, names), _text(node.right, names)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Name) and node.id in names:
        return _text(names[node.id], names)
    return None


def _code_of(node: ast.Call) -> str | None:
    """The code a call raises: ``D104(...)``, ``doc_error(D104, ...)``, ``_fail(P1xx, ...)``
    or ``cls(A413.code, ...)``; None when the code is not written there."""
    func = node.func
    if isinstance(func, ast.Name) and CODE.match(func.id):
        return func.id
    first = node.args[0] if node.args else None
    if isinstance(first, ast.Name) and CODE.match(first.id):
        return first.id
    if isinstance(first, ast.Attribute) and first.attr == "code" \
            and isinstance(first.value, ast.Name) and CODE.match(first.value.id):
        return first.value.id
    return None


@cache
def raised_hints() -> tuple[tuple[str | None, str, str], ...]:
    """``(code, hint, where)`` for every hint a raise site writes, and every catalog hint
    (``where`` is then ``catalog``); ``code`` None where the site does not name it."""
    return tuple(_raised_hints())


def _raised_hints() -> Iterator[tuple[str | None, str, str]]:
    for code, entry in all_codes().items():
        if entry.hint:
            yield code, entry.hint, "catalog"
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("errors/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {t.id: n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                 for t in n.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for kw in node.keywords:
                hint = _text(kw.value, names) if kw.arg == "hint" else None
                if hint:
                    yield _code_of(node), hint, f"{rel}:{node.lineno}"


def test_advice_scanner_finds_the_sites_it_must() -> None:
    """The scan sees the hints the trial met (so the tests below walk them)."""
    found = {(code, where.split(":")[0]) for code, hint, where in raised_hints()
             if CLI.search(hint)}
    assert {("C427", "io/inputs.py"), ("D104", "catalog"), ("D117", "catalog"),
            ("D115", "io/corpus.py"), ("P110", "assess/posting.py")} <= found


#: raise sites whose code is a variable, with the codes they give (their hints are CLI's)
UNNAMED = {"fairness/log.py": {"F150", "F151", "F152", "F153", "F154", "F155", "F156"}}


def test_advice_every_code_with_cli_advice_has_client_advice() -> None:
    """Each code a raise site outside the command line (or the catalog) gives advice for
    the command line has advice for a client, or is one only the command line raises;
    a client's advice names no option or command itself."""
    from skillmix.service.advice import CLI_ONLY, CLIENT_HINTS

    missing, unnamed = [], []
    for code, hint, where in raised_hints():
        if not CLI.search(hint) or where.startswith("cli/"):
            continue
        if code is None:
            unnamed.append(where)
            codes = UNNAMED.get(where.split(":")[0], set())
        else:
            codes = {code}
        missing += [f"{c} at {where}: {hint}" for c in codes
                    if c not in CLIENT_HINTS and c not in CLI_ONLY]
    assert not missing
    assert {w.split(":")[0] for w in unnamed} <= set(UNNAMED), unnamed
    assert not set(CLIENT_HINTS) & CLI_ONLY
    assert set(CLIENT_HINTS) | CLI_ONLY <= set(all_codes())
    for code, advice in CLIENT_HINTS.items():
        assert not CLI.search(advice), (code, advice)


# ------------------------------------------------------------ walking every code through


def _cases() -> list[SkillmixError]:
    """Every code with each hint it is raised with (by the catalog, a raise site, or the
    command line's kind of hint) and with none."""
    hints: dict[str, set[str]] = {}
    for code, hint, _ in raised_hints():
        if code is not None:
            hints.setdefault(code, set()).add(hint)
    out = []
    entry: ErrorCode[SkillmixError]
    for code, entry in all_codes().items():
        for hint in sorted(hints.get(code, set()) | {SYNTHETIC, ""}):
            out.append(entry("it failed.", source="thing", hint=hint or None))
    return out


CASES = _cases()


def _raising_app(store) -> FastAPI:  # type: ignore[no-untyped-def]
    """The real server with one API route and one UI page that raise ``CASES[i]``."""
    from skillmix.server import create_app
    from skillmix.web.app import WebRoute

    app = create_app(store)

    def boom(i: int) -> None:
        raise CASES[i]

    app.add_api_route("/v1/test-raise/{i}", boom)
    page = APIRouter(route_class=WebRoute)
    page.add_api_route("/test-raise/{i}", boom)
    app.include_router(page)
    return app


def test_advice_every_error_in_api_and_ui_has_no_cli_advice(store) -> None:  # type: ignore[no-untyped-def]
    """Every code of the catalog, with every hint it is raised with: the API's envelope
    and the UI's error page give advice for their reader, and keep the code, status and
    message."""
    assert len(CASES) > 500
    bad = []
    with TestClient(_raising_app(store), raise_server_exceptions=False) as client:
        for i, err in enumerate(CASES):
            api = client.get(f"/v1/test-raise/{i}")
            body = api.json()
            assert api.status_code == err.http_status and body["code"] == err.code, body
            assert body["error"].startswith(f"[{err.code}] thing: it failed."), body
            html = client.get(f"/test-raise/{i}")
            assert html.status_code == err.http_status
            shown = re.search(r'<p class="error" data-code="(\w+)">(.*?)</p>', html.text, re.S)
            assert shown is not None and shown.group(1) == err.code, html.text
            for where, text in (("api", body["error"]), ("ui", shown.group(2))):
                if CLI.search(text):
                    bad.append(f"{where}: {text}")
    assert not bad, "\n".join(bad[:20])


def test_advice_keeps_a_hint_a_client_can_follow() -> None:
    from skillmix.errors.api_codes import A104
    from skillmix.errors.document_codes import D104
    from skillmix.service.advice import for_client

    err = A104("the API key has expired.", hint="Ask an admin to rotate it.")
    assert for_client(err) is err
    moved = for_client(D104("too big.", source="a.pdf", hint="Split it, or raise the "
                                                              "limit (ReadLimits)."))
    assert type(moved).__name__ == "DocumentError" and moved.http_status == 422
    assert str(moved) == ("[D104] a.pdf: too big. Upload a shorter document: split it into "
                          "parts, each within the limit above.")


# ------------------------------------------------------ the trial's codes, end to end


@pytest.fixture
def small_extract(store):  # type: ignore[no-untyped-def]
    """The server with an extraction limit of 300 characters (so D117 is in reach)."""
    from skillmix.io.limits import ExtractLimits
    from skillmix.server import create_app
    from skillmix.service import WorkspaceSettings

    app = create_app(store, settings=WorkspaceSettings(
        max_upload_bytes=64 * 1024, extract_limits=ExtractLimits(max_chars=300)))
    with TestClient(app) as client:
        yield client


def _many_pages() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    for _ in range(201):  # ReadLimits.max_pages is 200
        writer.add_blank_page(width=72, height=72)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


#: (code, file name, body, what the advice says)
TRIAL = [
    ("D104", "many.pdf", _many_pages,
     "Upload a shorter document: split it into parts, each within the limit above."),
    ("D117", "long.txt", lambda: b"Wrote Python and SQL for the analytics team. " * 20,
     "Upload a shorter document: split it into parts, each within the limit above."),
    ("C427", "jobs.csv", lambda: b"title,description\nEngineer,Python\n",
     "Upload each posting or résumé as a file of its own (PDF, DOCX, HTML, text or JSON)."),
]


@pytest.mark.parametrize("code, name, body, advice", TRIAL, ids=[t[0] for t in TRIAL])
def test_advice_trial_codes_in_the_api(small_extract, keys, code, name, body, advice) -> None:  # type: ignore[no-untyped-def]
    resp = small_extract.post("/v1/documents", headers=auth(keys["write"]),
                              data={"kind": "resume"},
                              files={"file": (name, body(), "application/octet-stream")})
    got = resp.json()
    assert got["code"] == code, got
    assert advice in got["error"] and not CLI.search(got["error"]), got


@pytest.mark.parametrize("code, name, body, advice", TRIAL, ids=[t[0] for t in TRIAL])
def test_advice_trial_codes_in_the_ui(small_extract, keys, code, name, body, advice) -> None:  # type: ignore[no-untyped-def]
    page = small_extract.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    small_extract.post("/login", data={"api_key": keys["write"], "csrf": csrf})
    csrf = re.search(r'name="csrf" value="([^"]+)"',  # type: ignore[union-attr]
                     small_extract.get("/").text).group(1)
    resp = small_extract.post("/upload", data={"csrf": csrf, "kind": "resume"},
                              files={"file": (name, body(), "application/octet-stream")})
    assert resp.headers["content-type"].startswith("text/html")
    html = resp.text.replace("&#39;", "'")
    assert f'data-code="{code}"' in html and advice in html, html
    assert not CLI.search(html), html


# ------------------------------------------ advice kept as text, and the pages' own advice

#: what market runs that failed before their advice was the client's keep in their rows
OLD_ERRORS = {
    "K120": ("[K120] corpus 'tiny': the folder holds no finished market run. Run `skillmix "
             "market run CORPUS --out DIR` first (or resume it)."),
    "D115": ("[D115] corpus 'tiny': corpus columns do not fit the mapping: no column 'Blurb' "
             "among ['title', 'text']. Name the column with --column FIELD=NAME (extract, "
             "assess, rank, market run; field_columns= from Python) or pass a preset."),
    "X001": ("[X001] this feature needs the optional package 'duckdb', which is not "
             "installed. Install it with: pip install 'skillmix[market]'"),
    "D104": ("[D104] corpus 'tiny':7: document is over a size limit: 900000 bytes, limit "
             "500000. Split it, or raise the limit (ReadLimits)."),
    # a command a browser has not run: the server runs market jobs itself
    "K132": ("[K132] /runs/mkt_1: 3 partitions did not commit. Run the same command again to "
             "resume."),
    "K130": ("[K130] a worker process died (killed or out of memory). Run the same command "
             "again to resume."),
}


def _command() -> re.Pattern[str]:
    """A skillmix command (``skillmix serve create-key``, ``skillmix market run``) or an
    option, as a page's own text could name one."""
    from skillmix.cli.main import COMMANDS

    names = "|".join(sorted(COMMANDS))
    return re.compile(rf"\bskillmix\s+(?:{names})\b|\bcreate-key\b|(?<![\w-])--[a-z]"
                      r"|\bpip\s+install\b")


def test_advice_client_text_rewrites_stored_advice() -> None:
    """A rendered error's hint naming the command line becomes the client's advice; its
    code and message stay; text naming neither, or naming one only in its message, stays."""
    from skillmix.service.advice import CLIENT_HINTS, client_text

    for code, text in OLD_ERRORS.items():
        got = client_text(text)
        assert got is not None and not CLI.search(got), got
        message = text[:text.index(". ") + 1]
        assert got == f"{message} {CLIENT_HINTS[code]}", got
    assert client_text("[K131] row 3: unreadable. Fix the record or run with "
                       "on_error='collect' or 'skip'.") == "[K131] row 3: unreadable."
    for same in ("[K194] the server stopped. Start the run again.",
                 "[D114] no column '--x' in it. Fix the row.",
                 "[K199] market run failed: ValueError: x", "no code. Run --x", "", None):
        assert client_text(same) == same


def test_advice_old_market_run_shown_with_client_advice(store, keys) -> None:  # type: ignore[no-untyped-def]
    """A run whose row keeps the library's advice is shown with the client's, in the API
    (the run, the list, its failed records) and on its page (which still links back to the
    form for a columns error); the row itself is left as it is."""
    from skillmix.server import create_app
    from skillmix.service.advice import CLIENT_HINTS
    from skillmix.store import repo

    failed = repo.create_job(store, "market", {"corpus": "tiny", "preset": None,
                                               "columns": {"description": "Blurb"}},
                             actor="someone")
    repo.finish_job(store, failed.id, error=OLD_ERRORS["D115"])
    done = repo.create_job(store, "market", {"corpus": "tiny"}, actor="someone")
    repo.finish_job(store, done.id, result={"summary": {"done": 1, "failures": [
        {"source": "corpus 'tiny':7", "code": "D104", "error": OLD_ERRORS["D104"]}]}})
    h = auth(keys["read"])
    with TestClient(create_app(store)) as client:
        one = client.get(f"/v1/market/runs/{failed.id}", headers=h).json()["job"]
        assert one["error"].endswith(CLIENT_HINTS["D115"]) and not CLI.search(one["error"])
        listed = {j["id"]: j for j in client.get("/v1/market/runs", headers=h).json()["runs"]}
        assert listed[failed.id]["error"] == one["error"]
        for job in (listed[done.id], client.get(f"/v1/market/runs/{done.id}",
                                                headers=h).json()["job"]):
            (failure,) = job["result"]["summary"]["failures"]
            assert failure["error"].endswith(CLIENT_HINTS["D104"]), failure
            assert failure["code"] == "D104" and not CLI.search(failure["error"])
        csrf = re.search(r'name="csrf" value="([^"]+)"',  # type: ignore[union-attr]
                         client.get("/login").text).group(1)
        client.post("/login", data={"api_key": keys["read"], "csrf": csrf})
        page = client.get(f"/market/{failed.id}").text.replace("&#39;", "'").replace(
            "&#34;", '"').replace("&quot;", '"')
        shown = re.search(r'<div class="error" id="job-error"><p>(.*?)</p>', page, re.S)
        assert shown is not None and shown.group(1) == one["error"], page
        assert 'id="retry-columns"' in page and not _command().search(page)
    assert repo.get_job(store, failed.id).error == OLD_ERRORS["D115"]  # rows unchanged
    assert repo.get_job(store, done.id).result["summary"]["failures"][0]["error"] \
        == OLD_ERRORS["D104"]


def test_advice_pages_say_what_to_do_there(store, keys) -> None:  # type: ignore[no-untyped-def]
    """The sign-in page and the market page without a corpus told a browser's user to run
    ``skillmix serve create-key`` and ``skillmix serve --corpus``; they give
    :data:`~skillmix.service.advice.NOTES`' advice (whom to ask) instead."""
    from html import unescape

    from skillmix.server import create_app
    from skillmix.service.advice import NOTES

    with TestClient(create_app(store)) as client:
        login = client.get("/login").text
        assert NOTES["get_key"] in unescape(login) and not _command().search(login)
        csrf = re.search(r'name="csrf" value="([^"]+)"', login).group(1)  # type: ignore[union-attr]
        client.post("/login", data={"api_key": keys["admin"], "csrf": csrf})
        market = client.get("/market").text
        assert NOTES["no_corpus"] in unescape(market) and not _command().search(market)


def test_advice_no_page_or_api_document_names_a_command(app) -> None:  # type: ignore[no-untyped-def]
    """No template of the UI (nor a shared one, but for a title) and nothing in the
    OpenAPI document names a skillmix command or an option; nor does any page note."""
    import json

    from skillmix.service.advice import NOTES

    command = _command()
    for folder in (SRC / "web" / "templates", SRC / "templates"):
        for path in sorted(folder.glob("*.html")):
            text = re.sub(r"\{% block title %\}.*?\{% endblock %\}", "",
                          path.read_text(encoding="utf-8"))
            assert not command.search(text), (path.name, command.search(text))
    assert not command.search(json.dumps(app.openapi(), ensure_ascii=False))
    for topic, advice in NOTES.items():
        assert not CLI.search(advice) and not command.search(advice), topic
