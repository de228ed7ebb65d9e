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


def test_an_excerpt_never_ends_inside_a_parenthesis() -> None:
    # a QA trial read "Exposure to applications that interact with social media (e.g." (the
    # sentence splitter had stopped at the abbreviation)
    out = evidence_excerpt("Exposure to applications that interact with social media (e.g.")
    assert out == "Exposure to applications that interact with social media…"
    closed = evidence_excerpt("Manage social (paid and organic) media.")
    assert closed == "Manage social (paid and organic) media."


def test_a_cut_parenthetical_holding_the_cue_is_closed() -> None:
    out = evidence_excerpt("Know the tools (Hootsuite, social media schedulers, e.g.")
    assert out == "Know the tools (Hootsuite, social media schedulers…)"
    assert out.count("(") == out.count(")")


def test_a_long_sentence_cut_inside_a_parenthesis_drops_it() -> None:
    text = ("Build our social media presence and grow the audience " + "with care " * 15
            + "(for example by " + "writing posts " * 30 + "every week).")
    out = evidence_excerpt(text)
    assert "social media" in out and out.count("(") == out.count(")") and out.endswith("…")
    assert "(" not in out and not out.endswith(" …")


def test_a_list_numbers_bracket_is_no_parenthesis() -> None:
    # the review's case: "1)" opened the excerpt with an ellipsis, as if a parenthetical ended there
    assert evidence_excerpt("1) Manage our social media accounts.") == \
        "1) Manage our social media accounts."
    assert evidence_excerpt("b) run social media ads") == "b) run social media ads"
    assert evidence_excerpt("a long text) then social media here") == "…then social media here"
