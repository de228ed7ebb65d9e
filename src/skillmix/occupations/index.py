"""An index over O*NET titles: occupation titles, alternate, short and reported titles.

Every title is cleaned (``clean.py``) into stemmed words; a query is scored against the
titles that share a word, by idf-weighted cosine over word sets, with a penalty when the
head nouns differ ("Sales Manager" vs "Sales Engineer"). Scoring works through inverted
lists, rarest word first; a very common word ("manager") only adds to titles already met,
so a title costs tens of microseconds, not a pass over 60,000 titles. Unknown words within
one edit (or one swap) of an indexed word are read as that word ("Machinsit").
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable

from .clean import TitleWords, clean_title, index_title
from .records import TitleEntry

__all__ = ["TitleIndex", "indexed_titles", "load_onet_titles", "major_groups", "occupation_titles"]

KIND_WEIGHT = {"occupation": 1.0, "alternate": 0.98, "reported": 0.98, "short": 0.95}
HEAD_MISMATCH = 0.8
HEAD_NEAR = 0.92
COMMON_DF = 400
FUZZY_MIN = 7  # shorter unknown words are not corrected ("redhat" is not "reheat")
PRUNE = 0.45  # entries scoring under this share of the best raw score are not ranked


def _onet_title_rows() -> list[str]:
    """The rows of the shipped title file (``soc``, ``kind``, ``title``, tab-separated)."""
    data = resources.files("skillmix.occupations").joinpath("data/onet_titles.tsv.gz").read_bytes()
    return gzip.decompress(data).decode("utf-8").splitlines()[1:]


@lru_cache(maxsize=1)
def load_onet_titles() -> tuple[TitleEntry, ...]:
    """Every shipped O*NET title (O*NET 29.2, CC BY 4.0; see data/ATTRIBUTION.md)."""
    out = []
    for row in _onet_title_rows():
        soc, kind, title = row.split("\t", 2)
        out.append(TitleEntry(soc, kind, title))
    return tuple(out)


@lru_cache(maxsize=1)
def indexed_titles() -> tuple[TitleEntry, ...]:
    """The default index's titles: O*NET's, corrected by ``data/extra_titles.yaml`` (titles
    that postings so titled show to belong to another occupation, moved or added there)."""
    from ..yamlio import safe_load

    raw = safe_load(resources.files("skillmix.occupations").joinpath("data/extra_titles.yaml").read_text("utf-8"))
    moved = {str(t): str(soc) for t, soc in (raw.get("moved") or {}).items()}
    out = [TitleEntry(moved[e.title], e.kind, e.title) if e.title in moved else e for e in load_onet_titles()]
    out += [TitleEntry(str(soc), "alternate", str(t)) for soc, titles in (raw.get("added") or {}).items()
            for t in titles]
    return tuple(out)


@lru_cache(maxsize=1)
def occupation_titles() -> dict[str, str]:
    """O*NET-SOC code -> occupation title.

    Read off the title file's rows rather than :func:`load_onet_titles`: a process that
    only names occupations (``skillmix titles``, a market worker, both with the title index
    loaded from the cache) would otherwise make a record of each of 69,000 titles for the
    1,000 it keeps (about 0.1 s)."""
    out: dict[str, str] = {}
    for row in _onet_title_rows():
        soc, kind, title = row.split("\t", 2)
        if kind == "occupation":
            out[soc] = title
    return out


@lru_cache(maxsize=1)
def major_groups() -> dict[str, str]:
    """SOC major group code ("15") -> its name ("Computer and Mathematical")."""
    from ..yamlio import safe_load

    raw = safe_load(resources.files("skillmix.occupations").joinpath("data/soc_major_groups.yaml").read_text("utf-8"))
    return {str(k): str(v) for k, v in raw.items()}


def _index_key() -> str:
    """A digest of what the default index is made from: this module and ``clean.py``
    (rules and constants), the shipped title and word lists, the Unicode tables titles are
    folded with, and the Python version that pickled it."""
    import hashlib
    import sys
    import unicodedata

    pkg = resources.files("skillmix.occupations")
    h = hashlib.sha256(f"{sys.version_info[:2]}|{unicodedata.unidata_version}".encode())
    for name in ("index.py", "clean.py", "records.py", "data/onet_titles.tsv.gz",
                 "data/extra_titles.yaml", "data/title_words.yaml"):
        h.update(name.encode())
        h.update(pkg.joinpath(name).read_bytes())
    return h.hexdigest()[:16]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@dataclass(frozen=True, slots=True)
class _Hit:
    entry: int
    score: float


class TitleIndex:
    """Inverted index over cleaned O*NET titles.

    ``TitleIndex(entries)`` indexes the given entries (default: ``indexed_titles``, every
    shipped O*NET title with the corrections of ``extra_titles.yaml``);
    ``exclude`` drops entries, e.g. to hold reported titles out for evaluation.
    """

    def __init__(
        self,
        entries: Iterable[TitleEntry] | None = None,
        *,
        exclude: Callable[[TitleEntry, tuple[str, ...]], bool] | None = None,
        title_coverage: float = 0.5,
    ) -> None:
        self.title_coverage = title_coverage
        source = indexed_titles() if entries is None else tuple(entries)
        best: dict[tuple[str, tuple[str, ...]], TitleEntry] = {}
        for e in source:
            words = index_title(e.title)
            if not words or (exclude is not None and exclude(e, words)):
                continue
            key = (e.soc, words)
            old = best.get(key)
            if old is None or KIND_WEIGHT[e.kind] > KIND_WEIGHT[old.kind]:
                best[key] = e
        self.entries: tuple[TitleEntry, ...] = tuple(best.values())
        self.words: tuple[tuple[str, ...], ...] = tuple(w for (_, w) in best)
        df: dict[str, int] = {}
        for words in self.words:
            for t in set(words):
                df[t] = df.get(t, 0) + 1
        n = len(self.entries)
        self.idf: dict[str, float] = {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}
        # a word no O*NET title has ("Linux", "RedHat") is as rare as a word can be: it weighs
        # in the query like the rarest indexed word, so a title left unmatched in part
        # ("Senior Linux/RedHat Engineer") does not score as if it were its head alone
        self.unknown_idf = math.log(n + 1) + 1.0
        self.df = df
        postings: dict[str, dict[int, float]] = {t: {} for t in df}
        self._norm: list[float] = []
        for i, words in enumerate(self.words):
            uniq = set(words)
            norm = sum(self.idf[t] ** 2 for t in uniq) ** title_coverage
            self._norm.append(norm)
            weight = KIND_WEIGHT[self.entries[i].kind]
            for t in uniq:
                postings[t][i] = weight * self.idf[t] ** 2 / norm
        self._postings = postings
        groups = TitleWords.builtin().head_group
        self._groups = groups
        self._head: list[str] = [w[-1] for w in self.words]
        self.soc_of: list[str] = [e.soc for e in self.entries]
        self._head_group: list[int] = [groups.get(w[-1], -2) for w in self.words]
        dels: dict[str, str] = {}
        for t in sorted(df, key=lambda t: -df[t]):
            if len(t) >= FUZZY_MIN - 1 and t.isalpha():
                for d in _deletes(t):
                    dels.setdefault(d, t)
        self._deletes = dels
        self.official: dict[str, frozenset[str]] = {
            e.soc: frozenset(clean_title(e.title)) for e in source if e.kind == "occupation"
        }
        by_word: dict[str, set[str]] = {}
        for soc, own in self.official.items():
            for t in own:
                by_word.setdefault(t, set()).add(soc)
        self._official_socs: dict[str, frozenset[str]] = {t: frozenset(s) for t, s in by_word.items()}

    @classmethod
    def default(cls) -> "TitleIndex":
        """The index of every shipped title (``TitleIndex()``), kept on disk between runs.

        Building it cleans 69,000 titles and fills the inverted lists: about 0.8 s, which
        was most of ``skillmix titles`` for one title and is paid again by every process of
        a market run. Loading the pickled index takes under 0.1 s (see
        :mod:`skillmix.cachefile` and :meth:`__getstate__`). The file sits in the
        settings' cache folder (beside the compiled vocabularies, pickled the same way)
        under a digest of everything the index is made from (:func:`_index_key`), so an
        edited rule or title list is never served from an old file; a file that cannot be
        read is rebuilt, and one that cannot be written only costs the time it would have
        saved."""
        from ..cachefile import load_pickle, save_pickle
        from ..config import current_settings

        path = current_settings().cache() / f"title-index-{_index_key()}.pkl"
        loaded = load_pickle(path)
        if isinstance(loaded, cls):
            return loaded
        index = cls()
        save_pickle(path, index)
        return index

    def __getstate__(self) -> dict[str, object]:
        """The fields to pickle, with :attr:`entries` as three columns of strings.

        Unpickling 58,000 frozen records one by one (each through the dataclass's own
        ``__setstate__``) was two thirds of loading the index; strings in columns load in a
        few milliseconds and :meth:`__setstate__` makes the same records again in a few
        dozen."""
        state = dict(vars(self))
        entries: tuple[TitleEntry, ...] = state.pop("entries")
        state["_entry_columns"] = (tuple(e.soc for e in entries), tuple(e.kind for e in entries),
                                   tuple(e.title for e in entries))
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        fields = dict(state)
        columns: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = fields.pop("_entry_columns")  # type: ignore[assignment]
        fields["entries"] = tuple(map(TitleEntry, *columns))
        vars(self).update(fields)

    def mass(self, words: tuple[str, ...]) -> float:
        """Idf mass of a word set (an unknown word as much as the rarest): how much meaning it carries."""
        unknown = self.unknown_idf
        return sum(self.idf.get(t, unknown) ** 2 for t in set(words))

    def official_overlap(self, words: tuple[str, ...], socs: Iterable[str]) -> dict[str, float]:
        """Per occupation, the share of the query's idf mass found in its own O*NET title."""
        idf = self.idf
        unknown = self.unknown_idf
        weights = {t: idf.get(t, unknown) ** 2 for t in set(words)}
        total = sum(weights.values())
        out: dict[str, float] = {}
        if not total:
            return out
        wanted = socs if isinstance(socs, (set, frozenset)) else set(socs)
        hits: dict[str, float] = {}
        for t, w in weights.items():
            for soc in self._official_socs.get(t, frozenset()) & wanted:
                hits[soc] = hits.get(soc, 0) + w
        for soc, hit in hits.items():
            if hit:
                out[soc] = hit / total
        return out

    def heads_agree(self, head: str, entry: int) -> bool:
        """The entry's head noun is ``head`` or in its head group (``head_groups``:
        "coordinator" ~ "specialist"), as the search's head-noun factor reads them."""
        other = self._head[entry]
        return other == head or self._groups.get(other, -1) == self._groups.get(head, -2)

    def __len__(self) -> int:
        return len(self.entries)

    def _known(self, word: str) -> str | None:
        """The indexed word, or the most common indexed word one edit or swap away."""
        if word in self.df:
            return word
        if len(word) < FUZZY_MIN or not word.isalpha():
            return None
        found: list[str] = []
        if word in self._deletes:
            found.append(self._deletes[word])
        for d in _deletes(word):
            if d in self.df:
                found.append(d)
            elif d in self._deletes:
                found.append(self._deletes[d])
        return max(found, key=lambda t: self.df[t]) if found else None

    def resolve(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The words the index knows (misspellings corrected, unknown words kept)."""
        return tuple(self._known(w) or w for w in words)

    def trim(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """``words`` without trailing words the index does not know: a word no O*NET title
        has cannot be the head noun ("Home Manager Luton", "Chef Brasserie Brighton")."""
        end = len(words)
        while end > 1 and words[end - 1] not in self.df:
            end -= 1
        return words[:end]

    def search(self, words: tuple[str, ...], weight: float = 1.0) -> list[tuple[float, int]]:
        """(score, entry) for entries sharing a word with ``words``, unsorted.

        The score is ``covT**a * covQ**(1-a)`` with ``covX`` the share of X's idf mass that
        both share and ``a = title_coverage`` (0.5: cosine), times the kind weight and the
        head-noun factor and ``weight``. Entries under ``PRUNE`` of the best raw score are
        dropped.
        """
        uniq = dict.fromkeys(words)
        idf = self.idf
        known = [w for w in uniq if w in idf]
        if not known:
            return []
        qnorm = (sum(idf[t] ** 2 for t in known)
                 + (len(uniq) - len(known)) * self.unknown_idf ** 2) ** (1 - self.title_coverage)
        known.sort(key=self.df.__getitem__)
        postings = self._postings
        acc: dict[int, float] = dict(postings[known[0]])
        for t in known[1:]:
            p = postings[t]
            # set operations on key views run in C; only shared entries are summed here
            both = acc.keys() & p.keys()
            if len(p) <= COMMON_DF:
                acc = p | acc  # entries only this word has join; shared ones keep acc's value
            for e in both:
                acc[e] += p[e]
        head = words[-1]
        group = self._groups.get(head, -1)
        heads, head_groups = self._head, self._head_group
        floor = PRUNE * max(acc.values())
        same, near, far = weight / qnorm, weight * HEAD_NEAR / qnorm, weight * HEAD_MISMATCH / qnorm
        return [
            (s * (same if heads[e] == head else near if head_groups[e] == group else far), e)
            for e, s in acc.items() if s >= floor
        ]
