"""Ranking both ways, with explanations and computed counterfactuals.

:func:`rank` scores every document of an index for one query (see :mod:`.score`), keeps
the ``top`` best (ties broken by index order, so a ranking is reproducible), and explains
each one: the skills matched with the words that prove them on both sides, the required
skills missing, the transferable skills (taxonomy neighbours) and counterfactuals.

A counterfactual is **computed**: the candidate's evidence row is changed (professional
evidence of one missing required skill added), re-scored by the same code that scored the
index, and its new rank counted among the unchanged scores of everyone else (for
jobs-for-a-candidate, every job is re-scored with the changed candidate). Re-indexing the
changed document with the same fitted matcher gives the same rank; a test holds us to it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

import numpy as np
import scipy.sparse as sp

from ..errors.match_codes import M007, M008
from ..records import Counterfactual, Evidence, Match, Ranking, SkillMatch
from .features import LEVELS, MatchDocument
from .level import level_sentence, level_table
from .occupation import occupation_scores, occupation_sentence
from .score import Components, combine, expand, score_candidates, score_jobs

if TYPE_CHECKING:
    from .index import MatchIndex, Matcher

__all__ = ["FORMULA", "distinct_evidence", "ordinal", "rank", "scale_notes"]

FORMULA = ("score = w_skill*skill + w_area*area + w_years*years + w_text*text "
           "+ w_level*(level - 1) [+ w_occupation*occupation]; see skillmix.match.params "
           "and docs/match.md")


def distinct_evidence(skills: Iterable[SkillMatch]) -> list[tuple[SkillMatch, Evidence]]:
    """Each piece of a result's evidence once, with the demand it meets: two demands met by
    one span (a skill and its neighbour, both credited through it) give one entry, the exact
    match's where there is one, in the place the span first came."""
    once: dict[tuple[str, int, int], tuple[SkillMatch, Evidence]] = {}
    for s in skills:
        e = s.candidate_evidence
        if s.kind == "missing" or e is None:
            continue
        key = (e.skill_id, e.start, e.end)
        if key not in once or s.kind == "exact":
            once[key] = (s, e)
    return list(once.values())


def scale_notes(ranking: Ranking, query: MatchDocument) -> dict[str, str]:
    """What a ranking's numbers are measured against, in words for its reader: the text
    component is relative to the pool (BM25 divided by the pool's best), and years give
    full marks where the posting asks no years. Tables and JSON print these beside the
    scores, so that a lone sous chef's 39 for a social media job does not read as a fit."""
    pool = int(ranking.parameters.get("pool", 0) or 0)
    text = (f"relative to this pool of {pool}: BM25 text relevance divided by the pool's "
            "best, which gets full marks")
    if pool == 1:
        text += (" (alone, a document gets full marks if it shares any word with the query, "
                 "else 0)")
    if ranking.direction == "candidates-for-job":
        asked = any(s.years > 0 for s in query.skills)
        years = ("the share of the years the posting asks, per skill" if asked else
                 "full marks for everyone: the posting asks no years")
    else:
        years = ("the share of the years each posting asks, per skill; full marks where a "
                 "posting asks no years")
    return {"score": "the weighted sum of the components (parameters.formula); 0-1 in "
                     "JSON, 0-100 in tables",
            "text": text, "years": years}


#: how many missing required skills are tried as counterfactuals per result
_MAX_TRIES = 8


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


@dataclass(frozen=True, slots=True)
class _Row:
    """One document's stored skill entries (columns and aligned facts)."""

    doc_id: str
    text: str
    cols: np.ndarray
    vals: np.ndarray
    level: np.ndarray
    years: np.ndarray
    recency: np.ndarray
    spans: np.ndarray

    def where(self, col: int) -> int | None:
        hit = np.flatnonzero(self.cols == col)
        return int(hit[0]) if hit.size else None


def _index_row(idx: "MatchIndex", i: int) -> _Row:
    a, b = idx.values.indptr[i], idx.values.indptr[i + 1]
    return _Row(idx.ids[i], idx.texts[i], idx.values.indices[a:b], idx.values.data[a:b],
                idx.level[a:b], idx.years[a:b], idx.recency[a:b], idx.spans[a:b])


