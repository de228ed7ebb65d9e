"""Fixtures for the match tests: real demo documents and seeded synthetic pools built from
the builtin taxonomy's real skills (labels written into the text, spans pointing at them)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from skillmix.match import MatchDocument, MatchParams, SkillFeature, to_match_document
from skillmix.taxonomy import load_taxonomy

DEMO = Path(__file__).resolve().parents[2] / "src" / "skillmix" / "demo"
AS_OF = date(2026, 11, 25)


def synthetic(kind: str, i: int, skills: list[tuple[str, str, float]], label: dict[str, str]) -> MatchDocument:
    parts, feats, pos = [], [], 0
    for sid, level, years in skills:
        sent = f"Worked on {label[sid]} every week."
        start = pos + len("Worked on ")
        feats.append(SkillFeature(sid, level, years, None, start, start + len(label[sid]), pos,
                                  pos + len(sent)))
        parts.append(sent)
        pos += len(sent) + 1
    return MatchDocument(f"{kind}-{i:03d}", kind, " ".join(parts), tuple(feats), title=f"{kind} {i}")


@pytest.fixture(scope="session")
def params() -> MatchParams:
    return MatchParams(as_of=AS_OF)


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy("builtin")


@pytest.fixture(scope="session")
def demo_posting(params) -> MatchDocument:
    from skillmix.io import read_document

    return to_match_document(read_document(DEMO / "posting.html", kind="posting"), today=AS_OF)


@pytest.fixture(scope="session")
def demo_resumes(params) -> list[MatchDocument]:
    from skillmix.io import read_document

    return [to_match_document(read_document(DEMO / n, kind="resume"), today=AS_OF)
            for n in ("resume.txt", "consumer_resume.txt")]


@pytest.fixture(scope="session")
def synthetic_pool(taxonomy, demo_posting):
    """40 résumés: each holds a random share of the demo posting's skills plus others."""
    rng = random.Random(11)
    label = {s.id: s.label for s in taxonomy}
    wanted = [f.skill_id for f in demo_posting.skills]
    others = [s for s in label if s not in wanted]
    pool = []
    for i in range(40):
        picks = rng.sample(wanted, rng.randint(0, len(wanted) // 2)) + rng.sample(others, 6)
        skills = [(s, rng.choice(["professional", "listed", "consumer"]), float(rng.randint(0, 6)))
                  for s in dict.fromkeys(picks)]
        pool.append(synthetic("resume", i, skills, label))
    return pool, label
