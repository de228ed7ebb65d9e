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


@pytest.mark.parametrize(
    "text",
    [
        "We've been able to refinance $6+ Billion in loans through our network.",
        "The team manages $40M in loans and a $2B portfolio.",
        "Grew to $3 million of annual revenue in two years.",
        "Backed by $120 million in Series B funding.",
    ],
)
def test_posting_pay_skips_money_that_is_not_pay(text) -> None:
    p = posting_pay(text)
    assert p is None or p.low is None


@pytest.mark.parametrize(
    ("text", "low", "high", "period", "currency"),
    [
        ("Salary: $120,000 - $150,000 per year", 120000.0, 150000.0, "year", "USD"),
        ("Salary: £45k", 45000.0, None, "year", "GBP"),
        ("Compensation: USD 60-80k", 60000.0, 80000.0, "year", "USD"),
        ("Pay is $25/hour, paid weekly", 25.0, None, "hour", "USD"),
        ("Compensation: €4,000 per month", 4000.0, None, "month", "EUR"),
        ("The salary is $2,500 MXN per month", 2500.0, None, "month", "MXN"),
        ("Base pay: 45,000 euros per year", 45000.0, None, "year", "EUR"),
        ("CTC: INR 12,00,000 per annum", 1200000.0, None, "year", "INR"),
        ("Salary range: 10 000 – 14 000 PLN gross/month", 10000.0, 14000.0, "month", "PLN"),
        ("Range: $113,800 - $187,800 cad", 113800.0, 187800.0, "year", "CAD"),
        ("B2B rate: 531 – 816 PLN net/man-day", 531.0, 816.0, "day", "PLN"),
        ("PHP developer, $50/hour", 50.0, None, "hour", "USD"),
    ],
)
def test_posting_pay_reads_the_currency_the_text_names(text, low, high, period, currency) -> None:
    p = posting_pay(text)
    assert (p.low, p.high, p.period, p.currency) == (low, high, period, currency)
    assert text[p.start:p.end] == p.surface


def test_posting_pay_never_defaults_a_named_currency_to_usd_or_the_default() -> None:
    p = posting_pay("Salary: 30,000 pesos per month", PaySettings(default_currency="GBP"))
    assert (p.low, p.period, p.currency) == (30000.0, "month", None)
    assert posting_pay("Must lift 50 pounds") is None
    assert posting_pay("56000USD per year", PaySettings(default_currency="GBP"), assume_pay=True).currency == "USD"
    assert posting_pay("Using MathCAD 34 days holidays") is None


def test_posting_pay_benefit_amounts_are_not_the_salary() -> None:
    text = ("Zone A: $174,320 – $246,230 + equity + benefits\n"
            "12 weeks of 100% Paid Parental leave\nUp to $25,000 Fertility and Family Building Benefit")
    p = posting_pay(text)
    assert (p.low, p.high) == (174320.0, 246230.0)
    assert [m.purpose for m in find_pay(text) if m.low == 25000.0] == ["other"]
    assert posting_pay("We offer a one-time $1000 home office stipend.") is None
    assert posting_pay("Up to $2,000 for learning and conferences each year") is None
    # still pay: benefits named as extras of the salary
    assert posting_pay("$90,000 with full benefits").purpose == "base"
    assert posting_pay("35000 - 40000/annum Excellent Benefits", assume_pay=True).low == 35000.0
    assert posting_pay("14.39 - 17.55/hour Shift Allowance", assume_pay=True).high == 17.55


def test_posting_pay_bare_numbers_need_a_pay_word_in_their_clause() -> None:
    text = "20 days of Paid Time Off, 9 Company-Paid holidays, 2 paid floating holidays"
    assert posting_pay(text) is None
    assert posting_pay("Salary range: 60-80K").low == 60000.0
    assert posting_pay("Paid 18 per hour").low == 18.0


def test_posting_pay_a_nearer_base_word_outweighs_ote() -> None:
    p = posting_pay("$225k - $275k OTE, base $125k - $140k", assume_pay=True)
    assert (p.low, p.high, p.purpose) == (125000.0, 140000.0, "base")


def test_pay_of_reads_a_job_boards_pay_field_first() -> None:
    from skillmix.pay import pay_of

    text = "The range is $100,000 - $120,000 per year. Up to $5,000 relocation."
    field = pay_of(text, "$110,000 - $130,000 + equity")
    assert (field.low, field.high, field.source) == (110000.0, 130000.0, "field")
    # a field without a figure leaves the text to decide; with nothing in the text it is the answer
    assert pay_of(text, "competitive salary and equity").low == 100000.0
    assert pay_of(text, "$xxx,xxx").source == "text"
    assert pay_of("Join us.", "competitive salary").kind == "undisclosed"
    # the same figures stated with their period in the text: the text's mention, with its span
    same = pay_of("Salary: 10 000 - 16 000 PLN per month", "10,000 - 16,000 pln")
    assert (same.period, same.currency, same.source) == ("month", "PLN", "text")
    assert pay_of(text, None).low == 100000.0


@pytest.mark.parametrize("text", [
    "Salary: USD $120,000 - $150,000 per year plus bonus",
    "Pay 2,500 Mexican pesos per month; 10 000 PLN gross/month or 12,00,000 INR",
    "No figures here at all, only words about pay and euros.",
    "9" + " filler" * 40 + " $25/hour then " + "x" * 300 + " €4.000 per month",
    "MX$ 45,000 k New Zealand dollars 2026-01-01 and 401(k)",
])
def test_the_scan_around_digits_finds_what_the_whole_text_scan_finds(text: str) -> None:
    from skillmix.pay import extract as E

    whole = [(m.span(), m.groupdict()) for m in E._AMOUNT.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in E._amounts(text)] == whole


@pytest.mark.shared
def test_the_scan_around_digits_on_every_shared_posting(shared_data) -> None:
    from skillmix.io import read_corpus
    from skillmix.pay import extract as E

    for name in ("linkedin_2024-04_sample.csv", "remotive_2025-04.jsonl",
                 "adzuna_uk_2013_sample.csv"):
        for p in read_corpus(shared_data / "postings" / name):
            whole = [(m.span(), m.groupdict()) for m in E._AMOUNT.finditer(p.text)]
            assert [(m.span(), m.groupdict()) for m in E._amounts(p.text)] == whole, p.id
