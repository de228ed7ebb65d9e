"""Typed records of pay found in a posting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["PayMention", "PaySettings"]

PERIODS = ("hour", "day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class PaySettings:
    """How a pay figure becomes an annual one; recorded with every normalised figure.

    The defaults are the US full-time convention (40 hours x 52 weeks = 2,080 hours; 260
    working days). UK job boards often use 1,920 hours (40 x 48): pass
    ``PaySettings(hours_per_year=1920)``.
    """

    hours_per_year: float = 2080.0
    days_per_year: float = 260.0
    weeks_per_year: float = 52.0
    default_currency: str | None = None

    def per_year(self, period: str) -> float:
        return {"hour": self.hours_per_year, "day": self.days_per_year, "week": self.weeks_per_year,
                "month": 12.0, "year": 1.0}[period]

    def assumption(self, period: str) -> str:
        if period == "year":
            return "stated per year"
        unit = {"hour": "hours", "day": "days", "week": "weeks", "month": "months"}[period]
        return f"per {period} x {self.per_year(period):g} {unit} a year"


@dataclass(frozen=True, slots=True)
class PayMention:
    """A pay statement in a text, with its evidence span ``text[start:end]``.

    ``kind`` is ``"range"`` (low and high), ``"single"`` (one figure; ``qualifier`` says
    "up to" or "from" when the text does), or ``"undisclosed"`` ("DOE", "competitive", no
    figure). ``period_inferred`` is set when the text names no period and it was read from
    the size of the figure. ``purpose`` is ``"base"`` unless the words around it say the
    figure is a bonus, tips, a stipend or similar (those are kept but not chosen as the
    posting's pay). ``annual_*`` use ``assumption``. ``source`` is ``"text"`` when the span is
    in the posting's text, ``"field"`` when it is in a job board's pay field (see ``pay_of``).
    """

    kind: str
    start: int
    end: int
    surface: str
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    period: str | None = None
    period_inferred: bool = False
    qualifier: str | None = None
    purpose: str = "base"
    annual_low: float | None = None
    annual_high: float | None = None
    assumption: str | None = None
    cue: bool = False
    source: str = "text"

    @property
    def annual_mid(self) -> float | None:
        if self.annual_low is None and self.annual_high is None:
            return None
        if self.annual_low is None or self.annual_high is None:
            return self.annual_low if self.annual_high is None else self.annual_high
        return (self.annual_low + self.annual_high) / 2

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "low": self.low, "high": self.high, "currency": self.currency,
            "period": self.period, "period_inferred": self.period_inferred,
            "qualifier": self.qualifier, "purpose": self.purpose,
            "annual_low": self.annual_low, "annual_high": self.annual_high,
            "assumption": self.assumption, "start": self.start, "end": self.end,
            "surface": self.surface, "source": self.source,
        }
