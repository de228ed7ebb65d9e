"""Clean a job title into the words that say which occupation it is.

Real titles carry seniority ("Sr.", "II", "Lead"), places ("- Dallas, TX"), shifts
("PT Nights"), work modes ("(Remote)"), pay ("$20-$30/hour"), abbreviations ("Mktg Coord.")
and gendered forms ("Waitress"). The same cleaning runs over every O*NET title in the index
and over the titles users give, so a rule only has to make two spellings of one title meet.
The word lists live in ``data/title_words.yaml`` (data, not code).

A title is also cut into *variants*: the whole title and its segments (split at " - ", "|",
",", "/", brackets), because the occupation is often in one segment and the rest is place,
team or product. The matcher scores every variant and keeps the best.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CleanTitle", "TitleWords", "clean_title", "index_title", "is_manager_title", "names_technology", "stem", "title_variants",
           "tokens"]

_TOKEN = re.compile(r"[a-z0-9]+(?:&[a-z]+|\+\+|#)?")
_SEGMENT = re.compile(r"\s+[-\u2013\u2014]+\s*|\s*[-\u2013\u2014]+\s+|[|,;:()\[\]{}/\u2022\u00b7]|\s+@\s+|\s+at\s+|\s+near\s+")
_PAY = re.compile(r"\$\s?\d[\d,.]*\s*(?:k\b)?(?:\s*[-\u2013]\s*\$?\s?\d[\d,.]*\s*k?)?(?:\s*/\s*(?:hr|hour|h|yr|year|wk|week))?", re.I)
_GLUE = (
    (re.compile(r"\bon[\s-]site\b"), "onsite"),
    (re.compile(r"\bpart[\s-]time\b"), "parttime"),
    (re.compile(r"\bfull[\s-]time\b"), "fulltime"),
    (re.compile(r"\bp\s*/\s*t\b"), "parttime"),  # British "P/T", "F/T"
    (re.compile(r"\bf\s*/\s*t\b"), "fulltime"),
    (re.compile(r"\be[\s-]commerce\b"), "ecommerce"),
    (re.compile(r"\be[\s-]mail\b"), "email"),
    (re.compile(r"\bfront[\s-]end\b"), "frontend"),
    (re.compile(r"\bback[\s-]end\b"), "backend"),
    (re.compile(r"\bfull[\s-]stack\b"), "fullstack"),
    (re.compile(r"\bdev[\s-]?ops\b"), "devops"),
    (re.compile(r"\bhealth[\s-]care\b"), "healthcare"),  # "Health Care Assistant" = "Healthcare Assistant"
    (re.compile(r"\b(?:m|w|f|h)\s*/\s*(?:w|f|m|h)(?:\s*/\s*(?:d|x|div))?\b"), " "),
)
_SECOND_OF = frozenset("manager director superintendent supervisor principal".split())
_TO_BOSS = re.compile(r"\b(assistant|secretary|pa|aide|adviser|advisor|deputy)\s+to\s.*$")
_NUMERALS = frozenset("i ii iii iv v vi vii 1 2 3 4 5 level".split())
_HEADS_OF = frozenset(
    "manager director head president officer chief supervisor coordinator specialist "
    "superintendent administrator leader lead vice".split()
)


@dataclass(frozen=True, slots=True)
class TitleWords:
    """The cleaning vocabulary, read once from ``data/title_words.yaml``."""

    abbreviations: dict[str, tuple[str, ...]]
    head_abbreviations: dict[str, tuple[str, ...]]
    modifier_abbreviations: dict[str, tuple[str, ...]]
    gendered: dict[str, tuple[str, ...]]  # gendered forms and British spellings
    level: frozenset[str]
    noise: frozenset[str]
    stop: frozenset[str]
    places: frozenset[str]
    head_group: dict[str, int]
    manager_words: frozenset[str] = frozenset()
    not_managers: frozenset[tuple[str, str]] = frozenset()
    index_abbreviations: dict[str, str] | None = None  # upper-case keys, matched case-sensitively
    phrases: dict[str, str] | None = None  # British job names -> O*NET's ("credit controller")
    british_heads: dict[str, tuple[str, ...]] | None = None  # "administrator" -> ("clerk",)
    technology_words: frozenset[str] = frozenset()  # software products: "oracle", "sap", "unix"
    technology_socs: tuple[str, ...] = ()  # SOC code prefixes of the occupations that work on them
    trainee: frozenset[str] = frozenset()  # "intern", "apprentice": a level even as the head

    @classmethod
    @lru_cache(maxsize=1)
    def builtin(cls) -> "TitleWords":
        from ..yamlio import safe_load

        raw = safe_load(
            resources.files("skillmix.occupations").joinpath("data/title_words.yaml").read_text("utf-8")
        )

        def split(d: dict) -> dict[str, tuple[str, ...]]:
            return {str(k).lower(): tuple(str(v).lower().split()) for k, v in d.items()}

        places = {str(w).lower() for w in raw["state_codes"] + raw["region_words"]}
        places |= {str(w).lower() for w in raw["states"] if " " not in str(w)}
        return cls(
            abbreviations=split(raw["abbreviations"]),
            head_abbreviations=split(raw["head_abbreviations"]),
            modifier_abbreviations=split(raw["modifier_abbreviations"]),
            gendered={**split(raw.get("spellings", {})), **split(raw["gendered"])},
            level=frozenset(str(w).lower() for w in raw["level_words"]),
            noise=frozenset(str(w).lower() for w in raw["noise_words"]),
            stop=frozenset(str(w).lower() for w in raw["stop_words"]),
            places=frozenset(places),
            head_group={stem(str(word).lower()): i for i, group in enumerate(raw.get("head_groups", []))
                        for word in group},
            manager_words=frozenset(str(w).lower() for w in raw.get("manager_words", [])),
            not_managers=frozenset((a, b) for a, b in (str(p).lower().split() for p in raw.get("not_managers", []))),
            index_abbreviations={str(k): str(v) for k, v in raw.get("index_abbreviations", {}).items()},
            phrases={str(k).lower(): str(v).lower() for k, v in raw.get("phrases", {}).items()},
            british_heads={stem(str(k).lower()): tuple(stem(t) for t in str(v).lower().split())
                           for k, v in raw.get("british_heads", {}).items()},
            technology_words=frozenset(str(w).lower() for w in raw.get("technology_words", [])),
            technology_socs=tuple(str(c) for c in raw.get("technology_socs", [])),
            trainee=frozenset(str(w).lower() for w in raw.get("trainee_words", [])),
        )


@dataclass(frozen=True, slots=True)
class CleanTitle:
    """A cleaned variant of a title: its stemmed words in order, and which part it came from."""

    words: tuple[str, ...]
    part: str  # "whole", "bare" (the whole shrunk to its head), "trainee" (its trainee word dropped), "as written" (beside "trainee"), "british", "unbracketed" or "segment"

    @property
    def key(self) -> str:
        return " ".join(self.words)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light plural stemmer: enough to make "Nurses" meet "Nurse"; both sides use it."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "ous")):
        return word[:-1]
    return word


_GLUE_ANY = re.compile("|".join(p.pattern for p, _ in _GLUE))


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    found = TitleWords.builtin().phrases or {}
    keys = sorted(found, key=len, reverse=True) or ["\x00"]
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b"), found


def _fold(text: str) -> str:
    # the checks skip work most titles do not need (accents, pay, glued words): cleaning is
    # a fifth of the time a title takes
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    if "$" in text:
        text = _PAY.sub(" ", text)
    text = text.replace("\u2019", "'").replace("'s ", " ").replace(".", "")
    if _GLUE_ANY.search(text):
        for pattern, repl in _GLUE:
            text = pattern.sub(repl, text)
    pattern, phrases = _phrases()
    if pattern.search(text):
        text = pattern.sub(lambda m: phrases[m.group(0)], text)
    if " to " in text:
        # "Executive Assistant to the CEO", "PA to MD": the job is before "to", the boss after
        text = _TO_BOSS.sub(lambda m: "personal assistant" if m.group(1) == "pa" else m.group(1), text)
    return text


@lru_cache(maxsize=65536)
def is_manager_title(title: str) -> bool:
    """The title names a manager's job: one of its words (abbreviations expanded) is a
    ``manager_words`` entry ("Sr. Mktg Mgr", "Head of Sales", "Deputy Home Manager"), outside
    the ``not_managers`` pairs ("Account Manager" is a salesperson, "Case Manager" a social
    worker or nurse)."""
    w = TitleWords.builtin()
    prev = ""
    for t in tokens(_fold(title)):
        if any(x in w.manager_words and (prev, x) not in w.not_managers for x in (t, *w.abbreviations.get(t, ()))):
            return True
        prev = t
    return False


@lru_cache(maxsize=65536)
def names_technology(title: str) -> bool:
    """The title names a software product or platform (``technology_words``: "Oracle
    Financial Consultant", "SAP EWM Consultant", "Senior UNIX Engineer"): the job works on
    that product, so it is a computer occupation's whatever the rest of the title says (an
    Oracle Financials consultant sets up software, not investments)."""
    words = TitleWords.builtin().technology_words
    return any(t in words for t in tokens(_fold(title)))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of a title fragment (dots dropped so "Sr." is "sr")."""
    return _TOKEN.findall(text)


