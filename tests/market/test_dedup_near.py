"""Deduplication: exact and near copies are marked, distinct postings are not, and the
first posting in corpus order is the one kept."""

from __future__ import annotations

from pathlib import Path

from skillmix.market import DedupSettings, RunSettings, query, run_market
from skillmix.market.dedup import fingerprint

LONG = ("We are looking for a data engineer to design, build and run the pipelines that feed our "
        "analytics platform. You will work with product managers, analysts and other engineers "
        "to model data, tune queries and keep our warehouse reliable. Requirements: five years "
        "of SQL and Python, experience with Airflow, dbt and Spark, and a habit of writing tests "
        "and documentation. Nice to have: Kafka, Terraform and experience in retail. ")


def test_dedup_fingerprint_is_stable_and_similarity_tracks_overlap() -> None:
    s = DedupSettings()
    a = fingerprint("T", LONG * 2, s)
    assert a == fingerprint("T", LONG * 2, s)
    near = fingerprint("T", LONG * 2 + "Location: Leeds.", s)
    import numpy as np

    def sim(x, y):
        return float((np.frombuffer(x[1], "<u4") == np.frombuffer(y[1], "<u4")).mean())

    other = fingerprint("T", "Registered nurse for night shifts in a care home. " * 10, s)
    assert sim(a, near) > 0.8 > 0.2 > sim(a, other)
    assert len(a[2]) == s.bands


def test_dedup_marks_exact_and_near_copies(rows, corpus, tmp_path: Path) -> None:
    data = rows(40)
    base = dict(data[3], id="orig", description=LONG * 2)
    exact = dict(base, id="exact-copy")
    near = dict(base, id="near-copy", description=LONG * 2 + "Location: Leeds, hybrid.")
    far = dict(base, id="different", description="Registered nurse for night shifts. " * 20)
    path = corpus(rows=[base] + data + [exact, near, far])
    s = run_market([path], tmp_path / "run", workers=0, settings=RunSettings(partition_size=10))
    assert (s.duplicates_exact, s.duplicates_near) == (1, 1)
    dups = query(tmp_path / "run",
                 "SELECT p.id, d.kind, o.id FROM duplicates d JOIN postings_all p USING (uid) "
                 "JOIN postings_all o ON o.uid = d.duplicate_of ORDER BY p.id")[1]
    assert dups == [("exact-copy", "exact", "orig"), ("near-copy", "near", "orig")]
    kept = {r[0] for r in query(tmp_path / "run", "SELECT id FROM postings")[1]}
    assert "orig" in kept and "different" in kept and "exact-copy" not in kept
    assert s.postings == len(data) + 2


def test_dedup_off_keeps_every_posting(rows, corpus, tmp_path: Path) -> None:
    data = rows(20)
    path = corpus(rows=data + [dict(data[0], id="copy")])
    s = run_market([path], tmp_path / "run", workers=0,
                   settings=RunSettings(partition_size=10, dedup=False))
    assert s.postings == 21 and s.duplicates_exact == 0
    assert not (tmp_path / "run" / "signatures").exists()
