"""Fixtures for the linker tests: the MiniLM encoder (skipped without the model package)
and a tiny ESCO slice, so no test embeds the whole taxonomy."""

from __future__ import annotations

import pytest

from skillmix.link.esco import EscoConcept

TINY_ESCO = [
    EscoConcept("u:sql", "SQL", ("structured query language",), "The computer language SQL is a query language."),
    EscoConcept("u:js", "JavaScript", ("JS",), "Programming in JavaScript."),
    EscoConcept("u:java", "Java (computer programming)", ("Java",), "Programming in Java."),
    EscoConcept("u:present", "present reports", ("present results", "give presentations"),
                "Display results, statistics and conclusions to an audience in a transparent way."),
    EscoConcept("u:teams", "work in teams", ("teamwork", "collaborate in a team"), "Work confidently within a group."),
    EscoConcept("u:bake", "bake pastry", ("make pastry",), "Bake pastry such as croissants."),
    EscoConcept("u:drive", "drive vehicles", ("operate vehicles",), "Be able to drive vehicles."),
    EscoConcept("u:social", "use social media marketing", ("social media marketing",),
                "Employ the website traffic of social media to generate attention."),
]


@pytest.fixture(scope="session")
def encoder():
    pytest.importorskip("all_minilm_l6_v2")
    from skillmix.link.encoder import MiniLMEncoder

    return MiniLMEncoder()


@pytest.fixture()
def tiny_esco() -> list[EscoConcept]:
    return list(TINY_ESCO)
