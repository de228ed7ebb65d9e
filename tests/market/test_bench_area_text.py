"""bench/market_area_text.py (the stacked text probe behind #18's session-8 result): the
terms it reads and its text model's arithmetic, so its recorded figures stay reproducible."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "market_area_text.py"


def _bench():
    spec = importlib.util.spec_from_file_location("market_area_text", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, mod)  # its dataclass resolves annotations through sys.modules
    spec.loader.exec_module(sys.modules[spec.name])
    mod = sys.modules[spec.name]
    return mod


def test_bench_area_text_terms_read_the_job_and_the_title() -> None:
    b = _bench()
    toks = b.job_tokens("Community Lead", "Lead a team of moderators.\n"
                        "We are a world leader in widgets and we were founded in 1990.", ())
    assert {"lead", "team", "moderators", "lead team", "team moderators", "t:community", "t:lead"} <= toks
    assert "a" not in toks and "lead a" not in toks
    assert "widgets" not in toks and "founded" not in toks


def test_bench_area_text_model_scores_as_its_matrix_was_fitted() -> None:
    pytest.importorskip("scipy")
    b = _bench()
    index = {"empathy": 0, "listen": 1, "sales": 2}
    tm = b.TextModel({"empathy": 1.5, "listen": 0.5, "sales": -2.0}, frozenset(index), -0.25)
    docs = [frozenset({"empathy", "listen", "unknown"}), frozenset({"sales"}), frozenset({"unknown"})]
    X = b._matrix(docs, index).toarray()
    w = [1.5, 0.5, -2.0]
    for row, doc in zip(X, docs):
        assert tm.logit(doc) == pytest.approx(-0.25 + sum(x * v for x, v in zip(row, w)))
    assert tm.logit(docs[0]) == pytest.approx(-0.25 + 2.0 / math.sqrt(2))
