"""Demographic data cannot reach the scorer.

The same blind scoring and ranking run is made twice in fresh processes: once with a
demographics file next to the résumés (sex, race and age, as an age, a birth year and a
band), loaded and audited in the same process before scoring; once with no such file and with ``skillmix.fairness.demographics`` and
``skillmix.fairness.audit`` made unimportable. The scores must be identical, and the second
run proves that scoring never loads the code that reads demographic data.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

SCRIPT = r'''
import json, sys
from datetime import date
from pathlib import Path
folder, mode = Path(sys.argv[1]), sys.argv[2]
if mode == "blocked":
    sys.modules["skillmix.fairness.demographics"] = None
    sys.modules["skillmix.fairness.audit"] = None
else:
    from skillmix.fairness import Outcome, audit_scores, load_demographics
    demo = load_demographics(folder / "demographics.csv")
    assert [d.age_group for d in demo.values()] == ["Under 40", "40 and over", "40 and over", None]
    audit = audit_scores([Outcome(k, score=1.0) for k in demo], demo)
    assert audit.table("age").unknown == 1
from skillmix.assess import assess
from skillmix.extract import as_document
from skillmix.fairness import redact
from skillmix.match import MatchParams, rank_candidates
files = sorted(folder.glob("*.txt"))
docs = [redact(as_document(f.read_text(), "resume")).document for f in files]
fits = [assess(d, today=date(2026, 1, 1)).fit for d in docs]
posting = (folder / "posting.html").read_text()
ranking = rank_candidates(as_document(posting, "posting"), docs, top=len(docs), explain=False,
                          params=MatchParams.parse_weights("as_of=2026-01-01"))
print(json.dumps({"fits": [repr(x) for x in fits],
                  "ranking": [[m.id, repr(m.score)] for m in ranking.results],
                  "loaded": sorted(m for m, v in sys.modules.items()
                                   if v is not None and m.startswith("skillmix.fairness"))}))
'''

EXTRA = [
    "Dana Whitfield\ndana@example.com\n\nSummary\nShe leads paid social and SEO for a retailer.\n"
    "Experience\nSocial Media Manager Jan 2019 to Current\nRan Facebook Ads and Google Analytics.\n",
    "Omar Haddad\n\nSummary\nHe builds Python services on AWS and automates ad reporting with "
    "the Marketing API.\nExperience\nSoftware Engineer Mar 2016 to Dec 2022\nREST APIs, Docker.\n",
]


def _run(folder: Path, mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(folder), mode], check=True,
                         capture_output=True, text=True, timeout=300)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_demographics_isolation_scores_identical_with_and_without_file(tmp_path):
    demo_pkg = resources.files("skillmix.demo")
    (tmp_path / "a_resume.txt").write_text(demo_pkg.joinpath("resume.txt").read_text("utf-8"))
    (tmp_path / "b_consumer.txt").write_text(demo_pkg.joinpath("consumer_resume.txt").read_text("utf-8"))
    for i, text in enumerate(EXTRA):
        (tmp_path / f"c{i}.txt").write_text(text)
    (tmp_path / "posting.html").write_text(demo_pkg.joinpath("posting.html").read_text("utf-8"))

    blocked = _run(tmp_path, "blocked")
    assert "skillmix.fairness.demographics" not in blocked["loaded"]
    assert "skillmix.fairness.audit" not in blocked["loaded"]

    (tmp_path / "demographics.csv").write_text(
        "id,sex,race,age,birth_year,age_band\n"
        "a_resume,Female,Black or African American,34,,\nb_consumer,Male,White,,1961,\n"
        "c0,Female,Asian,,,40+\nc1,Male,Hispanic or Latino,prefer not to say,,\n")
    with_file = _run(tmp_path, "with-demographics")
    assert "skillmix.fairness.demographics" in with_file["loaded"]

    assert len(blocked["fits"]) == 4 and any(float(x) > 0 for x in blocked["fits"])
    assert with_file["fits"] == blocked["fits"]
    assert with_file["ranking"] == blocked["ranking"]


def test_demographics_isolation_scoring_code_never_names_demographics():
    root = Path(__file__).resolve().parents[2] / "src" / "skillmix"
    for pkg in ("io", "extract", "assess", "match", "taxonomy", "link"):
        for path in (root / pkg).rglob("*.py"):
            src = path.read_text("utf-8")
            assert "fairness.demographics" not in src and "load_demographics" not in src, path
            for name in ("normalise_age", "normalise_birth_year", "age_group", "AGE_GROUPS"):
                assert name not in src, (path, name)
