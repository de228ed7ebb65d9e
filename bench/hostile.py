"""Hostile-input bench: replays the inputs of issue #20 against a loopback ``skillmix serve``.

Starts ``skillmix serve`` on 127.0.0.1 (a free port, a fresh SQLite workspace in a temporary
folder, 10 MB upload limit), makes keys with ``serve create-key``, uploads one résumé and
one posting, then sends each hostile input once (bounded loops, nothing leaves loopback):

* profile taxonomies naming server files (``lightcast:/etc/passwd``, ``/proc/self/environ``,
  ``/dev/zero``...) through the API and the web profile editor;
* bodies far over the limit with no key: declared (150 MB ``Content-Length``), streamed
  (chunked, no length) and four in parallel to ``/v1/rank``;
* malformed multipart (boundary over 256 characters, a 5,000-character part header, a
  header with no colon, random bytes), random JSON bodies, huge ``offset`` values;
* a 4.9 MB text résumé (inside the upload limit, over the extraction limit), a fake PDF,
  overrides for runs that do not exist, bad and missing keys.

While it runs a thread samples the server's memory (RSS of the server and its children)
every 20 ms. It prints: inputs tried, answers with a coded error envelope, 500s, tracebacks
in the server's log, peak server memory, the longest answer, and answers over the time
limit. The server is killed if it grows past 3 GB (:data:`MEMORY_GUARD`): on the commit
before the hardening of issue #20 (82c2039) a ``lightcast:/dev/zero`` profile grew the
server to 21 GB before the kernel's OOM killer stopped it. Usage::

    .venv/bin/python bench/hostile.py            # about a minute on a quiet machine
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "skillmix" / "demo"
HOST = "127.0.0.1"
TIME_LIMIT_S = 30.0
MB = 1024 * 1024


@dataclass
class Tally:
    tried: int = 0
    coded: int = 0
    server_errors: int = 0
    refused_early: int = 0
    accepted: int = 0
    early: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    longest: tuple[float, str] = (0.0, "")
    over_time: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, name: str, seconds: float, status: int | None, body: bytes) -> None:
        with self.lock:
            self.tried += 1
            if seconds > self.longest[0]:
                self.longest = (seconds, name)
            if seconds > TIME_LIMIT_S:
                self.over_time += 1
            if status is not None and status >= 500:
                self.server_errors += 1
            if status is None:
                self.refused_early += 1  # the server closed the connection before we finished
                self.early.append(f"{name}: {body[:80]!r}")
                return
            if status < 400:
                self.accepted += 1  # e.g. a listing that has no such parameter ignores it
                return
            try:
                env = json.loads(body)
                if isinstance(env, dict) and env.get("ok") is False and re.fullmatch(
                        r"[A-Z]\d{3}", str(env.get("code", ""))) and 400 <= status < 500:
                    self.coded += 1
                    return
            except ValueError:
                if re.search(rb"\[[A-Z]\d{3}\]", body):  # web pages render the code in HTML
                    if 400 <= status < 500:
                        self.coded += 1
                        return
            self.other.append(f"{name}: {status} {body[:120]!r}")


#: the bench kills a server that grows past this (a shared machine must not swap or OOM)
MEMORY_GUARD = 3 * 1024 * MB


class Memory(threading.Thread):
    """Samples the server's RSS (with its children) until stopped; keeps the peak, and kills
    the server if it passes :data:`MEMORY_GUARD` (reported as a failure)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        import psutil

        self.proc = psutil.Process(pid)
        self.peak = 0
        self.killed = False
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in procs)
                self.peak = max(self.peak, rss)
                if rss > MEMORY_GUARD:
                    self.killed = True
                    for p in procs:
                        p.kill()
            except Exception:  # noqa: BLE001 - a child may exit between the calls
                pass
            time.sleep(0.02)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _raw(port: int, head: bytes, body_chunks, *, read_timeout: float = TIME_LIMIT_S) -> tuple[int | None, bytes]:  # type: ignore[no-untyped-def]
    """Send a request by hand (to control length and chunking); stop sending as soon as
    the server answers. Returns (status or None if it closed without one, body)."""
    sock = socket.create_connection((HOST, port), timeout=read_timeout)
    got = b""
    try:
        sock.sendall(head)
        for chunk in body_chunks:
            ready, _, _ = select.select([sock], [], [], 0)
            if ready:
                break
            try:
                sock.sendall(chunk)
            except OSError:
                break
        sock.settimeout(read_timeout)
        while True:
            try:
                part = sock.recv(65536)
            except OSError:
                break
            if not part:
                break
            got += part
            if b"\r\n\r\n" in got:
                head_end = got.index(b"\r\n\r\n")
                m = re.search(rb"content-length: *(\d+)", got[:head_end], re.I)
                if m and len(got) - head_end - 4 >= int(m.group(1)):
                    break
    finally:
        sock.close()
    m = re.match(rb"HTTP/1\.[01] (\d{3})", got)
    if not m:
        return None, got
    return int(m.group(1)), got.split(b"\r\n\r\n", 1)[-1]


