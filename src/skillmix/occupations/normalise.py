"""Normalise job titles to O*NET-SOC 2019 occupations, top-k, with the title that matched.

``TitleNormaliser().normalise("Sr. Mktg Coord. (Remote)")`` cleans the title, scores its
variants against the O*NET title index and ranks occupations. Given the posting's text as
well, it mixes in how well the text fits each occupation's profile (tasks, description,
tools): a bare "Manager" whose text is about press releases becomes a Public Relations
Manager, and a title that points one way while the text points to another SOC major group
is flagged (``TitleMatch.disagrees``).

The estimator-style contract: ``__init__`` stores parameters; the index and profiles are
built lazily once and shared (they only depend on the shipped data). Parameters:

* ``k`` -- candidates returned;
* ``text_weight`` -- share of the text in the final score (0 = title only); chosen by
  cross-validation in ``bench/titles_eval.py``;
* ``ambiguity`` -- how much more the text weighs when the title is ambiguous: the share
  grows by up to this fraction as the two best title matches come close ("Manager" fits
  many occupations equally; "Registered Nurse" one); chosen with ``text_weight``;
* ``disagree_ratio`` -- the title's pick "disagrees" with the text when the text fits it
  less than this share of the text's own best fit and the two lie in different major groups;
* ``pool`` -- how many of the best title matches the text may re-rank (the text re-ranks
  close title matches; it should not pull a weak one up); chosen with ``text_weight``;
* ``level`` -- the text's support shrinks by this share for an occupation at another level
  than the one the title names: a management occupation (SOC 11-) when the title names no
  manager (no "Manager", "Director", "Head"...; ``manager_words`` in ``title_words.yaml``),
  and, for a manager's title, an occupation outside SOC 11 reached through no manager-like
  O*NET title. A posting's words say which field it is in, and the broad profile of the
  field's managers, or of its front-line workers, may fit them best whatever the level
  ("Sales and Marketing Assistant" is not a Marketing Manager, a care "Home Manager" not a
  Home Health Aide); chosen with ``text_weight`` by the same cross-validation. The same
  test holds for the field a title names through a software product (version 7:
  ``technology_words`` in ``title_words.yaml``): an "Oracle Financial Consultant" is in
  the computer occupations, not a Personal Financial Advisor;
* ``title_level`` -- the same test on the title's own evidence: the title's score shrinks
  by this share for an occupation at another level than the title names. O*NET files many
  American titles without a manager word under management ("Administrator", "Business
  Development Executive", "Marketing Executive"), while in British postings an
  administrator is an office clerk and an executive a salesperson or specialist; and a
  "Care Home Manager" shares more rare words with "Home Care Attendant" than with "Nursing
  Home Manager". An exact O*NET match ("Hospital Administrator") still wins when nothing
  else fits the title. 0.15, chosen with the others by the same cross-validation over all
  coded development postings (in each of the 5 folds; on LinkedIn alone it makes no
  difference to top-1);
* ``head`` -- the text's support shrinks by this share for an occupation the title reached
  only through an O*NET title with another head noun (outside its head group): "Tour
  Accountant" meets "Tour Operator" by its modifier, and the posting, which repeats "tour",
  fits Travel Guides best, yet the job is the accountant's; a "Wafer Process Engineer" is
  no "Wafer Fabrication Operator". The text still decides among titles the head names.
  0.125 (version 7), chosen by its own 5-fold CV grouped by company over all 841 coded
  development postings with the other knobs at their defaults (0.125 in all five folds
  among 0, 0.125, 0.25, 0.375, 0.5; ``bench/titles_knob_cv.py``).

A first-line supervisor (O*NET "First-Line Supervisors of ...") is at a manager's level in
the level tests, as a management occupation is: a "Hospitality Assistant" is neither.
"""

from __future__ import annotations

import heapq
from functools import lru_cache
from typing import Iterable, Iterator

from ..batch import BatchReport, OnError, check_on_error, run_batch
from ..errors.config_codes import C060, C061, C062, C063
from .clean import TitleWords, is_manager_title, names_technology, title_variants
from .index import TitleIndex, occupation_titles
from .profiles import OccupationProfiles
from .records import OccupationCandidate, TitleMatch

__all__ = ["NORMALISER_VERSION", "TitleNormaliser", "normalise_title"]

