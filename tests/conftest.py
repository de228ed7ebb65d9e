"""Fixtures shared by the whole suite.

``shared_data`` points at ``../shared/data`` (or ``$SKILLMIX_SHARED_DATA``) and skips the
test cleanly when that folder is absent, as it is in a user's clone.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = Path(__file__).resolve().parent / "data"


def _shared_root() -> Path:
    env = os.environ.get("SKILLMIX_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    root = _shared_root()
    if not root.is_dir():
        pytest.skip(f"shared data not found at {root}")
    return root


@pytest.fixture(scope="session")
def test_data() -> Path:
    return TEST_DATA
