"""The market figures, as DuckDB queries over a run folder's deduplicated views.

Each function answers one question of the article's evidence and returns a
:class:`ReportTable` (named columns, typed rows) that the report renders as a chart,
CSV, Parquet and JSON. All work happens in DuckDB (columnar, out of core), so the same
queries serve a few thousand postings and hundreds of millions.

"Demand" counts a posting once per skill when it has a mention that counts (not negated,
not consumer-only). Co-occurrence uses lift = P(a,b) / (P(a) P(b)) and PMI = log2(lift)
over postings, with a minimum support so rare pairs do not top the list by chance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

__all__ = ["Headline", "ReportTable", "area_mix_by_family", "area_pairs", "area_shares", "dated_note",
           "headline", "monthly_trends", "skill_growth", "skill_pairs", "social_titles", "top_skills",
           "with_area_labels"]


@dataclass(frozen=True, slots=True)
class ReportTable:
    """One table of the report: a name (file stem), a title, what it shows, columns and
    rows (tuples in column order)."""

    name: str
    title: str
    description: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "description": self.description,
                "columns": list(self.columns), "rows": self.records()}


@dataclass(frozen=True, slots=True)
class Headline:
    """The headline figures: how many postings ask for social media skills, how many of
    those hide it behind another title, how many mix technology and communication."""

    postings: int
    requires_social: int
    social_share: float
    core: int
    secondary: int
    social_title_hidden: int
    social_title_hidden_share: float
    convergence: int
    convergence_share: float
    convergence_share_social: float
    months: tuple[str, ...]
    corpora: tuple[str, ...]
    #: postings with a posting date (the month figures count only these)
    dated: int = 0

    @property
    def dated_note(self) -> str:
        """"215 of 2,276 postings are dated": beside every figure that counts only them."""
        return dated_note(self.dated, self.postings)


def dated_note(dated: int, postings: int) -> str:
    """How many postings a figure over dated postings covers, in words."""
    if postings and dated == postings:
        return f"all {postings:,} postings are dated"
    if not dated:
        return f"none of {postings:,} postings is dated"
    return f"{dated:,} of {postings:,} postings are dated"


def _dated(con: Any) -> tuple[int, int]:
    """(dated postings, all postings)."""
    dated, n = con.execute("SELECT count(month), count(*) FROM postings").fetchone()
    return int(dated), int(n)


def _table(con: Any, name: str, title: str, description: str, sql: str,
           params: Sequence[Any] = ()) -> ReportTable:
    cur = con.execute(sql, list(params))
    cols = tuple(d[0] for d in cur.description)
    rows = tuple(tuple(_plain(v) for v in r) for r in cur.fetchall())
    return ReportTable(name, title, description, cols, rows)


def _plain(v: Any) -> Any:
    if isinstance(v, float):
        return round(v, 4)
    return v


def _share(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def headline(con: Any) -> Headline:
    n, social, core, secondary, hidden, conv, conv_social = con.execute(
        """
        SELECT count(*),
               count(*) FILTER (WHERE requires_social),
               count(*) FILTER (WHERE strength = 'core'),
               count(*) FILTER (WHERE strength = 'secondary'),
               count(*) FILTER (WHERE requires_social AND NOT title_mentions_social),
               count(*) FILTER (WHERE convergence),
               count(*) FILTER (WHERE convergence AND requires_social)
        FROM postings
        """
    ).fetchone()
    months = tuple(r[0] for r in con.execute(
        "SELECT DISTINCT month FROM postings WHERE month IS NOT NULL ORDER BY 1").fetchall())
    corpora = tuple(r[0] for r in con.execute("SELECT DISTINCT corpus FROM postings ORDER BY 1").fetchall())
    return Headline(
        postings=n, requires_social=social, social_share=_share(social, n), core=core,
        secondary=secondary, social_title_hidden=hidden,
        social_title_hidden_share=_share(hidden, social), convergence=conv,
        convergence_share=_share(conv, n), convergence_share_social=_share(conv_social, social),
        months=months, corpora=corpora, dated=_dated(con)[0],
    )


def social_titles(con: Any, limit: int = 100) -> ReportTable:
    return _table(
        con, "social_hidden_titles", "Jobs that require social media skills without saying so",
        "Titles of postings that require social media skills although the title does not "
        "name social media work, most frequent first, with one evidence sentence.",
        """
        SELECT title, count(*) AS postings, any_value(strength) AS strength,
               any_value(evidence) AS example_evidence
        FROM postings WHERE requires_social AND NOT title_mentions_social
        GROUP BY title ORDER BY postings DESC, title LIMIT ?
        """, [limit])


def top_skills(con: Any, labels: dict[str, str], limit: int = 40) -> ReportTable:
    t = _table(
        con, "skills_demand", "Top skills by demand",
        "Postings with at least one counting mention of the skill (share of all postings), "
        "and how many of them state it as required or preferred.",
        """
        WITH n AS (SELECT count(*) AS total FROM postings)
        SELECT skill_id, any_value(area) AS area, count(DISTINCT uid) AS postings,
               count(DISTINCT uid) / any_value(n.total) AS share,
               count(DISTINCT uid) FILTER (WHERE requirement IN ('required', 'preferred')) AS asked
        FROM mentions, n WHERE counts
        GROUP BY skill_id ORDER BY postings DESC, skill_id LIMIT ?
        """, [limit])
    return _with_labels(t, labels)


def _with_labels(t: ReportTable, labels: dict[str, str]) -> ReportTable:
    idx = [i for i, c in enumerate(t.columns) if c.startswith("skill")]
    if not idx:
        return t
    cols = list(t.columns)
    for i in reversed(idx):
        cols.insert(i + 1, cols[i].replace("skill_id", "label").replace("skill", "label"))
    rows = []
    for r in t.rows:
        row = list(r)
        for i in reversed(idx):
            row.insert(i + 1, labels.get(r[i], r[i]))
        rows.append(tuple(row))
    return ReportTable(t.name, t.title, t.description, tuple(cols), tuple(rows))


def _corpora_note(con: Any, split: Any) -> str:
    """A warning when the early and the late months come from different corpus files: the
    ratio then compares sources as much as time (a new-user trial read "product
    management 0.0% -> 7.9%" as growth, where a 2024 LinkedIn sample met a 2025 Remotive
    one)."""
    rows = con.execute(
        "SELECT month <= ? AS early, corpus FROM postings WHERE month IS NOT NULL "
        "GROUP BY ALL ORDER BY corpus", [split]).fetchall()
    early = sorted({c for e, c in rows if e})
    late = sorted({c for e, c in rows if not e})
    if early == late:
        return ""
    return (f" Caution: the early months come from {_file_names(early)} and the late months "
            f"from {_file_names(late)}, so growth here compares those sources as much as time.")


def _file_names(corpora: list[str]) -> str:
    return ", ".join(str(c).replace("\\", "/").rsplit("/", 1)[-1] for c in corpora) or "none"


def skill_growth(con: Any, labels: dict[str, str], limit: int = 30, min_postings: int = 5) -> ReportTable:
    """Share of postings per skill in the early half of the months against the late half
    (split at the median posting month); growth = late share / early share."""
    months = [r[0] for r in con.execute(
        "SELECT month, count(*) FROM postings WHERE month IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()]
    desc = ("Share of dated postings asking for the skill in the early months against the late "
            "months (split at the median month); growth is the ratio of the two. Only dated "
            f"postings count: {dated_note(*_dated(con))}.")
    if len(months) < 2:
        return ReportTable("skills_growth", "Top skills by growth",
                           desc + " Needs postings from at least two months.",
                           ("skill_id", "label", "early_share", "late_share", "growth", "postings"), ())
    split = con.execute(
        "SELECT quantile_disc(month, 0.5) FROM postings WHERE month IS NOT NULL").fetchone()[0]
    if split == months[-1]:
        split = months[-2]
    desc += f" Early: up to {split}." + _corpora_note(con, split)
    t = _table(
        con, "skills_growth", "Top skills by growth", desc,
        """
        WITH p AS (SELECT uid, month <= ? AS early FROM postings WHERE month IS NOT NULL),
        n AS (SELECT count(*) FILTER (WHERE early) AS ne, count(*) FILTER (WHERE NOT early) AS nl FROM p),
        s AS (
            SELECT m.skill_id, count(DISTINCT m.uid) FILTER (WHERE p.early) AS e,
                   count(DISTINCT m.uid) FILTER (WHERE NOT p.early) AS l
            FROM mentions m JOIN p USING (uid) WHERE m.counts GROUP BY m.skill_id
        )
        SELECT skill_id, e / n.ne AS early_share, l / n.nl AS late_share,
               (l / n.nl) / greatest(e / n.ne, 0.5 / n.ne) AS growth, e + l AS postings
        FROM s, n WHERE e + l >= ? AND n.ne > 0 AND n.nl > 0
        ORDER BY growth DESC, postings DESC, skill_id LIMIT ?
        """, [split, min_postings, limit])
    return _with_labels(t, labels)


def monthly_trends(con: Any) -> ReportTable:
    return _table(
        con, "trends_monthly", "Trends by month",
        "Postings per month, the share requiring social media skills, the share whose title "
        "hides it, and the share requiring both technology and communication areas. Only dated "
        f"postings count: {dated_note(*_dated(con))}, so these shares can differ from the headline's.",
        """
        SELECT month, count(*) AS postings,
               avg(requires_social::INT) AS social_share,
               avg((requires_social AND NOT title_mentions_social)::INT) AS hidden_title_share,
               avg(convergence::INT) AS convergence_share
        FROM postings WHERE month IS NOT NULL GROUP BY month ORDER BY month
        """)


def skill_pairs(con: Any, labels: dict[str, str], limit: int = 40, min_support: int | None = None) -> ReportTable:
    n = con.execute("SELECT count(*) FROM postings").fetchone()[0]
    support = min_support if min_support is not None else max(3, n // 1000)
    t = _table(
        con, "skill_pairs", "Skills that go together",
        f"Pairs of skills asked for in the same postings (at least {support} postings), by "
        "pointwise mutual information; lift > 1 means they co-occur more than by chance.",
        """
        WITH ps AS (SELECT DISTINCT uid, skill_id FROM mentions WHERE counts),
        n AS (SELECT count(*) AS total FROM postings),
        c AS (SELECT skill_id, count(*) AS k FROM ps GROUP BY skill_id),
        pairs AS (
            SELECT a.skill_id AS skill_a, b.skill_id AS skill_b, count(*) AS k
            FROM ps a JOIN ps b ON a.uid = b.uid AND a.skill_id < b.skill_id
            GROUP BY 1, 2 HAVING count(*) >= ?
        )
        SELECT skill_a, skill_b, pairs.k AS postings,
               pairs.k * n.total / (ca.k * cb.k) AS lift,
               log2(pairs.k * n.total / (ca.k * cb.k)) AS pmi
        FROM pairs JOIN c ca ON ca.skill_id = skill_a JOIN c cb ON cb.skill_id = skill_b, n
        ORDER BY pmi DESC, postings DESC, skill_a, skill_b LIMIT ?
        """, [support, limit])
    return _with_labels(t, labels)


def area_pairs(con: Any) -> ReportTable:
    return _table(
        con, "area_pairs", "Areas that go together",
        "Pairs of areas the classifier predicts for the same postings (see Areas asked for), with lift and PMI.",
        """
        WITH pa AS (SELECT uid, unnest(areas) AS area FROM postings),
        n AS (SELECT count(*) AS total FROM postings),
        c AS (SELECT area, count(*) AS k FROM pa GROUP BY area),
        pairs AS (
            SELECT a.area AS area_a, b.area AS area_b, count(*) AS k
            FROM pa a JOIN pa b ON a.uid = b.uid AND a.area < b.area GROUP BY 1, 2
        )
        SELECT area_a, area_b, pairs.k AS postings,
               pairs.k * n.total / (ca.k * cb.k) AS lift,
               log2(pairs.k * n.total / (ca.k * cb.k)) AS pmi
        FROM pairs JOIN c ca ON ca.area = area_a JOIN c cb ON cb.area = area_b, n
        ORDER BY pmi DESC, area_a, area_b
        """)


AREA_SHARES_COLUMNS = ("area", "predicted", "predicted_share", "predicted_share_social", "evidence",
                       "evidence_share", "evidence_share_social", "predicted_with_evidence", "cv_f1")


def area_shares(con: Any, areas: Sequence[str] = (), cv_f1: Mapping[str, float] | None = None, *,
                learned: bool = True, macro_f1: float | None = None) -> ReportTable:
    """Per area: the postings the classifier assigns it ("predicted"), beside the postings
    with a counting mention of a skill in it ("evidence"), and how many predicted ones have
    such a mention. The learned classifier's areas are predictions from the whole text (a
    QA trial read 54.8% "asking for" human insight where 12.9% mention a skill of it);
    ``cv_f1`` is each area model's cross-validated F1 and ``macro_f1`` their mean, from the
    model file. ``areas`` are the classifier's areas (listed even when no posting gets one)."""
    f1 = dict(cv_f1 or {})
    macro = f"cross-validated macro-F1 {macro_f1:.2f}" if macro_f1 is not None else "not cross-validated"
    what = (f"the learned area classifier's prediction from the whole text ({macro} on hand-labelled "
            "postings; cv_f1: each area's F1)" if learned else
            "the rule classifier's areas, those of the posting's required or preferred mentions")
    t = _table(
        con, "area_shares", "Areas asked for: the classifier's prediction beside the extracted evidence",
        f"Predicted: postings the area is assigned to, {what}; share of all postings and of postings "
        "that require social media skills. Evidence: postings with at least one counting mention "
        "(not negated, not consumer use, not incidental) of a skill in the area. Predicted with evidence: predicted "
        "postings that also have such a mention.",
        """
        WITH n AS (SELECT count(*) AS total, greatest(count(*) FILTER (WHERE requires_social), 1) AS social
                   FROM postings),
        pa AS (SELECT uid, requires_social, unnest(areas) AS area FROM postings),
        ev AS (SELECT DISTINCT m.uid, m.area, p.requires_social
               FROM mentions m JOIN postings p USING (uid) WHERE m.counts AND m.area IS NOT NULL),
        names AS (SELECT DISTINCT area FROM pa UNION SELECT unnest(?::VARCHAR[])),
        pc AS (SELECT area, count(*) AS k, count(*) FILTER (WHERE requires_social) AS ks FROM pa GROUP BY area),
        ec AS (SELECT area, count(*) AS k, count(*) FILTER (WHERE requires_social) AS ks FROM ev GROUP BY area),
        pe AS (SELECT area, count(*) AS k FROM pa JOIN ev USING (uid, area) GROUP BY area)
        SELECT names.area, coalesce(pc.k, 0) AS predicted, coalesce(pc.k, 0) / n.total AS predicted_share,
               coalesce(pc.ks, 0) / n.social AS predicted_share_social,
               coalesce(ec.k, 0) AS evidence, coalesce(ec.k, 0) / n.total AS evidence_share,
               coalesce(ec.ks, 0) / n.social AS evidence_share_social,
               coalesce(pe.k, 0) AS predicted_with_evidence
        FROM names CROSS JOIN n LEFT JOIN pc USING (area) LEFT JOIN ec USING (area) LEFT JOIN pe USING (area)
        ORDER BY predicted DESC, names.area
        """, [list(areas)])
    rows = tuple((*r, f1.get(r[0])) for r in t.rows)
    return ReportTable(t.name, t.title, t.description, AREA_SHARES_COLUMNS, rows)