#: changes when the shipped data or the scoring changes (market runs record it)
NORMALISER_VERSION = "onet-29.2/10"

PART_WEIGHT = {"whole": 1.0, "bare": 0.9, "trainee": 1.0, "as written": 0.9, "british": 0.97,
               "unbracketed": 0.97, "segment": 0.95}
SEGMENT_FLOOR = 0.7
OFFICIAL = 0.1  # bonus for query words in the occupation's own title (its canonical name)
SUPPORT = 0.2  # weight of an occupation's 2nd and 3rd best matching titles (ties: more support wins)
TEXT_FULL = 50  # distinct profile words at which a text weighs fully
POOL = 40  # title candidates considered for the base-group bonus (see title_scores)
TEXT_POOL = 8


@lru_cache(maxsize=1)
def _supervisors() -> frozenset[str]:
    """The first-line supervisors (SOC "First-Line Supervisors of ..."): a manager's level too."""
    return frozenset(c for c, t in occupation_titles().items() if t.startswith("First-Line Supervisors"))


def _best_of(sims: dict[str, float]) -> tuple[str, float]:
    """The best (code, similarity): the highest similarity, ties to the greater code (as
    ``max`` by (similarity, code), without a key call for each of ~1,000 occupations)."""
    best = max(sims.values())
    return max(c for c, v in sims.items() if v == best), best


def _top(sims: dict[str, float], n: int) -> list[tuple[str, float]]:
    """The ``n`` most similar (code, similarity), as ``sorted(items, key=-similarity)[:n]``
    (ties in the dict's order) but sorting only those at or above the n-th best value."""
    if len(sims) <= n:
        return sorted(sims.items(), key=lambda kv: -kv[1])
    cut = heapq.nlargest(n, sims.values())[-1]
    return sorted(((c, v) for c, v in sims.items() if v >= cut), key=lambda kv: -kv[1])[:n]


def _manages(soc: str) -> bool:
    """A management occupation (SOC 11-) or a first-line supervisor's: a title naming no
    manager ("Hospitality Assistant") is at another level than either."""
    return soc.startswith("11-") or soc in _supervisors()


@lru_cache(maxsize=1)
def _default_index() -> TitleIndex:
    return TitleIndex.default()