def _drop_second(words: list[str], word: str, heads: frozenset[str]) -> list[str]:
    """Drop a second-in-command word before a manager-like head: "Deputy Home Manager" and
    "Assistant Store Manager" are that manager's seconds, "Deputy Manager Stockton" too
    (the head right after it, whatever follows); "Deputy Sheriff" and "Administrative
    Assistant" keep their words."""
    if word not in words[:-1]:
        return words
    i = words.index(word)
    if words[-1] in heads or words[i + 1] in heads:
        return [t for t in words if t != word]
    return words


def _reorder_of(words: list[str]) -> list[str]:
    """ "director of sales" -> "sales director": titles say the same thing both ways."""
    if "of" not in words:
        return words
    i = words.index("of")
    if 0 < i <= 3 and words[i - 1] in _HEADS_OF and i + 1 < len(words):
        head = words[:i]
        if head and head[0] == "head":
            head = ["manager"]
        return words[i + 1:] + head
    return words


def _expand(raw: list[str], w: TitleWords) -> list[str]:
    out: list[str] = []
    last = len(raw) - 1
    for i, tok in enumerate(raw):
        if i == last and tok in w.head_abbreviations:
            out.extend(w.head_abbreviations[tok])
        elif i < last and tok in w.modifier_abbreviations:
            out.extend(w.modifier_abbreviations[tok])
        elif tok in w.abbreviations:
            out.extend(w.abbreviations[tok])
        elif tok in w.gendered:
            out.extend(w.gendered[tok])
        else:
            out.append(tok)
    return out


