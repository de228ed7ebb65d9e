"""Finding personal names in a résumé without a statistical model.

Names are the hardest thing blind mode masks: there is no pattern, and the words that are
names ("Grace", "Ruby", "Jordan") are also skills, places and verbs. Three cues are
combined, each cheap and predictable:

1. **The header**: the first lines of a résumé, before its first section heading, usually
   hold the candidate's name alone on a line. A header line of two to four name-shaped
   words, none of them a job-title, heading or skill word, is a name if its first word is
   in the lexicon, or if contact details (an e-mail address or phone number) sit in the
   header with it.
2. **Labels and honorifics**: ``Name: Jane Doe``, ``Mr. Smith``, ``Ms Jane Doe``.
3. **A given-name lexicon**: a capitalised given name followed by one or two capitalised
   surname-shaped words ("Jamal Robinson") anywhere in the text, unless it overlaps a
   skill mention ("Crystal Reports").

Every full name found by cues 1-2, or given by the caller (``Resume.name``, a JSON
Resume's ``basics.name``), is then masked wherever else it appears ("JAMAL ROBINSON" in a
page footer, "Robinson, Jamal", "Jamal Robinson's"). Single words are not propagated, so
what is masked never depends on which name a candidate has, and a false lexicon hit cannot
spread.

The lexicon is the union of the given names that Faker ships for a set of Latin-script
locales (MIT licence) and ``data/given_names_extra.txt`` (names Faker lacks), less common
English words, loaded once per process. Words that are one-word skills of the taxonomy,
job-title words and heading words are never taken as a name word.
"""

from __future__ import annotations

import csv
import importlib
import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

from ..errors import MissingExtraError

__all__ = ["NameFinder", "first_names", "name_finder"]

#: Faker locales whose person providers hold Latin-script given names.
LEXICON_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_PK", "en_KE", "en_NZ", "es_ES", "es_MX",
    "es_CO", "es_AR", "pt_BR", "pt_PT", "fr_FR", "fr_CA", "de_DE", "it_IT", "nl_NL", "pl_PL",
    "tr_TR", "vi_VN", "id_ID", "sw", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "zu_ZA", "fil_PH",
    "sv_SE", "no_NO", "da_DK", "fi_FI", "ro_RO", "cs_CZ", "hu_HU", "hr_HR",
)

_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*[a-zà-öø-ÿA-ZÀ-ÖØ-Þ]"
_INITIAL = r"[A-Z]\."
_TOKEN = re.compile(rf"{_WORD}|{_INITIAL}")
_LINE_SPLIT = re.compile(r"\s*(?:[|•·,;–—]|\s-\s|\s{3,})\s*")
_HONORIFIC_NAME = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam)(\.?)[ \t]+((?:{_WORD}|{_INITIAL})(?:[ \t]+(?:{_WORD}|{_INITIAL})){{0,2}})"
)
_LABELLED = re.compile(
    rf"(?im)^[ \t]*(?:full\s+name|name|candidate|applicant)\s*[:\-–]\s*((?:{_WORD}|{_INITIAL})(?:[ \t]+(?:{_WORD}|{_INITIAL})){{0,3}})"
)
_STOP = frozenset(
    """a an and the of for to in on at by with from as or resume résumé curriculum vitae cv
    page contact information personal profile summary objective experience education skills
    references available upon request city state country company name street phone email
    mobile address linkedin twitter facebook instagram github portfolio website inc llc ltd
    corp university college school institute academy department bachelor master degree
    present current january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec monday united states
    america usa new york north south east west central global international national
    social media digital marketing sales senior junior lead head chief assistant associate
    intern volunteer team group project client customer service services solutions
    technology technologies county corps high industries program programs chamber chapter
    club lake resort resorts hotel hotels system systems reports report learning certificate
    network networks hospital church foundation center centre association society council
    board agency bank group therapist advocate aide attendant banker bartender cashier
    chemist cook courier dentist doctor driver electrician estimator examiner facilitator
    guard hygienist inspector investigator lawyer machinist mechanic paralegal pharmacist
    physician pilot plumber psychologist sergeant surgeon teller trainer translator
    underwriter welder worker quality assurance control""".split()
)


#: a capitalised word right after a name part on the same line ("Washington State")
_NEXT_CAPITAL = re.compile(r"[ \t]+([A-Z][\w.'’-]*)")
#: an institution or place named "of" something: "University of Washington"
_PLACE_OF_BEFORE = re.compile(r"\b(?:University|College|School|Institute|Bank|Port|Lake|Mount|"
                              r"Fort|Saint|St\.?|State|City|County|District|Republic) of[ \t]+$")
