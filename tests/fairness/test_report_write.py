"""``write_report``: where an audit report goes, and what happens when it cannot."""

from __future__ import annotations

import json

import pytest

from skillmix.errors import ConfigError
from skillmix.fairness import write_report
from skillmix.fairness.audit import Outcome, run_audits
from skillmix.fairness.demographics import Demographic


def _audits():
    outs = [Outcome(f"c{i}", score=float(i), selected=i < 3) for i in range(6)]
    demo = {f"c{i}": Demographic(f"c{i}", sex="Male" if i % 2 else "Female") for i in range(6)}
    return run_audits(outs, demo)


def test_report_write_makes_the_missing_folder(tmp_path):
    path = write_report(_audits(), tmp_path / "new" / "audit.json")
    assert json.loads(path.read_text())["audits"][0]["kind"] == "selection"


def test_report_write_unwritable_path_is_a_coded_error(tmp_path):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "a-folder.html").mkdir()
    # a folder where the report should go, and a file where a folder should be:
    # a coded error naming the path, not an OSError (the CLI's X500 "bug" line)
    for target in (tmp_path / "a-folder.html", tmp_path / "a-file" / "audit.html"):
        with pytest.raises(ConfigError, match=r"\[C005\]") as exc:
            write_report(_audits(), target)
        assert str(target) in str(exc.value)