def _query_row(m: "Matcher", q: MatchDocument) -> _Row:
    values, lev, yrs, rec, spans = m.rows([q])
    return _Row(q.id, q.text, values.indices, values.data, lev, yrs, rec, spans)


def _one_row(m: "Matcher", cols: np.ndarray, vals: np.ndarray) -> sp.csr_matrix:
    order = np.argsort(cols)
    return sp.csr_matrix((vals[order], cols[order], np.array([0, cols.size])),
                         shape=(1, len(m.skill_ids_)))


def _rows_matrix(m: "Matcher", rows: list[tuple[np.ndarray, np.ndarray]]) -> sp.csr_matrix:
    """Several (columns, values) rows as one CSR matrix, columns sorted per row."""
    indptr = [0]
    cols_all, vals_all = [], []
    for cols, vals in rows:
        order = np.argsort(cols)
        cols_all.append(cols[order])
        vals_all.append(vals[order])
        indptr.append(indptr[-1] + cols.size)
    return sp.csr_matrix((np.concatenate(vals_all), np.concatenate(cols_all), np.array(indptr)),
                         shape=(len(rows), len(m.skill_ids_)))


def _with_skill(m: "Matcher", row: _Row, col: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The row's (cols, values, years) with professional evidence of ``col`` added."""
    credit = m.params.professional_credit
    at = row.where(col)
    cols, vals, yrs = row.cols.copy(), row.vals.copy(), row.years.copy()
    if at is None:
        cols, vals, yrs = np.append(cols, col), np.append(vals, credit), np.append(yrs, 0.0)
    else:
        vals[at] = max(vals[at], credit)
    return cols, vals, yrs


def _rank_of(scores: np.ndarray, i: int, new: float) -> int:
    """Rank document ``i`` would have with score ``new``, everyone else unchanged (ties go
    to the earlier document, as in :func:`_order`)."""
    above = int((scores > new).sum()) - int(scores[i] > new)
    tied_before = int((scores[:i] == new).sum())
    return 1 + above + tied_before


def _order(scores: np.ndarray, top: int) -> np.ndarray:
    n = scores.size
    k = min(max(top, 0), n)
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    if k < n:
        kth = scores[np.argpartition(-scores, k - 1)[:k]].min()
        cand = np.flatnonzero(scores >= kth)
    else:
        cand = np.arange(n)
    return cand[np.lexsort((cand, -scores[cand]))][:k]


# ------------------------------------------------------------------------ explanations


def _evidence(row: _Row, at: int, skill_id: str, weight: float, note: str) -> Evidence:
    s, e, ss, se = (int(x) for x in row.spans[at])
    text = row.text
    ok = 0 <= s <= e <= len(text)
    return Evidence(
        document_id=row.doc_id, skill_id=skill_id, start=s, end=e,
        surface=text[s:e] if ok else "",
        sentence=" ".join(text[ss:se].split()) if 0 <= ss <= se <= len(text) else "",
        weight=round(float(weight), 4), note=note,
    )


def _note(level: str, years: float, asked: bool) -> str:
    if years >= 0.05:  # what rounds to 0.0 years says nothing
        return f"{level}, {round(years, 1):g} years {'asked' if asked else 'of use'}"
    return level


def _explain(m: "Matcher", job: _Row, cand: _Row, cand_raw: np.ndarray,
             cand_exp: np.ndarray, alternatives: dict[int, tuple[int, ...]] | None = None,
             ) -> tuple[list[SkillMatch], list[str], list[tuple[str, str]]]:
    """Each demanded skill as met exactly, by an alternative of its example list ("Hootsuite,
    Buffer or similar": full credit, as the score gives), by a taxonomy neighbour (partial
    credit) or not at all."""
    demand = job.vals * m.idf_[job.cols]
    skills: list[SkillMatch] = []
    missing: list[str] = []
    transferable: list[tuple[str, str]] = []
    nb = m.neighbours_
    for k in np.lexsort((job.cols, -demand)):
        col = int(job.cols[k])
        sid = m.skill_ids_[col]
        level = LEVELS[int(job.level[k])]
        je = _evidence(job, int(k), sid, demand[k], _note(level, float(job.years[k]), True))
        area = m.areas_[int(m.area_of_[col])]
        at = cand.where(col)
        if cand_raw[col] > 0 and at is not None:
            ce = _evidence(cand, at, sid, cand_raw[col],
                           _note(LEVELS[int(cand.level[at])], float(cand.years[at]), False))
            skills.append(SkillMatch(sid, m.labels_[col], "exact", level, round(float(demand[k]), 4),
                                     round(float(cand_exp[col]), 4), area, None, je, ce))
            continue
        others = (alternatives or {}).get(col, ())
        alt = max(others, key=lambda c: cand_exp[c], default=None)
        if alt is not None and cand_exp[alt] > cand_exp[col] and cand_raw[alt] > 0:
            aat = cand.where(alt)
            ce = _evidence(cand, aat, m.skill_ids_[alt], cand_raw[alt],
                           f"an alternative the job names: {m.labels_[alt]}") \
                if aat is not None else None
            skills.append(SkillMatch(sid, m.labels_[col], "alternative", level,
                                     round(float(demand[k]), 4), round(float(cand_exp[alt]), 4),
                                     area, m.skill_ids_[alt], je, ce))
            continue
        if cand_exp[col] > 0:
            near = nb.indices[nb.indptr[col]:nb.indptr[col + 1]]
            via = int(near[np.argmax(cand_raw[near])])
            vat = cand.where(via)
            ce = _evidence(cand, vat, m.skill_ids_[via], cand_raw[via],
                           f"{m.labels_[via]}, a skill related to {m.labels_[col]}") \
                if vat is not None else None
            skills.append(SkillMatch(sid, m.labels_[col], "neighbour", level,
                                     round(float(demand[k]), 4), round(float(cand_exp[col]), 4),
                                     area, m.skill_ids_[via], je, ce))
            if level in ("required", "preferred"):
                transferable.append((sid, m.skill_ids_[via]))
        else:
            ce = None
            if at is not None and LEVELS[int(cand.level[at])] == "consumer":
                ce = _evidence(cand, at, sid, 0.0,
                               "consumer familiarity only: does not count as evidence")
            skills.append(SkillMatch(sid, m.labels_[col], "missing", level,
                                     round(float(demand[k]), 4), 0.0, area, None, je, ce))
        if level == "required":
            missing.append(sid)
    return skills, missing, transferable


def _tries(m: "Matcher", skills: list[SkillMatch]) -> list[int]:
    out = [m.column_[s.skill_id] for s in skills
           if s.level == "required" and s.kind not in ("exact", "alternative")]
    return out[:_MAX_TRIES]


def _counterfactual_text(label: str, new: int, old: int, direction: str) -> str:
    who = "this candidate" if direction == "candidates-for-job" else "this job"
    tail = "" if direction == "candidates-for-job" else " for this candidate"
    return f"with evidence of {label} {who} would rank {ordinal(new)} instead of {ordinal(old)}{tail}"


def _occupation(m: "Matcher", q: MatchDocument, idx: "MatchIndex") -> np.ndarray | None:
    """The occupation component of every indexed document, or None when it is off."""
    if m.params.w_occupation <= 0:
        return None
    others = idx.occupations if len(idx.occupations) == len(idx) else [{}] * len(idx)
    return occupation_scores(q, others, m.params.occupation_major_credit)


def _with_occupation(c: Components, occ: np.ndarray | None) -> Components:
    return c if occ is None else dataclasses.replace(c, occupation=occ)


def _level(q: MatchDocument, idx: "MatchIndex") -> np.ndarray:
    """The level component of every indexed document for ``q`` (1 where either level is
    unknown, or the index was saved before levels were kept). Candidates for a posting
    lose only for lying far below its level (see :mod:`.level`: over-qualification is an
    age proxy); postings for a candidate, for lying far from theirs either way."""
    codes = idx.derived.get("seniority_code")
    if q.level is None or codes is None:
        return np.ones(len(idx))
    table = level_table(q.level.low, q.level.high, over=q.kind != "posting")
    return table[codes]  # type: ignore[call-overload, no-any-return]


def _level_note(q: MatchDocument, idx: "MatchIndex", i: int) -> str | None:
    other = idx.seniority(i)
    if q.kind == "posting":
        return level_sentence(q.level, other, over=False)
    return level_sentence(other, q.level)


def _extras(m: "Matcher", lev: np.ndarray, occ: np.ndarray | None, rows: np.ndarray) -> np.ndarray:
    """What level and occupation add to the scores of ``rows`` (a counterfactual adds a
    skill, which changes neither the seniority nor the work history)."""
    out = m.params.w_level * (lev[rows] - 1.0)
    if occ is not None:
        out = out + m.params.w_occupation * occ[rows]
    return out


def _occupation_note(m: "Matcher", q: MatchDocument, idx: "MatchIndex", i: int) -> str | None:
    if m.params.w_occupation <= 0:
        return None
    other = idx.occupations[i] if len(idx.occupations) == len(idx) else {}
    history, posting = (other, q.occupations) if q.kind == "posting" else (q.occupations, other)
    return occupation_sentence(history, posting, m.params.occupation_major_credit)


def _keep(found: list[Counterfactual], limit: int) -> tuple[Counterfactual, ...]:
    found.sort(key=lambda c: (c.rank_to, -c.score_to, c.skill_id))
    return tuple(found[:limit])


# ------------------------------------------------------------------------ directions


def _alternative_columns(m: "Matcher", q: MatchDocument) -> list[tuple[int, tuple[int, ...]]]:
    """A posting's example lists as (demanded column, alternative columns)."""
    out = []
    for sid, others in (q.alternatives or {}).items():
        col = m.column_.get(sid)
        cols = tuple(c for c in (m.column_.get(o) for o in others) if c is not None)
        if col is not None and cols:
            out.append((col, cols))
    return out


def _candidates_for_job(m: "Matcher", q: MatchDocument, idx: "MatchIndex", top: int,
                        explain: bool) -> list[Match]:
    S = len(m.skill_ids_)
    job = _query_row(m, q)
    demand = np.zeros(S)
    demand[job.cols] = job.vals * m.idf_[job.cols]
    asked = np.zeros(S)
    asked[job.cols] = job.years
    aw = m.area_weight_vector(dict(q.area_weights))
    bm25 = idx.text_index.scores(q.text).astype(np.float64)
    best = float(bm25.max()) if bm25.size else 0.0
    alts = _alternative_columns(m, q)
    comps = score_candidates(idx.derived["expanded"], idx.derived["years_csc"],  # type: ignore[arg-type]
                             demand, asked, m.area_of_, aw, bm25, best, m.params.demand_prior,
                             alts)
    occ = _occupation(m, q, idx)
    lev = _level(q, idx)
    comps = dataclasses.replace(_with_occupation(comps, occ), level=lev)
    scores = combine(comps, m.params)

    order = _order(scores, top)
    if not explain:
        return [Match(r, idx.ids[i], round(float(scores[i]), 6), comps.row(int(i)),
                      title=idx.titles[i]) for r, i in enumerate(order.tolist(), start=1)]
    cands = [_index_row(idx, int(i)) for i in order]
    # the results' own rows first, then every counterfactual variant: one expansion and
    # one scoring pass for all of them (rows are scored independently, so each variant's
    # arithmetic is that of its row in a re-built index)
    base = expand(_rows_matrix(m, [(c.cols, c.vals) for c in cands]), m.neighbours_,
                  m.params.neighbour_credit).toarray()
    explained = []
    variants: list[tuple[int, int, tuple[np.ndarray, np.ndarray, np.ndarray]]] = []
    for k, cand in enumerate(cands):
        raw = np.zeros(S)
        raw[cand.cols] = cand.vals
        skills, missing, transferable = _explain(m, job, cand, raw, base[k], dict(alts))
        explained.append((skills, missing, transferable))
        variants += [(k, col, _with_skill(m, cand, col)) for col in _tries(m, skills)]
    news = np.zeros(0)
    if variants:
        vals = _rows_matrix(m, [(c, v) for _, _, (c, v, _) in variants])
        yrs = _rows_matrix(m, [(c, np.where(v > 0, y, 0.0)) for _, _, (c, v, y) in variants])
        yrs.eliminate_zeros()
        exp = expand(vals, m.neighbours_, m.params.neighbour_credit).tocsc()
        text = np.array([bm25[order[k]] for k, _, _ in variants])
        news = combine(score_candidates(exp, yrs.tocsc(), demand, asked, m.area_of_, aw,
                                        text, best, m.params.demand_prior, alts), m.params)
        news = news + _extras(m, lev, occ, np.array([order[k] for k, _, _ in variants]))
    found: list[list[Counterfactual]] = [[] for _ in cands]
    top_scores = scores[order]
    for (k, col, _), new in zip(variants, news.tolist()):
        r, i = k + 1, int(order[k])
        if new <= scores[i]:
            continue
        # a higher score can only pass documents ranked above this one
        ahead = top_scores[:k]
        to = 1 + int(((ahead > new) | ((ahead == new) & (order[:k] < i))).sum())
        if to < r:
            label = m.labels_[col]
            found[k].append(Counterfactual(m.skill_ids_[col], label, r, to,
                                           round(float(scores[i]), 6), round(new, 6),
                                           _counterfactual_text(label, to, r, "candidates-for-job")))
    out = []
    for k, cand in enumerate(cands):
        i = int(order[k])
        skills, missing, transferable = explained[k]
        out.append(_match(k + 1, cand.doc_id, float(scores[i]), comps, i, skills, missing,
                          transferable, _keep(found[k], m.params.counterfactuals), idx.titles[i],
                          _occupation_note(m, q, idx, i), _level_note(q, idx, i)))
    return out


def _candidate_against_jobs(m: "Matcher", idx: "MatchIndex", cols: np.ndarray, vals: np.ndarray,
                            yrs: np.ndarray, bm25: np.ndarray, best: float,
                            alternatives: tuple[np.ndarray, np.ndarray, np.ndarray] | None,
                            ) -> tuple[Components, np.ndarray, np.ndarray]:
    """One candidate's row (skill columns, evidence, years) scored against every job of
    ``idx``: the components, and the candidate's raw and expanded evidence (S,). Shared by
    the ranking, its counterfactuals and :func:`score_all`."""
    S = len(m.skill_ids_)
    raw = np.zeros(S)
    raw[cols] = vals
    exp = expand(_one_row(m, cols, vals), m.neighbours_, m.params.neighbour_credit).toarray()[0]
    yc = np.zeros(S)
    yc[cols] = np.where(vals > 0, yrs, 0.0)
    d = idx.derived
    c = score_jobs(d["demand"], idx.years, d["row_of"], d["area_onehot"],  # type: ignore[arg-type]
                   d["area_den"], idx.profile_weights, exp, yc, bm25, best, m.params.demand_prior,  # type: ignore[arg-type]
                   alternatives, own=np.maximum(raw, 0.0) * m.idf_)
    return c, raw, exp


def _jobs_for_candidate(m: "Matcher", q: MatchDocument, idx: "MatchIndex", top: int,
                        explain: bool) -> list[Match]:
    cand = _query_row(m, q)
    bm25 = idx.text_index.scores(q.text).astype(np.float64)
    best = float(bm25.max()) if bm25.size else 0.0
    alternatives = idx.alternative_arrays()
    occ = _occupation(m, q, idx)
    lev = _level(q, idx)

    def score_all(cols: np.ndarray, vals: np.ndarray, yrs: np.ndarray) -> tuple[Components, np.ndarray, np.ndarray]:
        c, raw, exp = _candidate_against_jobs(m, idx, cols, vals, yrs, bm25, best, alternatives)
        return dataclasses.replace(_with_occupation(c, occ), level=lev), raw, exp

    comps, raw, exp = score_all(cand.cols, cand.vals, cand.years)
    scores = combine(comps, m.params)
    # the changed candidate depends only on the skill added, not on the job explained:
    # every job is re-scored once per skill tried, whichever results try it
    rescored: dict[int, np.ndarray] = {}

    def with_skill(col: int) -> np.ndarray:
        if col not in rescored:
            rescored[col] = combine(score_all(*_with_skill(m, cand, col))[0], m.params)
        return rescored[col]

    out = []
    for r, j in enumerate(_order(scores, top), start=1):
        j = int(j)
        job = _index_row(idx, j)
        if not explain:
            out.append(Match(r, job.doc_id, round(float(scores[j]), 6), comps.row(j),
                             title=idx.titles[j]))
            continue
        skills, missing, transferable = _explain(m, job, cand, raw, exp, idx.alternatives_of(j))
        found = []
        for col in _tries(m, skills):
            new_scores = with_skill(col)
            to = _rank_of(new_scores, j, float(new_scores[j]))
            if to < r:
                label = m.labels_[col]
                found.append(Counterfactual(m.skill_ids_[col], label, r, to,
                                            round(float(scores[j]), 6),
                                            round(float(new_scores[j]), 6),
                                            _counterfactual_text(label, to, r, "jobs-for-candidate")))
        what_if = _keep(found, m.params.counterfactuals)
        out.append(_match(r, job.doc_id, float(scores[j]), comps, j, skills, missing,
                          transferable, what_if, idx.titles[j], _occupation_note(m, q, idx, j),
                          _level_note(q, idx, j)))
    return out


def _match(r: int, doc_id: str, score: float, comps: Components, i: int,
           skills: list[SkillMatch], missing: list[str], transferable: list[tuple[str, str]],
           what_if: tuple[Counterfactual, ...], title: str | None,
           occupation: str | None = None, level: str | None = None) -> Match:
    matched = tuple(e for _, e in distinct_evidence(skills))
    return Match(
        rank=r, id=doc_id, score=round(score, 6),
        components={k: round(v, 6) for k, v in comps.row(i).items()},
        matched=matched, missing_required=tuple(missing), transferable=tuple(transferable),
        counterfactuals=tuple(c.text for c in what_if), title=title,
        skills=tuple(skills), what_if=what_if, occupation=occupation, level=level,
    )


def rank(m: "Matcher", query: MatchDocument, idx: "MatchIndex", *, top: int = 10,
         explain: bool = True) -> Ranking:
    """See :meth:`skillmix.match.Matcher.rank`."""
    if query.kind == idx.kind:
        raise M007(
            f"cannot rank {idx.kind}s for a {query.kind}: the query and the index "
            "must be of different kinds.",
            hint="Rank résumés for a posting, or postings for a résumé.",
        )
    if top < 1:
        raise M008(f"top must be at least 1, not {top}.")
    if query.kind == "posting":
        direction = "candidates-for-job"
        results = _candidates_for_job(m, query, idx, top, explain)
    else:
        direction = "jobs-for-candidate"
        results = _jobs_for_candidate(m, query, idx, top, explain)
    params = m.params.to_dict()
    params.update({"formula": FORMULA, "fitted_on_documents": m.n_docs_, "pool": len(idx),
                   "top": top})
    if query.kind == "posting":
        params["area_weights"] = {a: round(float(w), 4) for a, w in query.area_weights.items()} \
            or "equal"
    return Ranking(query_id=query.id, direction=direction, results=tuple(results),  # type: ignore[arg-type]
                   parameters=params, taxonomy=m.taxonomy_name_,
                   taxonomy_version=m.taxonomy_version_)


def score_all(m: "Matcher", query: MatchDocument, idx: "MatchIndex") -> tuple[Components, np.ndarray]:
    """Components and scores of every document of ``idx`` for ``query`` (no ranking, no
    explanations): what evaluation needs to rank a whole pool."""
    if query.kind == idx.kind:
        raise M007(f"cannot score {idx.kind}s for a {query.kind}.")
    S = len(m.skill_ids_)
    row = _query_row(m, query)
    bm25 = idx.text_index.scores(query.text).astype(np.float64)
    best = float(bm25.max()) if bm25.size else 0.0
    if query.kind == "posting":
        demand = np.zeros(S)
        demand[row.cols] = row.vals * m.idf_[row.cols]
        asked = np.zeros(S)
        asked[row.cols] = row.years
        comps = score_candidates(idx.derived["expanded"], idx.derived["years_csc"],  # type: ignore[arg-type]
                                 demand, asked, m.area_of_,
                                 m.area_weight_vector(dict(query.area_weights)), bm25, best, m.params.demand_prior,
                                 _alternative_columns(m, query))
    else:
        comps, _, _ = _candidate_against_jobs(m, idx, row.cols, row.vals, row.years, bm25, best,
                                              idx.alternative_arrays())
    comps = dataclasses.replace(_with_occupation(comps, _occupation(m, query, idx)),
                                level=_level(query, idx))
    return comps, combine(comps, m.params)
