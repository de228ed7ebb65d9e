"""The credit confidence: how likely a careful recruiter credits what the extractor credits."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from skillmix.errors import ExtractionError
from skillmix.extract import Extractor, get_extractor
from skillmix.extract.confidence import (
    CELLS,
    KINDS,
    ConfidenceTable,
    cell_of,
    parse_table,
    shipped_table,
    smoothed,
)

RESUME = (
    "Experience\n"
    "Marketing Coordinator, Acme Corp, 2019 - 2022\n"
    "Ran SEO audits for twelve client sites.\n"
    "Improved SEO rankings for the firm's blog.\n"
    "Reduced printing costs by a third.\n"
    "Never used Tableau.\n"
)


def _mentions(text: str, kind: str = "resume", **kw):
    ext = (Extractor("builtin", **kw) if kw else get_extractor("builtin")).extract(text, kind=kind)
    return ext.mentions


def test_the_shipped_table_has_every_cell_as_a_probability() -> None:
    table = shipped_table()
    for kind in KINDS:
        for cell in CELLS:
            p = table.value(kind, cell)
            assert p is not None and 0.0 <= p <= 1.0
    assert "gold_fresh" in table.measured_on
    # what the blind sets showed: one duty in one sentence is the weakest evidence, a
    # name in two sentences or a name with a duty the strongest
    for kind in KINDS:
        assert table.value(kind, "pattern/1") < table.value(kind, "lexical/1") \
            < table.value(kind, "lexical/2+")


def test_each_credit_carries_its_cells_value() -> None:
    table = shipped_table()
    by = {}
    for m in _mentions(RESUME):
        by.setdefault(m.skill_id, []).append(m)
    seo = by["seo"]
    assert len({m.sentence_start for m in seo}) == 2
    assert {m.confidence for m in seo} == {table.value("resume", cell_of(seo), "seo")}
    budget = by["budget-management"]  # "Reduced printing costs": a duty, one sentence
    assert cell_of(budget) == "pattern/1"
    assert budget[0].confidence == table.value("resume", "pattern/1", "budget-management")
    assert budget[0].confidence < seo[0].confidence
    # a negated mention is no credit and keeps its confidence
    tableau = by["tableau"]
    assert all(m.negated and m.confidence == 1.0 for m in tableau)


def test_paths_the_table_did_not_measure_keep_confidence_one() -> None:
    lexical_only = _mentions(RESUME, context=False)
    assert lexical_only and all(m.confidence == 1.0 for m in lexical_only)


def test_a_skills_own_record_moves_its_cell_by_a_shrunk_residual() -> None:
    cells = {(k, c): 0.5 for k in KINDS for c in CELLS}
    table = ConfidenceTable(values=cells, measured_on="", skills={
        "often-wrong": (-3.0, 5), "rarely-seen": (-1.0, 1), "often-right": (4.0, 10)})
    assert table.value("resume", "lexical/1") == 0.5
    assert table.value("resume", "lexical/1", "often-wrong") == 0.2  # 0.5 - 3 / (5 + 5)
    assert table.value("resume", "lexical/1", "rarely-seen") == round(0.5 - 1 / 6, 3)
    assert table.value("resume", "lexical/1", "often-right") == round(0.5 + 4 / 15, 3)
    assert table.value("resume", "lexical/1", "unknown-skill") == 0.5
    # and never a certainty either way
    extreme = ConfidenceTable(values=cells, measured_on="", skills={"x": (50.0, 50),
                                                                    "y": (-50.0, 50)})
    assert extreme.value("posting", "both", "x") == 0.99
    assert extreme.value("posting", "both", "y") == 0.01


def test_smoothing_and_malformed_tables() -> None:
    assert smoothed(0, 0) == 0.5
    assert smoothed(8, 0) == 0.9
    good = {"cells": {k: {c: {"p": 0.5, "credited": 1, "not_credited": 1} for c in CELLS}
                      for k in KINDS}}
    assert parse_table(good).value("posting", "both") == 0.5
    missing = {"cells": {"resume": good["cells"]["resume"]}}
    with pytest.raises(ExtractionError, match="E024"):
        parse_table(missing)
    bad = json.loads(json.dumps(good))
    bad["cells"]["resume"]["both"]["p"] = 1.5
    with pytest.raises(ExtractionError, match="E024"):
        parse_table(bad)
    assert parse_table({**good, "skills": {"seo": [-1.5, 4]}}).skills == {"seo": (-1.5, 4)}
    # an unquoted id YAML reads as something else ("yes: [...]" is True) is refused
    for skills in ({"seo": [-5.0, 4]}, {"seo": [0.0, 0]}, {"seo": "x"}, {True: [0.0, 1]}):
        with pytest.raises(ExtractionError, match="E024"):
            parse_table({**good, "skills": skills})


def test_cli_keeps_only_confident_mentions() -> None:
    def run(*extra: str) -> list[dict]:
        out = subprocess.run(
            [sys.executable, "-m", "skillmix", "extract", "-", "--json", "--kind", "resume",
             "-q", *extra],
            input=RESUME, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)["documents"][0]["mentions"]

    every = run()
    confident = run("--min-confidence", "0.6")
    assert {m["skill_id"] for m in confident} < {m["skill_id"] for m in every}
    assert "budget-management" not in {m["skill_id"] for m in confident}
    assert all(m["confidence"] >= 0.6 for m in confident)


def test_a_duty_that_states_a_number_is_its_own_cell() -> None:
    # "Led a team of 5": readers credit lone duties with a number far more often than
    # other lone duties, so the canonical example does not read as a coin toss
    text = "Experience\nEngineering Lead, Acme Corp, 2019 - 2022\nLed a team of 5 engineers.\n"
    team = [m for m in _mentions(text) if m.skill_id == "team-leadership"]
    assert team and team[0].quantity == 5
    assert cell_of(team) == "pattern/quantity"
    table = shipped_table()
    assert table.value("resume", "pattern/quantity") > table.value("resume", "pattern/1")
    assert team[0].confidence == table.value("resume", "pattern/quantity", "team-leadership")
