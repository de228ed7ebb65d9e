"""A name inside an e-mail or web address, or labelling one on a contact line, is no skill.

Real résumés open with contact lines ("jane@x.com | linkedin.com/in/jane", "LinkedIn:
www.linkedin.com/in/jane"); before this guard "x.com" in an e-mail address became X
(Twitter) and a contact label became LinkedIn, which a profile's focus then counted as
social media work.
"""

from __future__ import annotations

import pytest

from skillmix.extract import get_extractor
from skillmix.extract.guards import in_address


def _credited(text: str, kind: str = "resume") -> set[str]:
    ext = get_extractor("builtin").extract(text, kind=kind)
    return {m.skill_id for m in ext.mentions if m.counts}


@pytest.mark.parametrize(("text", "skill"), [
    ("Jane Doe\njane@x.com | 555-0100\n", "x-twitter"),
    ("Portfolio: https://medium.com/@jane\n", "medium"),
    ("Send your CV to marketing@acme.com\n", "marketing"),
    ("See www.acme.com/social-media-marketing for the brief\n", "social-media-marketing"),
    ("John Smith\nLinkedIn: www.linkedin.com/in/jsmith\n", "linkedin"),
    ("Twitter: @jsmith | Instagram : https://instagram.com/js\n", "x-twitter"),
    ("Twitter: @jsmith | Instagram : https://instagram.com/js\n", "instagram"),
])
def test_addresses_and_contact_labels_are_no_skills(text: str, skill: str) -> None:
    assert skill not in _credited(text)


@pytest.mark.parametrize(("text", "skill"), [
    ("SKILLS\nSalesforce.com, HubSpot.\n", "salesforce"),           # a domain as a name
    ("Experienced in C#, node.js/javascript and REST\n", "javascript"),  # a slash list
    ("Experienced in C#, node.js/javascript and REST\n", "nodejs"),
    ("SKILLS\nLinkedIn, Twitter: advanced\n", "x-twitter"),          # a label, no address
    ("Managed LinkedIn: grew followers 40%.\n", "linkedin"),
    ("Built authenticated APIs.Experience/knowledge of AWS Lambda.\n", "api-integration"),
    ("Grew our Instagram (instagram.com/acme) to 40k followers.\n", "instagram"),
])
def test_names_near_dots_slashes_and_colons_still_count(text: str, skill: str) -> None:
    assert skill in _credited(text)


def test_in_address_reads_the_token_around_the_hit() -> None:
    text = "mail jane@x.com or see node.js/javascript"
    assert in_address(text, text.index("x.com"), text.index("x.com") + 5)
    start = text.index("javascript")
    assert not in_address(text, start, start + len("javascript"))
    # a hit that is the whole token is never an address, whatever it looks like
    assert not in_address("Salesforce.com", 0, len("Salesforce.com"))
