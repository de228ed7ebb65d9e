"""A JSON Resume says who the candidate is (``basics.name``): an upload without a name
field keeps it (a new-user trial found the candidate shown as "r4.json"), and its
``interests`` are read as pastimes, not dropped."""

from __future__ import annotations

import json

import pytest

from skillmix.extract import get_extractor
from skillmix.io import read_document
from skillmix.service import Workspace, WorkspaceSettings
from skillmix.store import repo

RESUME = {
    "basics": {"name": "Jordan Reyes", "label": "Social Media Engineer",
               "summary": "Engineer who builds social publishing tools."},
    "work": [{"name": "Acme Media", "position": "Community Manager", "startDate": "2015-06-01",
              "endDate": "2019-02-28",
              "summary": "Ran the brand's Facebook community and answered complaints."}],
    "interests": [{"name": "Gaming", "keywords": ["Twitch streaming", "Reddit"]}],
}


@pytest.fixture
def workspace(store) -> Workspace:  # type: ignore[no-untyped-def]
    return Workspace(store, WorkspaceSettings(sandbox=False))


def test_json_resume_name_is_the_candidates(workspace: Workspace) -> None:
    data = json.dumps(RESUME).encode()
    got = workspace.ingest(data, filename="r4.json", kind="resume", actor="t")
    assert got.stored.candidate_id is not None
    assert repo.get_candidate(workspace.store, got.stored.candidate_id).name == "Jordan Reyes"
    # a name given with the upload wins
    other = workspace.ingest(data, filename="r5.json", kind="resume", actor="t",
                             candidate_name="J. R.")
    assert repo.get_candidate(workspace.store, other.stored.candidate_id).name == "J. R."
    # a plain text résumé gets no name from its text
    plain = workspace.ingest(b"Jordan Reyes\nSummary\nCommunity manager.\n", filename="r.txt",
                             kind="resume", actor="t")
    assert repo.get_candidate(workspace.store, plain.stored.candidate_id).name is None


def test_json_resume_interests_are_pastimes() -> None:
    doc = read_document(json.dumps(RESUME).encode(), name="r4.json", sandbox=False)
    assert "Interests\nGaming: Twitch streaming, Reddit" in doc.text
    ext = get_extractor("builtin").extract(doc)
    got = {m.skill_id: m.usage for m in ext.mentions if m.skill_id in ("reddit", "twitch")}
    assert got == {"reddit": "consumer", "twitch": "consumer"}
