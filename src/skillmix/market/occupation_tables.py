"""Market figures by occupation and pay: DuckDB queries over a run's deduplicated postings.

Which occupations need social media skills (by SOC major group and by O*NET-SOC
occupation), how many of those postings lack "social" in the title, and pay by occupation
and by skill area: counts, median, quartiles and a 95% distribution-free interval for the
median (order statistics: ranks n/2 -/+ 1.96 sqrt(n)/2, as in Conover's *Practical
Nonparametric Statistics*), so a median of three postings shows how little it says.
Pay is compared within one currency at a time, annualised as the run recorded.
"""

from __future__ import annotations

import math
from typing import Any

from ..occupations import major_groups
from .aggregates import ReportTable

__all__ = ["has_occupations", "median_interval", "pay_by_area", "pay_by_occupation",
           "social_by_major_group", "social_by_occupation"]


def has_occupations(con: Any) -> bool:
    """Runs made before occupations and pay were added lack the columns."""
    cols = {r[0] for r in con.execute("DESCRIBE postings").fetchall()}
    return {"soc", "pay_annual"} <= cols


def median_interval(values: list[float], z: float = 1.96) -> tuple[float | None, float | None]:
    """Distribution-free ~95% interval for the median from order statistics."""
    xs = sorted(values)
    n = len(xs)
    if n < 3:
        return None, None
    half = z * math.sqrt(n) / 2
    lo = max(0, math.floor(n / 2 - half) - 1)
    hi = min(n - 1, math.ceil(n / 2 + half) - 1)
    return xs[lo], xs[hi]


def _rows(con: Any, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    return con.execute(sql, params).fetchall()


def social_by_major_group(con: Any) -> ReportTable:
    names = major_groups()
    rows = _rows(con, """
        SELECT soc_major, count(*) AS postings,
               count(*) FILTER (WHERE requires_social) AS social,
               count(*) FILTER (WHERE requires_social AND NOT title_mentions_social) AS hidden
        FROM postings WHERE soc_major IS NOT NULL GROUP BY 1 ORDER BY social DESC, postings DESC, 1
        """, [])
    out = tuple((m, names.get(m, m), n, s, round(s / n, 4) if n else 0.0, h, round(h / s, 4) if s else 0.0)
                for m, n, s, h in rows)
    return ReportTable(
        "social_by_major_group", "Social media skills by occupation group (SOC major group)",
        "Postings per SOC major group of their normalised title (read with the posting's text), "
        "how many require social media skills, and how many of those lack social media in the title.",
        ("soc_major", "group", "postings", "requires_social", "social_share", "title_hides_it",
         "hidden_share_of_social"), out)


def social_by_occupation(con: Any, limit: int = 60) -> ReportTable:
    rows = _rows(con, """
        SELECT soc, any_value(soc_title), count(*) AS postings,
               count(*) FILTER (WHERE requires_social) AS social,
               count(*) FILTER (WHERE requires_social AND NOT title_mentions_social) AS hidden,
               count(*) FILTER (WHERE soc_disagrees) AS disagree
        FROM postings WHERE soc IS NOT NULL GROUP BY 1
        HAVING count(*) FILTER (WHERE requires_social) > 0
        ORDER BY social DESC, postings DESC, 1 LIMIT ?
        """, [limit])
    out = tuple((c, t, n, s, round(s / n, 4), h, round(h / s, 4) if s else 0.0, d) for c, t, n, s, h, d in rows)
    return ReportTable(
        "social_by_occupation", "Occupations whose postings need social media skills",
        "O*NET-SOC occupations with at least one posting requiring social media skills: postings, "
        "how many require them, how many of those lack social media in the title, and how many "
        "titles the posting's own text contradicts (worth a look).",
        ("soc", "occupation", "postings", "requires_social", "social_share", "title_hides_it",
         "hidden_share_of_social", "title_text_disagree"), out)


def _pay_table(groups: dict[tuple[Any, ...], list[float]], min_n: int) -> tuple[tuple[Any, ...], ...]:
    out = []
    for key, vals in groups.items():
        if len(vals) < min_n:
            continue
        xs = sorted(vals)
        q = lambda f: xs[min(len(xs) - 1, int(round(f * (len(xs) - 1))))]  # noqa: E731
        lo, hi = median_interval(xs)
        med = (xs[(len(xs) - 1) // 2] + xs[len(xs) // 2]) / 2
        out.append((*key, len(xs), round(med, 0), round(q(0.25), 0), round(q(0.75), 0),
                    None if lo is None else round(lo, 0), None if hi is None else round(hi, 0)))
    out.sort(key=lambda r: (-r[len(r) - 6], str(r[0])))
    return tuple(out)


def pay_by_occupation(con: Any, min_n: int = 3) -> ReportTable:
    groups: dict[tuple[Any, ...], list[float]] = {}
    for soc, title, cur, pay in _rows(con, """
            SELECT soc, soc_title, pay_currency, pay_annual FROM postings
            WHERE pay_annual IS NOT NULL AND soc IS NOT NULL AND pay_currency IS NOT NULL""", []):
        groups.setdefault((soc, title, cur), []).append(float(pay))
    return ReportTable(
        "pay_by_occupation", "Pay by occupation",
        f"Annualised pay stated in postings (mid-point of a range; 2,080 hours a year for hourly "
        f"pay), per O*NET-SOC occupation and currency, for occupations with at least {min_n} "
        "postings stating pay: median, quartiles and a 95% interval for the median.",
        ("soc", "occupation", "currency", "postings_with_pay", "median", "p25", "p75",
         "median_ci_low", "median_ci_high"), _pay_table(groups, min_n))


def pay_by_area(con: Any, min_n: int = 3) -> ReportTable:
    groups: dict[tuple[Any, ...], list[float]] = {}
    for area, cur, pay in _rows(con, """
            SELECT unnest(areas) AS area, pay_currency, pay_annual FROM postings
            WHERE pay_annual IS NOT NULL AND pay_currency IS NOT NULL""", []):
        groups.setdefault((area, cur), []).append(float(pay))
    for social, cur, pay in _rows(con, """SELECT requires_social, pay_currency, pay_annual FROM postings
                                         WHERE pay_annual IS NOT NULL AND pay_currency IS NOT NULL""", []):
        groups.setdefault(("(all postings)", cur), []).append(float(pay))
        if social:
            groups.setdefault(("(requires social media)", cur), []).append(float(pay))
    return ReportTable(
        "pay_by_area", "Pay by skill area",
        f"Annualised pay of postings by the skill areas the classifier predicts for them (see Areas "
        f"asked for; a posting counts in every such area), per currency, for areas with at least "
        f"{min_n} postings stating pay.",
        ("area", "currency", "postings_with_pay", "median", "p25", "p75", "median_ci_low",
         "median_ci_high"), _pay_table(groups, min_n))
