"""Exact and near-duplicate postings: fingerprints in the workers, decisions at the end.

Job boards repost the same job (new id, same text) and agencies post near copies (one
line of location changed). Counting each copy would inflate demand, so a run marks them.
Deduplication is global (any posting may copy any other), yet the work should stay in
the workers, so it is split:

1. each worker fingerprints its postings (:func:`fingerprint`): a hash of the normalised
   title and text (exact copies) and a MinHash of word 5-gram shingles, cut into LSH bands
   (shingles are hashed with CRC-32, a C function, instead of datasketch's default SHA-1
   wrapper: a third of the cost, and deterministic across processes). The MinHash is
   datasketch's (``MinHash(num_perm, seed=1, hashfunc=zlib.crc32)``, its default
   ``affine32`` scheme, datasketch 2), computed here in a few lines of numpy
   (:func:`minhash`, tested equal to datasketch's): importing ``datasketch`` imports its
   LSH classes and with them ``scipy.integrate``, about 0.7 s in every process that
   fingerprints, for a signature that needs none of it;
2. after all partitions are written, :func:`find_duplicates` lets DuckDB find postings
   that share a text hash or an LSH band (out of core, any corpus size), checks each
   candidate's estimated Jaccard similarity against the threshold, and keeps the first
   posting (in corpus order) of every group. Candidates are joined to the first member of
   their bucket only (a star, not all pairs), so a bucket of k copies costs k checks.

The result is a ``duplicates`` table (uid, duplicate_of, kind, similarity); the postings
stay in their partitions and the query views leave duplicates out. Nothing here depends
on worker count or order, so runs and resumed runs decide the same.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Collection

__all__ = ["DedupSettings", "find_duplicates", "fingerprint", "minhash"]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DedupSettings:
    """``threshold`` is the estimated Jaccard similarity of shingle sets above which two
    postings are near duplicates; ``bands`` x ``rows`` = ``num_perm`` set the LSH
    candidate curve (16 x 8 catches pairs above about 0.7)."""

    threshold: float = 0.8
    num_perm: int = 128
    bands: int = 16
    shingle: int = 5

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands


def _h64(data: bytes) -> int:
    """A process-independent signed 64-bit hash (Python's ``hash`` is salted)."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[Any, Any]:
    """The ``num_perm`` affine permutations ``h -> a * h + b`` (mod 2**32, ``a`` odd) that
    datasketch's ``MinHash(num_perm, seed=1)`` draws for its ``affine32`` scheme: the same
    generator, seed, draws and order."""
    import numpy as np

    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def minhash(shingles: Collection[bytes], num_perm: int) -> Any:
    """The MinHash signature (``num_perm`` uint32 values) of a non-empty set of shingles:
    each shingle's CRC-32, mixed by the MurmurHash3 32-bit finalizer, through every
    permutation, and the least value per permutation, in uint32 arithmetic (wrapping, as
    datasketch's ``update_batch`` computes its ``affine32`` scheme)."""
    import numpy as np

    a, b = _permutations(num_perm)
    h = np.fromiter(map(zlib.crc32, shingles), dtype=np.uint32, count=len(shingles)).reshape(-1, 1)
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    h = h ^ (h >> np.uint32(16))
    return (h * a + b).min(axis=0)


def fingerprint(title: str | None, text: str, settings: DedupSettings) -> tuple[int, bytes, list[int]]:
    """``(exact hash, MinHash signature bytes, LSH band hashes)`` of one posting."""
    words = _WORD.findall(f"{title or ''}\n{text}".lower())
    exact = _h64(" ".join(words).encode("utf-8"))
    k = settings.shingle
    if len(words) <= k:
        shingles = {" ".join(words).encode("utf-8")}
    else:
        shingles = {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}
    values = minhash(shingles, settings.num_perm).astype("<u4")
    sig = values.tobytes()
    r = settings.rows
    bands = [_h64(bytes([b]) + sig[b * r * 4:(b + 1) * r * 4]) for b in range(settings.bands)]
    return exact, sig, bands


def find_duplicates(con: Any, settings: DedupSettings) -> Any:
    """The duplicates of the ``postings_all``/``signatures_all`` views on DuckDB
    connection ``con``, as a pyarrow Table (uid, duplicate_of, kind, similarity)."""
    import pyarrow as pa

    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE exact_dups AS
        SELECT uid, rep FROM (
            SELECT uid, min(uid) OVER (PARTITION BY text_hash) AS rep
            FROM postings_all WHERE text_hash IS NOT NULL)
        WHERE uid <> rep
        """
    )
    # candidates: per (band, hash) bucket, every member against the bucket's first member,
    # among exact-copy representatives only; streamed, so memory follows the number of
    # candidates in a batch, not the corpus
    cur = con.execute(
        """
        WITH reps AS (
            SELECT s.uid, s.bands FROM signatures_all s ANTI JOIN exact_dups e USING (uid)
        ), b AS (
            SELECT uid, unnest(bands) AS h, unnest(range(len(bands))) AS i FROM reps
        ), firsts AS (
            SELECT i, h, min(uid) AS first FROM b GROUP BY i, h HAVING count(*) > 1
        ), pairs AS (
            SELECT DISTINCT f.first AS a, b.uid AS b
            FROM b JOIN firsts f USING (i, h) WHERE b.uid <> f.first
        )
        SELECT p.a, p.b, sa.sig AS sa, sb.sig AS sb FROM pairs p
        JOIN signatures_all sa ON sa.uid = p.a JOIN signatures_all sb ON sb.uid = p.b
        ORDER BY p.a, p.b
        """
    )
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    sim_of: dict[int, float] = {}
    while True:
        batch = cur.fetchmany(10_000)
        if not batch:
            break
        _verify(batch, settings.threshold, find, parent, sim_of)
    exact = con.execute("SELECT uid, rep FROM exact_dups ORDER BY uid").fetchall()
    con.execute("DROP TABLE exact_dups")
    uids: list[int] = []
    reps: list[int] = []
    kinds: list[str] = []
    sims: list[float] = []
    for u, rep in exact:
        root = find(rep)
        uids.append(u)
        reps.append(root)
        kinds.append("exact")
        sims.append(1.0)
    for u in sorted(parent):
        root = find(u)
        if root != u:
            uids.append(u)
            reps.append(root)
            kinds.append("near")
            sims.append(round(sim_of.get(u, settings.threshold), 4))
    order = sorted(range(len(uids)), key=uids.__getitem__)
    return pa.table({
        "uid": pa.array([uids[i] for i in order], pa.int64()),
        "duplicate_of": pa.array([reps[i] for i in order], pa.int64()),
        "kind": pa.array([kinds[i] for i in order], pa.string()),
        "similarity": pa.array([sims[i] for i in order], pa.float32()),
    })


def _verify(batch: list[tuple[int, int, bytes, bytes]], threshold: float,
            find: Any, parent: dict[int, int], sim_of: dict[int, float]) -> None:
    """Union the candidate pairs whose estimated Jaccard similarity reaches ``threshold``."""
    import numpy as np

    for a, b, sa, sb in batch:
        sim = float((np.frombuffer(sa, dtype="<u4") == np.frombuffer(sb, dtype="<u4")).mean())
        if sim >= threshold:
            ra, rb = find(a), find(b)
            if ra != rb:
                lo, hi = (ra, rb) if ra < rb else (rb, ra)
                parent[hi] = lo
            sim_of[b] = max(sim, sim_of.get(b, 0.0))
            sim_of.setdefault(a, sim)