#: a person's name as the subject of a sentence about them ("Charles Hundley has well over
#: nine years"): the fallback for the candidate's name when no header, label or caller
#: gives one. Why not the first lexicon hit alone: in name-less résumés that is most often a
#: brand, a place or a school ("Allen Bradley PLC", "Kaiser Permanente", "Glen Burnie",
#: "Urban Studies": 19 of 20 in 60 LiveCareer PDFs), whose single words ("Urban", "Boys",
#: "Washington") were then masked all through the text
_PERSON_PREDICATE = re.compile(
    r"(?:['’]s)?[ \t]+(?:has|have|is|was|brings|offers|possesses|holds|combines|can|will|"
    r"worked|works|served|serves|earned|graduated|received|began|started|joined|"
    r"specializes|specialises|enjoys|loves)\b")
#: what ends just before a word that starts a line, a sentence or a list item
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•▪◦·*\-–—(\"“]\s*|\n\s*)\Z")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Ordinary English words (lower case) from Faker's lorem list, the same list the
    lexicon is cleaned with, plus given names that are everyday words."""
    try:
        from faker.providers.lorem.en_US import Provider as Lorem

        words = {w.lower() for w in Lorem.word_list}
    except ImportError:  # pragma: no cover - depends on the install
        words = set()
    return frozenset(words | _WORD_NAMES)


_WORD_NAMES = frozenset("""will grant mark bill rich hope faith grace joy rose may june april
    august sunny dawn chase hunter carter miles frank art guy jack pat sue don ray max penny
    amber crystal ruby jade ivy holly summer autumn victor sky river rob drew gene bob
    nick sterling price young king bishop mason cook baker page""".split())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names (as written, capitalised) from Faker's Latin-script locales."""
    try:
        importlib.import_module("faker.providers.person")
    except ImportError as err:  # pragma: no cover - depends on the install
        raise MissingExtraError.for_module("faker", "fairness") from err
    out: set[str] = set()
    for loc in LEXICON_LOCALES:
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        prov = mod.Provider
        for attr in ("first_names", "first_names_male", "first_names_female",
                     "first_names_nonbinary"):
            names = getattr(prov, attr, None)
            if not names:
                continue
            for n in names:
                if isinstance(n, str) and n[:1].isupper() and n.replace("-", "").replace("'", "").isalpha():
                    out.add(n)
    try:
        from faker.providers.lorem.en_US import Provider as Lorem

        common = {w.lower() for w in Lorem.word_list}
    except ImportError:  # pragma: no cover - same package as above
        common = set()
    out = {n for n in out if n.lower() not in common}
    extra = resources.files("skillmix.fairness").joinpath("data", "given_names_extra.txt")
    for line in extra.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.add(line.strip())
    return frozenset(out)


@lru_cache(maxsize=1)
def _io_vocabulary() -> frozenset[str]:
    """Job-title and section-heading words from skillmix.io's data files (lower case)."""
    words: set[str] = set()
    base = resources.files("skillmix.io").joinpath("data")
    try:
        for line in base.joinpath("title_words.txt").read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.strip().lower())
        rows = (ln for ln in base.joinpath("headings.csv").read_text("utf-8").splitlines()
                if ln.strip() and not ln.startswith("#"))
        for row in csv.DictReader(rows):
            words.update(re.findall(r"[a-z]+", (row.get("phrase") or "").lower()))
    except FileNotFoundError:  # pragma: no cover - io data always ships
        pass
    return frozenset(words)


@lru_cache(maxsize=4)
def _skill_words(taxonomy: str | None) -> frozenset[str]:
    """One-word surface forms of a taxonomy's skills (lower case): never a name alone."""
    if not taxonomy:
        return frozenset()
    from ..taxonomy import load_taxonomies

    words: set[str] = set()
    for tax in load_taxonomies(taxonomy):
        for skill in tax.skills.values():
            for form in skill.surface_forms:
                if " " not in form.strip():
                    words.add(form.strip().lower())
    return frozenset(words)


