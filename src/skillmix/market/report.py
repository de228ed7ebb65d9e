"""The market report of a run folder: HTML with charts for people, CSV/Parquet/JSON for machines.

:func:`build_report` runs the aggregate queries (:mod:`.aggregates`) and returns one
frozen :class:`MarketReport`; :func:`write_report` renders it to ``DIR/report/``:
``report.html`` (self-contained: inline SVG charts, no scripts, opens offline),
``report.json``, and ``tables/<name>.csv`` and ``.parquet`` for every table.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..records import to_jsonable
from . import aggregates as agg
from . import occupation_tables as occ
from .charts import bar_chart, heatmap, line_chart
from .run_folder import MarketStore, atomic_write_bytes, atomic_write_table

__all__ = ["MarketReport", "area_charts", "build_report", "dates_summary", "headline_cards", "trends_title",
           "write_report"]


@dataclass(frozen=True, slots=True)
class MarketReport:
    """Everything the report shows: headline figures, tables, and the run it came from."""

    headline: agg.Headline
    tables: tuple[agg.ReportTable, ...]
    run: Mapping[str, Any]
    classifier: Mapping[str, Any] = field(default_factory=dict)

    def table(self, name: str) -> agg.ReportTable:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {"headline": to_jsonable(self.headline),
                "tables": {t.name: t.to_dict() for t in self.tables},
                "run": to_jsonable(dict(self.run)), "classifier": to_jsonable(dict(self.classifier))}


def _estimate_note(clf: Mapping[str, Any]) -> str:
    est = clf.get("estimate") or {}
    if not est.get("f1"):
        return "Its accuracy has not been estimated on held-out labels."
    labels = clf.get("labels") or {}
    return (f"On {labels.get('n', '?')} hand-labelled postings ({labels.get('positives', '?')} positive), "
            f"{clf.get('folds', '?')}-fold cross-validation grouped by company, repeated {clf.get('repeats', '?')} "
            f"times, estimates its precision at {est['precision']['mean']:.2f} ± {est['precision']['sd']:.2f}, "
            f"recall {est['recall']['mean']:.2f} ± {est['recall']['sd']:.2f} and F1 {est['f1']['mean']:.2f} "
            f"(the keyword rule \"social media\" in text: F1 "
            f"{(clf.get('keyword_f1') or {}).get('mean', float('nan')):.2f}); the figures count postings, so read "
            f"the shares with that error in mind." + _perfect_caveat(est))


def _cautious_lower(est: Mapping[str, Any]) -> bool:
    """Whether the cautious estimate (the word lists before they were refined on these
    labels) is below the cross-validated one: then the latter is a development figure."""
    before = est.get("before_refinement") or {}
    if not (before.get("precision") and before.get("recall")):
        return False
    return (before["precision"]["mean"] < est["precision"]["mean"]
            or before["recall"]["mean"] < est["recall"]["mean"])


def _perfect_caveat(est: Mapping[str, Any]) -> str:
    """A perfect (or refined) development score is a warning, and the report says so: the
    classifier's word lists were refined on the very labels that measure it."""
    perfect = min(est["precision"]["mean"], est["recall"]["mean"]) >= 0.995
    if not perfect and not _cautious_lower(est):
        return ""
    note = ((" A perfect cross-validated score means" if perfect else " The cross-validated score is a "
             "development figure:") + " the word lists were refined on these same labels: "
            "expect lower precision and recall on new postings.")
    before = est.get("before_refinement") or {}
    if before.get("precision") and before.get("recall"):
        note += (f" With the word lists as they were before that refinement, the same cross-validation gives "
                 f"precision {before['precision']['mean']:.2f} and recall {before['recall']['mean']:.2f}: "
                 f"a more cautious estimate.")
    return note


