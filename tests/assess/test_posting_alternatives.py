"""Example lists in a posting become one group of alternatives in the derived profile;
evidence of any member satisfies the listed skill (issue #13)."""

from __future__ import annotations

from datetime import date

from skillmix.assess import assess, profile_from_posting
from skillmix.extract import get_extractor
from skillmix.io import read_document

JOB = ("Social Media Coordinator\nRequirements:\n"
       "- Experience with scheduling tools such as Hootsuite, Buffer or Sprout Social.\n"
       "- Strong copywriting.\n")


def _profile():
    job = read_document(JOB.encode(), name="job.txt", kind="posting")
    return profile_from_posting(get_extractor("builtin").extract(job), job)


def test_posting_alternatives_become_one_group():
    prof = _profile()
    assert prof.alternatives and set(prof.alternatives[0]) == {"hootsuite", "buffer", "sprout-social"}
    listed = set(prof.required) | set(prof.preferred)
    first, *others = prof.alternatives[0]
    assert first in listed and not set(others) & listed
    # the group survives a round trip through the profile file format
    from skillmix.assess.profile import parse_profile

    assert parse_profile(prof.to_dict()).alternatives == prof.alternatives


def test_posting_alternatives_any_member_satisfies():
    prof = _profile()
    first, *others = prof.alternatives[0]
    today = date(2026, 11, 1)
    cards = {}
    for tool in ("Buffer", "Hootsuite", "Sprout Social"):
        text = f"Experience\nSocial Media Assistant, Acme, 2020 - Present\n- Scheduled posts in {tool}.\n"
        cards[tool] = assess(read_document(text.encode(), name=f"{tool}.txt", kind="resume"),
                             prof, today=today)
    fits = {t: c.fit for t, c in cards.items()}
    assert len(set(fits.values())) == 1, fits
    for card in cards.values():
        missing = [f for f in card.red_flags if f.rule == "missing_required"]
        assert all(first not in f.skill_ids for f in missing)
