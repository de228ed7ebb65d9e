"""Per-posting occupation and pay for market runs (columns added to the postings table).

Kept apart from the classifier: a posting's O*NET-SOC occupation comes from its title read
with its text (:mod:`skillmix.occupations`), its pay from the job board's pay field when the
corpus preset keeps one in the metadata (Remotive's ``salary``) and has a figure, else from its
text (:mod:`skillmix.pay`), annualised with the :class:`~skillmix.pay.PaySettings` recorded in the run manifest.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..occupations import NORMALISER_VERSION, TitleNormaliser
from ..pay import PaySettings, pay_of
from ..records import Posting

__all__ = ["COLUMNS", "facts", "facts_version"]

#: (column, Arrow type name) appended to the postings table
COLUMNS: tuple[tuple[str, str], ...] = (
    ("soc", "string"), ("soc_title", "string"), ("soc_major", "string"), ("soc_score", "float32"),
    ("soc_disagrees", "bool"), ("pay_kind", "string"), ("pay_low", "float64"), ("pay_high", "float64"),
    ("pay_currency", "string"), ("pay_period", "string"), ("pay_period_inferred", "bool"),
    ("pay_annual", "float64"),
)
PAY = PaySettings()
#: Document.metadata keys that hold a job board's pay as text (corpus_presets.yaml ``meta``)
PAY_FIELDS = ("salary",)
#: bumped when the pay rules change what a posting gets, so a resumed run does not mix them
PAY_RULES = 2


@lru_cache(maxsize=1)
def _normaliser() -> TitleNormaliser:
    return TitleNormaliser(k=1)


def facts_version() -> str:
    """What a run's manifest records (a resume must match)."""
    return f"{NORMALISER_VERSION}; pay rules {PAY_RULES}, {PAY.hours_per_year:g} h/yr"


def facts(posting: Posting) -> dict[str, Any]:
    """The occupation and pay columns of one posting."""
    m = _normaliser().normalise(posting.title or "", posting.text)
    best = m.best
    meta = posting.document.metadata or {}
    field = next((str(meta[k]) for k in PAY_FIELDS if meta.get(k)), None)
    pay = pay_of(posting.text, field, PAY)
    has = pay is not None and pay.low is not None
    pay_ = pay if has else None
    return {
        "soc": best.soc if best else None,
        "soc_title": best.title if best else None,
        "soc_major": best.major if best else None,
        "soc_score": round(best.score, 4) if best else None,
        "soc_disagrees": m.disagrees,
        "pay_kind": pay.kind if pay is not None else None,
        "pay_low": pay_.low if pay_ is not None else None,
        "pay_high": pay_.high if pay_ is not None else None,
        "pay_currency": pay_.currency if pay_ is not None else None,
        "pay_period": pay_.period if pay_ is not None else None,
        "pay_period_inferred": pay_.period_inferred if pay_ is not None else None,
        "pay_annual": pay_.annual_mid if pay_ is not None else None,
    }