def _estimate_card(est: Mapping[str, Any]) -> tuple[str, str]:
    """The headline card of the classifier's accuracy. A development score above the
    cautious one (the word lists before they were refined on these labels) is not shown
    as the estimate: the cautious one is, when the model file has it (a QA trial read
    "1.00 ± 0.00" in the headline as fact; model 38's 0.99 was read on the errors of
    postings whose held-out figure had been 0.91)."""
    before = est.get("before_refinement") or {}
    if _cautious_lower(est):
        return ("Classifier precision / recall (cautious cross-validated estimate)",
                f"{before['precision']['mean']:.2f} / {before['recall']['mean']:.2f}")
    return ("Classifier precision / recall (cross-validated estimate)",
            f"{est['precision']['mean']:.2f} ± {est['precision']['sd']:.2f} / "
            f"{est['recall']['mean']:.2f} ± {est['recall']['sd']:.2f}")


def _taxonomy_labels(taxonomy: str) -> tuple[dict[str, str], dict[str, str]]:
    """(skill id -> label, area id -> label) over the taxonomies of a spec."""
    from ..taxonomy import load_taxonomies

    skills: dict[str, str] = {}
    areas: dict[str, str] = {}
    for tax in load_taxonomies(taxonomy):
        for s in tax:
            skills.setdefault(s.id, s.label)
        for a in tax.areas.values():
            areas.setdefault(a.id, a.label)
    return skills, areas


#: the name :func:`classifier_summary` gives the learned model
LEARNED = "learned classifier"


def _learned(clf: Mapping[str, Any]) -> bool:
    return clf.get("name") == LEARNED


def _areas_macro_f1(clf: Mapping[str, Any]) -> float | None:
    """The area models' cross-validated macro-F1 (mean over repeats) of a classifier summary."""
    return ((clf.get("estimate") or {}).get("areas_macro_f1") or {}).get("mean")