class TitleNormaliser:
    """Map job titles (and optionally the posting text) to ranked O*NET-SOC occupations."""

    def __init__(
        self,
        k: int = 5,
        text_weight: float = 0.4,
        ambiguity: float = 0.0,
        disagree_ratio: float = 0.5,
        pool: int = 40,
        index: TitleIndex | None = None,
        level: float = 0.5,
        title_level: float = 0.15,
        head: float = 0.125,
    ) -> None:
        if k < 1:
            raise C060(f"k must be at least 1, not {k}.")
        if not 0.0 <= text_weight <= 1.0:
            raise C061(f"text_weight must lie in [0, 1], not {text_weight}.")
        if not ambiguity >= 0.0:
            raise C062(f"ambiguity must be 0 or more, not {ambiguity}.")
        if not 0.0 <= level <= 1.0:
            raise C063(f"level must lie in [0, 1], not {level}.")
        if not 0.0 <= title_level <= 1.0:
            raise C063(f"title_level must lie in [0, 1], not {title_level}.")
        if not 0.0 <= head <= 1.0:
            raise C063(f"head must lie in [0, 1], not {head}.")
        self.k = k
        self.text_weight = text_weight
        self.ambiguity = ambiguity
        self.disagree_ratio = disagree_ratio
        self.pool = pool
        self.index = index
        self.level = level
        self.title_level = title_level
        self.head = head
        self._cache: dict[str, tuple[str, dict[str, tuple[float, int]]]] = {}

    def get_params(self) -> dict[str, object]:
        return {"k": self.k, "text_weight": self.text_weight, "ambiguity": self.ambiguity,
                "disagree_ratio": self.disagree_ratio, "pool": self.pool, "level": self.level,
                "title_level": self.title_level, "head": self.head}

    @property
    def index_(self) -> TitleIndex:
        if self.index is None:
            self.index = _default_index()
        return self.index

    def title_scores(self, title: str) -> tuple[str, dict[str, tuple[float, int]]]:
        """Per occupation: (title score, best matching entry) over the title's variants.

        The score is the best entry's plus ``SUPPORT`` times the mean of the next two, so
        among equal best matches the occupation with more matching titles ranks first.
        Cached per title.
        """
        hit = self._cache.get(title)
        if hit is not None:
            return hit
        idx = self.index_
        hits: list[tuple[float, int]] = []
        cleaned = ""
        best = 0.0
        best_words: tuple[str, ...] = ()
        variants = title_variants(title)
        whole_mass = max((idx.mass(v.words) for v in variants), default=1.0) or 1.0
        for v in variants:
            weight = PART_WEIGHT[v.part]
            if v.part == "segment":
                # a segment weighs by how much of the title's meaning it carries: "Director"
                # cut from "Director, Investment Sales" says little on its own
                weight *= SEGMENT_FLOOR + (1 - SEGMENT_FLOOR) * idx.mass(v.words) / whole_mass
            found = idx.search(idx.trim(idx.resolve(v.words)), weight)
            if not found:
                continue
            top = max(found)[0]
            if top > best:
                best, cleaned, best_words = top, v.key, v.words
            hits += found
        hits.sort(reverse=True)
        soc_of = idx.soc_of
        seen: dict[str, list[float]] = {}
        first: dict[str, int] = {}
        get = seen.get
        for s, e in hits:
            soc = soc_of[e]
            got = get(soc)
            if got is None:
                seen[soc] = [s]
                first[soc] = e
            elif len(got) < 3:
                got.append(s)
        scale = 1.0 / (1.0 + SUPPORT + OFFICIAL)  # keeps scores within [0, 1]
        base = {soc: got[0] + SUPPORT * sum(got[1:]) / 2 for soc, got in seen.items()}
        # only occupations that could still reach the pool get the official-title bonus
        if len(base) > POOL:
            cut = sorted(base.values(), reverse=True)[POOL - 1] - OFFICIAL
            near = {soc for soc, b in base.items() if b >= cut}
        else:
            near = set(base)
        bonus = idx.official_overlap(best_words, near)
        per_code = {soc: ((b + OFFICIAL * bonus.get(soc, 0.0)) * scale, first[soc]) for soc, b in base.items()}
        if not cleaned:
            variants = title_variants(title)
            cleaned = variants[0].key if variants else ""
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[title] = (cleaned, per_code)
        return cleaned, per_code

    def _level_differs(self, manager: bool, soc: str, title_hit: tuple[float, int] | None,
                       technology: bool = False) -> bool:
        """The occupation is not at the level, or in the field, the posting's title names: a
        management occupation (SOC 11-) for a title naming no manager; for a manager's title,
        one that is neither in SOC 11 nor reached through an O*NET title naming a manager (a
        "Home Manager" may be a Medical and Health Services Manager or, by "Nursing Home
        Supervisor", a first-line supervisor, but not a Home Health Aide); for a title naming
        a software product (``names_technology``), one outside the computer occupations
        (``technology_socs``: "Oracle Financial Consultant" is no Personal Financial Advisor)."""
        if technology and not soc.startswith(TitleWords.builtin().technology_socs):
            return True
        if not manager:
            return _manages(soc)
        if _manages(soc):
            return False
        return not (title_hit and is_manager_title(self.index_.entries[title_hit[1]].title))

    def normalise(self, title: str, text: str | None = None) -> TitleMatch:
        """Ranked occupations for one title; ``text`` (the posting) breaks ambiguity."""
        title = title or ""
        cleaned, per_code = self.title_scores(title)
        pool = sorted(per_code.items(), key=lambda kv: (-kv[1][0], kv[0]))[: max(self.pool, self.k)]
        names = occupation_titles()
        idx = self.index_
        sims: dict[str, float] = {}
        text_best: tuple[str, float] | None = None
        use_text = bool(text and text.strip()) and self.text_weight > 0
        weight = 0.0
        if text and text.strip():
            profiles = OccupationProfiles.builtin()
            vec = profiles.vector(text)
            sims = profiles.similarities(vec)
            # a few lines under a résumé role say less than a whole posting: the text's
            # share shrinks with the number of distinct words it has (full from TEXT_FULL)
            weight = self.text_weight * min(1.0, len(vec) / TEXT_FULL)
            if sims:
                text_best = _best_of(sims)
        if self.ambiguity > 0 and pool:
            # the closer the two best title matches, the more the text decides
            top = pool[0][1][0]
            second = pool[1][1][0] if len(pool) > 1 else 0.0
            closeness = 1 - (top - second) / max(top, 1e-9)
            weight = min(0.9, weight * (1 + self.ambiguity * closeness))
        check_level = self.level > 0 and use_text
        title_keep = 1.0 - self.title_level
        manager = (check_level or title_keep < 1.0) and is_manager_title(title)
        technology = (check_level or title_keep < 1.0) and names_technology(title)
        codes = [c for c, _ in pool]
        differs: dict[str, bool] = {}
        if check_level or title_keep < 1.0:
            differs = {c: self._level_differs(manager, c, per_code[c], technology) for c in codes}
        if use_text:
            if text_best is not None:
                codes += [c for c, _ in _top(sims, TEXT_POOL) if c not in per_code]
        else:
            if title_keep < 1.0 and any(differs.values()):  # shrunk title scores may reorder the pool
                codes.sort(key=lambda c: (-per_code[c][0] * (title_keep if differs[c] else 1.0), c))
            codes = codes[: self.k]
        top_text = text_best[1] if text_best else 0.0
        query_head = cleaned.rsplit(" ", 1)[-1] if cleaned else ""
        cands: list[OccupationCandidate] = []
        for c in codes:
            sc = per_code.get(c)
            tscore = sc[0] if sc else 0.0
            differ = differs.get(c)
            if differ is None:  # a code only the text brought in
                differ = check_level and self._level_differs(manager, c, sc, technology)
            if differ:
                tscore *= title_keep
            rel = (sims.get(c, 0.0) / top_text) if (use_text and top_text > 0) else None
            if rel is None:
                score = tscore
            else:
                support = rel
                if check_level and differ:
                    support *= 1 - self.level
                elif sc is not None and self.head > 0 and not idx.heads_agree(query_head, sc[1]):
                    # reached only through an O*NET title with another head noun ("Tour
                    # Accountant" -> "Tour Operator"): the text, which repeats the title's
                    # other words, may not carry it as far as one the title's head names
                    support *= 1 - self.head
                score = (1 - weight) * tscore + weight * support
            entry = idx.entries[sc[1]] if sc else None
            cands.append(
                OccupationCandidate(
                    soc=c,
                    title=names.get(c, c),
                    score=score,
                    matched=entry.title if entry else "",
                    kind=entry.kind if entry else "text",
                    title_score=tscore,
                    text_score=rel,
                )
            )
        cands.sort(key=lambda x: (-x.score, -x.title_score, x.soc))
        cands = cands[: self.k]
        disagrees = False
        if text_best is not None and cands:
            top = cands[0]
            fit = sims.get(top.soc, 0.0)
            disagrees = top.major != text_best[0][:2] and fit < self.disagree_ratio * text_best[1]
        return TitleMatch(
            title=title,
            cleaned=cleaned,
            candidates=tuple(cands),
            used_text=use_text,
            disagrees=disagrees,
            text_soc=text_best[0] if text_best else None,
            text_soc_title=names.get(text_best[0]) if text_best else None,
        )

    def normalise_many(
        self,
        items: Iterable[str | tuple[str, str | None]],
        *,
        on_error: OnError = "collect",
        report: BatchReport | None = None,
    ) -> Iterator[TitleMatch]:
        """Normalise many titles (or ``(title, text)`` pairs), streaming; never drops one."""
        check_on_error(on_error)

        def work(item: str | tuple[str, str | None]) -> TitleMatch:
            if isinstance(item, tuple):
                return self.normalise(item[0], item[1])
            return self.normalise(item)

        yield from run_batch(items, work, source=lambda it: it[0] if isinstance(it, tuple) else it,
                             on_error=on_error, report=report)


def normalise_title(title: str, text: str | None = None, k: int = 5) -> TitleMatch:
    """One title to ranked O*NET-SOC occupations (a shared default normaliser)."""
    return _shared(k).normalise(title, text)


@lru_cache(maxsize=4)
def _shared(k: int) -> TitleNormaliser:
    return TitleNormaliser(k=k)
