"""A profile's focus: the skills the role is about scale the fit (see docs/assess.md).

Why it exists: without it a strong IT or sales résumé with no social media work scored
as well for the social media profiles as a social media manager did.
"""

from __future__ import annotations

import pytest

from skillmix.assess import assess, load_profile, score_many, summarise
from skillmix.assess.profile import available_profiles, parse_profile
from skillmix.errors import ProfileError
from skillmix.extract import as_document
from skillmix.records import Scorecard


def _without_focus(profile):
    raw = profile.to_dict()
    raw.pop("focus")
    raw["id"] = profile.id + "-nofocus"
    return parse_profile(raw, source="<no focus>")


def _focus_evidence(ev, profile) -> float:
    """F by hand: the credit of each focus skill the résumé shows, as the fit counts it."""
    credit = profile.credit
    return sum(credit.professional if se.level == "professional" else credit.listed
               for sid, se in ev.skills.items() if sid in profile.focus.skills and se.mentions)


def test_every_builtin_profile_has_the_social_media_focus():
    for pid in available_profiles():
        focus = load_profile(pid).focus
        assert focus is not None, pid
        assert {"social-media-management", "community-management", "instagram", "tiktok"} <= focus.skills
        # look-alikes stay out: network analysis and psychology are no social media work
        assert not {"social-network-analysis", "social-psychology"} & focus.skills


def test_focus_factor_scales_the_fit_exactly(real_resumes, extractor, today):
    prof = load_profile("social-media-technologist")
    bare = _without_focus(prof)
    evs = [summarise(extractor.extract(d), d, today=today) for d in real_resumes]
    with_focus, without = score_many(evs, prof), score_many(evs, bare)
    seen = set()
    for i, ev in enumerate(evs):
        f = _focus_evidence(ev, prof)
        assert with_focus.focus_evidence[i] == pytest.approx(f)
        factor = 0.25 + 0.75 * min(1.0, f / 2.0)
        assert with_focus.focus_factor[i] == pytest.approx(factor)
        assert with_focus.fit[i] == pytest.approx(without.fit[i] * factor)
        seen.add("full" if factor == 1 else ("floor" if f == 0 else "part"))
    # the picked résumés (social media, PR, IT, sales, chefs) reach both ends
    assert {"full", "floor"} <= seen


def test_scorecard_reports_focus_and_its_points_add_up(real_resumes, today):
    cards = [assess(d, today=today) for d in real_resumes]
    for doc, card in zip(real_resumes, cards):
        assert card.focus is not None
        assert sum(p.points for p in card.points) == pytest.approx(card.fit, abs=0.05)
        for e in card.focus.spans:
            assert doc.text[e.start:e.end] == e.surface
        if card.focus.factor < 1:
            gap = next(g for g in card.gaps if g.kind == "focus")
            assert f"{card.focus.factor:.2f}" in gap.message
        else:
            assert not any(g.kind == "focus" for g in card.gaps)
        assert card.parameters["focus"]["floor"] == 0.25
        assert Scorecard.from_dict(card.to_dict()) == card


def test_social_media_work_opens_the_focus_and_consumer_use_does_not(today):
    engineer = (
        "EXPERIENCE\nSoftware Engineer, Acme Corp, 2018 to 2024\n"
        "Built REST APIs in Python on AWS and designed scalable services.\n"
        "Automated deployments and wrote SEO-friendly server-side rendering.\n"
    )
    consumer = engineer + "\nINTERESTS\nAvid Instagram user and big fan of TikTok.\n"
    social = engineer + (
        "Social Media Manager, Acme Corp, 2015 to 2018\n"
        "Managed the company's Instagram and TikTok accounts and ran community management.\n"
    )
    cards = {name: assess(as_document(text, "resume"), today=today)
             for name, text in (("engineer", engineer), ("consumer", consumer), ("social", social))}
    assert cards["engineer"].focus.evidence == 0 and cards["engineer"].focus.factor == 0.25
    assert cards["consumer"].focus.evidence == 0
    assert cards["consumer"].fit == pytest.approx(cards["engineer"].fit)
    assert cards["social"].focus.factor == 1.0
    assert {"instagram", "tiktok", "community-management"} <= set(cards["social"].focus.skills)
    assert cards["social"].fit > 2 * cards["engineer"].fit


def test_a_profile_without_focus_is_unchanged(demo_resume, today):
    prof = load_profile("social-media-manager")
    card = assess(demo_resume, profile=_without_focus(prof), today=today)
    assert card.focus is None and "focus" not in card.parameters
    assert not any(g.kind == "focus" for g in card.gaps)


@pytest.mark.parametrize("edit, code", [
    (lambda f: f.update(floor=1.5), "P107"),
    (lambda f: f.update(target=0), "P107"),
    (lambda f: f.update(areas=["no-such-area"]), "P106"),
    (lambda f: f.update(skills=["no-such-skill"]), "P105"),
    (lambda f: f.update(weight=1), "P104"),
    (lambda f: f.update(skills=[], areas=[]), "P104"),
])
def test_bad_focus_is_a_profile_error(edit, code):
    raw = load_profile("social-media-technologist").to_dict()
    edit(raw["focus"])
    with pytest.raises(ProfileError) as err:
        parse_profile(raw, source="bad.yaml")
    assert err.value.code == code and "bad.yaml" in str(err.value)


def test_focus_round_trips_through_to_dict():
    prof = load_profile("social-media-technologist")
    again = parse_profile(prof.to_dict(), source="<again>")
    assert again.focus == prof.focus


def test_rendered_scorecards_show_the_focus(consumer_resume, today):
    from skillmix.assess.render import scorecard_html, scorecard_markdown, scorecard_rows

    card = assess(consumer_resume, today=today)
    assert card.focus.factor == 0.25  # platforms known only as a consumer
    md = scorecard_markdown(card)
    assert "**Focus** social media work: evidence 0 of the 2" in md and "fit × 0.25" in md
    assert 'id="focus"' in scorecard_html(card)
    assert scorecard_rows([card])[0]["focus"] == "0.25"
