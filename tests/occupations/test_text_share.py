"""The posting text's share of a title's score grows when the title is ambiguous."""

from __future__ import annotations

import pytest

from skillmix.errors import ConfigError
from skillmix.occupations import TitleNormaliser

TEXT = (
    "You will write press releases, pitch stories to journalists and reporters, manage media "
    "relations and the company's public image, draft speeches and statements for executives, "
    "plan press conferences and handle crisis communications with the news media. "
) * 3


def _share(match) -> float:
    """The text's share s in score = (1 - s) x title + s x text, read off a candidate."""
    c = next(c for c in match.candidates if c.text_score is not None and abs(c.text_score - c.title_score) > 0.05)
    return (c.score - c.title_score) / (c.text_score - c.title_score)


def test_text_share_grows_with_title_ambiguity() -> None:
    # a short text weighs less than text_weight; ambiguity multiplies whatever it weighs
    base = _share(TitleNormaliser(text_weight=0.3, ambiguity=0.0).normalise("Manager", TEXT))
    assert 0 < base <= 0.3 + 1e-9
    flexible = TitleNormaliser(text_weight=0.3, ambiguity=0.5)
    bare = _share(flexible.normalise("Manager", TEXT))  # many occupations fit "Manager" alike
    assert base < bare <= base * 1.5 + 1e-9
    clear = _share(flexible.normalise("Registered Nurse", TEXT))  # one occupation fits best
    assert base <= clear < bare
    assert flexible.get_params()["ambiguity"] == 0.5


def test_ambiguity_must_not_be_negative() -> None:
    with pytest.raises(ConfigError):
        TitleNormaliser(ambiguity=-0.1)
