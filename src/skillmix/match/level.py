"""The level component: how far apart a posting's seniority and a candidate's lie.

Skills and text cannot tell an internship from a director's post when both ask for the same
tools, so a senior candidate saw internships ranked first. Each side is read on the 0-5
scale of ``assess/data/seniority.yaml`` (intern, junior, mid, senior, manager, executive),
the table scorecards use, as a range ``[low, high]``:

* a **posting**: the level its title's words name ("internship" 0, "Coordinator" 1,
  "Senior" 3, "Director" 4; the lowering rule makes "Associate Marketing Manager" 3),
  and the level its years asked reach (a "5+ years" posting: mid and above, since a
  minimum is no ceiling); with both, the range that covers both;
* a **candidate**: the level their dated years reach (``years`` in the same table), and the
  level the title of their latest dated role names; with both, the range that covers both,
  so a twelve-year "Social Media Specialist" is not read as a junior.

A title without a listed word says nothing here (on a scorecard it reads as mid): "Marketing
Specialist" may be a first job or a tenth. A side with neither reading is unknown and the
component is 1. The gap is the distance between the two ranges (0 when they overlap) and

    level = 1 for a gap of 0 or 1 (a step up or down is an ordinary move),
            0.5 for a gap of 2, 0 for a gap of 3 or more

It enters the score as ``w_level * (level - 1)``: a far mismatch costs at most
``w_level``, and a pair that fits or is unknown loses nothing.

**Which mismatches count depends on who is ranked.** Ranking jobs for a candidate
(``rank --candidate``), a post far below their level is a poor match for them, and counts.
Ranking candidates for a job (``rank --job``), only a candidate far *below* the post's level
counts: marking down the most experienced as "over-qualified" falls on older candidates
(years of experience are a proxy for age, which the fairness audit does not cover), and a
job's own requirements are minimums. So ``over=False`` there: over-qualification neither
scores nor is named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np

if TYPE_CHECKING:
    from ..assess.evidence import CandidateEvidence

__all__ = ["UNKNOWN", "LevelReading", "level_arrays", "level_codes", "level_fit", "level_sentence",
           "level_table", "posting_level", "resume_level"]

#: the scale's top (executive); a posting's years asked leave its range open up to here
TOP = 5


@dataclass(frozen=True, slots=True)
class LevelReading:
    """One document's level range on the seniority scale and the words that set it.

    ``why`` completes "the posting ..." or "the candidate ..." in an explanation."""

    low: int
    high: int
    why: str


def posting_level(title: str | None, years: Iterable[float] = ()) -> LevelReading | None:
    """A posting's level from its title's words and the years of experience it asks
    (the largest figure); ``None`` when neither says anything."""
    from ..assess.evidence import seniority_of_years, seniority_words

    said = seniority_words(title)
    asked = max((y for y in years if y > 0), default=0.0)
    by_years = seniority_of_years(asked) if asked > 0 else None
    if said is None and by_years is None:
        return None
    if said is None:
        assert by_years is not None
        return LevelReading(by_years[0], TOP, f"asks {asked:g} years of experience "
                                               f"({by_years[1]} level or above)")
    level, label, word = said
    why = f'is {label} level ("{word}" in its title'
    if by_years is None:
        return LevelReading(level, level, why + ")")
    return LevelReading(min(level, by_years[0]), max(level, by_years[0]),
                        why + f", {asked:g} years asked)")


def resume_level(ev: "CandidateEvidence") -> LevelReading | None:
    """A candidate's level from their dated years and their latest dated role's title
    (the first role listed when none is dated); ``None`` when neither says anything."""
    from ..assess.evidence import seniority_of_years, seniority_words

    years = float(ev.total_years)
    by_years = seniority_of_years(years) if years > 0 else None
    latest = _latest_title(ev)
    said = seniority_words(latest)
    if said is None and by_years is None:
        return None
    parts = []
    if by_years is not None:
        parts.append(f"has {years:.1f} years of dated experience")
    if said is not None:
        role = f'latest role "{" ".join((latest or "").split())}" ({said[1]})'
        parts.append(role if parts else f"has no dated years; {role}")
    levels = [r[0] for r in (by_years, said) if r is not None]
    return LevelReading(min(levels), max(levels), ", ".join(parts))


def _latest_title(ev: "CandidateEvidence") -> str | None:
    """The title of the role that ran latest (the highest-level title among ties)."""
    from ..assess.evidence import seniority_words

    dated = [(r.last_day(ev.today) or date.min, r.title) for r in ev.roles
             if r.title and r.start is not None]
    if not dated:
        return next((r.title for r in ev.roles if r.title), None)
    last = max(d for d, _ in dated)
    ties = [t for d, t in dated if d == last]
    return max(ties, key=lambda t: (seniority_words(t) or (-1,))[0])


#: the code of an unknown range (see :func:`level_codes`)
UNKNOWN = 64


def level_codes(lows: np.ndarray, highs: np.ndarray) -> np.ndarray:
    """Ranges as one small code each, ``low * 8 + high`` (:data:`UNKNOWN` where ``low`` is
    -1): scoring a pool is then one table look-up per document."""
    codes = lows.astype(np.int16) * 8 + highs.astype(np.int16)
    return np.where(lows >= 0, codes, UNKNOWN).astype(np.uint8)


def level_table(low: int, high: int, *, over: bool = True) -> np.ndarray:
    """The component for the query range ``[low, high]`` against every code: 1 up to a gap
    of one level, 0.5 at two, 0 from three; 1 against an unknown range. ``over=False``
    counts only ranges below the query's (a posting's candidates under its level)."""
    codes = np.arange(UNKNOWN + 1)
    lows, highs = codes // 8, codes % 8
    below = low - highs
    gap = np.maximum(0, np.maximum(lows - high, below) if over else below)
    fit = np.clip(1.0 - 0.5 * (gap - 1), 0.0, 1.0)
    fit[UNKNOWN] = 1.0
    return fit


def level_fit(low: int, high: int, lows: np.ndarray, highs: np.ndarray, *,
              over: bool = True) -> np.ndarray:
    """The component for one document's range ``[low, high]`` against many (``lows`` and
    ``highs`` aligned, -1 where unknown); ``over`` as in :func:`level_table`."""
    return level_table(low, high, over=over)[level_codes(lows, highs)]


def level_sentence(posting: LevelReading | None, candidate: LevelReading | None, *,
                   over: bool = True) -> str | None:
    """Why the component is below 1, in words; ``None`` when it is 1 (``over=False``: a
    candidate above the posting's level is never named)."""
    if posting is None or candidate is None:
        return None
    fit = float(level_fit(posting.low, posting.high, np.array([candidate.low]),
                          np.array([candidate.high]), over=over)[0])
    if fit >= 1.0:
        return None
    if candidate.low > posting.high:
        what, gap = "over-qualified", candidate.low - posting.high
    else:
        what, gap = "under-qualified", posting.low - candidate.high
    return (f"far {what} ({gap} levels apart): the posting {posting.why}; the candidate "
            f"{candidate.why}: level {fit:.2f}.")


def level_arrays(readings: Sequence[LevelReading | None]) -> tuple[np.ndarray, np.ndarray]:
    """Readings as aligned ``low`` and ``high`` arrays (-1 where unknown), as an index
    stores them."""
    low = np.array([r.low if r is not None else -1 for r in readings], dtype=np.int8)
    high = np.array([r.high if r is not None else -1 for r in readings], dtype=np.int8)
    return low, high
