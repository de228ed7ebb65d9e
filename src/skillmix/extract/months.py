"""Years of experience written in months, bound to one skill.

A résumé writes months far more often for a role, a project or a course ("Data Analyst
(24 months)", "Duration: 6 months", "Consultant: 3 months") than for a skill. So where
the years rule takes the nearest "N years" of the sentence (for every member of a list
when it stands outside parentheses), a span in months counts for a skill only when it is
written against it, in the same list item and on the same line:

* after the skill, across nothing but spaces and one dash, colon or opening parenthesis:
  "Python (18 months)", "SQL – 6 mos"; or, where a label ("experience") stands before the
  figure, across any words of the same item: the Kaggle résumé export's skill list,
  "Python- Exprience - 24 months", "APACHE HADOOP HDFS- Experience - 49 months". There
  the sentence rules read the dash as a glued list item, so the figure stands in the
  next "sentence": the rule reads the text between the two, which holds no line break
  and no list separator;
* before it, joined by "of" or the label: "18 months of Python", "18 months' experience
  with SQL". A figure that leads a skill this way is not also the span of the skill
  before it ("SQL 6 months of Python"), and one that leads no skill binds to none
  ("24 months of internship using Python").

"Less than 1 year" binds as a figure does but claims nothing: the years of a mention are
a floor ("3+ years", the low end of "3-5 years"), and the phrase only sets a ceiling; any
number (0.5, 1) would be invented. Months become years to one decimal (24 -> 2.0, 6 ->
0.5, 31 -> 2.6), as the blind readers of the gold sets wrote them (``gold_fresh38`` to
``gold_fresh41``: "N months converted to N/12 years rounded to one decimal", "Less than 1
year months gives null"), and as precise as the years rule reads ("3.5 years").

The units, the under-a-year phrases and the labels are data (``data/context_cues.yaml``);
units and phrases ride in the extractor's automaton as cue families, so a document
without them costs nothing here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

from .duties import load_data

__all__ = ["MONTH_FAMILIES", "MonthFigure", "leading", "month_figures", "trailing"]

#: the cue families of ``context_cues.yaml`` the figures are made of
MONTH_FAMILIES = frozenset(("months", "under_a_year"))
#: most months a figure may state (40 years, the years rule's cap)
_MOST = 480
#: the number before a unit (a whole word, as the automaton finds it): "24 months", "6
#: mos"; not "6-month" (a span of something else: "a 6-month contract"), "1,200 months"
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3})[ \t]*\Z")
#: farthest a figure may stand from its skill
_REACH = 60


@dataclass(frozen=True, slots=True)
class MonthFigure:
    """A span in months in the text: the number (or "less than") through its unit.
    ``years`` is None for a span under a year."""

    start: int
    end: int
    years: float | None


def month_figures(text: str, cues: list[tuple[int, int, str]]) -> list[MonthFigure]:
    """The document's spans in months, in text order, from its cues (start, end,
    family): a unit with a number before it, or an under-a-year phrase (with the unit the
    Kaggle export writes after it, "Less than 1 year months")."""
    out: list[MonthFigure] = []
    for c_start, c_end, fam in cues:
        if fam == "under_a_year":
            out.append(MonthFigure(c_start, c_end, None))
        elif fam == "months":
            m = _NUMBER_BEFORE.search(text, max(0, c_start - 6), c_start)
            if m is not None:
                n = int(m.group(1))
                if 0 < n <= _MOST:
                    out.append(MonthFigure(m.start(1), c_end, round(n / 12, 1)))
            elif out and out[-1].years is None and out[-1].end <= c_start \
                    and not text[out[-1].end:c_start].strip(" \t"):
                last = out[-1]
                out[-1] = MonthFigure(last.start, c_end, None)
    return out


@lru_cache(maxsize=1)
def _bridges() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The text allowed between a skill and a figure after it, and between a figure
    and a skill after it, with the labels of the data file."""
    labels = load_data("context_cues.yaml").get("months_labels") or []
    words = "|".join(r"[ \t]+".join(map(re.escape, str(w).split())) for w in labels if str(w).strip())
    label = f"(?P<label>{words})" if words else "(?P<label>(?!))"
    # with a label, any words of the same item may stand before it ("APACHE HADOOP HDFS-
    # Experience - 49 months", "MS SQL SERVER 2000- Experience - 6 months"): the label
    # closes the item whose span it gives; without one, only a dash, colon or parenthesis
    after = re.compile(
        r"[^\n\r,;|()]*?[ \t]*(?:[-–—:(][ \t]*)?" + label + r"[ \t]*(?:[-–—:][ \t]*)?"
        r"|[ \t]*(?:[-–—:(][ \t]*)?", re.IGNORECASE)
    kind = r"(?:(?:hands[- ]on|professional|relevant|working|practical)[ \t]+)?"
    prep = r"(?:(?:in|with|using|on|of)[ \t]+)?"
    lead = r"of[ \t]+"
    if words:  # "of Python", "of experience in Python", "' experience with SQL"
        lead = f"{lead}{kind}(?:(?:{words})[ \\t]+{prep})?|{kind}(?:{words})[ \\t]+{prep}"
    before = re.compile(r"['’]?[ \t]+(?:" + lead + ")", re.IGNORECASE)
    return after, before


def trailing(
    text: str, figures: list[MonthFigure], starts: list[int], end: int, skills: Container[int],
) -> tuple[MonthFigure, bool] | None:
    """The figure written right after a skill that ends at ``end``, and whether a label
    stands between them ("Python- Exprience - 24 months"). ``starts`` are the figures'
    starts; ``skills`` the starts of the document's mentions: a figure that leads one of
    them is its span, not this skill's ("SQL 6 months of Python")."""
    i = bisect_left(starts, end)
    if i == len(figures) or starts[i] - end > _REACH:
        return None
    fig = figures[i]
    after, before = _bridges()
    m = after.fullmatch(text, end, fig.start)
    if m is None:
        return None  # other words between: "Python developer (24 months)"
    lead = before.match(text, fig.end)
    if lead is not None and lead.end() in skills:
        return None
    return fig, m.group("label") is not None


def leading(text: str, figures: list[MonthFigure], starts: list[int], start: int) -> MonthFigure | None:
    """The figure that leads a skill starting at ``start``: "18 months of Python"."""
    i = bisect_right(starts, start) - 1
    if i < 0:
        return None
    fig = figures[i]
    if fig.end > start or start - fig.end > _REACH:
        return None
    return fig if _bridges()[1].fullmatch(text, fig.end, start) is not None else None
