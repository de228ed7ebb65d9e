"""``skillmix serve --workers 2`` is a real multi-process server: two uvicorn workers
answer concurrent assessments and rankings on one database (SQLite file or PostgreSQL),
and afterwards ``skillmix decisions verify`` proves one unbroken decision chain."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def test_serve_workers_share_one_decision_chain(db_url: str, tmp_path: Path, capsys) -> None:
    from skillmix.service import Workspace, WorkspaceSettings
    from skillmix.store import Store, create_key

    files = tmp_path / "files"
    store = Store(db_url, files_dir=files)
    ws = Workspace(store, WorkspaceSettings(sandbox=False))
    cands = [ws.ingest(f"Person {i}\nSocial media manager: SEO, Hootsuite, Python {i}.\n".encode(),
                       filename=f"r{i}.txt", kind="resume", actor="t").stored.candidate_id
             for i in range(3)]
    post = ws.ingest(b"Social media manager. Requirements: SEO, Python.\n", filename="p.txt",
                     kind="posting", actor="t").stored.posting_id
    token = create_key(store, "t", "admin").token
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(Path(__file__).resolve().parents[2] / "src"), os.environ.get("PYTHONPATH", "")])}
    server = subprocess.Popen([sys.executable, "-m", "skillmix", "serve", "--db", db_url,
                               "--files-dir", str(files), "--port", str(port), "--workers", "2"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        assert len(_children(server.pid)) >= 2  # the supervisor and its two workers

        def call(i: int) -> int:
            body = ({"candidate_id": cands[i % 3]} if i % 2 else {"posting_id": post, "top": 3})
            path = "/v1/assess" if i % 2 else "/v1/rank"
            return httpx.post(base + path, json=body, timeout=120,
                              headers={"Authorization": f"Bearer {token}"}).status_code

        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(call, range(24)))
        assert codes == [201] * 24
    finally:
        server.terminate()
        server.wait(30)
    from skillmix.cli.main import main

    main(["decisions", "verify", "--json", "--db", db_url, "--files-dir", str(files)])
    assert json.loads(capsys.readouterr().out) == {"ok": True, "entries": 24, "findings": []}
    store.dispose()
