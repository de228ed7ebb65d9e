"""Role profiles: the built-in ones load and validate; bad files fail with coded errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from skillmix.assess import DEFAULT_PROFILE, available_profiles, load_profile, parse_profile
from skillmix.errors import ProfileError
from skillmix.taxonomy import load_taxonomy

BUILTIN = [
    "social-media-technologist", "social-media-manager", "community-manager",
    "social-media-analyst", "social-media-engineer", "social-ads-automation-lead",
]


def test_profile_builtins_load_and_name_real_skills():
    names = available_profiles()
    assert set(BUILTIN) <= set(names)
    assert next(iter(names)) == DEFAULT_PROFILE
    tax = load_taxonomy("builtin")
    for name in BUILTIN:
        prof = load_profile(name)
        assert prof.id == name and prof.version
        assert {a.id for a in prof.areas} <= set(tax.areas)
        for sid in prof.required + prof.preferred:
            assert sid in tax
        assert any(r.rule == "consumer_familiarity" for r in prof.red_flags)


def test_profile_ads_lead_wants_seniority_and_automation():
    prof = load_profile("social-ads-automation-lead")
    assert prof.min_seniority is not None and prof.min_seniority >= 3
    assert {"ad-automation", "cloud-computing", "scalable-systems"} <= set(prof.required)


def test_profile_round_trips_through_to_dict(tmp_path: Path):
    prof = load_profile(DEFAULT_PROFILE)
    path = tmp_path / "copy.yaml"
    path.write_text(yaml.safe_dump(prof.to_dict(), allow_unicode=True), "utf-8")
    again = load_profile(str(path))
    assert again.to_dict() == prof.to_dict()


def _base() -> dict:
    return load_profile(DEFAULT_PROFILE).to_dict()


@pytest.mark.parametrize(
    "change, code",
    [
        (lambda d: d.update(colour="blue"), "P104"),
        (lambda d: d.pop("areas"), "P104"),
        (lambda d: d["areas"][0]["required"].append("social-medai-marketing"), "P105"),
        (lambda d: d["areas"][0].update(id="astrology"), "P106"),
        (lambda d: d.update(breadth=1.5), "P107"),
        (lambda d: d["red_flags"].append({"rule": "too_young"}), "P108"),
        (lambda d: d["red_flags"][0].update(message="{nope}"), "P109"),
        (lambda d: d["areas"][1]["preferred"].append(d["areas"][0]["required"][0]), "P104"),
    ],
)
def test_profile_invalid_content_is_refused(change, code):
    data = _base()
    change(data)
    with pytest.raises(ProfileError) as err:
        parse_profile(data, source="bad.yaml")
    assert err.value.code == code
    assert "bad.yaml" in str(err.value)


def test_profile_unknown_name_and_bad_file(tmp_path: Path):
    with pytest.raises(ProfileError) as err:
        load_profile("social-media-wizard")
    assert err.value.code == "P101" and "social-media-manager" in str(err.value)
    with pytest.raises(ProfileError) as err:
        load_profile(str(tmp_path / "missing.yaml"))
    assert err.value.code == "P102"
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", "utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(str(broken))
    assert err.value.code == "P103"


def test_profile_every_red_flag_rule_has_a_check():
    # a rule a profile may name (RULES) but no check implements would fail on the first card
    from skillmix.assess.flags import _CHECKS
    from skillmix.assess.profile import RULES

    assert set(_CHECKS) == set(RULES)


def test_profile_source_names_no_path(tmp_path: Path):
    """A scorecard records where its profile came from without a path: a built-in one by
    name, a user's file by its file name (the API showed the install's absolute path)."""
    from skillmix.assess import assess
    from skillmix.assess.cards import without_profile_path
    from skillmix.assess.profile import profile_source

    text = "Experience\nSocial Media Manager, Acme, Jan 2019 - Mar 2022\nRan Instagram and TikTok.\n"
    card = assess(text, "social-media-manager")
    assert card.parameters["profile_source"] == "builtin:social-media-manager"
    assert "profile_path" not in card.parameters
    own = tmp_path / "secret-home" / "growth-lead.yaml"
    own.parent.mkdir()
    own.write_text(yaml.safe_dump(load_profile(DEFAULT_PROFILE).to_dict(), allow_unicode=True), "utf-8")
    card = assess(text, str(own))
    assert card.parameters["profile_source"] == "file:growth-lead.yaml"
    assert str(tmp_path) not in str(card.to_dict())
    assert profile_source("posting:/home/u/jobs/post.html") == "posting:post.html"
    assert profile_source("profile:team-lead") == "profile:team-lead"
    # what was stored before: mended when shown
    old = {"weights": {"a": 1}, "profile_path": load_profile("community-manager").path}
    assert without_profile_path(old) == {"weights": {"a": 1}, "profile_source": "builtin:community-manager"}
