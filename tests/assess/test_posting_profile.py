"""profile_from_posting(): a job posting's requirements become a validated profile."""

from __future__ import annotations

import pytest

from skillmix.assess import assess, load_profile, parse_profile, profile_from_posting
from skillmix.demo import demo_path
from skillmix.errors import ProfileError
from skillmix.extract import as_document
from skillmix.io import read_document


@pytest.fixture(scope="module")
def posting_profile(extractor):
    doc = read_document(demo_path("posting.html"), kind="posting")
    ext = extractor.extract(doc)
    return ext, profile_from_posting(ext, doc)


def test_posting_required_skills_come_from_requirement_mentions(posting_profile):
    ext, prof = posting_profile
    required = {m.skill_id for m in ext.mentions if m.requirement == "required" and m.counts}
    assert set(prof.required) and set(prof.required) <= required
    negated = {m.skill_id for m in ext.mentions if m.negated} - {
        m.skill_id for m in ext.mentions if m.counts}
    assert not negated & (set(prof.required) | set(prof.preferred))
    # years asked for in the posting become minimums
    asked = {m.skill_id: m.years for m in ext.mentions if m.years and m.counts}
    for sid, years in prof.skill_years.items():
        assert asked.get(sid) == years


def test_posting_profile_round_trips_and_ranks(posting_profile, demo_resume, consumer_resume, today):
    _, prof = posting_profile
    again = parse_profile(prof.to_dict())
    assert again.to_dict() == prof.to_dict()
    good = assess(demo_resume, prof, today=today)
    bad = assess(consumer_resume, prof, today=today)
    assert good.fit > 30 > bad.fit
    assert good.profile == prof.id


def test_posting_without_skills_is_refused(extractor):
    doc = as_document("We are hiring a night-shift baker. Apply in person.", "posting")
    with pytest.raises(ProfileError) as err:
        profile_from_posting(extractor.extract(doc), doc)
    assert err.value.code == "P110"


def test_posting_profile_is_not_the_default(posting_profile):
    _, prof = posting_profile
    assert prof.id.startswith("job:")
    assert prof.to_dict()["areas"] != load_profile().to_dict()["areas"]


@pytest.mark.parametrize(("line", "years"), [
    ("- 1-2 years of social media experience", 1.0),  # no skill of the taxonomy to carry it
    ("- 5+ years of experience; a portfolio of campaigns", 5.0),
    ("- A portfolio of campaigns you ran", 0.0),
    ("- Our agency brings over 25 years of experience to every client", 0.0),  # the review's
])
def test_posting_years_of_experience_without_a_skill_set_the_minimum(extractor, line, years):
    doc = as_document("Community Manager\n\nAbout us\nFounded 12 years ago, we make games.\n\n"
                      f"Requirements\n{line}\n- Community management on Discord\n", "posting")
    prof = profile_from_posting(extractor.extract(doc), doc)
    assert prof.min_years == years  # the about-us "12 years" asks nothing
