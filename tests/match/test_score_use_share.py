"""``use`` (ranking jobs for a candidate): the share of the candidate's own evidence the job
asks for counts each skill once per job, and the edge cases (a job with no demand, empty
example lists, a candidate with no evidence) give 0 without an error."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from skillmix.match.score import score_jobs

#: four skills in two areas; job 0 asks skills 0 and 1, job 1 nothing, job 2 skill 2
_DEMAND = sp.csr_matrix(np.array([[1.0, 1.0, 0, 0], [0, 0, 0, 0], [0, 0, 2.0, 0]]))
_ONEHOT = sp.csr_matrix(np.array([[1.0, 0], [1.0, 0], [0, 1.0], [0, 1.0]]))


def _use(own: np.ndarray, alternatives=None) -> np.ndarray:  # type: ignore[no-untyped-def]
    row_of = np.repeat(np.arange(3), np.diff(_DEMAND.indptr))
    area_den = np.asarray((_DEMAND @ _ONEHOT).todense())
    c = score_jobs(_DEMAND, np.zeros(_DEMAND.nnz), row_of, _ONEHOT, area_den, np.ones((3, 2)),
                   own.astype(float), np.zeros(4), np.zeros(3), 0.0, 3.0, alternatives, own=own)
    assert c.use is not None and np.isfinite(c.skill).all() and np.isfinite(c.area).all()
    return c.use


def test_score_use_share_counts_a_skill_once_per_job() -> None:
    """Skill 3 stands in both of job 0's example lists (one for skill 0, one for skill 1):
    it is half of what the candidate has, not all of it twice."""
    own = np.array([0.0, 0, 0, 1.0])
    one = (np.array([0]), np.array([0, 1]), np.array([3]))
    two = (np.array([0, 1]), np.array([0, 1, 2]), np.array([3, 3]))
    assert _use(own, one)[0] == 1.0
    own = np.array([0.0, 0, 1.0, 1.0])  # skill 2 is not job 0's
    assert _use(own, one)[0] == 0.5
    assert _use(own, two)[0] == 0.5


def test_score_use_share_edge_cases() -> None:
    own = np.array([1.0, 0, 0, 1.0])
    empty = (np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64))
    for alts in (None, empty, (np.array([-1]), np.array([0, 1]), np.array([3]))):
        assert _use(own, alts).tolist() == [0.5, 0.0, 0.0]  # job 1 asks nothing: 0
    assert _use(np.zeros(4)).tolist() == [0.0, 0.0, 0.0]  # no evidence: 0, no division
