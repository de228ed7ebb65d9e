"""Leave one corpus out: the learned model is fitted on the other corpora only, the keyword rule
and the rule classifier are scored on the same test postings, and each figure's spread is a
bootstrap over the test corpus's company groups; on the shared labels, the LinkedIn split."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from skillmix.market.evaluate import Label, keyword_verdict
from skillmix.market.generalization import group_bootstrap

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "data" / "labels" / "market_labels.jsonl"

SOCIAL = ("Responsibilities:\n- Manage our social media channels and post daily on Instagram.\n"
          "Requirements:\n- 2 years of social media marketing experience.")
ENGINEER = "Responsibilities:\n- Build APIs in Python and SQL.\nRequirements:\n- 3 years of backend engineering."
NURSE = "Responsibilities:\n- Provide nursing care to residents and keep care plans.\nFollow us on LinkedIn."


def _rows(source: str, invert: bool) -> list[tuple[str, str, str, str, bool]]:
    """(id, title, company, text, label) rows of one corpus; ``invert`` labels every posting
    the opposite of what its text says (a corpus whose reader disagrees with the others)."""
    out = []
    for i in range(12):
        kind = i % 3
        text, title, yes = ((SOCIAL, "Marketing Coordinator", True), (ENGINEER, "Backend Engineer", False),
                            (NURSE, "Staff Nurse", False))[kind]
        out.append((f"{source[0]}{i}", title, f"{source} company {i}", f"{text}\nRef {source} {i}.", yes != invert))
    return out


def _corpora(tmp_path: Path, invert_adzuna: bool) -> tuple[Path, Path]:
    folder = tmp_path / "postings"
    folder.mkdir()
    labels = []
    rem = _rows("remotive", False)
    (folder / "remotive_2025-04.jsonl").write_text("".join(
        json.dumps({"id": i, "title": t, "company_name": c, "description": x}) + "\n" for i, t, c, x, _ in rem), "utf-8")
    adz = _rows("adzuna", invert_adzuna)
    with (folder / "adzuna_uk_2013_sample.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Id", "Title", "FullDescription", "LocationRaw", "Company"])
        for i, t, c, x, _ in adz:
            w.writerow([i, t, x, "London", c])
    for source, rows in (("remotive", rem), ("adzuna", adz)):
        for i, _, _, _, y in rows:
            labels.append({"source": source, "job_id": i, "requires_social_media": y,
                           "strength": "core" if y else "none", "areas": ["marketing_communications"] if y else []})
    lab = tmp_path / "labels.jsonl"
    lab.write_text("".join(json.dumps(r) + "\n" for r in labels), "utf-8")
    return lab, folder


def test_generalization_bootstrap_spread_over_groups() -> None:
    yes, no = Label("a", True, "core", ()), Label("b", False, "none", ())
    right = [(yes, keyword_verdict("", "social media")), (no, keyword_verdict("", "python"))] * 5
    figs = group_bootstrap(right, list(range(10)), rounds=50, with_areas=False)
    assert figs["precision"] == (1.0, 0.0) and figs["recall"] == (1.0, 0.0)
    mixed = right + [(yes, keyword_verdict("", "python"))] * 3
    figs = group_bootstrap(mixed, list(range(13)), rounds=200, with_areas=False)
    assert figs["recall"][0] == pytest.approx(5 / 8, abs=1e-4) and figs["recall"][1] > 0.05
    # one group holding everything: every resample is the whole set, no spread
    assert group_bootstrap(mixed, [0] * 13, rounds=20, with_areas=False)["recall"][1] == 0.0


def test_generalization_test_corpus_is_never_fitted_on(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from skillmix.market.generalization import leave_one_corpus_out_labels

    lab, folder = _corpora(tmp_path, invert_adzuna=True)
    rep = leave_one_corpus_out_labels(lab, folder, rounds=30)
    assert [s.test for s in rep.splits] == ["adzuna", "remotive"]
    adz = rep.split("adzuna")
    assert adz.n == 12 and adz.positives == 8 and adz.train == ("remotive",) and adz.train_n == 12
    # fitted on Remotive alone, the model reads the text as Remotive's reader does: every Adzuna
    # label (inverted) is missed, exactly as the keyword rule misses them on the same postings
    assert adz.scores["learned"]["recall"] == (0.0, 0.0)
    assert adz.scores["keyword"]["recall"] == (0.0, 0.0)
    assert len(adz.false_negatives) == 8 and len(adz.false_positives) == 4
    d = rep.to_dict()
    assert d["splits"][1]["scores"]["keyword"]["f1"]["value"] == 1.0


def test_cli_market_eval_by_corpus(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from click.testing import CliRunner

    from skillmix.cli.main import cli

    lab, folder = _corpora(tmp_path, invert_adzuna=False)
    res = CliRunner().invoke(cli, ["market", "eval", str(lab), "--postings", str(folder), "--by-corpus", "--json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output[res.output.index("{"):])
    assert {s["test"] for s in d["splits"]} == {"adzuna", "remotive"}
    assert all(s["scores"]["learned"]["f1"]["value"] == 1.0 for s in d["splits"])


@pytest.mark.shared
@pytest.mark.slow
def test_generalization_linkedin_split_on_the_shared_labels(shared_data: Path) -> None:
    pytest.importorskip("sklearn")
    from skillmix.market.generalization import leave_one_corpus_out_labels

    rep = leave_one_corpus_out_labels(LABELS, shared_data / "postings", rounds=50)
    li = rep.split("linkedin")
    assert li.n == 232 and li.train == ("adzuna", "remotive")
    assert li.scores["learned"]["f1"][0] >= li.scores["keyword"]["f1"][0]
    assert 0.5 < li.scores["learned"]["areas_macro_f1"][0] < 1.0
