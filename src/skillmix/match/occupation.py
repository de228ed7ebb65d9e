"""The occupation component: how much of a candidate's work history lies in the posting's
occupation.

Skills say what a candidate can do; the role history says what they have been paid to do.
A posting's title and text are normalised to an O*NET-SOC occupation
(:mod:`skillmix.occupations`), and so is every role of a résumé (its title read with the
lines under it). The component is

    occupation = (months in the posting's SOC detailed occupation
                  + occupation_major_credit x months elsewhere in its SOC major group)
                 / all months of the history

in [0, 1], 0 when either side has no occupation. It enters the score with weight
``w_occupation``, which is 0 by default: the feature stays off until it earns its weight
on the ranking evaluation (``bench/rank_quality.py --occupation``).

A :class:`~.features.MatchDocument` carries ``occupations``: for a posting its detailed
code with weight 1, for a résumé months per detailed code (:func:`with_occupations`).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Mapping, Sequence

import numpy as np

from ..records import Document
from .features import MatchDocument

__all__ = ["occupation_scores", "occupation_sentence", "with_occupations"]


def with_occupations(md: MatchDocument, document: Document, *, today: date | None = None) -> MatchDocument:
    """``md`` with its occupations filled: the posting's normalised occupation, or the
    months per occupation of the résumé's roles."""
    from ..occupations import TitleNormaliser, normalise_title
    from ..occupations.history import role_history

    if md.kind == "posting":
        best = normalise_title(md.title or document.title or "", document.text).best
        occ = {best.detailed: 1.0} if best is not None else {}
    else:
        occ = {}
        for role in role_history(document, TitleNormaliser(k=1), today=today):
            best = role.match.best
            if best is not None and role.months > 0:
                occ[best.detailed] = occ.get(best.detailed, 0.0) + float(role.months)
    return dataclasses.replace(md, occupations=occ)


def _fit(history: Mapping[str, float], target: str, major_credit: float) -> float:
    total = sum(history.values())
    if not total:
        return 0.0
    same = history.get(target, 0.0)
    near = sum(m for code, m in history.items() if code != target and code[:2] == target[:2])
    return min(1.0, (same + major_credit * near) / total)


def _target(posting: Mapping[str, float]) -> str | None:
    return max(posting, key=lambda c: (posting[c], c)) if posting else None


def occupation_scores(query: MatchDocument, others: Sequence[Mapping[str, float]],
                      major_credit: float) -> np.ndarray:
    """The component for ``query`` against each document's occupations (same order)."""
    out = np.zeros(len(others))
    if query.kind == "posting":
        target = _target(query.occupations)
        if target is None:
            return out
        for i, hist in enumerate(others):
            out[i] = _fit(hist, target, major_credit)
    else:
        if not query.occupations:
            return out
        for i, occ in enumerate(others):
            target = _target(occ)
            if target is not None:
                out[i] = _fit(query.occupations, target, major_credit)
    return out


def occupation_sentence(history: Mapping[str, float], posting: Mapping[str, float],
                        major_credit: float) -> str:
    """Why the component is what it is, in words (for an explanation)."""
    from ..occupations.index import occupation_titles

    target = _target(posting)
    total = int(round(sum(history.values())))
    if target is None or not total:
        return "No occupation to compare (no dated roles, or the posting's occupation is unknown)."
    names = {code[:7]: name for code, name in occupation_titles().items() if code.endswith(".00")}
    name = names.get(target, target)
    same = int(round(history.get(target, 0.0)))
    near = {c: m for c, m in history.items() if c != target and c[:2] == target[:2]}
    parts = [f"{same} of {total} months as {name} ({target})"]
    if near:
        listed = ", ".join(f"{names.get(c, c)} {int(round(m))}" for c, m in sorted(near.items(), key=lambda kv: -kv[1])[:3])
        parts.append(f"{int(round(sum(near.values())))} months in the same occupation group, counted at "
                     f"{major_credit:g} ({listed})")
    return "; ".join(parts) + f": occupation {_fit(history, target, major_credit):.2f}."
