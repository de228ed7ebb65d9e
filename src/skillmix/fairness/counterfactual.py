"""Counterfactual checks: does changing who a candidate is change their score?

:func:`swap_gender` rewrites a text's gender markers to the other gender (he/she,
him/her, his/her, Mr./Ms., chairman/chairwoman...), :func:`with_name` puts a name line at
the top, and :func:`counterfactual_check` scores every variant of every document with a
scoring function and reports the largest difference. With blind mode in front of the
scorer the difference must be zero; a non-zero one names the document and the variants so
the leak can be found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from ..records import Record

__all__ = ["CounterfactualResult", "counterfactual_check", "swap_gender", "with_name"]

_PAIRS = {
    "he": "she", "himself": "herself", "male": "female", "man": "woman", "men": "women",
    "boy": "girl", "boys": "girls", "gentleman": "lady", "gentlemen": "ladies",
    "husband": "wife", "father": "mother", "son": "daughter", "brother": "sister",
    "fraternity": "sorority", "chairman": "chairwoman", "chairmen": "chairwomen",
    "spokesman": "spokeswoman", "salesman": "saleswoman", "salesmen": "saleswomen",
    "businessman": "businesswoman", "waiter": "waitress", "waiters": "waitresses",
    "steward": "stewardess", "headmaster": "headmistress", "foreman": "forewoman",
    "policeman": "policewoman", "craftsman": "craftswoman", "cameraman": "camerawoman",
    "congressman": "congresswoman", "paternity": "maternity",
}
_SWAP = {**_PAIRS, **{v: k for k, v in _PAIRS.items()},
         "his": "her", "him": "her", "her": "his", "hers": "his", "s/he": "s/he"}
_SWAP_RX = re.compile(
    r"(?<![\w'’])(" + "|".join(re.escape(w) for w in sorted(_SWAP, key=len, reverse=True)) + r")(?![\w'’])",
    re.IGNORECASE,
)


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_HONORIFIC_RX = re.compile(r"(?<![\w'’])(Mr|Ms|Mrs)(\.?)(?=\s+([A-Z][A-Za-z]*))")
_HONORIFIC_SWAP = {"Mr": "Ms", "Ms": "Mr", "Mrs": "Mr"}


def _swap_honorific(m: re.Match[str]) -> str:
    from .detect import _NOT_A_NAME_AFTER_TITLE

    if not m.group(2) and m.group(3).lower() in _NOT_A_NAME_AFTER_TITLE:
        return m.group()  # "Ms Word", "MS Office": not an honorific
    return _HONORIFIC_SWAP[m.group(1)] + m.group(2)


def swap_gender(text: str) -> str:
    """``text`` with each gender marker swapped for the other gender's (case kept):
    pronouns, gendered words, and honorifics written before a name ("Mr. Lee"; never
    "MS Office"). "her" becomes "his" (its object sense "him" cannot be told apart
    without parsing; blind mode masks both, so it does not matter for the check)."""
    out = _SWAP_RX.sub(lambda m: _cased(_SWAP[m.group().lower()], m.group()), text)
    return _HONORIFIC_RX.sub(_swap_honorific, out)


def with_name(text: str, name: str, *, title: str | None = None) -> str:
    """``text`` with a name line (optionally "Ms. Jane Doe") inserted at the top."""
    line = f"{title} {name}" if title else name
    return f"{line}\n{text}"


@dataclass(frozen=True, slots=True)
class CounterfactualResult(Record):
    """Scores of every variant of every document, and the largest difference found.

    ``scores`` maps document key to ``{variant: score}``; ``max_difference`` is the
    largest spread of scores across one document's variants; ``worst`` names that
    document (``None`` when every spread is zero).
    """

    documents: int
    variants: int
    max_difference: float
    worst: str | None
    scores: Mapping[str, Mapping[str, float]]


def counterfactual_check(
    texts: Mapping[str, str] | Iterable[tuple[str, str]],
    variants: Mapping[str, Callable[[str], str]],
    score: Callable[[Sequence[str]], Sequence[float]],
) -> CounterfactualResult:
    """Score each variant of each text and report the largest spread per text.

    ``texts`` maps a key to a text; ``variants`` maps a variant name to a function making
    it from the text; ``score`` takes a batch of texts and returns their scores (blind mode
    and the scorer live inside it, so the check tests the whole path).
    """
    items = list(texts.items() if isinstance(texts, Mapping) else texts)
    names = list(variants)
    batch = [variants[v](t) for _, t in items for v in names]
    flat = list(score(batch))
    out: dict[str, dict[str, float]] = {}
    worst, worst_diff = None, 0.0
    k = 0
    for key, _ in items:
        per = {}
        for v in names:
            per[v] = float(flat[k])
            k += 1
        out[key] = per
        spread = max(per.values()) - min(per.values())
        if spread > worst_diff:
            worst, worst_diff = key, spread
    return CounterfactualResult(documents=len(items), variants=len(names),
                                max_difference=worst_diff, worst=worst, scores=out)
