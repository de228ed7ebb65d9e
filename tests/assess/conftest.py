"""Fixtures for the assess tests: the bundled demo résumés and a few real ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from skillmix.demo import demo_path
from skillmix.extract import get_extractor
from skillmix.io import read_document

TODAY = date(2026, 11, 1)


@pytest.fixture(scope="session")
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def extractor():
    return get_extractor("builtin")


@pytest.fixture(scope="session")
def demo_resume():
    return read_document(demo_path("resume.txt"), kind="resume")


@pytest.fixture(scope="session")
def consumer_resume():
    return read_document(demo_path("consumer_resume.txt"), kind="resume")


@pytest.fixture(scope="session")
def real_resumes(shared_data: Path):
    """A dozen real résumés: the first files of a few categories, social and not."""
    root = shared_data / "resumes" / "livecareer"
    picked: list[Path] = []
    for cat in ("DIGITAL-MEDIA", "PUBLIC-RELATIONS", "INFORMATION-TECHNOLOGY", "SALES", "CHEF"):
        picked += sorted((root / cat).glob("*.pdf"))[:3]
    if not picked:
        pytest.skip("no livecareer résumés in shared data")
    return [read_document(p, kind="resume", sandbox=False) for p in picked]
