"""One unit of work per use case: a process killed between the writes of an assessment or
a ranking (after its decision-log entry and scorecard/ranking rows are written, before its
audit row) leaves neither half committed; the log still verifies and the next run works.

The kill is real: a child process runs the use case with the audit write replaced by
``os._exit``, so nothing after it runs (no rollback, no clean-up), as in a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")

_CHILD = r"""
import os, sys
url, files, use_case, target = sys.argv[1:5]
from skillmix.service import Workspace, WorkspaceSettings, assess_candidate, rank_posting
from skillmix.store import Store
import skillmix.store.commit as commit

def crash(*args, **kwargs):
    os._exit(70)  # killed between the result's rows and its audit row

real = commit.insert_rows
commit.insert_rows = lambda conn, table, rows: crash() if table.name == "audit_log" else real(conn, table, rows)
ws = Workspace(Store(url, files_dir=files, migrate=False), WorkspaceSettings(sandbox=False))
if use_case == "assess":
    assess_candidate(ws, target, actor="k")
else:
    rank_posting(ws, target, actor="k")
sys.exit(0)
"""


def _counts(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from skillmix.store.models import (AuditRow, DecisionHeadRow, DecisionLogRow, DerivedRow,
                                       RankingRow, ScorecardRow)

    with store.session() as sess:
        return {
            "scorecards": sess.scalar(select(func.count()).select_from(ScorecardRow)),
            "rankings": sess.scalar(select(func.count()).select_from(RankingRow)),
            "decisions": sess.scalar(select(func.count()).select_from(DecisionLogRow)),
            "head": sess.scalar(select(DecisionHeadRow.seq)),
            "derived": sess.scalar(select(func.count()).select_from(DerivedRow)),
            "audit": sess.scalar(select(func.count()).select_from(AuditRow).where(
                AuditRow.action.in_(("candidate.assess", "posting.rank")))),
        }


@pytest.mark.parametrize("use_case", ["assess", "rank"])
def test_unit_of_work_killed_mid_use_case_commits_nothing(db_url: str, tmp_path: Path,
                                                          use_case: str) -> None:
    from skillmix.service import (Workspace, WorkspaceSettings, assess_candidate, decision_log,
                                  rank_posting)
    from skillmix.store import Store

    files = tmp_path / "files"
    store = Store(db_url, files_dir=files)
    ws = Workspace(store, WorkspaceSettings(sandbox=False))
    cand = ws.ingest(b"Dana Reyes\nSocial media manager: Hootsuite, SEO, paid social, "
                     b"analytics with Python.\n", filename="dana.txt", kind="resume",
                     actor="k").stored.candidate_id
    post = ws.ingest(b"Social media manager. Requirements: SEO, Hootsuite, Python.\n",
                     filename="post.txt", kind="posting", actor="k").stored.posting_id
    assess_candidate(ws, cand, actor="k", blind=False)  # one committed run before the crash
    before = _counts(store)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(Path(__file__).resolve().parents[2] / "src"), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", _CHILD, db_url, str(files), use_case,
                           cand if use_case == "assess" else post],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 70, done.stderr[-2000:]  # it did reach the crash point
    assert _counts(store) == before  # neither the result nor its log entry (nor the cache)
    assert decision_log(ws).verify() == before["decisions"]
    # the next use case continues the chain where the committed ones left it
    res = rank_posting(ws, post, actor="k") if use_case == "rank" else assess_candidate(ws, cand, actor="k")
    after = _counts(store)
    assert after["decisions"] == before["decisions"] + 1 == after["head"]
    assert res.data["decision"] and decision_log(ws).verify() == after["decisions"]
    store.dispose()
