"""Date ranges in every style résumés use, checked exhaustively by property."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmix.io.dates import find_date_ranges, find_single_date, parse_date

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _fmt(d: date, style: str) -> str:
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.year}"
    if style == "short":
        return f"{MONTHS[d.month - 1][:3]} {d.year}"
    if style == "slash":
        return f"{d.month:02d}/{d.year}"
    return f"{d.year}-{d.month:02d}"


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1960, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=0, max_value=240),
    st.sampled_from(["long", "short", "slash", "iso"]),
    st.sampled_from([" - ", " – ", " to ", "—", " through "]),
    st.booleans(),
)
def test_dates_any_style_roundtrips(start, months, style, sep, current):
    start = start.replace(day=1)
    y, m = divmod(start.month - 1 + months, 12)
    end = date(min(start.year + y, 2049), m + 1, 1)
    end_text = "Present" if current else _fmt(end, style)
    line = f"Social Media Manager {_fmt(start, style)}{sep}{end_text} Company Name"
    ranges = find_date_ranges(line)
    assert len(ranges) == 1
    r = ranges[0]
    assert r.begin == start
    assert (r.finish, r.current) == ((None, True) if current else (end, False))
    assert line[r.start:r.end].startswith(_fmt(start, style))


@pytest.mark.parametrize(
    "text,begin,finish,current",
    [
        ("2019 - 2021", date(2019, 1, 1), date(2021, 1, 1), False),
        ("Summer 2018 - Fall 2019", date(2018, 6, 1), date(2019, 9, 1), False),
        ("Jan '19 – Present", date(2019, 1, 1), None, True),
        ("Sept. 2015 - Aug. 2016", date(2015, 9, 1), date(2016, 8, 1), False),
        ("10/2013 , Current", date(2013, 10, 1), None, True),
        ("March 2020 - Current", date(2020, 3, 1), None, True),
        ("01/2020 to 03/2022", date(2020, 1, 1), date(2022, 3, 1), False),
    ],
)
def test_dates_examples(text, begin, finish, current):
    (r,) = find_date_ranges(text)
    assert (r.begin, r.finish, r.current) == (begin, finish, current)


@pytest.mark.parametrize("text", ["Windows 95-XP", "ESXi 3.5-5.5", "2021 - 2019", "call 555-2019", "2019, 2020", "v2019-13"])
def test_dates_non_ranges(text):
    assert find_date_ranges(text) == []


def test_dates_single_and_parse():
    assert find_single_date("January 2012 Company Name").begin == date(2012, 1, 1)
    assert find_single_date("Jan 2012 - Mar 2013") is None
    assert parse_date("2020-03-15") == date(2020, 3, 1)
    assert parse_date("Fall 2020") == date(2020, 9, 1)
    assert parse_date("soon") is None
