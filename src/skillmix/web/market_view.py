"""The market pages' views: the run form as the user typed it (corpus, preset, column
names), and a report arranged for the page: headline figures, charts drawn by
:mod:`skillmix.market.charts` (SVG with escaped labels and no inline CSS, so the page's CSP
holds), and the tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import urlencode

from markupsafe import Markup

from ..errors.config_codes import C024
from ..errors.document_codes import D115
from ..errors.market_codes import K103
from ..io.column_names import POSTING_FIELDS

__all__ = ["COLUMN_CODES", "COLUMN_PREFIX", "MarketForm", "MarketView", "column_fields",
           "error_code", "report_view"]

#: a form input named ``column_<field>`` holds the column name for that field
COLUMN_PREFIX = "column_"
#: errors that say the corpus's columns do not fit the fields: the form opens its column
#: names for them and says so
COLUMN_CODES = frozenset({C024.code, D115.code, K103.code})


def column_fields() -> list[tuple[str, str]]:
    """``(field, label)`` for each field a posting export's columns can be named for."""
    return [(f, f.upper() if len(f) <= 3 else f.capitalize()) for f in POSTING_FIELDS]


def error_code(text: str | None) -> str | None:
    """The code a rendered error starts with (``"[K103] ..."`` -> ``"K103"``)."""
    found = re.match(r"\[([A-Z]\d{3})\]", text or "")
    return found.group(1) if found else None


@dataclass(frozen=True, slots=True)
class MarketForm:
    """What the user put in the run form, kept as typed so a refused form comes back
    filled in. ``columns`` holds every ``column_<field>`` sent, empty ones included."""

    corpus: str = ""
    preset: str = ""
    columns: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_fields(cls, data: Mapping[str, Any]) -> "MarketForm":
        """From a posted form or a query string; file parts are ignored."""
        text = {k: v for k, v in data.items() if isinstance(v, str)}
        cols = {k[len(COLUMN_PREFIX):]: v for k, v in text.items()
                if k.startswith(COLUMN_PREFIX) and len(k) > len(COLUMN_PREFIX)}
        return cls(text.get("corpus", ""), text.get("preset", ""), cols)

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> "MarketForm":
        """From a market job's stored parameters (to run it again with other columns)."""
        cols = params.get("columns") or {}
        return cls(str(params.get("corpus") or ""), str(params.get("preset") or ""),
                   {str(k): str(v) for k, v in cols.items()})

    def given(self) -> dict[str, str]:
        """The column names to run with: the filled-in ones, trimmed; an empty input
        leaves its field to be found by the column's name."""
        return {f: v.strip() for f, v in self.columns.items() if v.strip()}

    def query(self) -> str:
        """The form as a query string for ``GET /market`` (which fills the form in)."""
        pairs = [("corpus", self.corpus), ("preset", self.preset),
                 *((COLUMN_PREFIX + f, v) for f, v in self.given().items())]
        return urlencode([(k, v) for k, v in pairs if v])


@dataclass(frozen=True, slots=True)
class MarketView:
    headline: list[tuple[str, str]]
    charts: list[Markup]
    tables: list[dict[str, Any]]
    hidden_titles: list[str]


def report_view(report: Any, *, rows: int = 25) -> MarketView:
    from ..market.charts import bar_chart, line_chart
    from ..market.report import area_charts, headline_cards, trends_title

    head = headline_cards(report)
    by_name = {t.name: t for t in report.tables}
    charts: list[Markup] = []
    skills = by_name.get("skills_demand")
    if skills is not None:
        recs = skills.records()[:15]
        charts.append(Markup(bar_chart([str(r.get("label") or r.get("skill_id")) for r in recs],
                                       [float(r.get("share") or 0) for r in recs],
                                       "Top skills by demand (share of postings)", percent=True)))
    charts += [Markup(c) for c in area_charts(report)]
    trends = by_name.get("trends_monthly")
    if trends is not None and trends.rows:
        recs = trends.records()
        charts.append(Markup(line_chart(
            [str(r.get("month")) for r in recs],
            {"requires social media": [float(r.get("social_share") or 0) for r in recs],
             "title hides it": [float(r.get("hidden_title_share") or 0) for r in recs]},
            trends_title(report.headline))))
    tables = [{"name": t.name, "title": t.title, "description": t.description,
               "columns": list(t.columns), "rows": [list(r) for r in t.rows[:rows]],
               "more": max(0, len(t.rows) - rows)} for t in report.tables]
    hidden = by_name.get("social_hidden_titles")
    titles = [str(r[0]) for r in hidden.rows[:12]] if hidden is not None else []
    return MarketView(head, charts, tables, titles)
