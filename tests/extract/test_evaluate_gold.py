"""``skillmix eval skills`` and :mod:`skillmix.extract.evaluate`: skill-set precision and
recall per document kind, requirement accuracy, consumer agreement, and per-document
errors, worked out by hand on two tiny documents."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from skillmix.cli.main import cli
from skillmix.errors import ExtractionError
from skillmix.extract.evaluate import evaluate_skills, load_gold
from skillmix.extract import get_extractor

RESUME = "Experience\nSocial Media Manager, Acme, 2019 - Present\n- Managed our Instagram account.\n- I scroll Reddit daily.\n"
POSTING = "Requirements:\n- Experience with SEO.\n- Google Analytics is a plus.\n"
GOLD = [
    {"doc": "resume-a", "skills": [
        {"id": "instagram", "evidence": "Managed our Instagram account.", "usage": "professional"},
        {"id": "copywriting", "evidence": "-", "usage": "professional"},
        {"id": "reddit", "evidence": "I scroll Reddit daily.", "usage": "consumer"}]},
    {"doc": "posting-b", "skills": [
        {"id": "seo", "evidence": "Experience with SEO.", "usage": "professional", "requirement": "required"},
        {"id": "google-analytics", "evidence": "Google Analytics is a plus.", "usage": "professional",
         "requirement": "required"}]},
]


@pytest.fixture
def gold_dir(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "resume-a.txt").write_text(RESUME, encoding="utf-8")
    (tmp_path / "docs" / "posting-b.txt").write_text(POSTING, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    return tmp_path


def test_evaluate_gold_counts_by_hand(gold_dir):
    gold = load_gold(gold_dir / "gold.jsonl")
    assert [g.kind for g in gold] == ["resume", "posting"]
    ex = get_extractor("builtin")
    texts = {"resume-a": (RESUME, "resume"), "posting-b": (POSTING, "posting")}
    result = evaluate_skills(gold, lambda g: ex.extract(texts[g.doc][0], kind=texts[g.doc][1]))
    r, p = result.kinds["resume"], result.kinds["posting"]
    # résumé: instagram found, copywriting missed; reddit is consumer on both sides
    assert "copywriting" in result.misses["resume-a"]
    assert r.tp >= 1 and r.fn >= 1 and "reddit" not in result.false_positives.get("resume-a", [])
    assert r.consumer_total == 1 and r.consumer_agree == 1
    # posting: both found; "a plus" is preferred where the reader said required
    assert p.tp == 2 and p.fn == 0
    assert p.requirement_total == 2 and p.requirement_agree == 1
    assert result.requirement_errors["posting-b"] == [("google-analytics", "required", "preferred")]


def test_evaluate_gold_cli(gold_dir):
    res = CliRunner().invoke(cli, ["eval", "skills", str(gold_dir / "gold.jsonl"), str(gold_dir / "docs")])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["kinds"]["posting"]["requirement_accuracy"] == 0.5
    assert out["report"]["done"] == 2 and out["report"]["failed"] == 0


def test_evaluate_gold_bad_line_is_coded(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"doc": "x"}\n', encoding="utf-8")
    with pytest.raises(ExtractionError) as err:
        load_gold(bad)
    assert err.value.code == "E051" and "line 1" in str(err.value)


def test_evaluate_gold_missing_document_is_recorded(gold_dir):
    (gold_dir / "docs" / "posting-b.txt").unlink()
    res = CliRunner().invoke(cli, ["eval", "skills", str(gold_dir / "gold.jsonl"), str(gold_dir / "docs")])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["report"]["failed"] == 1 and out["report"]["failures"][0]["code"] == "E052"
    assert "posting" not in out["kinds"]


def test_credits_per_document_reads_each_gold_document_and_groups_its_credits(gold_dir):
    from skillmix.extract.evaluate import credits_per_document

    out = list(credits_per_document(get_extractor("builtin").extract, gold_dir))
    assert [(g.doc, doc.kind) for g, doc, _ in out] == [("resume-a", "resume"),
                                                        ("posting-b", "posting")]
    resume, posting = out[0][2], out[1][2]
    assert "instagram" in resume and "reddit" not in resume  # consumer use is no credit
    assert {"seo", "google-analytics"} <= set(posting)
    assert all(m.counts and m.skill_id == sid for sid, ms in posting.items() for m in ms)
