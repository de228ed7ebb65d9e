"""Per-posting pay columns: a job board's salary field is read before the text."""

from __future__ import annotations

import json

from skillmix.io import read_corpus
from skillmix.market.jobfacts import facts


def _row(i: int, salary: str, description: str) -> dict[str, object]:
    return {"id": i, "url": f"https://example.com/{i}", "title": "Data Analyst", "company_name": "Acme",
            "company_logo": "", "category": "Data", "tags": [], "job_type": "full_time",
            "publication_date": "2025-04-01T00:00:00", "candidate_required_location": "Europe",
            "salary": salary, "description": description}


def test_jobfacts_pay_comes_from_the_salary_field_then_the_text(tmp_path) -> None:
    path = tmp_path / "remotive.jsonl"
    rows = [_row(1, "€40,000 - €47,000 per year", "<p>Analyse data. Up to €1,000 learning stipend.</p>"),
            _row(2, "", "<p>Salary: $60,000 - $70,000 per year.</p>"),
            _row(3, "competitive salary", "<p>We raised $6+ Billion in loans.</p>")]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    got = [facts(p) for p in read_corpus(path, preset="remotive")]
    assert [(f["pay_low"], f["pay_high"], f["pay_currency"], f["pay_period"]) for f in got] == [
        (40000.0, 47000.0, "EUR", "year"), (60000.0, 70000.0, "USD", "year"), (None, None, None, None)]
    assert got[2]["pay_kind"] == "undisclosed"