class NameFinder:
    """Find the spans of personal names in a text (see the module docstring).

    ``taxonomy`` names the taxonomy whose one-word skills are protected from being taken
    as names (``None`` protects none).
    """

    def __init__(self, taxonomy: str | None = "builtin") -> None:
        self.taxonomy = taxonomy
        self._first = first_names()
        self._first_lower = frozenset(n.lower() for n in self._first)
        self._blocked = _io_vocabulary() | _STOP
        self._skills = _skill_words(taxonomy)

    # ------------------------------------------------------------------ helpers

    def _is_blocked(self, word: str) -> bool:
        low = word.lower().strip(".'’")
        return low in self._blocked or low in self._skills

    def _is_first_name(self, word: str) -> bool:
        w = word.strip(".'’")
        if w in self._first:
            return True
        return w.isupper() and len(w) > 1 and w.lower() in self._first_lower

    def _name_shaped(self, tokens: list[str], *, strict: bool) -> bool:
        """2-4 tokens that could be a full name; ``strict`` forbids blocked words."""
        if not 2 <= len(tokens) <= 4:
            return False
        words = [t for t in tokens if not re.fullmatch(_INITIAL, t)]
        if len(words) < 2:
            return False
        if any(self._is_blocked(w) and not (i == 0 and self._is_first_name(w))
               for i, w in enumerate(words)):
            return False
        if strict and not self._is_first_name(words[0]):
            return False
        return True

    # ------------------------------------------------------------------ cues

    def header_names(self, text: str, header_end: int, contact: bool = False) -> list[tuple[int, int]]:
        """Name lines in the header region ``text[:header_end]``; ``contact`` says the
        header holds contact details, which lets a name outside the lexicon count."""
        found = []
        pos = 0
        seen_lines = 0
        for line in text[:header_end].splitlines(keepends=True):
            stripped = line.strip()
            if stripped:
                seen_lines += 1
                segment_at = pos + (len(line) - len(line.lstrip()))
                first = _LINE_SPLIT.split(stripped)[0]
                tokens = first.split()
                if all(_TOKEN.fullmatch(t) for t in tokens) and self._name_shaped(tokens, strict=not contact):
                    found.append((segment_at, segment_at + len(first)))
            pos += len(line)
            if seen_lines >= 6:
                break
        return found

    def field_names(self, text: str) -> list[tuple[int, int]]:
        """Names after a "Name:" / "Candidate:" label at a line's start."""
        return [m.span(1) for m in _LABELLED.finditer(text)
                if not any(self._is_blocked(t) for t in m.group(1).split())]

    def honorific_names(self, text: str) -> list[tuple[int, int]]:
        """Names after an honorific ("Ms. Lakisha Washington", "Dr. Rebecca Robbins")."""
        out: list[tuple[int, int]] = []
        from .detect import _NOT_A_NAME_AFTER_TITLE

        for m in _HONORIFIC_NAME.finditer(text):
            tokens = m.group(2).split()
            if not m.group(1) and tokens[0].lower() in _NOT_A_NAME_AFTER_TITLE:
                continue
            keep = []
            for t in tokens:
                if self._is_blocked(t):
                    break
                keep.append(t)
            if keep:
                start = m.start(2)
                end = start + m.group(2).index(keep[-1]) + len(keep[-1])
                out.append((start, end))
        return out

    def lexicon_names(self, text: str) -> list[tuple[int, int]]:
        """A lexicon first name followed by one or two surname-shaped words."""
        out = []
        toks = list(_TOKEN.finditer(text))
        i = 0
        while i < len(toks):
            m = toks[i]
            word = m.group()
            if word[1:].islower() and self._is_first_name(word) and not self._is_blocked(word):
                j = i + 1
                end = m.end()
                while j < len(toks) and j - i <= 2:
                    nxt = toks[j]
                    gap = text[end:nxt.start()]
                    if gap not in (" ", "  ") or self._is_blocked(nxt.group()):
                        break
                    end = nxt.end()
                    j += 1
                if j > i + 1:
                    out.append((m.start(), end))
                    i = j
                    continue
            i += 1
        return out

    def propagate(self, text: str, spans: Iterable[tuple[int, int]],
                  extra: Iterable[str] = ()) -> list[tuple[int, int]]:
        """Every other occurrence of a full name found (two words or more, in order, any
        case, with a possessive "'s"), and its "Last, First" form.

        Single words are not propagated: masking every "Washington" because a candidate is
        called Washington would mask different text for different names, and then two
        candidates who differ only in name could score differently."""
        names: set[tuple[str, ...]] = set()
        for s, e in spans:
            names.add(tuple(_TOKEN.findall(text[s:e])))
        for name in extra:
            names.add(tuple(_TOKEN.findall(name)))
        alts = []
        for toks in names:
            words = [t for t in toks if len(t.strip(".")) > 1]
            if len(words) < 2:
                continue
            alts.append(r"\s+".join(re.escape(w) for w in words))
            alts.append(re.escape(words[-1]) + r",\s*" + re.escape(words[0]))
        if not alts:
            return []
        pattern = re.compile(
            r"(?<![\w@.])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?:['’]s)?(?![\w@])",
            re.IGNORECASE,
        )
        return [m.span() for m in pattern.finditer(text)]

    def find(self, text: str, *, header_end: int, known: Iterable[str] = (),
             contact: bool = False,
             protected: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """All name spans: header, labels and honorifics and known names (propagated to
        every other place their words appear), then lexicon hits in the body that overlap
        no ``protected`` span (the skill mentions found in the text)."""
        spans = self.header_names(text, header_end, contact)
        # the candidate: the header, a "Name:" label or the caller (not an honorific's
        # name in the body: "Dr. Dre", "Ms Asp.net" are someone, or something, else);
        # else the first person the text names as a sentence's subject ("Charles Hundley
        # has well over nine years...": a summary in the third person, no name line above)
        fields = self.field_names(text)
        own = [text[s:e] for s, e in spans + fields]
        spans += fields + self.honorific_names(text)
        known = [k for k in known if k and k.strip()]
        guard = sorted(protected)
        lexicon = [(s, e) for s, e in self.lexicon_names(text)
                   if not any(a < e and s < b for a, b in guard)]
        own += known
        if not own:
            own = [text[s:e] for s, e in lexicon if _PERSON_PREDICATE.match(text, e)][:1]
        spans += self.propagate(text, spans, known)
        spans += lexicon
        spans += self.name_parts(text, own, guard)
        return spans

    def name_parts(self, text: str, names: Iterable[str],
                   protected: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Every other occurrence of each word of the candidate's own ``names`` alone:
        "Charles has learned...", "taught Charles", "Hundley's" (whole words, as written
        or in capitals, with a possessive). Why: a blind résumé that still says "Charles"
        five times is not blind (a new-user trial). Precision rules: a word that is also
        an ordinary word ("Will", "Grant", "Mark": a lexicon-excluded common word, or
        one the text also writes in lower case) is masked only where it stands
        capitalised inside a sentence, not at a line's or sentence's start where it may
        be the word; a job-title, heading or skill word ("Baker", "Ruby") is never masked
        alone (masking it would change what is extracted and so the score, by name); no
        part overlapping a ``protected`` span (a skill mention) is touched."""
        parts: set[str] = set()
        for name in names:
            for tok in _TOKEN.findall(name):
                word = tok.strip(".'’")
                if len(word) > 1 and not self._is_blocked(word):
                    parts.add(word[:1] + word[1:].lower() if word.isupper() else word)
        guard = sorted(protected)
        out: list[tuple[int, int]] = []
        for word in parts:
            ordinary = word.lower() in _common_words() or re.search(
                rf"(?<![\w@.-]){re.escape(word.lower())}(?![\w@-])", text) is not None
            forms = {word, word.upper()} if not ordinary else {word}
            rx = re.compile(r"(?<![\w@.\-/])(?:" + "|".join(map(re.escape, sorted(forms)))
                            + r")(?:['’]s?)?(?![\w@\-/])")
            for m in rx.finditer(text):
                s, e = m.span()
                if any(a < e and s < b for a, b in guard):
                    continue
                # the few characters before are enough to see a line's or sentence's start
                if ordinary and _SENTENCE_START.search(text, max(0, s - 40), s) is not None:
                    continue
                # inside another proper name it is that name's word: "Washington State
                # University", "University of Washington" (masking it would make a blind
                # résumé differ by the candidate's name)
                nxt = _NEXT_CAPITAL.match(text, e)
                if nxt is not None and nxt.group(1).strip(".'’") not in parts:
                    continue
                if _PLACE_OF_BEFORE.search(text, max(0, s - 30), s):
                    continue
                out.append((s, e))
        return out


@lru_cache(maxsize=4)
def name_finder(taxonomy: str | None = "builtin") -> NameFinder:
    """A shared :class:`NameFinder` per protected taxonomy."""
    return NameFinder(taxonomy)
