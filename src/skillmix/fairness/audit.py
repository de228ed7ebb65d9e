"""Adverse-impact audit of a scoring or selection run, after NYC Local Law 144's rules.

The audit joins a run's outcomes (who was selected, or who scored what) with demographics
held apart from everything the scorer sees, and computes for each category of sex, of
race/ethnicity (EEO-1 categories), of every intersection of the two (LL144's tables) and of
age group (under 40; 40 and over, the group the US Age Discrimination in Employment Act
protects):

* selection audits: the **selection rate** (selected / in category) and the **impact
  ratio** (rate / the highest rate of any category);
* scoring audits: the **scoring rate** (share scoring strictly above the median score of
  the whole sample) and its impact ratio;
* the number of people whose category is unknown (kept out of the rates, reported);
* a flag on categories under 2 % of the sample (LL144 lets an auditor leave them out of
  the impact ratios; ``exclude_small=True`` does so, and says so);
* the four-fifths flag of the EEOC Uniform Guidelines (impact ratio under 0.8);
* a significance test of each category against the highest-rate one: Fisher's exact test
  (default) or a pooled two-proportion z-test, both from scipy.

Rates and impact ratios are computed as exact fractions and rounded once, to the nearest
float, so an audit of a population whose rates are known in closed form matches them to
the last digit. Nothing here ever changes or rejects an outcome: an audit only describes.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timezone
from fractions import Fraction
from typing import Iterable, Literal, Mapping

from ..errors import MissingExtraError
from ..errors.fairness_codes import F101, F102, F103, F104, F110, F111, F120, F121, F122, F123, F124
from ..records import Record
from .demographics import Demographic, intersection

__all__ = [
    "Audit",
    "AuditTable",
    "GroupRate",
    "Outcome",
    "audit_scores",
    "audit_selection",
    "run_audits",
]

Test = Literal["fisher", "z"]
#: the tables of an audit, in order; age is not crossed with sex or race (LL144 asks for
#: sex x race only, and more cells would mostly be small ones)
DIMENSIONS = ("sex", "race", "intersection", "age")


@dataclass(frozen=True, slots=True)
class Outcome(Record):
    """What a run decided or scored for one candidate (``selected`` and/or ``score``)."""

    id: str
    score: float | None = None
    selected: bool | None = None


@dataclass(frozen=True, slots=True)
class GroupRate(Record):
    """One category's row of an audit table.

    ``hits`` is the number selected (selection audit) or scoring above the median (scoring
    audit); ``rate = hits / n``; ``impact_ratio`` is ``rate`` over the highest rate among
    the categories compared (``None`` when that is 0, or when the row is excluded).
    ``small`` marks a category under the small-share threshold of the sample;
    ``excluded`` says it was left out of the impact ratios. ``four_fifths`` is true when
    the impact ratio is under the threshold (0.8). ``p_value`` is the test against the
    reference (highest-rate) category, ``None`` for the reference itself.
    """

    dimension: str
    category: str
    n: int
    hits: int
    rate: float
    share: float
    impact_ratio: float | None
    small: bool = False
    excluded: bool = False
    four_fifths: bool = False
    p_value: float | None = None
    significant: bool = False


@dataclass(frozen=True, slots=True)
class AuditTable(Record):
    """The rows of one dimension (``sex``, ``race``, ``intersection`` or ``age``).

    ``rows`` is empty when no one audited has a known category (a demographics file
    without an age column, say): ``unknown`` then counts everyone."""

    dimension: str
    rows: tuple[GroupRate, ...]
    unknown: int
    reference: str | None

    def row(self, category: str) -> GroupRate:
        for r in self.rows:
            if r.category == category:
                return r
        raise F110(f"no category {category!r} in the {self.dimension} table.",
                   hint=f"Categories: {', '.join(r.category for r in self.rows)}.")


@dataclass(frozen=True, slots=True)
class Audit(Record):
    """A complete audit of one run.

    ``kind`` is ``selection`` or ``scoring``; ``total`` counts the outcomes audited,
    ``hits`` those selected (or above the median); ``median`` is the sample median score
    (scoring audits). ``missing_demographics`` counts outcomes with no demographics row
    at all (they count as unknown in every table); ``unused_demographics`` rows whose id
    is in no outcome. ``parameters`` records the settings, ``sources`` the input hashes.
    """

    kind: str
    total: int
    hits: int
    tables: tuple[AuditTable, ...]
    median: float | None = None
    missing_demographics: int = 0
    unused_demographics: int = 0
    parameters: Mapping[str, object] | None = None
    sources: Mapping[str, str] | None = None
    generated_at: str = ""

    def table(self, dimension: str) -> AuditTable:
        for t in self.tables:
            if t.dimension == dimension:
                return t
        raise F111(f"no {dimension!r} table in this audit.",
                   hint=f"Tables: {', '.join(DIMENSIONS)}.")

    def flagged(self) -> list[GroupRate]:
        """Rows under the four-fifths threshold, in table order."""
        return [r for t in self.tables for r in t.rows if r.four_fifths]


# --------------------------------------------------------------------------- statistics


def _p_value(a_hits: int, a_n: int, b_hits: int, b_n: int, test: Test) -> float | None:
    """Two-sided p-value for "category a's rate differs from reference b's"."""
    if a_n == 0 or b_n == 0:
        return None
    try:
        from scipy import stats
    except ImportError as err:  # pragma: no cover - depends on the install
        raise MissingExtraError.for_module("scipy", "fairness") from err
    if test == "fisher":
        table = [[a_hits, a_n - a_hits], [b_hits, b_n - b_hits]]
        return float(stats.fisher_exact(table, alternative="two-sided").pvalue)
    pooled = (a_hits + b_hits) / (a_n + b_n)
    var = pooled * (1 - pooled) * (1 / a_n + 1 / b_n)
    if var == 0:
        return 1.0
    z = (a_hits / a_n - b_hits / b_n) / var ** 0.5
    return float(2 * stats.norm.sf(abs(z)))


def _table(dimension: str, groups: Mapping[str, tuple[int, int]], unknown: int, total: int, *,
           test: Test, threshold: float, small_share: float, exclude_small: bool,
           alpha: float) -> AuditTable:
    """Build one table from ``category -> (n, hits)``."""
    rates = {c: Fraction(h, n) for c, (n, h) in groups.items() if n}
    small = {c: total > 0 and Fraction(n, total) < Fraction(small_share).limit_denominator(10**6)
             for c, (n, _) in groups.items()}
    compared = [c for c in rates if not (exclude_small and small[c])]
    best = max((rates[c] for c in compared), default=Fraction(0))
    # the reference is the highest-rate category (ties: the larger, then by name)
    ref = min((c for c in compared if rates[c] == best),
              key=lambda c: (-groups[c][0], c), default=None)
    rows = []
    for cat in sorted(groups, key=lambda c: (-groups[c][0], c)):
        n, hits = groups[cat]
        excluded = exclude_small and small[cat]
        ratio = None if excluded or best == 0 or n == 0 else rates[cat] / best
        p = None
        if ref is not None and cat != ref and n:
            rn, rh = groups[ref]
            p = _p_value(hits, n, rh, rn, test)
        rows.append(GroupRate(
            dimension=dimension, category=cat, n=n, hits=hits,
            rate=float(rates.get(cat, Fraction(0))),
            share=float(Fraction(n, total)) if total else 0.0,
            impact_ratio=None if ratio is None else float(ratio),
            small=small[cat], excluded=excluded,
            four_fifths=ratio is not None and ratio < Fraction(threshold).limit_denominator(10**6),
            p_value=p, significant=p is not None and p < alpha,
        ))
    return AuditTable(dimension=dimension, rows=tuple(rows), unknown=unknown, reference=ref)


def _as_demographics(demographics: Mapping[str, Demographic] | Iterable[Demographic]
                     ) -> dict[str, Demographic]:
    if isinstance(demographics, Mapping):
        return dict(demographics)
    return {d.id: d for d in demographics}


def _check(threshold: float, small_share: float, test: str, alpha: float) -> None:
    if not 0 < threshold <= 1:
        raise F101(f"threshold must be in (0, 1], not {threshold}.")
    if not 0 <= small_share < 1:
        raise F102(f"small_share must be in [0, 1), not {small_share}.")
    if test not in ("fisher", "z"):
        raise F103(f"test must be 'fisher' or 'z', not {test!r}.")
    if not 0 < alpha < 1:
        raise F104(f"alpha must be in (0, 1), not {alpha}.")


def _audit(kind: str, hits_by_id: dict[str, bool], demographics: Mapping[str, Demographic]
           | Iterable[Demographic], *, median: float | None, test: Test, threshold: float,
           small_share: float, exclude_small: bool, alpha: float,
           sources: Mapping[str, str] | None) -> Audit:
    _check(threshold, small_share, test, alpha)
    demo = _as_demographics(demographics)
    if not hits_by_id:
        raise F120("no outcomes to audit.",
                   hint="Pass a results file with at least one candidate.")
    total = len(hits_by_id)
    counts: dict[str, dict[str, list[int]]] = {d: {} for d in DIMENSIONS}
    unknown = dict.fromkeys(DIMENSIONS, 0)
    missing = 0
    for cid, hit in hits_by_id.items():
        d = demo.get(cid)
        if d is None:
            missing += 1
        values = {
            "sex": d.sex if d else None,
            "race": d.race if d else None,
            "intersection": intersection(d) if d else None,
            "age": d.age_group if d else None,
        }
        for dim, cat in values.items():
            if cat is None:
                unknown[dim] += 1
                continue
            slot = counts[dim].setdefault(cat, [0, 0])
            slot[0] += 1
            slot[1] += int(hit)
    tables = tuple(
        _table(dim, {c: (v[0], v[1]) for c, v in counts[dim].items()}, unknown[dim], total,
               test=test, threshold=threshold, small_share=small_share,
               exclude_small=exclude_small, alpha=alpha)
        for dim in DIMENSIONS
    )
    return Audit(
        kind=kind, total=total, hits=sum(hits_by_id.values()), tables=tables, median=median,
        missing_demographics=missing,
        unused_demographics=sum(1 for k in demo if k not in hits_by_id),
        parameters={"test": test, "threshold": threshold, "small_share": small_share,
                    "exclude_small": exclude_small, "alpha": alpha},
        sources=dict(sources or {}),
        generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )


def _outcomes(outcomes: Iterable[Outcome] | Mapping[str, object]) -> list[Outcome]:
    if isinstance(outcomes, Mapping):
        out = []
        for k, v in outcomes.items():
            if isinstance(v, bool):
                out.append(Outcome(str(k), selected=v))
            else:
                out.append(Outcome(str(k), score=float(v)))  # type: ignore[arg-type]
        return out
    return list(outcomes)


def _unique(outs: list[Outcome]) -> None:
    seen: set[str] = set()
    for o in outs:
        if o.id in seen:
            raise F121(f"candidate {o.id!r} appears twice in the results.",
                       hint="Audit one run at a time, one row per candidate.")
        seen.add(o.id)


def audit_selection(outcomes: Iterable[Outcome] | Mapping[str, bool],
                    demographics: Mapping[str, Demographic] | Iterable[Demographic], *,
                    test: Test = "fisher", threshold: float = 0.8, small_share: float = 0.02,
                    exclude_small: bool = False, alpha: float = 0.05,
                    sources: Mapping[str, str] | None = None) -> Audit:
    """Selection rates and impact ratios per category (see the module docstring).

    ``outcomes`` are :class:`Outcome` records with ``selected`` set, or a mapping of
    candidate id to a bool.
    """
    outs = _outcomes(outcomes)
    _unique(outs)
    missing = [o.id for o in outs if o.selected is None]
    if missing:
        raise F122(f"{len(missing)} outcome(s) have no selection decision "
                   f"(first: {missing[0]!r}).",
                   hint="Give every candidate selected true/false, or pass --top K "
                        "to select a ranking's top K.")
    return _audit("selection", {o.id: bool(o.selected) for o in outs}, demographics,
                  median=None, test=test, threshold=threshold, small_share=small_share,
                  exclude_small=exclude_small, alpha=alpha, sources=sources)


def audit_scores(outcomes: Iterable[Outcome] | Mapping[str, float],
                 demographics: Mapping[str, Demographic] | Iterable[Demographic], *,
                 test: Test = "fisher", threshold: float = 0.8, small_share: float = 0.02,
                 exclude_small: bool = False, alpha: float = 0.05,
                 sources: Mapping[str, str] | None = None) -> Audit:
    """Scoring rates (share strictly above the whole sample's median score) and impact
    ratios per category. The median is taken over every outcome audited, whatever its
    category (known or not)."""
    outs = _outcomes(outcomes)
    _unique(outs)
    missing = [o.id for o in outs if o.score is None]
    if missing:
        raise F123(f"{len(missing)} outcome(s) have no score "
                   f"(first: {missing[0]!r}).",
                   hint="Audit a scoring or ranking run whose rows carry a score.")
    if not outs:
        raise F120("no outcomes to audit.",
                   hint="Pass a results file with at least one candidate.")
    median = statistics.median(float(o.score) for o in outs)  # type: ignore[arg-type]
    return _audit("scoring", {o.id: float(o.score) > median for o in outs},  # type: ignore[arg-type]
                  demographics, median=float(median), test=test, threshold=threshold,
                  small_share=small_share, exclude_small=exclude_small, alpha=alpha,
                  sources=sources)


def _sha256(path: str) -> str:
    import hashlib
    from pathlib import Path

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def run_audits(outcomes: Iterable[Outcome], demographics: Mapping[str, Demographic], *,
               kind: Literal["auto", "selection", "scoring"] = "auto", test: Test = "fisher",
               threshold: float = 0.8, exclude_small: bool = False,
               results_path: str | None = None,
               demographics_path: str | None = None) -> list[Audit]:
    """The audits a results file allows: ``auto`` runs the selection audit when every
    outcome has a decision and the scoring audit when every outcome has a score."""
    outs = list(outcomes)
    sources = {}
    if results_path:
        sources["results"] = _sha256(results_path)
    if demographics_path:
        sources["demographics"] = _sha256(demographics_path)
    opts = dict(test=test, threshold=threshold, exclude_small=exclude_small, sources=sources)
    audits = []
    want_sel = kind == "selection" or (kind == "auto" and all(o.selected is not None for o in outs))
    want_score = kind == "scoring" or (kind == "auto" and all(o.score is not None for o in outs))
    if want_sel:
        audits.append(audit_selection(outs, demographics, **opts))  # type: ignore[arg-type]
    if want_score:
        audits.append(audit_scores(outs, demographics, **opts))  # type: ignore[arg-type]
    if not audits:
        raise F124("the results have neither a decision nor a score for "
                   "every candidate.",
                   hint="Pass --top K for a ranking, or --kind with the right fields.")
    return audits
