"""Read a posting's text for the occupation it describes.

A bare title is often ambiguous ("Manager", "Associate", "Account Executive"); the posting's
own words usually are not. Each O*NET occupation has a profile: the top tf-idf terms of its
description, task statements and technology examples (built by
``scripts/build_onet_occupations.py``, shipped as ``data/onet_profiles.tsv.gz``). A posting is
compared with those profiles by cosine similarity over the same terms.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .clean import stem

if TYPE_CHECKING:
    import numpy as np

__all__ = ["OccupationProfiles", "text_terms"]

_WORD = re.compile(r"[a-z][a-z0-9+#]+")
MAX_TEXT_CHARS = 20_000


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    raw = resources.files("skillmix.occupations").joinpath("data/text_stopwords.txt").read_text("utf-8")
    words = " ".join(line for line in raw.splitlines() if not line.startswith("#")).split()
    return frozenset(words)


# Upper-case acronyms spelled out before reading a text, so "HVAC" in a posting meets
# "heating, ventilation, air conditioning" in O*NET tasks (only unambiguous, upper-case ones).
_ACRONYMS = {
    "HVAC": "heating ventilation air conditioning hvac",
    "RN": "registered nurse",
    "LPN": "licensed practical nurse",
    "CNA": "certified nursing assistant",
    "EMT": "emergency medical technician",
    "CNC": "computer numerical control cnc",
    "SEO": "search engine optimization seo",
    "UX": "user experience",
    "QA": "quality assurance",
    "HR": "human resources",
    "CPA": "certified public accountant",
    "ETL": "extract transform load etl",
    "CRM": "customer relationship management crm",
    "ICU": "intensive care unit icu",
    "PR": "public relations",
}
_ACRONYM = re.compile(r"\b(" + "|".join(_ACRONYMS) + r")\b")
# Two-word terms read as one, so "social media" does not count as "social" (social work) and
# "media" (broadcasting), nor "real estate" as "estate" (probate law), nor "social security"
# (retirement benefits, pensions) as social work.
_COMPOUNDS = ("social media", "social network", "social networking", "social security", "public relations",
              "real estate",
              "customer service", "human resources", "machine learning", "data science", "search engine",
              "health care", "web site", "user experience", "supply chain", "quality assurance",
              "content marketing", "digital marketing", "email marketing", "influencer marketing",
              "community management", "brand ambassador", "front end", "back end", "full stack")
_COMPOUND = re.compile(r"\b(" + "|".join(c.replace(" ", r"[\s-]+") for c in _COMPOUNDS) + r")\b", re.I)


def text_terms(text: str) -> list[str]:
    """Stemmed content words of a text (stop words and one-letter words dropped)."""
    stop = _stopwords()
    text = _ACRONYM.sub(lambda m: _ACRONYMS[m.group(1)], text)
    text = _COMPOUND.sub(lambda m: re.sub(r"[\s-]+", "", m.group(1)), text)
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in stop]


def _profiles_key(data: bytes) -> str:
    """A digest of what the shipped profiles are made from: the profile file, this module
    (how it is parsed), and the Python and numpy versions that pickle them."""
    import hashlib
    import sys

    import numpy as np

    h = hashlib.sha256(f"{sys.version_info[:2]}|{np.__version__}".encode())
    h.update(resources.files("skillmix.occupations").joinpath("profiles.py").read_bytes())
    h.update(data)
    return h.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class OccupationProfiles:
    """Term profiles of O*NET occupations, with an inverted index for fast scoring.

    The index is flat: for the term numbered ``k`` (``terms[t]``), its occupations and
    weights are ``occ[start[k]:start[k + 1]]`` and ``weight[...]``, in the order of the
    profile file. Scoring a posting is then one gather and one ``bincount`` in numpy
    rather than a Python loop over every (term, occupation) pair (about a fifth of a
    market run's time went there); ``bincount`` adds each occupation's products in the
    same order as that loop did, so the similarities are the same numbers."""

    codes: tuple[str, ...]
    terms: dict[str, int]
    start: "np.ndarray"
    occ: "np.ndarray"
    weight: "np.ndarray"
    idf: dict[str, float]

    @classmethod
    @lru_cache(maxsize=1)
    def builtin(cls) -> "OccupationProfiles":
        """The shipped profiles, kept on disk between runs.

        Parsing the profile file (140,000 weighted terms) takes about 0.2 s, paid by every
        market worker and every ``skillmix titles`` that reads a posting's text; the
        pickled profiles load in a few milliseconds. The file sits in the settings' cache
        folder under a digest of the profile file, this module and the Python and numpy
        versions (:func:`_profiles_key`), beside the title index and read the same way
        (:mod:`skillmix.cachefile`)."""
        from ..cachefile import load_pickle, save_pickle
        from ..config import current_settings

        data = resources.files("skillmix.occupations").joinpath("data/onet_profiles.tsv.gz").read_bytes()
        path = current_settings().cache() / f"occupation-profiles-{_profiles_key(data)}.pkl"
        loaded = load_pickle(path)
        if isinstance(loaded, cls):
            return loaded
        profiles = cls.parse(data)
        save_pickle(path, profiles)
        return profiles

    @classmethod
    def parse(cls, data: bytes) -> "OccupationProfiles":
        """Profiles from the bytes of a profile file (gzipped TSV: code, then term:weight
        pairs)."""
        lines = gzip.decompress(data).decode("utf-8").splitlines()[1:]
        codes: list[str] = []
        inv: dict[str, list[tuple[int, float]]] = {}
        for i, line in enumerate(lines):
            code, _, terms = line.partition("\t")
            codes.append(code)
            for pair in terms.split():
                term, _, weight = pair.rpartition(":")
                inv.setdefault(term, []).append((i, float(weight)))
        return cls.from_index(codes, inv)

    @classmethod
    def from_index(cls, codes: list[str], inv: dict[str, list[tuple[int, float]]]) -> "OccupationProfiles":
        """Profiles from an inverted index (term -> [(occupation number, weight)])."""
        import numpy as np

        n = len(codes)
        idf = {t: math.log(1 + n / len(p)) for t, p in inv.items()}
        terms = {t: k for k, t in enumerate(inv)}
        lengths = np.fromiter((len(p) for p in inv.values()), dtype=np.int64, count=len(inv))
        start = np.zeros(len(inv) + 1, dtype=np.int64)
        np.cumsum(lengths, out=start[1:])
        occ = np.fromiter((i for p in inv.values() for i, _ in p), dtype=np.int64, count=int(start[-1]))
        weight = np.fromiter((w for p in inv.values() for _, w in p), dtype=np.float64, count=int(start[-1]))
        return cls(tuple(codes), terms, start, occ, weight, idf)

    def vector(self, text: str) -> dict[str, float]:
        """The posting's weighted, unit-length term vector over the profile vocabulary."""
        counts = Counter(t for t in text_terms(text[:MAX_TEXT_CHARS]) if t in self.idf)
        vec = {t: (1 + math.log(k)) * self.idf[t] for t, k in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def similarities(self, vec: dict[str, float]) -> dict[str, float]:
        """Cosine similarity of the vector with every occupation that shares a term."""
        import numpy as np

        if not vec:
            return {}
        ks = np.fromiter((self.terms[t] for t in vec), dtype=np.int64, count=len(vec))
        q = np.fromiter(vec.values(), dtype=np.float64, count=len(vec))
        lo, hi = self.start[ks], self.start[ks + 1]
        lengths = hi - lo
        # the positions of every term's run, one after the other, in the vector's order
        pos = np.repeat(lo - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
        occ = self.occ[pos]
        acc = np.bincount(occ, weights=self.weight[pos] * np.repeat(q, lengths), minlength=len(self.codes))
        # every occupation a term reached (even where the products summed to zero), in the
        # order the loop met them first, so that ties sort as they always did
        reached, first = np.unique(occ, return_index=True)
        reached = reached[np.argsort(first, kind="stable")]
        codes = self.codes
        return {codes[i]: s for i, s in zip(reached.tolist(), acc[reached].tolist())}
