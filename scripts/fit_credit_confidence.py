"""Fit the extractor's credit confidence (``src/skillmix/extract/data/credit_confidence.yaml``)
on the blind gold sets, and say how well it holds on a set it did not see.

The sets are those read to the expert readers' density, blind to every system output
(``bench/data/gold_fresh14`` onwards; see their READMEs). For each document kind and cell
(which layers credited the skill, in one sentence or more; ``skillmix.extract.confidence``)
the value is the smoothed share of the extractor's credits the readers also credit; each
skill keeps its own record against its cells (the sum of credited minus cell value, and its
number of credits), which ``SKILL_PRIOR`` pseudo-credits shrink towards the cell.

Before writing, it scores the table leave one gold set out: fitted on the other sets,
scored on the set left out. It prints the Brier score of the held-out confidences beside
three baselines (the old constant 1.0, one pooled share for every credit, and the cells
without the skills' records) and the
precision and recall a user gets by keeping only credits at or above a threshold
(``skillmix extract --min-confidence``). Refit after every change to the extraction rules
(the rules digest, ``EXTRACTOR_VERSION``, includes the table, so it changes too):

    PYTHONPATH=src python scripts/fit_credit_confidence.py [--first 14] [--dry-run]
           [--later gold_fresh28,gold_fresh29]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from gold_sets import expert_density_sets  # noqa: E402

from skillmix.extract import Extractor  # noqa: E402
from skillmix.extract.confidence import (  # noqa: E402
    CELLS,
    KINDS,
    SKILL_PRIOR,
    ConfidenceTable,
    cell_of,
    smoothed,
)
from skillmix.extract.evaluate import credits_per_document  # noqa: E402

OUT = ROOT / "src" / "skillmix" / "extract" / "data" / "credit_confidence.yaml"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)

Row = tuple[str, str, str, str, bool]  # set, kind, cell, skill, the readers credit it


def credit_rows(sets: list[Path]) -> tuple[list[Row], collections.Counter]:
    """One row per (document, credited skill), and the readers' credits never found."""
    ex = Extractor("builtin")
    rows: list[Row] = []
    missed: collections.Counter = collections.Counter()
    for gs in sets:
        for g, _, by in credits_per_document(ex.extract, gs):
            gold = set(g.credited)
            missed[(gs.name, g.kind)] += len(gold - set(by))
            for sid, ms in by.items():
                cell = cell_of(ms)
                if cell is not None:
                    rows.append((gs.name, g.kind, cell, sid, sid in gold))
    return rows, missed


def counts(rows: list[Row]) -> dict[tuple[str, str], list[int]]:
    c: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for _, kind, cell, _, truth in rows:
        c[(kind, cell)][0 if truth else 1] += 1
    return c


def fit(rows: list[Row]) -> ConfidenceTable:
    """The cells' values and every skill's record against them."""
    c = counts(rows)
    values = {key: smoothed(t, f) for key, (t, f) in c.items()}
    record: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0])
    for _, kind, cell, sid, truth in rows:
        record[sid][0] += truth - values[(kind, cell)]
        record[sid][1] += 1
    return ConfidenceTable(values=values, measured_on="",
                           skills={s: (round(r, 3), int(n)) for s, (r, n) in record.items()})


def pooled_share(rows: list[Row]) -> dict[str, float]:
    """One share per kind for every credit: the baseline a table must beat."""
    return {k: sum(r[4] for r in rows if r[1] == k) / max(1, sum(r[1] == k for r in rows))
            for k in KINDS}


