"""Would a learned verifier over the extractor's credits raise precision? (issue #13)

About one credit in six on an unseen gold set is one the reader did not give. If those false
credits looked different from the true ones (a layer, a section, a skill that is often
wrong, a lone mention), a small model could drop them. This probe asks that question
honestly: every gold set in turn is left out; a logistic regression is fit on the credits
of the other sets, with each skill's past precision computed without the set it describes
(leave one set out inside the training sets as well); its threshold is the one that
maximises F1 on those training credits; the left-out set is then scored with and without
the verifier. A threshold at the bottom of the grid means the model found nothing worth
dropping.

Features of one credited skill in one document: how many counting mentions it has; which
layers found it (lexical alias, duty pattern); the sections its mentions sit in; whether
a mention is the skill's own label, is short (4 characters or less), has a requirement
level or years, sits inside a role; the document kind; the skill's smoothed precision in
the training sets and how often it was credited there.

    python bench/extract_verifier_probe.py [--gold DIR ...] [--words]

``--words`` runs only a third probe: single-word surfaces that were a credit's only
evidence, pruned in the left-out set when, in the other sets, they were right less than half
the time over at least 4 such credits.
"""

from __future__ import annotations

import argparse
import math
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from gold_sets import gold_sets  # bench/gold_sets.py (bench/ is on the path)
from skillmix.extract import Extractor
from skillmix.extract.evaluate import load_gold

SETS = gold_sets()
SECTIONS = ("experience", "skills", None, "summary", "responsibilities", "education",
            "requirements", "certifications", "projects", "other", "company")


def surfaces(ms) -> set[str]:
    """The lexical surfaces behind a credit (duty patterns are never pruned)."""
    return {" ".join(m.surface.lower().split()) for m in ms if m.extractor != "pattern"}


def prune_probe(rows, names, words: bool = False) -> None:
    """``words``: only single-word surfaces that were a credit's sole evidence, pruned when
    right less than half the time over at least 4 such credits in the other sets."""
    print("single words, sole evidence, precision < 0.5 over >= 4 credits in the other sets:"
          if words else "alias pruning (false at least twice, never true, in the other sets):")
    for held in names:
        seen: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in rows:
            if r[0] != held and r[4] is not None:
                keys = surfaces(r[4])
                if words and (any(m.extractor == "pattern" for m in r[4])
                              or any(" " in k for k in keys)):
                    continue
                for k in keys:
                    seen[k][0 if r[3] else 1] += 1
        if words:
            pruned = {k for k, (tp, fp) in seen.items() if tp + fp >= 4 and tp < fp}
        else:
            pruned = {k for k, (tp, fp) in seen.items() if fp >= 2 and tp == 0}
        for kind in ("resume", "posting"):
            test = [r for r in rows if r[0] == held and r[1] == kind]
            keep = [r[4] is not None and (any(m.extractor == "pattern" for m in r[4])
                                          or bool(surfaces(r[4]) - pruned)) for r in test]
            p0, r0 = pr(test, [True] * len(test))
            p1, r1 = pr(test, keep)
            print(f"  {held:12s} {kind:8s} P {p0:.3f} R {r0:.3f} -> P {p1:.3f} R {r1:.3f} "
                  f"({len(pruned)} surfaces pruned)")


def credits(sets: list[Path], ex: Extractor):
    """One row per (document, credited or gold skill): set, kind, skill, truth, mentions."""
    rows = []
    for g in sets:
        if not (g / "gold.jsonl").exists():
            continue
        for gd in load_gold(g / "gold.jsonl"):
            e = ex.extract((g / "docs" / f"{gd.doc}.txt").read_text("utf-8"), kind=gd.kind)
            by: dict[str, list] = defaultdict(list)
            for m in e.mentions:
                if m.counts:
                    by[m.skill_id].append(m)
            for sid, ms in by.items():
                rows.append((g.name, gd.kind, sid, sid in gd.credited, ms))
            for sid in gd.credited - set(by):
                rows.append((g.name, gd.kind, sid, True, None))
    return rows


def prior(rows) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for _s, _k, sid, y, ms in rows:
        if ms is not None:
            p, n = out.get(sid, (0, 0))
            out[sid] = (p + y, n + 1)
    return out


def features(kind: str, sid: str, ms, pri) -> list[float]:
    label = ms[0].label.lower()
    p, n = pri.get(sid, (0, 0))
    f = [math.log1p(len(ms)),
         any(m.extractor == "pattern" for m in ms), any(m.extractor != "pattern" for m in ms),
         *(any(m.section == s for m in ms) for s in SECTIONS),
         any(m.surface.lower() == label for m in ms), max(len(m.surface) for m in ms) <= 4,
         any(m.requirement in ("required", "preferred") for m in ms),
         any(m.years is not None for m in ms), any(m.role is not None for m in ms),
         kind == "posting", (p + 1.6) / (n + 2), math.log1p(n)]
    return [float(x) for x in f]


def pr(rows, keep) -> tuple[float, float]:
    tp = sum(1 for r, k in zip(rows, keep) if k and r[4] is not None and r[3])
    fp = sum(1 for r, k in zip(rows, keep) if k and r[4] is not None and not r[3])
    gold = sum(1 for r in rows if r[3])
    return tp / max(tp + fp, 1), tp / max(gold, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, action="append", default=None)
    ap.add_argument("--words", action="store_true", help="only the single-word pruning probe")
    args = ap.parse_args()
    rows = credits(args.gold or SETS, Extractor())
    if args.words:
        prune_probe(rows, sorted({r[0] for r in rows}), words=True)
        return
    names = sorted({r[0] for r in rows})
    print(f"{len(rows)} (document, skill) rows in {len(names)} sets; left-out set scored "
          "without / with the verifier")
    for held in names:
        train = [r for r in rows if r[0] != held]
        X, y = [], []
        for s in sorted({r[0] for r in train}):
            pri = prior([r for r in train if r[0] != s])
            for r in train:
                if r[0] == s and r[4] is not None:
                    X.append(features(r[1], r[2], r[4], pri))
                    y.append(r[3])
        A, t = np.array(X), np.array(y)
        model = LogisticRegression(C=1.0, max_iter=2000).fit(A, t)
        p_train = model.predict_proba(A)[:, 1]
        gold_train = sum(1 for r in train if r[3])
        best = (-1.0, 0.0)
        for th in np.arange(0.05, 0.70, 0.025):
            keep = p_train >= th
            tp, fp = int((keep & t).sum()), int((keep & ~t).sum())
            prec, rec = tp / max(tp + fp, 1), tp / gold_train
            best = max(best, (2 * prec * rec / max(prec + rec, 1e-9), float(th)))
        pri = prior(train)
        for kind in ("resume", "posting"):
            test = [r for r in rows if r[0] == held and r[1] == kind]
            found = [r for r in test if r[4] is not None]
            if not found:
                continue
            p = model.predict_proba(np.array([features(kind, r[2], r[4], pri) for r in found]))[:, 1]
            score = dict(zip(map(id, found), p))
            keep = [r[4] is not None and score[id(r)] >= best[1] for r in test]
            p0, r0 = pr(test, [True] * len(test))
            p1, r1 = pr(test, keep)
            print(f"  {held:12s} {kind:8s} P {p0:.3f} R {r0:.3f} -> P {p1:.3f} R {r1:.3f} "
                  f"(threshold {best[1]:.3f})")
    prune_probe(rows, names)


if __name__ == "__main__":
    main()
