"""Load test of the REST API: N concurrent clients on loopback against assess and rank.

Starts ``skillmix serve --workers N`` (uvicorn workers; default N: the CPU count) on a free
loopback port over a fresh SQLite workspace, fills it with résumés and one posting, then runs two phases with the same number
of concurrent clients (asyncio + httpx):

1. baseline: ``GET /health`` (no key, no database work) for ``--baseline-seconds``;
2. load: each client alternates ``POST /v1/assess`` (a random candidate, blind mode, the
   default profile) and ``POST /v1/rank`` (the posting against every candidate, blind) for
   ``--seconds``.

It prints requests/s, p50 and p99 latency and errors per endpoint, and each endpoint's
throughput as a ratio of the baseline measured in the same run. Every assess and rank also
writes a scorecard or ranking, a decision-log entry and an audit entry, so the figures
include those writes. Usage::

    .venv/bin/python bench/api_load.py                 # 50 clients, 60 s (the issue's spec)
    .venv/bin/python bench/api_load.py --clients 10 --seconds 10 --resumes 8   # quick
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "skillmix" / "demo"
SHARED = Path(os.environ.get("SKILLMIX_SHARED_DATA", ROOT.parent / "shared" / "data"))


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    codes: dict[str, int] = field(default_factory=dict)

    def add(self, seconds: float, status: int | str) -> None:
        if isinstance(status, int) and status < 400:
            self.latencies.append(seconds)
        else:
            self.errors += 1
            self.codes[str(status)] = self.codes.get(str(status), 0) + 1

    def row(self, name: str, seconds: float, base_rps: float | None) -> str:
        n = len(self.latencies)
        lat = sorted(self.latencies)
        p50 = statistics.median(lat) * 1000 if lat else float("nan")
        p99 = lat[min(n - 1, int(0.99 * n))] * 1000 if lat else float("nan")
        rps = n / seconds
        ratio = f"{rps / base_rps:8.4f}" if base_rps else "   1.0000"
        codes = f"  {self.codes}" if self.codes else ""
        return f"{name:<14}{n:>9}{rps:>10.1f}{p50:>10.1f}{p99:>10.1f}{self.errors:>8}{ratio}{codes}"


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its descendants that
    are still running (Linux /proc; 0.0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _resumes(n: int) -> list[Path]:
    files = [DEMO / "resume.txt", DEMO / "consumer_resume.txt"]
    for cat in ("DIGITAL-MEDIA", "PUBLIC-RELATIONS", "INFORMATION-TECHNOLOGY", "SALES"):
        files += sorted((SHARED / "resumes" / "livecareer" / cat).glob("*.pdf"))
    return files[:n]


def prepare(workdir: Path, n_resumes: int, db: str | None) -> tuple[str, str, list[str], str]:
    """Fill a workspace: returns (db URL, admin token, candidate ids, posting id).

    ``db`` is a PostgreSQL URL whose public schema is emptied first, or None for a new
    SQLite file in ``workdir``.
    """
    from skillmix.store import Store, create_key
    from skillmix.service import Workspace, WorkspaceSettings

    if db is None:
        db = str(workdir / "bench.sqlite")
    else:
        from sqlalchemy import create_engine

        from skillmix.store.db import normalise_url

        engine = create_engine(normalise_url(db))
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
        engine.dispose()
    store = Store(db, files_dir=workdir / "files")
    ws = Workspace(store, WorkspaceSettings(sandbox=False))
    token = create_key(store, "bench", "admin").token
    cands = []
    for path in _resumes(n_resumes):
        got = ws.ingest(path.read_bytes(), filename=path.name, kind="resume", actor="bench")
        cands.append(got.stored.candidate_id)
    post = ws.ingest((DEMO / "posting.html").read_bytes(), filename="posting.html",
                     kind="posting", actor="bench").stored.posting_id
    store.dispose()
    return db, token, cands, post


def _verify(db: str, files: Path) -> str:
    """What ``skillmix decisions verify`` says of the log the server processes wrote."""
    from skillmix.fairness.log import DecisionLog
    from skillmix.store import Store
    from skillmix.store.decisions import DbLogSink, store_anchor

    store = Store(db, files_dir=files, migrate=False)
    try:
        n, findings = DecisionLog(DbLogSink(store), anchor=store_anchor(store)).check()
    finally:
        store.dispose()
    if findings:
        return f"{n} entries, {len(findings)} findings: {findings[0].render()}"
    return f"{n} entries, one unbroken chain (signed, head anchored)"


async def _client(base: str, token: str, plan, stats: dict[str, Stats], stop: float) -> None:  # type: ignore[no-untyped-def]
    import httpx

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=120) as http:
        i = 0
        while time.perf_counter() < stop:
            name, method, path, body = plan(i)
            i += 1
            t0 = time.perf_counter()
            try:
                resp = await http.request(method, path, json=body)
                status: int | str = resp.status_code
            except Exception as err:  # noqa: BLE001 - counted as an error, the run goes on
                status = type(err).__name__
            stats[name].add(time.perf_counter() - t0, status)


async def phase(base: str, token: str, clients: int, seconds: float, plan, names: list[str]) -> tuple[dict[str, Stats], float]:  # type: ignore[no-untyped-def]
    stats = {n: Stats() for n in names}
    t0 = time.perf_counter()
    stop = t0 + seconds
    await asyncio.gather(*(_client(base, token, plan(c), stats, stop) for c in range(clients)))
    return stats, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--baseline-seconds", type=float, default=15.0)
    ap.add_argument("--resumes", type=int, default=20, help="candidates in the workspace")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder (server log, data)")
    ap.add_argument("--workers", type=int, default=None,
                    help="server processes (default: what skillmix serve picks, the CPU count)")
    ap.add_argument("--db", default=None,
                    help="a PostgreSQL URL to use (its public schema is DROPPED); default: a new SQLite file")
    args = ap.parse_args()

    load_at_start = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="skillmix-bench-"))
    db, token, cands, post = prepare(workdir, args.resumes, args.db)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    from skillmix.server import default_workers

    workers = args.workers or default_workers()
    log = open(workdir / "server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "skillmix", "serve", "--db", db, "--files-dir",
         str(workdir / "files"), "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers)],
        stdout=log, stderr=subprocess.STDOUT, cwd=workdir)
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"server did not start; see {workdir / 'server.log'}")
            time.sleep(0.2)

        def health_plan(c: int):  # type: ignore[no-untyped-def]
            return lambda i: ("GET /health", "GET", "/health", None)

        def load_plan(c: int):  # type: ignore[no-untyped-def]
            rnd = random.Random(c)

            def step(i: int):  # type: ignore[no-untyped-def]
                if (i + c) % 2 == 0:
                    return ("POST /v1/assess", "POST", "/v1/assess", {"candidate_id": rnd.choice(cands)})
                return ("POST /v1/rank", "POST", "/v1/rank", {"posting_id": post, "top": 10})

            return step

        # warm-up: first assess/rank load taxonomy, profiles and the redactor in the server
        asyncio.run(phase(base, token, 2, 3, load_plan, ["POST /v1/assess", "POST /v1/rank"]))
        base_stats, base_t = asyncio.run(phase(base, "", args.clients, args.baseline_seconds,
                                               health_plan, ["GET /health"]))
        cpu0, own0 = _tree_cpu(server.pid), time.process_time()
        load_stats, load_t = asyncio.run(phase(base, token, args.clients, args.seconds, load_plan,
                                               ["POST /v1/assess", "POST /v1/rank"]))
        server_cpu, client_cpu = _tree_cpu(server.pid) - cpu0, time.process_time() - own0
    finally:
        server.terminate()
        server.wait(10)
        log.close()
        verified = _verify(db, workdir / "files")
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    base_rps = len(base_stats["GET /health"].latencies) / base_t
    backend = "PostgreSQL" if args.db else "SQLite (WAL)"
    print(f"skillmix API load: {args.clients} concurrent clients on loopback, {workers} uvicorn "
          f"worker(s), {backend}, {len(cands)} candidates, blind mode on; {os.cpu_count()} CPUs, "
          f"load average {load_at_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print(f"baseline phase {base_t:.1f} s, load phase {load_t:.1f} s (assess and rank interleaved)")
    print(f"{'endpoint':<14}{'requests':>9}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}"
          f"{'  x health':>9}")
    print(base_stats["GET /health"].row("GET /health", base_t, None))
    for name in ("POST /v1/assess", "POST /v1/rank"):
        print(load_stats[name].row(name.replace("POST /v1/", "POST "), load_t, base_rps))
    total = sum(len(s.latencies) for s in load_stats.values())
    errors = sum(s.errors for s in load_stats.values())
    print(f"assess+rank together: {total / load_t:.1f} req/s, {errors} errors "
          f"({json.dumps({n: s.codes for n, s in load_stats.items() if s.codes})})")
    if total:
        print(f"CPU in the load phase: server {server_cpu:.1f} s ({1000 * server_cpu / total:.1f} ms "
              f"per request), these clients {client_cpu:.1f} s, of {load_t * (os.cpu_count() or 1):.0f} "
              f"CPU-seconds the machine had")
    print(f"decision log after the run: {verified}")


if __name__ == "__main__":
    main()
