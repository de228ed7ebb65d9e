"""Normaliser version 8: trainee titles and social media titles O*NET files by another
sense of a word.

A trainee word at the end of a title that names a field ("Digital Marketing Intern",
"Videographer Intern") is the level, not O*NET's bare "Intern" (a physician in training);
and the new-economy titles of this product's domain that O*NET files by another sense
("Growth Hacker" under forestry, "Developer Advocate" under urban planning) are moved or
added in ``extra_titles.yaml``.
"""

from __future__ import annotations

import pytest

from skillmix.occupations import TitleNormaliser, clean_title, load_onet_titles, title_variants
from skillmix.occupations.index import indexed_titles


@pytest.fixture(scope="module")
def nz() -> TitleNormaliser:
    return TitleNormaliser()


def _parts(title: str) -> dict[str, str]:
    return {v.part: v.key for v in title_variants(title)}


def test_a_trainee_word_ending_a_field_title_is_its_level() -> None:
    """The title without its trainee word is a variant of its own, beside the title as
    written (a little behind), so an exact O*NET title keeps its match."""
    got = _parts("Digital Marketing Intern")
    assert got["trainee"] == " ".join(clean_title("Digital Marketing"))
    assert got["as written"] == " ".join(clean_title("Digital Marketing Intern"))
    assert _parts("Electrician Apprentice")["trainee"] == " ".join(clean_title("Electrician"))
    assert "trainee" not in _parts("Intern")  # alone it stays what it says
    assert "trainee" not in _parts("Senior Intern")  # a level word is no field


@pytest.mark.parametrize("title,major", [
    ("Digital Marketing Intern", "13"),   # was 29-1229 Physicians, All Other
    ("Videographer Intern", "27"),
    ("Medical Device Sales Specialist Intern", "41"),
    ("Social Media Intern", "13"),
])
def test_intern_titles_read_as_their_field(nz, title, major) -> None:
    assert nz.normalise(title).candidates[0].major == major


def test_exact_onet_trainee_titles_keep_their_match(nz) -> None:
    assert nz.normalise("Pharmacy Intern").soc.startswith("31-9095")  # O*NET's own title
    assert nz.normalise("Medical Intern").soc.startswith("29-1229")  # a physician in training
    assert nz.normalise("Intern").soc.startswith("29-1229")


@pytest.mark.parametrize("title,soc", [
    ("Growth Hacker", "13-1161"),          # O*NET: 45-4011 Forest and Conservation Workers
    ("Developer Advocate", "15-1252"),     # O*NET: 19-3051 Urban and Regional Planners
    ("Content Creator", "27-3043"),        # O*NET also 15-1255.01 Video Game Designers
    ("Cybersecurity Content Creator", "27-3043"),
    ("Developer Evangelist", "15-1252"),
    ("Influencer Marketing Lead", "13-1161"),  # was 41-9012 Models through "Influencer"
    ("Online Community Manager", "27-3031"),
    ("Social Media Coordinator", "13-1161"),   # was 27-2012.03 through "Media Coordinator"
    ("Social Media Assistant", "13-1161"),     # was 43-4121 Library Assistants, Clerical
])
def test_social_media_titles_read_as_the_work_they_name(nz, title, soc) -> None:
    assert nz.normalise(title).soc.startswith(soc)


@pytest.mark.parametrize("title,soc", [
    ("Paid Social Manager", "11-20"),      # was 11-9151 Social and Community Service Managers
    ("Organic Social Manager", "11-20"),   # likewise
    ("Paid Social Specialist", "13-1161"),
    ("Paid Social Media Specialist", "13-1161"),
])
def test_paid_and_organic_social_are_social_media_work(nz, title, soc) -> None:
    """Version 9: "paid social" and "organic social" are marketing's names for social media
    advertising and unpaid social media work; "paid" alone stays a noise word."""
    assert nz.normalise(title).soc.startswith(soc)


def test_a_digital_community_manager_runs_an_online_community(nz) -> None:
    """Version 10: "Digital Community Manager" was O*NET's property manager through
    "Community Manager"; bare "Community Manager" keeps O*NET's reading."""
    assert nz.normalise("Digital Community Manager").soc.startswith("27-3031")
    assert nz.normalise("Digital Community Coordinator").soc.startswith("27-3031")
    assert nz.normalise("Community Manager").soc.startswith("11-9141")


def test_social_care_and_paid_positions_keep_their_sense(nz) -> None:
    assert nz.normalise("Head of Social Care").soc.startswith("11-9151")
    assert nz.normalise("Social Worker").soc.startswith("21-102")
    assert clean_title("Paid Marketing Internship") == clean_title("Marketing Internship")


def test_moves_leave_onet_and_other_senses_alone(nz) -> None:
    assert {e.soc[:7] for e in load_onet_titles() if e.title == "Growth Hacker"} == {"45-4011"}
    assert {e.soc[:7] for e in indexed_titles() if e.title == "Content Creator"} == {"27-3043"}
    assert nz.normalise("Evangelist").soc.startswith("21-2011")  # clergy, as O*NET says


def test_a_communications_assistant_assists_a_communications_team(nz) -> None:
    # O*NET's only "Communication Assistant" is a speech-language pathology assistant's
    assert nz.normalise("Communications Assistant").soc.startswith("27-3031")
    assert nz.normalise("Events & Communications Assistant").soc.startswith("27-3031")
    assert nz.normalise("Speech Communication Assistant").soc.startswith("31-9099")