def _head(method: str, path: str, headers: dict[str, str]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _chunked(total: int, size: int = 64 * 1024):  # type: ignore[no-untyped-def]
    block = b"[" + b"1," * (size // 2 - 1) + b"1"
    sent = 0
    while sent < total:
        yield f"{len(block):x}\r\n".encode() + block + b"\r\n"
        sent += len(block)
    yield b"0\r\n\r\n"


def _declared(total: int, size: int = 64 * 1024):  # type: ignore[no-untyped-def]
    block = b" " * size
    for _ in range(total // size):
        yield block


def run(port: int, tokens: dict[str, str], ids: dict[str, str], tally: Tally) -> None:
    import httpx

    base = f"http://{HOST}:{port}"
    http = httpx.Client(base_url=base, timeout=TIME_LIMIT_S + 30)

    def timed(name: str, fn) -> None:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            status, body = fn()
        except (httpx.HTTPError, OSError) as err:
            status, body = None, repr(err).encode()
        tally.add(name, time.perf_counter() - t0, status, body)

    def req(name: str, method: str, path: str, **kw) -> None:  # type: ignore[no-untyped-def]
        def go():  # type: ignore[no-untyped-def]
            r = http.request(method, path, **kw)
            return r.status_code, r.content
        timed(name, go)

    auth = {s: {"Authorization": f"Bearer {t}"} for s, t in tokens.items()}
    specs = ["lightcast:/etc/passwd", "lightcast:/proc/self/environ", "lightcast:/dev/zero",
             "esco:/etc/passwd", "onet:/dev/zero", "/proc/self/environ", "/etc/passwd.yaml",
             "builtin+lightcast:/etc/passwd", "esco:/proc/self/environ", "lightcast:/root/.ssh/id_rsa"]
    for spec in specs:
        text = f"version: 1\ntaxonomy: '{spec}'\nareas: [{{id: technology, weight: 1}}]\n"
        req(f"api profile {spec}", "PUT", "/v1/profiles/hostile", content=text,
            headers={**auth["write"], "content-type": "text/plain"})
    laughs = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi"))
    for name, text in {"yaml billion laughs": laughs,
                       "yaml python tag": "!!python/object/apply:os.system ['id']\n",
                       "yaml deep nesting": "[" * 5000 + "]" * 5000,
                       "profile 1.9 MB": "version: 1\nareas: []\n# " + "x" * 1_900_000}.items():
        req(name, "PUT", "/v1/profiles/hostile", content=text,
            headers={**auth["write"], "content-type": "text/plain"})
    # the web profile editor
    web = httpx.Client(base_url=base, timeout=TIME_LIMIT_S + 30)
    try:
        page = web.get("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        web.post("/login", data={"api_key": tokens["admin"], "csrf": csrf})
        csrf = re.search(r'name="csrf" value="([^"]+)"', web.get("/").text).group(1)
    except (httpx.HTTPError, AttributeError):
        csrf = ""  # the server is down: every request below counts as unanswered
    for spec in specs:
        text = f"version: 1\ntaxonomy: '{spec}'\nareas: [{{id: technology, weight: 1}}]\n"

        def post(text=text):  # type: ignore[no-untyped-def]
            r = web.post("/profiles/hostile", data={"csrf": csrf, "text": text})
            return r.status_code, r.content
        timed(f"web profile {spec}", post)

    # hostile web forms
    for name, path, data in [
            ("web rank huge top", "/postings/x/rank", {"top": "9" * 40}),
            ("web rank bad top", "/postings/x/rank", {"top": "abc"}),
            ("web assess unknown", f"/candidates/{ids['candidate']}/assess",
             {"profile": "../../etc/passwd"}),
            ("web market unknown corpus", "/market", {"corpus": "/etc/passwd"}),
            ("web erase unknown", "/candidates/cand_nope/erase", {}),
            ("web profile bad id", "/profiles/..%2F..%2Fetc", {"text": "version: 1"})]:
        def form(path=path, data=data):  # type: ignore[no-untyped-def]
            r = web.post(path, data={"csrf": csrf, **data})
            return r.status_code, r.content
        timed(name, form)
    for name, key in [("web login long key", "smk_" + "a" * 10_000), ("web login junk", "\x00" * 50)]:
        def login(key=key):  # type: ignore[no-untyped-def]
            c = httpx.Client(base_url=base, timeout=TIME_LIMIT_S + 30)
            try:
                tok = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text).group(1)
                r = c.post("/login", data={"api_key": key, "csrf": tok})
                return r.status_code, r.content
            finally:
                c.close()
        timed(name, login)

    # bodies over the limit, no key: declared, streamed, and four in parallel
    big = 150 * MB
    for path in ("/v1/assess", "/v1/rank", "/v1/profiles/x", "/v1/decisions/overrides"):
        method = "PUT" if "profiles" in path else "POST"
        timed(f"declared 150MB {path}", lambda p=path, m=method: _raw(
            port, _head(m, p, {"Content-Type": "application/json", "Content-Length": str(big)}),
            _declared(big)))
        timed(f"chunked 50MB {path}", lambda p=path, m=method: _raw(
            port, _head(m, p, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}),
            _chunked(50 * MB)))
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for f in [pool.submit(timed, f"parallel chunked 150MB /v1/rank #{i}", lambda: _raw(
                port, _head("POST", "/v1/rank", {"Content-Type": "application/json",
                                                 "Transfer-Encoding": "chunked"}),
                _chunked(150 * MB))) for i in range(4)]:
            f.result()
    # malformed multipart and bodies
    mp = {"long boundary": ("b" * 300, b"--" + b"b" * 300 + b"\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--" + b"b" * 300 + b"--\r\n"),
          "huge part header": ("bb", b"--bb\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + b"a" * 5000 + b".txt\"\r\n\r\nhi\r\n--bb--\r\n"),
          "header without colon": ("bb", b"--bb\r\nNoColonHere\r\n\r\nhi\r\n--bb--\r\n"),
          "random multipart": ("bb", os.urandom(20000)),
          "many tiny parts": ("bb", b"".join(b"--bb\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nx\r\n" % i for i in range(3000)) + b"--bb--\r\n")}
    for name, (boundary, body) in mp.items():
        for path in ("/v1/documents", "/upload"):
            headers = {**auth["write"], "content-type": f"multipart/form-data; boundary={boundary}"}
            if path == "/upload":
                def up(body=body, headers=headers):  # type: ignore[no-untyped-def]
                    r = web.post(path, content=body, headers=headers)
                    return r.status_code, r.content
                timed(f"{name} {path}", up)
            else:
                req(f"{name} {path}", "POST", path, content=body, headers=headers)
    for path in ("/v1/assess", "/v1/rank", "/v1/decisions/overrides", "/v1/keys"):
        for i, body in enumerate([os.urandom(5000), b"[]", b"5", b"{}", b"null",
                                  b'{"candidate_id": ' + b"[" * 5000 + b"]" * 5000 + b"}",
                                  json.dumps({"candidate_id": "x" * 100_000}).encode()]):
            req(f"random body {i} {path}", "POST", path, content=body,
                headers={**auth["admin"], "content-type": "application/json"})
    for path in ("/v1/candidates", "/v1/postings", "/v1/taxonomies/builtin/skills", "/v1/audit",
                 "/v1/decisions"):
        for q in ("offset=" + "9" * 40, "limit=" + "9" * 40, "offset=-1", "limit=abc"):
            req(f"{q[:12]} {path}", "GET", f"{path}?{q}", headers=auth["admin"])
    # documents that cost more than their size
    huge = (b"Social media manager: SEO, Python, TikTok, community management. " * 76_000)[:int(4.9 * MB)]
    req("4.9MB text resume", "POST", "/v1/documents", headers=auth["write"],
        files={"file": ("big.txt", huge, "text/plain")}, data={"kind": "resume"})
    req("fake pdf", "POST", "/v1/documents", headers=auth["write"],
        files={"file": ("a.pdf", b"%PDF-1.7\n" + os.urandom(4000), "application/pdf")},
        data={"kind": "resume"})
    req("upload over limit", "POST", "/v1/documents", headers=auth["write"],
        files={"file": ("big.txt", b"x" * (11 * MB), "text/plain")}, data={"kind": "resume"})
    # overrides and keys
    req("override unknown run", "POST", "/v1/decisions/overrides", headers=auth["write"],
        json={"run_id": "f" * 32, "candidate_id": ids["candidate"], "decision": "advance",
              "reason": "x"})
    for bad in ("smk_0123456789ab_nope", "smk_", "Bearer", "x" * 10_000):
        req("bad key", "POST", "/v1/assess", headers={"Authorization": f"Bearer {bad}"},
            json={"candidate_id": ids["candidate"]})
    req("read key writes", "POST", "/v1/assess", headers=auth["read"],
        json={"candidate_id": ids["candidate"]})
    http.close()
    web.close()


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="skillmix-hostile-"))
    db = f"sqlite:///{tmp / 'hostile.sqlite'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cli = [sys.executable, "-m", "skillmix"]
    tokens = {}
    for scope in ("read", "write", "admin"):
        out = subprocess.run([*cli, "serve", "--db", db, "create-key", f"bench-{scope}",
                              "--scopes", scope], env=env, capture_output=True, text=True,
                             check=True)
        tokens[scope] = out.stdout.strip().splitlines()[-1]
    port = _free_port()
    log = open(tmp / "server.log", "wb")
    server = subprocess.Popen([*cli, "serve", "--db", db, "--host", HOST, "--port", str(port),
                               "--max-upload-mb", "10"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        import httpx

        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(f"http://{HOST}:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start; see " + str(tmp / "server.log"))
            time.sleep(0.2)
        memory = Memory(server.pid)
        memory.start()
        baseline = 0
        time.sleep(0.3)
        baseline = memory.peak
        h = {"Authorization": f"Bearer {tokens['admin']}"}
        cand = httpx.post(f"http://{HOST}:{port}/v1/documents", headers=h, timeout=60,
                          files={"file": ("resume.txt", (DEMO / "resume.txt").read_bytes())},
                          data={"kind": "resume"}).json()["document"]["candidate_id"]
        tally = Tally()
        t0 = time.perf_counter()
        run(port, tokens, {"candidate": cand}, tally)
        wall = time.perf_counter() - t0
        try:
            alive = httpx.get(f"http://{HOST}:{port}/health", timeout=5).status_code == 200
        except httpx.HTTPError:
            alive = False
        memory.stop.set()
        memory.join()
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    text = (tmp / "server.log").read_text("utf-8", "replace")
    tracebacks = text.count("Traceback (most recent call last)")
    leaked = sum(text.count(s) for s in ("root:x:0:0",))
    print(f"hostile inputs against skillmix serve on {HOST}:{port} ({wall:.1f} s)")
    print(f"  tried                 {tally.tried}")
    print(f"  coded 4xx answers     {tally.coded}")
    print(f"  accepted (2xx)        {tally.accepted}")
    print(f"  closed, no answer     {tally.refused_early}")
    for line in tally.early[:10]:
        print(f"    {line}")
    print(f"  500s                  {tally.server_errors}")
    print(f"  tracebacks in log     {tracebacks}")
    print(f"  other answers         {len(tally.other)}")
    for line in tally.other[:20]:
        print(f"    {line}")
    print(f"  peak server memory    {memory.peak / MB:.0f} MB (idle {baseline / MB:.0f} MB)")
    print(f"  longest answer        {tally.longest[0]:.2f} s ({tally.longest[1]})")
    print(f"  over {TIME_LIMIT_S:g} s            {tally.over_time}")
    print(f"  server still up       {alive}; killed by the bench's {MEMORY_GUARD // MB} MB "
          f"guard: {memory.killed}; /etc/passwd content in log: {leaked}")
    print(f"  workspace and log in  {tmp}")


if __name__ == "__main__":
    main()
