"""A market report arranged for the web page: headline figures, charts drawn by
:mod:`skillmix.market.charts` (SVG with escaped labels and no inline CSS, so the page's CSP
holds), and the tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

__all__ = ["MarketView", "report_view"]


@dataclass(frozen=True, slots=True)
class MarketView:
    headline: list[tuple[str, str]]
    charts: list[Markup]
    tables: list[dict[str, Any]]
    hidden_titles: list[str]


def report_view(report: Any, *, rows: int = 25) -> MarketView:
    from ..market.charts import bar_chart, line_chart
    from ..market.report import headline_cards

    head = headline_cards(report)
    by_name = {t.name: t for t in report.tables}
    charts: list[Markup] = []
    skills = by_name.get("skills_demand")
    if skills is not None:
        recs = skills.records()[:15]
        charts.append(Markup(bar_chart([str(r.get("label") or r.get("skill_id")) for r in recs],
                                       [float(r.get("share") or 0) for r in recs],
                                       "Top skills by demand (share of postings)", percent=True)))
    areas = by_name.get("area_shares")
    if areas is not None:
        recs = areas.records()
        charts.append(Markup(bar_chart([str(r.get("area")) for r in recs],
                                       [float(r.get("share_social") or 0) for r in recs],
                                       "Areas asked for by social media postings", percent=True)))
    trends = by_name.get("trends_monthly")
    if trends is not None and trends.rows:
        recs = trends.records()
        charts.append(Markup(line_chart(
            [str(r.get("month")) for r in recs],
            {"requires social media": [float(r.get("social_share") or 0) for r in recs],
             "title hides it": [float(r.get("hidden_title_share") or 0) for r in recs]},
            "Trends by month")))
    tables = [{"name": t.name, "title": t.title, "description": t.description,
               "columns": list(t.columns), "rows": [list(r) for r in t.rows[:rows]],
               "more": max(0, len(t.rows) - rows)} for t in report.tables]
    hidden = by_name.get("social_hidden_titles")
    titles = [str(r[0]) for r in hidden.rows[:12]] if hidden is not None else []
    return MarketView(head, charts, tables, titles)
