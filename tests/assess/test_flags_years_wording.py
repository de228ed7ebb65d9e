"""A years flag says what its years count: only the profile's named skills count towards
an area's years (docs/assess.md), so "0.0 years of dated experience" beside quoted dated
Mailchimp work read as a contradiction to a recruiter."""

from __future__ import annotations

from skillmix.assess import assess, scorecard_markdown
from skillmix.extract import as_document

RESUME = ("Jordan Lee\n\nEXPERIENCE\n\nEmail Marketing Coordinator, Acme Corp    Jan 2021 - Dec 2023\n"
          "- Sent weekly newsletters in Mailchimp and wrote the copy.\n")


def test_flags_years_below_minimum_names_what_counts(today) -> None:
    card = assess(as_document(RESUME, "resume"), today=today)
    years = [f for f in card.red_flags if f.rule == "years_below_minimum"]
    assert years, [f.message for f in card.red_flags]
    assert all("years of dated experience" not in f.message for f in years)
    tech = next(f for f in years if f.message.startswith("Technology:"))
    assert "in dated roles that use the profile's technology skills" in tech.message
    assert tech.message in scorecard_markdown(card)