def classifier_summary(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Which classifier a run used and how far to trust it: for the learned model, its
    cross-validated precision and recall (mean and spread over repeats, from the model
    file); for a rules file, no estimate (rules are not measured on held-out labels)."""
    rules = settings.get("rules")
    if rules:
        return {"name": "rule classifier", "version": str(settings.get("classifier_version", "?")),
                "rules": str(rules), "estimate": None}
    from .learned import MarketModel

    model = MarketModel.load()
    pooled = (model.cv.get("pooled") or {}).get("learned") or {}
    base = (model.cv.get("pooled") or {}).get("keyword") or {}
    est = {k: pooled[k] for k in ("precision", "recall", "f1", "strength_acc_pos", "areas_macro_f1") if k in pooled}
    before = (model.cv.get("before_refinement") or {}).get("learned") or {}
    if est and before:
        est["before_refinement"] = {k: before[k] for k in ("precision", "recall", "f1") if k in before}
    areas_f1 = {a: float(v["mean"]) for a, v in (model.cv.get("areas_f1") or {}).items() if v}
    return {"name": LEARNED, "version": model.version, "estimate": est or None,
            "keyword_f1": base.get("f1"), "labels": dict(model.trained_on),
            "folds": model.cv.get("folds"), "repeats": model.cv.get("repeats"),
            "areas": list(model.areas), "areas_f1": areas_f1}


def build_report(run_dir: str | Path, *, top: int = 40) -> MarketReport:
    """Query a finished run folder (see :class:`~skillmix.market.run_folder.MarketStore`)."""
    store = MarketStore(run_dir)
    run = store.summary()
    taxonomy = str(run.get("settings", {}).get("taxonomy", "builtin"))
    labels, area_labels = _taxonomy_labels(taxonomy)
    clf = classifier_summary(run.get("settings", {}) or {})
    con = store.connect()
    try:
        tables = (
            agg.social_titles(con, limit=100),
            agg.top_skills(con, labels, limit=top),
            agg.skill_growth(con, labels, limit=top),
            agg.monthly_trends(con),
            agg.area_shares(con, clf.get("areas") or (), clf.get("areas_f1"),
                            learned=_learned(clf), macro_f1=_areas_macro_f1(clf)),
            agg.area_pairs(con),
            agg.skill_pairs(con, labels, limit=top),
            agg.area_mix_by_family(con),
        )
        if occ.has_occupations(con):
            tables += (occ.social_by_major_group(con), occ.social_by_occupation(con),
                       occ.pay_by_occupation(con), occ.pay_by_area(con))
        head = agg.headline(con)
    finally:
        con.close()
    tables = tuple(agg.with_area_labels(t, area_labels) for t in tables)
    return MarketReport(headline=head, tables=tables, run=run, classifier=clf)


def _csv_bytes(t: agg.ReportTable) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(t.columns)
    for r in t.rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue().encode("utf-8")


def _arrow(t: agg.ReportTable) -> Any:
    import pyarrow as pa

    cols = {c: [r[i] for r in t.rows] for i, c in enumerate(t.columns)}
    return pa.table(cols) if t.rows else pa.table({c: pa.array([], pa.string()) for c in t.columns})


def write_report(report: MarketReport, out: str | Path) -> list[Path]:
    """Write ``report.html``, ``report.json`` and ``tables/*`` under ``out``; returns the paths."""
    root = Path(out)
    written = []
    for t in report.tables:
        p = root / "tables" / f"{t.name}.csv"
        atomic_write_bytes(p, _csv_bytes(t))
        written.append(p)
        q = root / "tables" / f"{t.name}.parquet"
        atomic_write_table(q, _arrow(t))
        written.append(q)
    pj = root / "report.json"
    atomic_write_bytes(pj, json.dumps(report.to_dict(), indent=1, default=str).encode("utf-8"))
    ph = root / "report.html"
    atomic_write_bytes(ph, render_html(report).encode("utf-8"))
    return [ph, pj, *written]


# ------------------------------------------------------------------------------ HTML


def _pct(v: float) -> str:
    return f"{v * 100:.1f}%"


def _cell(column: str, v: object) -> str:
    """A table cell as text: shares as percentages, other floats to three places."""
    if isinstance(v, float):
        return _pct(v) if "share" in column else f"{v:,.3f}"
    return "" if v is None else str(v)


def _occupation_charts(report: MarketReport) -> list[str]:
    names = {t.name for t in report.tables}
    out: list[str] = []
    if "social_by_major_group" in names:
        groups = [r for r in report.table("social_by_major_group").records() if r["requires_social"]][:15]
        out.append(bar_chart([f"{r['group']} ({r['requires_social']})" for r in groups],
                             [r["social_share"] for r in groups],
                             "Share of postings requiring social media skills, by occupation group",
                             percent=True))
        out.append(bar_chart([f"{r['group']} ({r['requires_social']})" for r in groups],
                             [r["hidden_share_of_social"] for r in groups],
                             "…of which the title does not say so", percent=True))
    if "pay_by_occupation" in names:
        pay = report.table("pay_by_occupation").records()[:15]
        out.append(bar_chart([f"{r['occupation']} ({r['currency']}, {r['postings_with_pay']})" for r in pay],
                             [r["median"] for r in pay], "Median annual pay stated in postings, by occupation"))
    return out


def _sorted_bars(records: list[dict[str, Any]], label: str, value: str) -> tuple[list[str], list[float]]:
    """Labels and values of a bar chart, largest value first."""
    pairs = sorted(((str(r.get(label) or ""), float(r.get(value) or 0.0)) for r in records),
                   key=lambda lv: (-lv[1], lv[0]))
    return [lab for lab, _ in pairs], [v for _, v in pairs]


def area_charts(report: MarketReport) -> list[str]:
    """The two area charts, each sorted by share: the classifier's predicted areas of the
    postings that require social media skills, and their extracted evidence."""
    if not any(t.name == "area_shares" for t in report.tables):
        return []
    recs = report.table("area_shares").records()
    learned = (report.classifier or {}).get("name", LEARNED) == LEARNED
    macro = _areas_macro_f1(report.classifier or {})
    predicted = ("Areas the classifier predicts for social media postings"
                 + (f" (cross-validated macro-F1 {macro:.2f})" if learned and macro is not None else ""))
    return [bar_chart(*_sorted_bars(recs, "area_label", "predicted_share_social"), predicted, percent=True),
            bar_chart(*_sorted_bars(recs, "area_label", "evidence_share_social"),
                      "Social media postings that mention a skill of the area (extracted evidence)",
                      percent=True)]


def trends_title(h: agg.Headline) -> str:
    """The trends chart's title, saying which postings it covers."""
    return "Trends by month" + ("" if h.dated == h.postings else f" ({h.dated_note})")


def dates_summary(h: agg.Headline) -> str:
    """The posting dates a report covers and how many postings are dated, as one phrase:
    "2025-04 to 2025-04; 215 of 2,276 postings are dated"."""
    span = f"{h.months[0]} to {h.months[-1]}" if h.months else "no dates"
    return f"{span}; {h.dated_note}"


def headline_cards(report: MarketReport) -> list[tuple[str, str]]:
    """The headline figures as (label, value) cards: one wording for the HTML report and
    the web UI's market page."""
    h = report.headline
    run = report.run
    return [
        ("Postings (deduplicated)", f"{h.postings:,}"),
        ("Require social media skills", f"{h.requires_social:,} ({_pct(h.social_share)})"),
        ("…of which the title does not say so", f"{h.social_title_hidden:,} ({_pct(h.social_title_hidden_share)})"),
        ("Core / secondary duty", f"{h.core:,} / {h.secondary:,}"),
        ("Convergence: technology + communication (predicted areas)", f"{_pct(h.convergence_share)} of all, "
                                                                      f"{_pct(h.convergence_share_social)} of social"),
        ("Posting dates", dates_summary(h)),
        ("Duplicates removed", f"{run.get('duplicates_exact', 0):,} exact, {run.get('duplicates_near', 0):,} near"),
    ]


def _mix_chart(report: MarketReport) -> str:
    mix = report.table("area_mix_by_family").records()
    fams = list(dict.fromkeys(str(r["title_family"]) for r in mix))
    cols = ["social media"] + sorted({str(r["area_label"]) for r in mix if r["area"]})
    values: dict[tuple[str, str], float] = {}
    for r in mix:
        values[(str(r["title_family"]), "social media")] = r["social_share"] or 0.0
        if r["area"]:
            values[(str(r["title_family"]), str(r["area_label"]))] = r["share"] or 0.0
    return heatmap(fams, cols, values, "Area mix by title family (predicted areas)")


def render_html(report: MarketReport) -> str:
    h = report.headline
    cards = headline_cards(report)
    clf = report.classifier or {}
    est = clf.get("estimate") or {}
    if est.get("precision") and est.get("recall"):
        cards.append(_estimate_card(est))
    charts = []
    skills = report.table("skills_demand").records()[:15]
    charts.append(bar_chart([str(r["label"]) for r in skills], [r["share"] for r in skills],
                            "Top skills by demand (share of postings)", percent=True))
    charts += area_charts(report)
    trends = report.table("trends_monthly").records()
    if trends:
        charts.append(line_chart([r["month"] for r in trends], {
            "requires social media": [r["social_share"] for r in trends],
            "title hides it": [r["hidden_title_share"] for r in trends],
            "tech + comm": [r["convergence_share"] for r in trends],
        }, trends_title(h)))
    growth = report.table("skills_growth").records()[:12]
    if growth:
        charts.append(bar_chart([str(r["label"]) for r in growth], [r["growth"] for r in growth],
                                "Fastest-growing skills (late share / early share)"))
    charts.append(_mix_chart(report))
    charts += _occupation_charts(report)
    from ..templating import template_environment

    env = template_environment().overlay()
    env.filters["share"] = _pct
    hidden = report.table("social_hidden_titles")
    return env.get_template("market_report.html").render(
        h=h, cards=cards, charts=charts, tables=report.tables, limit=25, cell=_cell, zip=zip,
        corpora=", ".join(h.corpora), months=dates_summary(h),
        classifier_name=str(clf.get("name", "classifier")), estimate_note=_estimate_note(clf),
        hidden_titles=[str(r[0]) for r in hidden.rows[:12]])
