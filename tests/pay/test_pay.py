"""Pay extraction: ranges, single figures, k forms, periods, what is not pay, annualising."""

from __future__ import annotations

import pytest

from skillmix.pay import PaySettings, find_pay, posting_pay


@pytest.mark.parametrize(
    ("text", "low", "high", "period", "currency"),
    [
        ("Pay: $18.00 - $24.00 per hour Benefits:401(k)", 18.0, 24.0, "hour", "USD"),
        ("pay range $90,000 – $110,000 annually.", 90000.0, 110000.0, "year", "USD"),
        ("Salary: £25k-£30k pa + bonus", 25000.0, 30000.0, "year", "GBP"),
        ("Compensation: €4,000 per month", 4000.0, None, "month", "EUR"),
        ("Day rate £350 - £450 per day, outside IR35", 350.0, 450.0, "day", "GBP"),
        ("We pay 25 USD/hour", 25.0, None, "hour", "USD"),
        ("Salary range: 60-80K", 60000.0, 80000.0, "year", None),
    ],
)
def test_posting_pay_reads_common_forms(text, low, high, period, currency) -> None:
    p = posting_pay(text)
    assert p is not None and p.kind == ("range" if high else "single")
    assert (p.low, p.high, p.period, p.currency) == (low, high, period, currency)
    assert text[p.start:p.end] == p.surface and p.surface


def test_posting_pay_annualises_with_the_recorded_assumption() -> None:
    p = posting_pay("Hourly Rate: $25")
    assert p.annual_low == 25 * 2080 and "2080 hours" in p.assumption
    uk = posting_pay("8.15 per hour", PaySettings(hours_per_year=1920), assume_pay=True)
    assert uk.annual_low == pytest.approx(15648.0)
    inferred = posting_pay("Salary of $4,200")
    assert inferred.period == "month" and inferred.period_inferred and "size" in inferred.assumption


def test_posting_pay_skips_what_is_not_pay() -> None:
    assert posting_pay("We raised $5M in funding and offer a 401k plan.") is None
    assert posting_pay("Ages 18-65, 2-3 years experience, 40 hours per week") is None
    p = posting_pay("HIRING!!! $200 Sign-On Bonus!!! Pay Range: $20 - $25 Per Hour")
    assert (p.low, p.high, p.period) == (20.0, 25.0, "hour")
    kinds = {m.purpose for m in find_pay("$500-$1000+ a month in tips. Earn $500 for every 10 enrollments")}
    assert kinds <= {"tips", "other"}


def test_posting_pay_undisclosed_is_none_with_evidence() -> None:
    p = posting_pay("Salary: competitive salary, DOE")
    assert p is not None and p.kind == "undisclosed" and p.low is None and p.annual_mid is None
    assert posting_pay("No pay words at all.") is None


def test_posting_pay_qualifiers_and_pay_fields() -> None:
    up = posting_pay("Up to 7.40 p.h. & Up to 46 Hours p.w.", assume_pay=True)
    assert (up.low, up.period, up.qualifier) == (7.4, "hour", "up to")
    field = posting_pay("17.00ph to 27.20ph per hour", assume_pay=True)
    assert (field.low, field.high, field.period) == (17.0, 27.2, "hour")
    assert posting_pay("30-45000", assume_pay=True).low == 30000.0
    assert posting_pay("25k - 50k OTE", assume_pay=True).purpose == "ote"


def test_find_pay_spans_are_evidence_for_any_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("0123456789$£€kK.,-–/ perhourannumyearto+DOE\n"))

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=80))
    def check(text: str) -> None:
        for m in find_pay(text):
            assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.surface
            if m.low is not None and m.high is not None:
                assert m.low <= m.high

    check()
