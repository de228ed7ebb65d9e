"""Slow: the default profile separates social media résumés from the rest (AUC >= 0.85).

Reads all 1,275 LiveCareer PDFs (minutes); run with ``pytest -m slow tests/assess``.
The same measure, with baselines, is ``python bench/assess_separation.py``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from skillmix.assess import score_many, summarise
from skillmix.batch import BatchReport
from skillmix.io import read_documents

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("assess_separation", ROOT / "bench" / "assess_separation.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.mark.slow
def test_separation_default_profile_auc(shared_data, extractor, today):
    bench = _bench()
    files = sorted((shared_data / "resumes" / "livecareer").glob("*/*.pdf"))
    report = BatchReport()
    cats, evs = [], []
    for doc in read_documents(files, kind="resume", sandbox=False, report=report):
        cats.append(Path(doc.source).parent.name)
        evs.append(summarise(extractor.extract(doc), doc, today=today))
    labels = np.array([c in bench.POSITIVE for c in cats])
    fit = score_many(evs, "social-media-technologist").fit
    count = np.array([len(ev.counting()) for ev in evs], dtype=float)
    auc, base = bench.roc_auc(fit, labels), bench.roc_auc(count, labels)
    assert report.done > 1200
    assert auc >= 0.85
    assert auc > base  # the profile adds something over counting skills


def test_separation_auc_matches_pairwise_count():
    bench = _bench()
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 6, 60).astype(float)  # many ties
    labels = rng.random(60) < 0.3
    pos, neg = scores[labels], scores[~labels]
    pairs = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    assert bench.roc_auc(scores, labels) == pytest.approx(pairs / (len(pos) * len(neg)))


def test_separation_baselines_drop_the_focus():
    """The area-coverage baseline and the 'without the focus' line score the profile
    without its focus; the shipped profile keeps it."""
    from skillmix.assess import load_profile

    bench = _bench()
    prof = load_profile("social-media-technologist")
    assert prof.focus is not None
    assert bench.flat_profile(prof).focus is None
    assert bench._variant(prof, lambda raw: raw.pop("focus", None), "-nofocus").focus is None
    assert (1.0, 2.0) in bench.FOCUS_GRID and (prof.focus.floor, prof.focus.target) in bench.FOCUS_GRID