def with_area_labels(t: ReportTable, labels: Mapping[str, str]) -> ReportTable:
    """``t`` with a ``<column>_label`` column after each area column (``area``, ``area_a``,
    ``area_b``): the taxonomy's name for the area ("Human insight"), the id where none."""
    idx = [i for i, c in enumerate(t.columns) if c in ("area", "area_a", "area_b")]
    if not idx:
        return t
    cols = list(t.columns)
    for i in reversed(idx):
        cols.insert(i + 1, f"{cols[i]}_label")
    rows = []
    for r in t.rows:
        row = list(r)
        for i in reversed(idx):
            row.insert(i + 1, labels.get(r[i], r[i]) if r[i] is not None else None)
        rows.append(tuple(row))
    return ReportTable(t.name, t.title, t.description, tuple(cols), tuple(rows))


def area_mix_by_family(con: Any) -> ReportTable:
    return _table(
        con, "area_mix_by_family", "Area mix by title family",
        "For each title family, the share of its postings the classifier predicts each area for (see "
        "Areas asked for), and the share requiring social media skills.",
        """
        WITH f AS (SELECT title_family, count(*) AS n,
                          avg(requires_social::INT) AS social FROM postings GROUP BY 1),
        pa AS (SELECT title_family, unnest(areas) AS area FROM postings),
        a AS (SELECT title_family, area, count(*) AS k FROM pa GROUP BY 1, 2)
        SELECT f.title_family, f.n AS postings, f.social AS social_share, a.area, a.k / f.n AS share
        FROM f LEFT JOIN a USING (title_family)
        ORDER BY f.n DESC, f.title_family, a.area
        """)
