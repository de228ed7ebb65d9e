"""Titles of a whole corpus: one :class:`TitleRow` per posting, streamed.

``titles_of_corpus(path)`` reads any corpus ``skillmix.io.read_corpus`` reads (CSV, JSONL,
Parquet; presets sniffed or named) and normalises each posting's title with its own text,
so a bare "Associate" in a bank's posting and one in a shop's posting can differ. Rows that
cannot be read are counted in the :class:`~skillmix.batch.BatchReport`, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..batch import BatchReport, OnError
from .normalise import TitleNormaliser
from .records import TitleMatch

__all__ = ["TitleRow", "titles_of_corpus"]


@dataclass(frozen=True, slots=True)
class TitleRow:
    """One posting's title, normalised: ``document`` is the posting id."""

    document: str
    match: TitleMatch

    def to_dict(self, k: int = 5) -> dict[str, Any]:
        m = self.match
        return {
            "document": self.document,
            "title": m.title,
            "soc": m.soc,
            "soc_title": m.soc_title,
            "score": round(m.score, 4),
            "matched": m.best.matched if m.best else None,
            "disagrees": m.disagrees,
            "text_soc": m.text_soc,
            "candidates": [
                {"soc": c.soc, "title": c.title, "score": round(c.score, 4)} for c in m.candidates[:k]
            ],
        }


def titles_of_corpus(
    path: str | Path,
    preset: str | None = None,
    mapping: Mapping[str, Any] | None = None,
    *,
    normaliser: TitleNormaliser | None = None,
    use_text: bool = True,
    on_error: OnError = "collect",
    report: BatchReport | None = None,
) -> Iterator[TitleRow]:
    """Normalise the title of every posting in a corpus file, in file order."""
    from ..io import read_corpus

    norm = normaliser if normaliser is not None else TitleNormaliser()
    for posting in read_corpus(path, preset=preset, mapping=mapping, on_error=on_error, report=report):
        text = posting.text if use_text else None
        yield TitleRow(posting.id, norm.normalise(posting.title or "", text))
