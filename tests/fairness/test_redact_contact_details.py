"""Blind mode masks a phone number short by a digit and the usernames a JSON Resume's
profiles write out (a new-user trial found "(305) 436-400" and "Twitter jreyes LinkedIn
jordanreyes" left in blind text)."""

from __future__ import annotations

from skillmix.extract import as_document
from skillmix.fairness import redact


def _blind(text: str) -> str:
    return redact(as_document(text, "resume")).document.text


def test_redact_contact_details_real_chef_phone(shared_data):
    import pytest

    from skillmix.io import read_document

    path = shared_data / "resumes/livecareer/CHEF/10889157.pdf"
    if not path.exists():
        pytest.skip(f"{path} not found")
    out = redact(read_document(path)).document.text
    assert "(305) 436-400" not in out and "436-400" not in out


def test_redact_contact_details_short_phone_and_profile_usernames():
    out = _blind("Contact\nJordan Reyes\nTwitter jreyes LinkedIn jordanreyes\n"
                 "Galley (305) 436-400 (ext)\n\nSummary\nRan Facebook Ads and Twitter "
                 "analytics for Acme.\n")
    for leak in ("jreyes", "jordanreyes", "436-400"):
        assert leak not in out
    assert "Twitter" in out and "LinkedIn" in out and "Facebook Ads" in out
    assert "Twitter analytics" in out


def test_redact_contact_details_skill_line_is_not_a_username():
    """A skills list's "• Facebook Ads" is a network's name and a word alone on a line, as
    a profile is written, but it is a skill mention: it stays (it lost "Ads", and with it
    the paid-social skill, in blind mode)."""
    out = _blind("Contact\nJordan Reyes\nTwitter jreyes\n\nSkills\n• Facebook Ads\n"
                 "• Hootsuite\n")
    assert "Facebook Ads" in out and "jreyes" not in out


def test_redact_contact_details_version_moved_with_the_masking():
    """The store reuses a blind copy made by the same redactor version: the masking of
    name parts, short phones and usernames came with 1.2, so copies made by 1.1 are remade."""
    from skillmix.fairness import REDACTOR_VERSION

    assert REDACTOR_VERSION == "1.2"
