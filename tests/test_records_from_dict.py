"""One generic ``from_dict`` rebuilds every frozen record from its ``to_dict`` form, also
after a trip through JSON: a property test per record (hypothesis builds instances from
the field types), so a new field or a new record cannot silently fall out of storage."""

from __future__ import annotations

import collections.abc
import dataclasses
import json
import types
import typing
from datetime import date, datetime, timezone

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import skillmix.records as records  # noqa: E402
from skillmix.errors import ConfigError  # noqa: E402
from skillmix.records import Record, from_dict  # noqa: E402
from skillmix.store import types as store_types  # noqa: E402

JSONISH = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6)
                       | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
                       lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)


def _strategy(tp: typing.Any) -> st.SearchStrategy[typing.Any]:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[_strategy(a) for a in args])
    if tp is type(None):
        return st.none()
    if origin is typing.Literal:
        return st.sampled_from(args)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return st.builds(tp, **{f.name: _strategy(hints[f.name]) for f in dataclasses.fields(tp)
                                if f.init})
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(_strategy(args[0]), max_size=2).map(tuple)
        return st.tuples(*[_strategy(a) for a in args])
    if origin in (dict, collections.abc.Mapping) or tp in (dict, typing.Mapping):
        return st.dictionaries(st.text(max_size=6), JSONISH, max_size=3)
    if tp is date:
        return st.dates()
    if tp is datetime:
        return st.datetimes(timezones=st.none() | st.just(timezone.utc))
    if tp is str:
        return st.text(max_size=12)
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(-10**9, 10**9)
    if tp is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if tp is typing.Any:
        return JSONISH
    raise AssertionError(f"no strategy for {tp!r}")


def _records() -> list[type]:
    found = []
    for module in (records, store_types):
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, Record) and dataclasses.is_dataclass(obj):
                found.append(obj)
    return found


RECORDS = _records()


def test_records_from_dict_covers_the_records() -> None:
    names = {c.__name__ for c in RECORDS}
    assert {"Document", "Extraction", "SkillMention", "Scorecard", "Ranking", "Match",
            "StoredResult", "StoredDocument"} <= names


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_records_from_dict_round_trip(cls: type) -> None:
    @settings(max_examples=25, deadline=None)
    @given(_strategy(cls))
    def check(value: typing.Any) -> None:
        plain = value.to_dict()
        assert from_dict(cls, plain) == value
        assert cls.from_dict(json.loads(json.dumps(plain))) == value

    check()


def test_records_from_dict_bad_data_is_coded() -> None:
    with pytest.raises(ConfigError, match="C150"):
        from_dict(records.Section, {"kind": "skills"})  # start, end missing
    with pytest.raises(ConfigError, match="C150"):
        from_dict(records.Section, ["not", "an", "object"])  # type: ignore[arg-type]
    extra = {"kind": "skills", "heading": "Skills", "start": 0, "end": 5, "newer_field": 1}
    assert from_dict(records.Section, extra) == records.Section("skills", "Skills", 0, 5)