def _clean_words(raw: list[str], w: TitleWords, drop_places: bool, keep_noise: bool = False,
                 trainee: bool = False) -> tuple[str, ...]:
    noise = frozenset() if keep_noise else w.noise
    words = [t for t in raw if t not in noise and not t.isdigit() or t in w.level]
    words = _expand(words, w)
    words = _drop_second(words, "deputy", _HEADS_OF)
    words = _drop_second(words, "assistant", _SECOND_OF)
    words = _reorder_of(words)
    words = [t for t in words if t not in w.stop and t not in noise]
    if drop_places:
        words = [t for t in words if t not in w.places]
    while len(words) > 1 and words[-1] in _NUMERALS:
        words.pop()  # "Marketing Coordinator II": the head is "coordinator"
    if not words:
        return ()
    while trainee and len(words) > 1 and words[-1] in w.trainee and \
            any(t not in w.level for t in words[:-1]):
        words = words[:-1]  # "Digital Marketing Intern" is a digital marketing job, at a level
    head = words[-1]
    kept = [t for t in words[:-1] if t not in w.level and not t.isdigit()] + [head]
    if kept == [head] and head in w.level and len(words) > 1:
        kept = words
    # a word said twice keeps its last place, so the head stays last: "Nurse (RGN)" is
    # "nurse registered nurse" -> "registered nurse", not "nurse registered"
    stems = [stem(t) for t in kept]
    return tuple(s for i, s in enumerate(stems) if s not in stems[i + 1:])


