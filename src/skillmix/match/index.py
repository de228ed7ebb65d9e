"""The estimator and its indexes: ``Matcher(params).fit(corpus)``, then ``index`` and ``rank``.

:class:`Matcher` follows the scikit-learn contract: ``__init__`` stores parameters only;
:meth:`Matcher.fit` learns each skill's rarity (``idf_``) from a corpus of
:class:`~.features.MatchDocument` and builds the taxonomy's neighbour graph; learned state
ends in ``_``. :meth:`Matcher.index` turns documents of one kind into a
:class:`MatchIndex`: sparse matrices (scipy.sparse, float64) of evidence or demand, the
aligned per-entry facts that explanations quote (level, years, recency, spans) and a BM25
text index. Rarity is fixed at fit time, so indexing a changed document leaves every other
score as it was: that is what makes counterfactuals exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from ..errors.match_codes import M003, M004, M005, M006, M010
from ..records import Ranking
from .features import LEVELS, MatchDocument
from .level import LevelReading, level_arrays, level_codes
from .params import MatchParams
from .score import expand
from .bm25 import TextIndex

__all__ = ["LEVELS", "MatchIndex", "Matcher"]

#: the share of its rarity weight a transversal skill (assess's ``data/transversal.yaml``:
#: office tools and soft skills) keeps in a posting's demand: half, the round value among
#: 1, 0.5, 0.25 and 0 tried on the ranking benches (0.25 the same, 0 worse: docs/match.md)
TRANSVERSAL_DEMAND = 0.5

#: level names <-> codes stored in the index
_LEVEL_CODE = {name: i for i, name in enumerate(LEVELS)}


@dataclass(slots=True, eq=False)
class MatchIndex:
    """Documents of one kind, ready to rank against a query of the other kind.

    ``values`` (CSR, rows documents, columns the matcher's skills) holds each document's
    raw demand level weight (postings) or evidence credit (résumés; consumer-only skills
    are stored zeros); ``level``, ``years``, ``recency`` and ``spans`` are aligned with
    ``values.data``. The derived matrices (``expanded``/``years_csc`` for résumés,
    ``demand``/``area_den``/``area_weights`` for postings) are rebuilt on load.
    """

    kind: str
    ids: list[str]
    titles: list[str | None]
    sources: list[str]
    texts: Sequence[str]
    values: sp.csr_matrix
    level: np.ndarray
    years: np.ndarray
    recency: np.ndarray
    spans: np.ndarray
    text_index: TextIndex
    profile_weights: np.ndarray
    #: postings' example lists ("Hootsuite, Buffer or similar"), one row per group:
    #: the document, the demanded column, and the alternative columns
    #: ``alt_members[alt_ptr[g]:alt_ptr[g + 1]]`` whose evidence satisfies it as well
    alt_doc: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    alt_col: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    alt_ptr: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    alt_members: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    derived: dict[str, object] = field(default_factory=dict)
    #: per document its occupations (:attr:`MatchDocument.occupations`); a saved index
    #: does not keep them, so its occupation component is 0
    occupations: list[dict[str, float]] = field(default_factory=list)
    #: per document its seniority range (:attr:`MatchDocument.level`; -1: unknown) and the
    #: words that set it, for the level component and its explanation
    seniority_low: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    seniority_high: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    seniority_why: list[str] = field(default_factory=list)

    def seniority(self, i: int) -> LevelReading | None:
        """Document ``i``'s level reading (None when unknown, or the index predates it)."""
        if len(self.seniority_why) != len(self.ids) or self.seniority_low[i] < 0:
            return None
        return LevelReading(int(self.seniority_low[i]), int(self.seniority_high[i]),
                            self.seniority_why[i])

    def alternative_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """The example lists as ``score_jobs`` reads them (entry positions from
        :meth:`Matcher.derive`, group pointers, alternative columns); None when there are none."""
        if not self.alt_doc.size:
            return None
        return self.derived["alt_pos"], self.alt_ptr, self.alt_members  # type: ignore[return-value]

    def alternatives_of(self, i: int) -> dict[int, tuple[int, ...]]:
        """Document ``i``'s groups: demanded column -> alternative columns."""
        out: dict[int, tuple[int, ...]] = {}
        for g in np.flatnonzero(self.alt_doc == i):
            a, b = int(self.alt_ptr[g]), int(self.alt_ptr[g + 1])
            out[int(self.alt_col[g])] = tuple(int(c) for c in self.alt_members[a:b])
        return out

    def __len__(self) -> int:
        return len(self.ids)

    def position(self, doc_id: str) -> int:
        try:
            return self.ids.index(doc_id)
        except ValueError:
            raise M010(f"no document {doc_id!r} in this index.") from None


class Matcher:
    """Ranks candidates for a job and jobs for a candidate (see :mod:`.params`).

    ``params`` are recorded with every ranking; ``taxonomy`` is the spec whose skills form
    the vector space (skills of other taxonomies are ignored by the skill components and
    still count through BM25).
    """

    def __init__(self, params: MatchParams | None = None, taxonomy: str = "builtin") -> None:
        self.params = params if params is not None else MatchParams()
        self.taxonomy = taxonomy

    # ------------------------------------------------------------------ fit

    def fit(self, corpus: Iterable[MatchDocument]) -> "Matcher":
        """Learn skill rarity from ``corpus`` (postings, résumés or both)."""
        from ..taxonomy import load_taxonomy

        tax = load_taxonomy(self.taxonomy)
        self.taxonomy_name_ = tax.name
        self.taxonomy_version_ = tax.version
        self.skill_ids_ = list(tax.skills)
        self.column_ = {sid: i for i, sid in enumerate(self.skill_ids_)}
        self.labels_ = [tax.skills[s].label for s in self.skill_ids_]
        self.areas_ = [*tax.areas, "other"]
        area_col = {a: i for i, a in enumerate(self.areas_)}
        self.area_of_ = np.array(
            [area_col.get(tax.skills[s].area or "other", len(self.areas_) - 1)
             for s in self.skill_ids_], dtype=np.int64)
        df = np.zeros(len(self.skill_ids_))
        n = 0
        for doc in corpus:
            n += 1
            seen = {self.column_[f.skill_id] for f in doc.skills
                    if f.level != "consumer" and f.skill_id in self.column_}
            if seen:
                df[list(seen)] += 1
        if n == 0:
            raise M003("cannot fit a matcher on an empty corpus.",
                       hint="Pass at least one posting or résumé.")
        self.n_docs_ = n
        self.idf_ = np.log((1.0 + n) / (1.0 + df)) + 1.0
        # office tools and soft skills (assess's transversal list) weigh half: a posting's
        # "communication skills" is no equal of its React (a recruiter trial)
        from ..assess.compiled import transversal_skills

        soft = transversal_skills()
        self.idf_ *= np.array([TRANSVERSAL_DEMAND if sid in soft else 1.0
                               for sid in self.skill_ids_])
        rows, cols = [], []
        for sid in self.skill_ids_:
            for other in tax.neighbours(sid):
                if other in self.column_ and tax.same_field(sid, other):
                    rows.append(self.column_[sid])
                    cols.append(self.column_[other])
        s = len(self.skill_ids_)
        self.neighbours_ = sp.csr_matrix(
            (np.ones(len(rows)), (rows, cols)), shape=(s, s), dtype=np.float64)
        self.neighbours_.sum_duplicates()
        self.neighbours_.data[:] = 1.0
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "idf_"):
            raise M004("this Matcher is not fitted yet.",
                       hint="Call fit(corpus) first, or load a saved index.")

    def fitted_state(self) -> dict[str, object]:
        """What ``fit`` learned, for saving with an index."""
        self._check_fitted()
        return {"taxonomy_name": self.taxonomy_name_, "taxonomy_version": self.taxonomy_version_,
                "skill_ids": self.skill_ids_, "labels": self.labels_, "areas": self.areas_,
                "area_of": self.area_of_, "n_docs": self.n_docs_, "idf": self.idf_,
                "neighbours": self.neighbours_}

    def restore(self, state: dict[str, object]) -> "Matcher":
        """Set the learned state from :meth:`fitted_state` (used by ``load_index``)."""
        self.taxonomy_name_ = str(state["taxonomy_name"])
        self.taxonomy_version_ = str(state["taxonomy_version"])
        self.skill_ids_ = list(state["skill_ids"])  # type: ignore[call-overload]
        self.labels_ = list(state["labels"])  # type: ignore[call-overload]
        self.areas_ = list(state["areas"])  # type: ignore[call-overload]
        self.area_of_ = np.asarray(state["area_of"], dtype=np.int64)
        self.n_docs_ = int(state["n_docs"])  # type: ignore[call-overload]
        self.idf_ = np.asarray(state["idf"], dtype=np.float64)
        self.neighbours_ = sp.csr_matrix(state["neighbours"])
        self.column_ = {sid: i for i, sid in enumerate(self.skill_ids_)}
        return self

    # ------------------------------------------------------------------ vectors

    def _value(self, level: str, recency: int | None) -> float:
        p = self.params
        if level in ("required", "preferred", "mentioned"):
            return p.level_weight(level)
        v = p.evidence_credit(level)
        if recency is not None and recency > p.stale_after_years * 12:
            v *= p.stale_factor
        return v

    def area_weight_vector(self, weights: dict[str, float] | None) -> np.ndarray:
        """A profile's area weights as a vector over ``areas_`` (all ones when empty)."""
        if not weights:
            return np.ones(len(self.areas_))
        out = np.zeros(len(self.areas_))
        for a, w in weights.items():
            if a in self.areas_:
                out[self.areas_.index(a)] = float(w)
        return out

    def rows(
        self, docs: Sequence[MatchDocument]
    ) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Documents as a CSR matrix of values (demand level weight or evidence credit)
        and the per-entry level codes, years, recency and spans aligned with its data."""
        self._check_fitted()
        indptr = [0]
        cols: list[int] = []
        vals: list[float] = []
        lev: list[int] = []
        yrs: list[float] = []
        rec: list[int] = []
        spans: list[tuple[int, int, int, int]] = []
        for d in docs:
            # one entry per column, columns sorted: scipy may sort a row's indices in
            # place, and the aligned arrays must follow the same order
            first: dict[int, object] = {}
            for f in d.skills:
                c = self.column_.get(f.skill_id)
                if c is not None and c not in first:
                    first[c] = f
            for c in sorted(first):
                f = first[c]  # type: ignore[assignment]
                cols.append(c)
                vals.append(self._value(f.level, f.recency_months))  # type: ignore[attr-defined]
                lev.append(_LEVEL_CODE[f.level])  # type: ignore[attr-defined]
                yrs.append(f.years)  # type: ignore[attr-defined]
                rec.append(-1 if f.recency_months is None else f.recency_months)  # type: ignore[attr-defined]
                spans.append((f.start, f.end, f.sentence_start, f.sentence_end))  # type: ignore[attr-defined]
            indptr.append(len(cols))
        values = sp.csr_matrix(
            (np.asarray(vals, dtype=np.float64), np.asarray(cols, dtype=np.int32),
             np.asarray(indptr, dtype=np.int64)), shape=(len(docs), len(self.skill_ids_)))
        return (values, np.asarray(lev, dtype=np.int8), np.asarray(yrs, dtype=np.float64),
                np.asarray(rec, dtype=np.int32), np.asarray(spans, dtype=np.int32).reshape(-1, 4))

    # ------------------------------------------------------------------ index

    def index(self, docs: Sequence[MatchDocument] | Iterable[MatchDocument]) -> MatchIndex:
        """An index of documents of one kind (all postings or all résumés)."""
        self._check_fitted()
        docs = list(docs)
        if not docs:
            raise M005("cannot index an empty list of documents.")
        kinds = {d.kind for d in docs}
        if len(kinds) != 1:
            raise M006(f"an index holds one kind of document, got {sorted(kinds)}.",
                       hint="Index postings and résumés separately.")
        kind = kinds.pop()
        values, lev, yrs, rec, spans = self.rows(docs)
        text_index = TextIndex(self.params.bm25_k1, self.params.bm25_b).fit([d.text for d in docs])
        profile = np.stack([self.area_weight_vector(dict(d.area_weights)) for d in docs]) \
            if kind == "posting" else np.ones((0, len(self.areas_)))
        idx = MatchIndex(
            kind=kind, ids=[d.id for d in docs], titles=[d.title for d in docs],
            sources=[d.source for d in docs], texts=[d.text for d in docs], values=values,
            level=lev, years=yrs, recency=rec, spans=spans, text_index=text_index, profile_weights=profile,
            occupations=[dict(d.occupations) for d in docs],
        )
        idx.seniority_low, idx.seniority_high = level_arrays([d.level for d in docs])
        idx.seniority_why = [d.level.why if d.level is not None else "" for d in docs]
        if kind == "posting":
            self._index_alternatives(idx, docs)
        self.derive(idx)
        return idx

    def _index_alternatives(self, idx: MatchIndex, docs: Sequence[MatchDocument]) -> None:
        """Store each posting's example lists as column groups (see :class:`MatchIndex`)."""
        doc_of, col_of, ptr, members = [], [], [0], []
        for i, d in enumerate(docs):
            for sid, others in (d.alternatives or {}).items():
                col = self.column_.get(sid)
                cols = [c for c in (self.column_.get(o) for o in others) if c is not None]
                if col is None or not cols:
                    continue
                doc_of.append(i)
                col_of.append(col)
                members.extend(cols)
                ptr.append(len(members))
        idx.alt_doc = np.asarray(doc_of, dtype=np.int64)
        idx.alt_col = np.asarray(col_of, dtype=np.int64)
        idx.alt_ptr = np.asarray(ptr, dtype=np.int64)
        idx.alt_members = np.asarray(members, dtype=np.int64)

    def values_for(self, level: np.ndarray, recency: np.ndarray) -> np.ndarray:
        """Stored values from level codes and recency under this matcher's parameters
        (vectorised :meth:`_value`)."""
        p = self.params
        table = np.array([p.level_weight(n) if n in ("required", "preferred", "mentioned")
                          else p.evidence_credit(n) for n in LEVELS])
        out = table[level.astype(np.int64)]
        stale = (recency >= 0) & (recency > p.stale_after_years * 12) & (level >= _LEVEL_CODE["professional"])
        return np.where(stale, out * p.stale_factor, out)

    def expansion_key(self) -> str:
        """The parameters the expanded evidence depends on (a saved expansion is reused
        on load only when they match)."""
        p = self.params
        return (f"{p.professional_credit}|{p.listed_credit}|{p.neighbour_credit}|"
                f"{p.stale_after_years}|{p.stale_factor}")

    def derive(self, idx: MatchIndex) -> None:
        """Compute the matrices scoring reads from an index's stored levels, under this
        matcher's parameters: an index saved with other credits or level weights is
        re-valued here, so ``--weights`` works on a loaded index too."""
        idx.values.data[:] = self.values_for(idx.level, idx.recency)
        if idx.seniority_low.size == len(idx):
            idx.derived["seniority_code"] = level_codes(idx.seniority_low, idx.seniority_high)
        v = idx.values
        if idx.kind == "resume":
            key = self.expansion_key()
            if idx.derived.get("expanded_key") != key or "expanded" not in idx.derived:
                idx.derived["expanded"] = expand(v, self.neighbours_,
                                                 self.params.neighbour_credit).tocsc()
                idx.derived["expanded_key"] = key
            # years of use count only where there is evidence (not consumer-only)
            yr = sp.csr_matrix((np.where(v.data > 0, idx.years, 0.0), v.indices.copy(), v.indptr.copy()),
                               shape=v.shape)
            yr.eliminate_zeros()
            idx.derived["years_csc"] = yr.tocsc()
        else:
            demand = sp.csr_matrix((v.data * self.idf_[v.indices], v.indices.copy(), v.indptr.copy()),
                                   shape=v.shape)
            onehot = sp.csr_matrix(
                (np.ones(len(self.skill_ids_)), (np.arange(len(self.skill_ids_)), self.area_of_)),
                shape=(len(self.skill_ids_), len(self.areas_)))
            idx.derived["demand"] = demand
            idx.derived["area_onehot"] = onehot
            idx.derived["area_den"] = np.asarray((demand @ onehot).todense())
            idx.derived["row_of"] = np.repeat(np.arange(v.shape[0]), np.diff(v.indptr))
            # where each group's demanded skill sits in ``values.data`` (-1: not demanded)
            pos = np.full(idx.alt_doc.size, -1, dtype=np.int64)
            for g, (i, col) in enumerate(zip(idx.alt_doc.tolist(), idx.alt_col.tolist())):
                a, b = v.indptr[i], v.indptr[i + 1]
                hit = np.flatnonzero(v.indices[a:b] == col)
                if hit.size:
                    pos[g] = a + int(hit[0])
            idx.derived["alt_pos"] = pos

    # ------------------------------------------------------------------ rank

    def rank(self, query: MatchDocument, index: MatchIndex, *, top: int = 10,
             explain: bool = True) -> Ranking:
        """Rank every document of ``index`` for ``query`` (a posting ranks résumés, a
        résumé ranks postings); the ``top`` best, with explanations unless ``explain`` is
        false."""
        from .rank import rank as _rank

        self._check_fitted()
        return _rank(self, query, index, top=top, explain=explain)