def held_out(rows: list[Row], missed: collections.Counter) -> None:
    """Leave one set out: Brier scores and the operating points of a threshold."""
    sets = sorted({r[0] for r in rows})
    sq = {"cells and skills (shipped)": 0.0, "cells only": 0.0, "pooled share": 0.0,
          "constant 1.0 (before)": 0.0}
    n = 0
    tally: collections.Counter = collections.Counter()
    for held in sets:
        train = [r for r in rows if r[0] != held]
        table = fit(train)
        pooled = pooled_share(train)
        for _, kind, cell, sid, truth in (r for r in rows if r[0] == held):
            base = table.value(kind, cell)
            p = table.value(kind, cell, sid)
            base = 0.5 if base is None else base
            p = 0.5 if p is None else p
            sq["cells and skills (shipped)"] += (p - truth) ** 2
            sq["cells only"] += (base - truth) ** 2
            sq["pooled share"] += (pooled[kind] - truth) ** 2
            sq["constant 1.0 (before)"] += (1.0 - truth) ** 2
            n += 1
            for thr in (0.0, *THRESHOLDS):
                keep = p >= thr
                tally[(thr, kind, "tp")] += keep and truth
                tally[(thr, kind, "fp")] += keep and not truth
                tally[(thr, kind, "fn")] += (not keep) and truth
        for thr in (0.0, *THRESHOLDS):
            for kind in KINDS:
                tally[(thr, kind, "fn")] += missed[(held, kind)]
    print(f"leave one set out over {len(sets)} sets ({n} credits): Brier score, lower is better")
    for name, v in sq.items():
        print(f"  {name:28s} {v / max(1, n):.3f}")
    print("keeping credits at or above a threshold (held-out confidences):")
    for thr in (0.0, *THRESHOLDS):
        cols = []
        for kind in KINDS:
            tp, fp, fn = (tally[(thr, kind, x)] for x in ("tp", "fp", "fn"))
            p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
            cols.append(f"{kind} P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}")
        print(f"  >= {thr:.1f}  " + "; ".join(cols))


def later_sets(rows: list[Row], names: list[str]) -> None:
    """Fit on every set but ``names`` and score those: how the table met sets drawn after it."""
    train = [r for r in rows if r[0] not in names]
    test = [r for r in rows if r[0] in names]
    table = fit(train)
    pooled = pooled_share(train)
    sq = collections.Counter()
    for _, kind, cell, sid, truth in test:
        sq["cells and skills (shipped)"] += (table.value(kind, cell, sid) - truth) ** 2
        sq["cells only"] += (table.value(kind, cell) - truth) ** 2
        sq["pooled share"] += (pooled[kind] - truth) ** 2
        sq["constant 1.0 (before)"] += (1.0 - truth) ** 2
    print(f"fitted without {', '.join(names)}, scored on them ({len(test)} credits): Brier")
    for name, v in sq.items():
        print(f"  {name:28s} {v / max(1, len(test)):.3f}")


def write(rows: list[Row], sets: list[Path]) -> str:
    c = counts(rows)
    table = fit(rows)
    lines = [
        "# How likely a careful recruiter credits a skill the extractor credits",
        "# (skillmix.extract.confidence): per document kind and cell, the smoothed share",
        "# (credited + 1) / (all + 2) of the extractor's credits that the blind readers also",
        "# credited; per skill, [sum of (credited - cell value), credits] over its credits.",
        "# Written by scripts/fit_credit_confidence.py; do not edit by hand.",
        "version: 1",
        f"measured_on: blind gold sets {sets[0].name} to {sets[-1].name} "
        f"({len(sets)} sets, {len(rows)} credits)",
        f"skill_prior: {SKILL_PRIOR:g}",
        "cells:",
    ]
    for kind in KINDS:
        lines.append(f"  {kind}:")
        for cell in CELLS:
            t, f = c[(kind, cell)]
            lines.append(f'    "{cell}": {{p: {smoothed(t, f)}, credited: {t}, not_credited: {f}}}')
    lines.append("skills:")
    for sid in sorted(table.skills):
        residual, n = table.skills[sid]
        lines.append(f"  {sid}: [{residual:g}, {n}]")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--first", type=int, default=14, help="first blind set (gold_freshN)")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the table")
    ap.add_argument("--later", metavar="SET,SET",
                    help="also fit without these sets and score them (e.g. the sets drawn "
                         "after a table was fitted: gold_fresh28,gold_fresh29)")
    args = ap.parse_args()
    sets = expert_density_sets(args.first)
    if not sets:
        sys.exit("no blind gold set found under bench/data")
    rows, missed = credit_rows(sets)
    held_out(rows, missed)
    if args.later:
        later_sets(rows, args.later.split(","))
    text = write(rows, sets)
    print("\n".join(text.splitlines()[:22]))
    if not args.dry_run:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
