"""Typed records of title normalisation: what a title matched and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["OccupationCandidate", "TitleEntry", "TitleMatch"]


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """One O*NET title in the index: the occupation's own title, an alternate, short or
    reported title."""

    soc: str
    kind: str  # "occupation", "alternate", "short" or "reported"
    title: str


@dataclass(frozen=True, slots=True)
class OccupationCandidate:
    """An O*NET-SOC 2019 occupation a title may belong to.

    ``soc`` is the O*NET-SOC code ("15-1252.00"); ``detailed`` its SOC detailed occupation
    ("15-1252") and ``major`` its SOC major group ("15"). ``matched`` is the O*NET title the
    posting's title met ("" when only the posting's text pointed here); ``title_score`` and
    ``text_score`` are the two parts of ``score`` (higher is better).
    """

    soc: str
    title: str
    score: float
    matched: str
    kind: str
    title_score: float
    text_score: float | None = None

    @property
    def detailed(self) -> str:
        return self.soc[:7]

    @property
    def major(self) -> str:
        return self.soc[:2]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "soc": self.soc,
            "title": self.title,
            "score": round(self.score, 4),
            "matched": self.matched,
            "kind": self.kind,
            "title_score": round(self.title_score, 4),
        }
        if self.text_score is not None:
            out["text_score"] = round(self.text_score, 4)
        return out


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title normalised to ranked occupations.

    ``cleaned`` is the variant of the title that matched best. ``used_text`` says the posting's
    text took part in the ranking. ``disagrees`` says the title and the text point to
    different SOC major groups (the text alone would pick ``text_soc``): the posting is
    worth a look, e.g. a "Brand Representative" whose text describes technical sales.
    """

    title: str
    cleaned: str
    candidates: tuple[OccupationCandidate, ...]
    used_text: bool = False
    disagrees: bool = False
    text_soc: str | None = None
    text_soc_title: str | None = None

    @property
    def best(self) -> OccupationCandidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def soc(self) -> str | None:
        return self.candidates[0].soc if self.candidates else None

    @property
    def soc_title(self) -> str | None:
        return self.candidates[0].title if self.candidates else None

    @property
    def score(self) -> float:
        return self.candidates[0].score if self.candidates else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "cleaned": self.cleaned,
            "soc": self.soc,
            "soc_title": self.soc_title,
            "score": round(self.score, 4),
            "used_text": self.used_text,
            "disagrees": self.disagrees,
            "text_soc": self.text_soc,
            "text_soc_title": self.text_soc_title,
            "candidates": [c.to_dict() for c in self.candidates],
        }