def index_title(title: str) -> tuple[str, ...]:
    """The cleaned words of an O*NET title for the index: as ``clean_title``, except that a
    title cleaning would shrink to its bare head keeps the words dropped as noise or level
    ("Shift Manager", "Contract Administrator", "Job Developer") and spells out upper-case
    abbreviations (``index_abbreviations``: "IS Manager", "Civil PM"). Shrunk, such a title
    is an exact match for any bare "Manager" and hands it to an arbitrary occupation; kept
    whole, it matches a bare head only in part, like every other "... Manager"."""
    words = clean_title(title)
    if len(words) != 1:
        return words
    w = TitleWords.builtin()
    raw = title
    for abbr, full in (w.index_abbreviations or {}).items():
        if abbr in raw:
            raw = re.sub(rf"\b{re.escape(abbr)}\b", full, raw)
    toks = _expand([t for t in tokens(_SEGMENT.sub(" ", _fold(raw))) if not t.isdigit()], w)
    out: list[str] = []
    for t in toks:
        s = stem(t)
        if t not in w.stop and s not in out:
            out.append(s)
    return tuple(out) if len(out) > 1 else words


@lru_cache(maxsize=200_000)
def clean_title(title: str) -> tuple[str, ...]:
    """The cleaned words of a whole title (brackets and separators read as spaces)."""
    w = TitleWords.builtin()
    return _clean_words(tokens(_SEGMENT.sub(" ", _fold(title))), w, drop_places=False)


def title_variants(title: str) -> tuple[CleanTitle, ...]:
    """The whole title, the title without brackets, and each segment, cleaned; no repeats."""
    w = TitleWords.builtin()
    folded = _fold(title)
    seen: set[tuple[str, ...]] = set()
    out: list[CleanTitle] = []

    def add(words: tuple[str, ...], part: str) -> None:
        if words and words not in seen:
            seen.add(words)
            out.append(CleanTitle(words, part))

    whole = tokens(_SEGMENT.sub(" ", folded))
    words = _clean_words(whole, w, drop_places=False)
    if len(words) == 1 and len(whole) > 1:
        # the index keeps an O*NET title that cleaning would shrink to its bare head
        # ("Contract Administrator", "Shift Manager"; see index_title): so does the query,
        # its noise words kept, ahead of the bare head (part "bare", weighed a little less)
        kept = _clean_words(whole, w, drop_places=False, keep_noise=True)
        if len(kept) > 1:
            add(kept, "whole")
            add(words, "bare")
    # a trainee word ending a title that names a field is its level ("Digital Marketing
    # Intern" is a marketing job); the title as written stays, a little behind, so that an
    # exact O*NET title ("Pharmacy Intern") keeps its match but a part of it (the bare
    # "Intern", a physician in training) does not outweigh the field
    field = _clean_words(whole, w, drop_places=False, trainee=True) \
        if not w.trainee.isdisjoint(whole) else words
    if field != words:
        add(field, "trainee")
        add(words, "as written")
    add(words, "whole")
    british = (w.british_heads or {}).get(words[-1]) if words else None
    if british and len(words) > 1:
        # the head's British sense ("Warehouse Administrator" is a warehouse clerk), a
        # little behind the title as written, so an exact O*NET match keeps its sense
        add(tuple(t for t in words[:-1] if t not in british) + british, "british")
    unbracketed = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", folded)
    pieces = [p for p in _SEGMENT.split(unbracketed) if p and p.strip()]
    if len(pieces) > 1 or unbracketed != folded:
        add(_clean_words(tokens(" ".join(pieces)), w, drop_places=True), "unbracketed")
        for p in pieces[:6]:
            raw = tokens(p)
            if raw and all(t in w.level or t in w.noise for t in raw):
                continue  # "Intern", "Remote": says nothing about the occupation alone
            add(_clean_words(raw, w, drop_places=True), "segment")
    return tuple(out)
