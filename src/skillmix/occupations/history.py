"""A candidate's role history as occupations, and how it fits a posting's occupation.

Each role title of a résumé is normalised with the role's own text (the lines under it), so
"Associate" at a bank and "Associate" at a shop can differ. :func:`occupation_fit` then says
how much of the candidate's dated experience lies in the posting's occupation (SOC detailed)
or its major group, with a sentence that explains the figure.

This is a feature for ranking, *not wired into* :mod:`skillmix.match` yet: it stays off
until it earns a weight on the ranking evaluation (issue 17).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..records import Document, Resume
from .normalise import TitleNormaliser
from .records import TitleMatch

__all__ = ["OccupationFit", "RoleOccupation", "occupation_fit", "role_history"]

MAJOR_CREDIT = 0.5  # a month in the same major group counts half a month in the occupation
UNDATED_MONTHS = 12  # a role without dates counts as a year


@dataclass(frozen=True, slots=True)
class RoleOccupation:
    """One role of a work history with its normalised occupation."""

    title: str
    months: int
    match: TitleMatch


@dataclass(frozen=True, slots=True)
class OccupationFit:
    """How a work history fits a posting's occupation: ``score`` in [0, 1] is (months in
    the occupation + ``MAJOR_CREDIT`` x months elsewhere in its major group) / all months."""

    score: float
    occupation_months: int
    major_group_months: int
    total_months: int
    explanation: str


def role_history(resume: Resume | Document, normaliser: TitleNormaliser | None = None,
                 today: date | None = None) -> tuple[RoleOccupation, ...]:
    """Every dated or undated role of a résumé with its occupation, in résumé order."""
    doc = resume.document if isinstance(resume, Resume) else resume
    norm = normaliser or TitleNormaliser(k=3)
    out = []
    for role in doc.roles:
        text = doc.text[role.span_start:role.span_end] if role.span_end > role.span_start else None
        months = role.months(today) or UNDATED_MONTHS
        out.append(RoleOccupation(role.title, months, norm.normalise(role.title, text)))
    return tuple(out)


def occupation_fit(history: tuple[RoleOccupation, ...], posting: TitleMatch) -> OccupationFit:
    """Share of the candidate's experience in the posting's occupation or its major group."""
    target = posting.best
    total = sum(r.months for r in history)
    if target is None or not history or total == 0:
        return OccupationFit(0.0, 0, 0, total, "No occupation to compare (no roles or no posting occupation).")
    same = [r for r in history if r.match.best and r.match.best.detailed == target.detailed]
    near = [r for r in history if r.match.best and r.match.best.detailed != target.detailed
            and r.match.best.major == target.major]
    m_same = sum(r.months for r in same)
    m_near = sum(r.months for r in near)
    score = min(1.0, (m_same + MAJOR_CREDIT * m_near) / total)
    parts = []
    if same:
        parts.append(f"{m_same} of {total} months as {target.title} ({target.detailed}): "
                     + ", ".join(f'"{r.title}"' for r in same[:3]))
    if near:
        parts.append(f"{m_near} months elsewhere in the same occupation group ({target.major}): "
                     + ", ".join(f'"{r.title}" ({r.match.best.title})' for r in near[:3] if r.match.best))
    if not parts:
        parts.append(f"none of {total} months in {target.title} or its occupation group")
    return OccupationFit(round(score, 4), m_same, m_near, total, "; ".join(parts) + ".")
