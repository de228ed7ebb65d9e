"""Whole-posting golden files (see golden.py for how to regenerate them)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("golden", Path(__file__).with_name("golden.py"))
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)  # type: ignore[union-attr]

CASES = sorted(golden.GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_posting_extraction_unchanged(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert golden.snapshot(path) == expected


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_spans_slice_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for m in golden.snapshot(path):
        assert text[m["start"]:m["end"]] == m["surface"]
