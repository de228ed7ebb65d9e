"""Deduplication: exact and near copies are marked, distinct postings are not, and the
first posting in corpus order is the one kept."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.shared
def test_dedup_minhash_is_datasketchs(shared_data: Path) -> None:
    """The signature is datasketch's MinHash (seed 1, CRC-32, its default scheme), value for
    value: on random shingle sets of every size and on the shared postings' shingles."""
    import random
    import zlib

    import numpy as np

    datasketch = pytest.importorskip("datasketch")
    from skillmix.market.dedup import minhash
    from skillmix.io import read_corpus

    def theirs(shingles: set[bytes], num_perm: int) -> np.ndarray:
        mh = datasketch.MinHash(num_perm=num_perm, seed=1, hashfunc=zlib.crc32)
        mh.update_batch(shingles)
        return mh.hashvalues

    rng = random.Random(7)
    sets = [{rng.randbytes(rng.randint(0, 40)) for _ in range(n)} for n in (1, 1, 2, 3, 10, 100, 2000)]
    sets += [{b""}]
    for i, posting in enumerate(read_corpus(shared_data / "postings" / "remotive_2025-04.jsonl")):
        words = posting.document.text.lower().split()
        sets.append({" ".join(words[j:j + 5]).encode() for j in range(max(1, len(words) - 4))})
        if i == 60:
            break
    for shingles in sets:
        for num_perm in (128, 64):
            ours = minhash(shingles, num_perm)
            assert ours.dtype == np.uint32
            assert np.array_equal(ours, theirs(shingles, num_perm))
