"""The evidence sentence a market report shows for a posting: short, and showing why."""

from __future__ import annotations

from skillmix.market.worker import evidence_excerpt

LONG = ("Summary: The Level 1 Designer is responsible for managing a multitude of elements such "
        "as print production, layout, color correction, typography, image retouching, "
        "packaging, signage, file quality control, marketing & promotion design for websites, "
        "apps, social media and email campaigns for our retail partners across the country.")


def test_a_long_sentence_is_cut_around_its_social_media_words() -> None:
    # a QA trial read "... such as print" where the first 240 characters stopped
    out = evidence_excerpt(LONG)
    assert len(out) <= 242 and "social media" in out
    assert out.startswith("…") and not out.startswith("… ")
    words = set(LONG.split())
    assert all(w in words for w in out.strip("…").split())  # cut at word ends only


def test_a_short_sentence_is_kept_whole() -> None:
    assert evidence_excerpt("Manage our  Instagram\naccount.") == "Manage our Instagram account."
