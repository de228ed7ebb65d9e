"""The fast JSON encoder and its standard-library fallback give the same values as
``to_dict`` + ``json`` for real records (issue #15)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from skillmix import jsonio
from skillmix.demo import run_demo


@pytest.fixture(scope="module")
def records():  # type: ignore[no-untyped-def]
    result = run_demo(rank=False)
    doc, ext = result.extractions[1]
    return [doc, ext, result.scorecards[0], {"when": date(2026, 11, 1), "tags": frozenset({"a"}),
                                              7: "int key", "nested": ({"x": 1.5},)}]


@pytest.mark.parametrize("backend", ["default", "json"])
def test_jsonio_same_values_as_to_dict(records, monkeypatch, backend) -> None:  # type: ignore[no-untyped-def]
    from skillmix.records import to_jsonable

    if backend == "json":
        monkeypatch.setattr(jsonio, "_orjson", None)
    for rec in records:
        want = json.loads(json.dumps(to_jsonable(rec), default=str))
        got = jsonio.loads(jsonio.dumps(rec))
        assert got == want
    assert b"\n" not in jsonio.dumps(records[0])
