"""The extraction engine: a document's text in, evidence-backed skill mentions out.

One :class:`Extractor` holds a compiled vocabulary (see :mod:`.vocabulary`) and is
reused for every document. For each document it

1. normalises the text without moving any character (:mod:`.normal_form`);
2. runs the automaton once and keeps whole-word hits whose guards pass (exact spelling
   for short and ambiguous forms);
3. resolves overlaps, longest first (so "social media marketing" beats "social media");
4. applies the context rules (:mod:`.context`) and the document's structure: section,
   requirement level, years, negation, professional vs consumer use, enclosing role;
   mentions in boilerplate sections (EEO, benefits) are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple, Sequence

from ..batch import BatchReport, OnError, check_on_error, run_batch
from ..errors.extraction_codes import E001
from ..records import Document, Extraction, Posting, Resume, SkillMention, content_id
from ..taxonomy.model import Taxonomy
from ..taxonomy.registry import DEFAULT_TAXONOMY
from .context import ContextRules, cue_phrases, sentence_ends
from .coordination import GENERIC_HEADS, elided_hits
from .duties import duty_cues, evidence_forms, find_duties, unpack_cue
from .confidence import LAYERS, credit_values
from .guards import crosses_line, guard_hits
from .normal_form import normalise
from .semantic import SemanticFallback
from .vocabulary import Vocabulary

__all__ = ["EXTRACTOR_VERSION", "Extractor"]

#: what the extractor credits: its data files and the modules that read them
_RULE_DATA = ("context_cues.yaml", "duty_patterns.yaml", "evidence_phrases.yaml",
              "guarded_forms.yaml", "ambiguous.txt", "credit_confidence.yaml")
_RULE_CODE = ("engine", "context", "duties", "guards", "departments", "coordination", "morphology",
              "confidence", "months",
              "vocabulary", "normal_form")


def rules_sha(root=None) -> str:
    """A digest of the extraction code and data under ``root`` (the installed
    ``skillmix.extract`` package by default), so that every change to the rules changes
    ``EXTRACTOR_VERSION`` and with it the caches and run manifests keyed on it (blind
    versions, market runs, the compiled vocabulary). It was a fixed "2.0" through six
    rounds of rule changes."""
    import hashlib
    from importlib import resources

    root = root if root is not None else resources.files("skillmix.extract")
    h = hashlib.sha256()
    for name in _RULE_DATA:
        h.update((root / "data" / name).read_bytes())
    for mod in _RULE_CODE:
        h.update((root / f"{mod}.py").read_bytes())
    return h.hexdigest()


def version_digest(rules: str | None = None, reader: str | None = None) -> str:
    """The digest after "+" in ``EXTRACTOR_VERSION``: the rules' and the reader's."""
    import hashlib

    from ..io.version import reader_sha

    rules = rules if rules is not None else rules_sha()
    reader = reader if reader is not None else reader_sha()
    return hashlib.sha256(f"{rules}|{reader}".encode()).hexdigest()


_RULES_SHA = rules_sha()
#: "2.1" names the record format and rule design; the digest after "+" the exact rules
#: and reader
EXTRACTOR_VERSION = "2.1+" + version_digest(_RULES_SHA)[:8]

#: where flattened job-board text glues list items together, in two passes, three kinds:
#: ``camel``, a word glued to the capitalised word after it ("customersManage and
#: contribute", "InstagramContributing"; the left part is a whole word of three letters
#: or more, see :func:`glue_points`); ``punct``, a capitalised word right after an item's
#: end punctuation ("JavaScript.React", "What you'll be doing:Leading projects");
#: ``caps``, a capital after a capital or digit, where a name may be glued to the next
#: ("GraphQLHTML5": parted only where the vocabulary knows both sides).
#: One scan finds the candidates of all three: a capital glued to the character before
#: it and followed by a lower-case letter (camel or punct), and a capital or digit
#: followed by a capital (caps). It starts with a character class, so the regex engine
#: skips ahead to the next capital or digit; a pattern that starts with ``[a-z]`` tries
#: every letter (two such scans took 2.5x the time)
#: A one-letter word glued after a lower-case word, or after its full stop, is glue too
#: ("interpersonal skillsA natural problem solver", "leadership skills.A demonstrated").
_CAPITAL = re.compile(r"[A-Z0-9](?:(?=[A-Z])|(?<=[a-z.:;!?][A-Z])(?=[a-z])|(?<=[a-z][AI])(?= )"
                      r"|(?<=[a-z]\.[AI])(?= ))")
_PUNCT_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789)")
_LEFT_WORD = re.compile(r"[A-Z]?[a-z]{2,}$")
#: a whole lower-case word just before a glue point ("customersManage")
_LOWER_LEFT = re.compile(r"(?<![A-Za-z])[a-z]{3,}$")
_RIGHT_WORD = re.compile(r"[A-Z][a-z]+")
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#")


def glue_points(text: str, known=None) -> list[int]:
    """Offsets where a glued word starts: each reads as a word and sentence boundary.

    ``known(token)`` says whether the joined token is a name the vocabulary knows
    ("LinkedIn", "YouTube", "HubSpot", "JavaScript"): those are left whole, and names
    glued after a capital ("GraphQLHTML5") are parted only where it knows both sides.
    The candidates come from one class-led regular expression (lookbehinds at every
    position cost twice as much on long postings)."""
    out: list[int] = []
    camel: list[int] = []
    pairs: list[int] = []
    dotted: list[int] = []
    for m in _CAPITAL.finditer(text):
        at = m.start()
        if "A" <= text[at + 1] <= "Z":
            pairs.append(at)  # a capital or digit before a capital
            continue
        at -= 1  # the glued character before the capital
        if text[at].isalpha():
            camel.append(at + 1)
        elif at and (text[at - 1] in _PUNCT_BEFORE):
            out.append(at + 1)
        elif at > 1 and text[at] == "." and text[at - 1].isupper() and text[at - 2].isupper():
            dotted.append(at)  # "environment of AI.Strong organizational skills"
    done = -1
    n = len(text)
    for at in pairs if known is not None else ():
        if at < done:
            continue  # inside a token already looked at
        lo, hi = at, at + 2
        while lo > 0 and text[lo - 1] in _TOKEN_CHARS:
            lo -= 1
        while hi < n and text[hi] in _TOKEN_CHARS:
            hi += 1
        done = hi
        token = text[lo:hi]
        if len(token) < 6 or not token[0].isalpha() or known(token.lower()):
            continue
        for i in range(2, len(token) - 1):
            if token[i].isupper() and (
                    not token[i - 1].islower() and known(token[:i].lower())
                    # a lower-case word glued to a known name in capitals: "etcETL"
                    or i >= 3 and token[:i].isalpha() and token[:i].islower()
                    and token[i:].isupper()) and known(token[i:].lower()):
                out.append(lo + i)
                break
    # an abbreviation's full stop glued to the next item ("AI.Strong"), unless the whole
    # is a name the vocabulary knows ("ASP.Net")
    for at in dotted if known is not None else ():
        lo, hi = at, at + 1
        while lo > 0 and text[lo - 1] in _TOKEN_CHARS:
            lo -= 1
        while hi < n and text[hi] in _TOKEN_CHARS:
            hi += 1
        if not known(text[lo:hi].lower()):
            out.append(at + 1)
    starts = set(out)
    # a lower-case word glued to a capital ("customersManage") is flattened text for
    # sure; a capitalised one ("InstagramContributing") may be a brand ("SkillRamp",
    # "ExecuTrain"), so it is parted only in a text that shows glue elsewhere
    flattened = bool(out) or any(_LOWER_LEFT.search(text, max(0, end - 40), end)
                                 for end in camel)
    for end in camel:
        left = _LEFT_WORD.search(text, max(0, end - 40), end)
        if left is None or (left.start() and text[left.start() - 1].isalpha()
                            and left.start() not in starts):  # "ReactNodeTypescript"
            if _known_camel_before(text, end, known, flattened):
                out.append(end)  # "Excel and PowerPointMust be able": a name, then a word
                starts.add(end)
            continue
        if left.group()[0].isupper():
            right = _RIGHT_WORD.match(text, end)
            token = (left.group() + (right.group() if right else "")).lower()
            if known is None or known(token) or not flattened:
                continue  # a camel-case name ("LinkedIn"), or no way to tell
        out.append(end)
        starts.add(end)
    return sorted(set(out)) if len(out) > 1 else out


def _known_camel_before(text: str, end: int, known, flattened: bool) -> bool:
    """Whether a camel-case name the vocabulary knows ("PowerPoint", "HubSpot") ends at
    ``end``, glued to a capitalised word in a text that shows glue elsewhere: the name is
    whole, so the next word starts there."""
    right = _RIGHT_WORD.match(text, end) if known is not None and flattened else None
    if right is None:
        return False
    floor = max(0, end - 40)  # names are short: a long letter run is no name (and no scan)
    lo = end
    while lo > floor and text[lo - 1].isalpha():
        lo -= 1
    if end - lo < 4 or (lo and text[lo - 1].isalnum()):
        return False
    name = text[lo:end].lower()
    # "LinkedInLearning", "GitHubActions": the joined whole is a name of its own
    return known(name) and not known(name + right.group().lower())


#: a note right after a skill that says it is a personal habit: "Snapchat (personal)"
_PERSONAL_NOTE = re.compile(
    r"[ \t]*\((?:for\s+|just\s+)?(?:personal(?:\s+use|\s+account|\s+only)?|private|"
    r"hobby|leisure|fun|consumer|casual(?:\s+user)?)\)",
    re.IGNORECASE,
)


class _Found(NamedTuple):
    """A candidate mention before context: span, skill, where it came from."""

    start: int
    end: int
    sid: str
    label: str
    area: str | None
    ti: int
    extractor: str
    confidence: float
    quantity: float | None = None
    quantity_kind: str | None = None


def _sentence_bounds(text: str, extra: Sequence[int] = ()):
    """offset -> (start, end) of its sentence; the sentences are found on first use."""
    starts: list[int] = []

    def bounds(offset: int) -> tuple[int, int]:
        if not starts:
            starts.extend(sorted({0, *sentence_ends(text), *extra}))
        i = bisect_right(starts, offset) - 1
        return starts[i], (starts[i + 1] if i + 1 < len(starts) else len(text))

    return bounds


def _organisation(doc: Document) -> str | None:
    """The organisation a document belongs to, when its reader knows it (a posting's
    company): its name is never a skill."""
    meta = doc.metadata or {}
    for key in ("company", "company_name", "hiringOrganization", "employer", "organization"):
        value = meta.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value
    return None

_FINAL_DOT = re.compile(r"\.(?= |$)")
#: the last word of a name that adds nothing of its own to an overlapping name
_GENERIC_TAIL = re.compile(r" (?:skills?|abilit(?:y|ies)|experience|knowledge|expertise)$")

#: study words: a sentence of a résumé's education section that holds one is coursework
_COURSEWORK = re.compile(
    r"\b(?:course(?:s|work)?|course\s+work|class(?:es)?|modules?|curriculum|seminars?|"
    r"lectures?|thesis|capstone|semesters?|studies)\b", re.IGNORECASE)
#: a résumé section of pastimes ("Interests", "Hobbies", "Personal interests")
_PERSONAL_SECTION = re.compile(r"\b(?:interests|hobbies|pastimes)\b", re.IGNORECASE)
def _heading_note(doc: Document, start: int) -> bool:
    """Whether a résumé hit sits in brackets on the dated heading line of a role the reader
    found: "Senior Engineer, Threadline Inc. (social commerce startup), Seattle, WA | 2020 -
    Present" describes the employer, not the candidate's work."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    opened = text.rfind("(", line_start, start)
    if opened < 0 or text.find(")", opened, start) >= 0 or not doc.roles:
        return False
    # the role's heading: its first two lines
    if not any(r.span_start <= line_start and text.count("\n", r.span_start, line_start) <= 1
               for r in doc.roles):
        return False
    line_end = text.find("\n", start)
    from ..io.dates import find_date_ranges

    return bool(find_date_ranges(text[line_start:line_end if line_end >= 0 else len(text)]))


#: The most years a posting's figure may ask of a skill. More is a figure read wrong: "3-4
#: years" that lost its dash in a job board's export ("34 years of experience in web
#: development"), or the company's own age ("serving clients for over 35 years"). No
#: posting of the three shared corpora asks more than 16 years of a skill in words that
#: read right; a résumé's years are the writer's own and keep the reader's cap (40).
POSTING_MAX_YEARS = 20.0

_SECTION_REQUIREMENT = {
    "requirements": "required",
    "responsibilities": "required",
    "preferred": "preferred",
}

Input = Document | Posting | Resume | str


def as_document(item: Input, kind: str | None = None) -> Document:
    """The :class:`Document` inside ``item``; plain text becomes one (with sections
    detected by :func:`skillmix.io.detect_sections`)."""
    if isinstance(item, Document):
        return item
    if isinstance(item, (Posting, Resume)):
        return item.document
    if isinstance(item, str):
        from ..io import detect_sections, parse_roles

        k = kind or "unknown"
        sections = detect_sections(item, k)
        roles = parse_roles(item, sections) if k == "resume" else ()
        return Document(
            id=content_id(item), text=item, source="<text>", media_type="text/plain",
            kind=k, sections=sections, roles=roles,  # type: ignore[arg-type]
        )
    raise E001(
        f"cannot extract from a {type(item).__name__}; expected a Document, Posting, "
        "Resume or str.",
    )


_SENTENCE_START = frozenset("\n.!?:;\u2022*-\u2013\u2014>|")


_MINOR_WORDS = frozenset("of and the for & to in on a an".split())


def _capitals_of(text: str, start: int, end: int, exact: str) -> bool:
    """"Python, C++, or JAVA": a case-sensitive name of four letters or more written in
    capitals inside ordinary text is still the name; in a line of capitals (a heading,
    "EXCEL IN SALES") it proves nothing."""
    if len(exact) < 4 or text[start:end] != exact.upper() or exact.isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    return any(c.islower() for c in line)


def _defines_acronym(text: str, start: int, end: int, form: str) -> bool:
    """"executive leadership team (ELT)": a short capital form in brackets right after
    words whose initials spell it is that phrase's abbreviation, not a skill of the same
    spelling (ETL's "ELT"). The phrase itself, when it names a skill ("Search Engine
    Optimization (SEO)"), is found on its own."""
    if not (2 <= len(form) <= 6 and form.isupper() and form.isalpha()):
        return False
    if start == 0 or text[start - 1] != "(" or text[end:end + 1] != ")":
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text[max(0, start - 80):start - 1])
             if w.lower() not in _MINOR_WORDS]
    initials = "".join(w[0] for w in words[-len(form):]).upper()
    return initials == form


def _spells_label(text: str, start: int, label: str) -> bool:
    """Whether the phrase an abbreviation in brackets stands for ("Client Relationship
    Management (CRM)") names the skill whose label it nearly repeats ("customer
    relationship management"): all but one of the phrase's words are the label's, and at
    least two ("ETL" spells no phrase, so "executive leadership team (ELT)" stays out)."""
    label_words = label.lower().split()
    n = len(label_words)
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*",
                                           text[max(0, start - 80):start - 1])][-n:]
    return len(words) == n and sum(a == b for a, b in zip(words, label_words)) >= max(2, n - 1)


def _guard_ok(text: str, start: int, end: int, glue: frozenset[int] = frozenset()) -> bool:
    """Extra checks for exact-spelling forms ("Go", "R", "Excel"): capitalization proves
    nothing at the start of a sentence ("Go digital!", "Excel in a fast pace") unless the
    word stands alone as a list item, and a one-letter form must not be part of an
    abbreviation ("A/R", "R-value", "J. R. Smith")."""
    form = text[start:end]
    if end - start == 1:
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in "/-.'&" or after in "/-'&" or (after == "." and end + 1 < len(text)
                                                   and text[end + 1].isalpha()):
            return False
    if form[:1].isupper() and (len(form) == 1 or form[1:].islower()) and " " not in form:
        p = start - 1
        while p >= 0 and text[p] in " \t":
            p -= 1
        if p < 0 or text[p] in _SENTENCE_START:
            # sentence-initial: keep it only as a list item ("- Excel, Word" or alone on
            # its line), where a sentence would not start with the plain word
            q = end
            while q < len(text) and text[q] in " \t":
                q += 1
            # a glued list item ("JavaScript.ReactNode") ends where the next one starts
            return q >= len(text) or text[q] in ",;/|\n)" or q in glue
    return True


class Extractor:
    """Lexical skill extraction with context, over one or more taxonomies.

    ``taxonomy`` is a spec such as ``"builtin"`` or ``"builtin+esco"`` (see
    :func:`skillmix.taxonomy.load_taxonomies`) or a tuple of loaded taxonomies.
    ``context=False`` skips the context rules (faster; every mention is "mentioned") and
    the duty patterns, which read sentences; ``duties=False`` skips the duty patterns
    only (see :mod:`.duties`).
    """

    name = "lexical"

    def __init__(
        self,
        taxonomy: str | Taxonomy | Sequence[Taxonomy] = DEFAULT_TAXONOMY,
        *,
        context: bool = True,
        skip_boilerplate: bool = True,
        use_cache: bool = True,
        semantic: "SemanticFallback | bool" = False,
        duties: bool = True,
    ) -> None:
        source: str | tuple[Taxonomy, ...]
        if isinstance(taxonomy, str):
            source = taxonomy
        elif isinstance(taxonomy, Taxonomy):
            source = (taxonomy,)
        else:
            source = tuple(taxonomy)
        self.context = context
        self.skip_boilerplate = skip_boilerplate
        if semantic is True:
            semantic = SemanticFallback()
        self.semantic: SemanticFallback | None = semantic or None
        self.vocabulary = Vocabulary.load_or_build(
            source, use_cache=use_cache, cues=_all_cues, extra=evidence_forms,
            data_key=_data_key(),
        )
        self._tax_meta = self.vocabulary.taxonomies
        self._builtin = self._builtin_skills() if duties else None
        self._split = _split_entries(self.vocabulary.entries)
        exists = self.vocabulary.automaton.exists
        self._known = lambda token: exists(" " + token + " ")
        get, split = self.vocabulary.automaton.get, self._split
        phrase_only = self.vocabulary.phrase_only

        def lookup(form: str) -> tuple | None:
            # an ellipsis names a skill only through its names, not through a looser
            # evidence phrase ("market and industry trends" is no "market trends")...
            idx = get(" " + form + " ", None)
            if idx is None and form.endswith(_GENERIC_TAILS):
                # a plural conjunct before a shared generic head: "communications,
                # leadership and organizational skills" names communication skills
                first, _, rest = form.partition(" ")
                if len(first) > 4 and first.endswith("s") and not first.endswith("ss"):
                    idx = get(" " + first[:-1] + " " + rest + " ", None)
            if idx is None:
                return None
            if form in phrase_only and not form.endswith(_GENERIC_TAILS):
                return None
            # ...except before a generic head: "analytical and statistical skills" are
            # analytical skills, whatever names them
            return split[idx][1]

        self._lookup = lookup
        match = self.vocabulary.automaton.match
        self._starts_a_name = lambda form: bool(match(" " + form + " "))
        self.taxonomy_label = "+".join(n for n, _ in self._tax_meta)
        self.taxonomy_version = "+".join(v for _, v in self._tax_meta)

    def _builtin_skills(self) -> "tuple[int, dict[str, tuple[str, str | None]]] | None":
        """The builtin taxonomy's index and its skills' (label, area), read off the
        compiled vocabulary, for duty patterns (which name builtin skills)."""
        names = [n for n, _ in self._tax_meta]
        if "builtin" not in names:
            return None
        ti = names.index("builtin")
        skills: dict[str, tuple[str, str | None]] = {}
        for _, cands, _ in self.vocabulary.entries:
            for c in cands:
                if c[0] == ti and c[1] not in skills:
                    skills[c[1]] = (c[3], c[4])
        return ti, skills

    # ------------------------------------------------------------------ matching

    def _hits(
        self, text: str, norm: str, glue: Sequence[int] = (), *, with_cues: bool = True
    ) -> tuple[list[tuple[int, int, tuple]], list[tuple[int, int, str]], list[tuple]]:
        """Guard-passing, non-overlapping skill hits (start, end, candidate), the
        context cues (start, end, family) and the duty-pattern cues (start, end, (packed
        families, their sets): see :func:`.duties.unpack_cue`), all in text order, from
        one scan.

        ``glue`` are offsets where a glued word starts ("customersManage"): the scan
        reads a space there, and offsets are mapped back to the text. ``with_cues=False``
        (context off) keeps only the skill hits."""
        hits: list[tuple[int, int, tuple]] = []
        cues: list[tuple[int, int, str]] = []
        duty: list[tuple] = []
        add_hit = hits.append
        body = norm
        inserted: list[int] = []
        if glue:
            parts = []
            prev = 0
            for k, g in enumerate(glue):
                parts.append(body[prev:g])
                parts.append(" ")
                inserted.append(g + k)  # index of the inserted space in the scan body
                prev = g
            parts.append(body[prev:])
            body = "".join(parts)
        # a full stop ending a word is no part of it ("JavaScript." and, once glued
        # text is parted, "JavaScript.React")
        body = _FINAL_DOT.sub(" ", body)
        scan = " " + body + " "
        split = self._split
        glue_set = frozenset(glue)
        add_cue = cues.append
        add_duty = duty.append
        for pend, idx in self.vocabulary.automaton.iter(scan):
            # the key " form " ends at padded index `pend` (its trailing space), so in
            # body coordinates the form is [pend - 1 - len(form), pend - 1)
            form_len, first, cands, ctx, packed = split[idx]
            end = pend - 1
            start = end - form_len
            if inserted:
                k = bisect_right(inserted, start - 1)
                if k < len(inserted) and inserted[k] < end:
                    continue  # the form runs across a glue point: two list items
                start -= k
                end -= bisect_right(inserted, end - 1)
            if not cands:
                pass  # a cue and no skill's name: most matches
            elif start and text[start - 1] == "(" and _defines_acronym(
                    text, start, end, text[start:end]):
                # "executive leadership team (ELT)": an abbreviation defined here, kept
                # only where the phrase is the skill's own name in other words ("Client
                # Relationship Management (CRM)")
                for cand in cands:
                    if _spells_label(text, start, cand[3]):
                        add_hit((start, end, cand))
                        break
            elif first is not None:  # the usual case: no spelling guard
                add_hit((start, end, first))
            else:
                for cand in cands:
                    exact = cand[2]
                    if exact is None or (
                            (text[start:end] == exact or _capitals_of(text, start, end, exact))
                            and _guard_ok(text, start, end, glue_set)):
                        add_hit((start, end, cand))
                        break
            if with_cues:
                if ctx:
                    for fam in ctx:
                        add_cue((start, end, fam))
                if packed is not None:
                    add_duty((start, end, packed))
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0] - h[1], h[0]))
            taken = bytearray(len(norm) + 1)
            chosen = []
            for start, end, cand in hits:
                if text.find("\n", start, end) >= 0 and crosses_line(text, start, end):
                    continue  # two items ("Adobe" / "Lightroom"): the guards drop it, and it
                    # must not hide the name inside it
                if taken.find(1, start, end) == -1 or (
                    # two names sharing a word ("advertising campaign" / "campaign
                    # management", "email marketing" / "marketing communication"): both
                    # are credited, unless the second adds only a generic noun
                    # ("executive communication" / "communication skills")
                    (taken[start] != taken[end - 1])
                    and _GENERIC_TAIL.search(norm, start, end) is None
                ):
                    taken[start:end] = b"\x01" * (end - start)
                    chosen.append((start, end, cand))
            chosen.sort(key=lambda h: h[0])
            hits = chosen
        if len(cues) > 1:
            cues.sort()
        if len(duty) > 1:
            duty.sort()
        return hits, cues, duty

    # ------------------------------------------------------------------ public API

    def extract(self, item: Input, *, kind: str | None = None) -> Extraction:
        """All skill mentions in one document."""
        doc = as_document(item, kind)
        text = doc.text
        glue = glue_points(text, self._known)
        norm = normalise(text)
        reading = self.context or self.semantic is not None
        hits, cues, duty = self._hits(text, norm, glue, with_cues=reading)
        organisation = _organisation(doc)
        rules = ContextRules(text, cues, extra_ends=glue, organisation=organisation) \
            if reading else None
        sentence_of = rules.bounds if rules is not None else _sentence_bounds(text, glue)
        hits = guard_hits(text, norm, hits, sentence_of, organisation=organisation)
        if self.context:
            hits = hits + elided_hits(text, norm, hits, self._lookup, sentence_of,
                                      self._starts_a_name, list_lines=doc.kind == "resume")
        found: list[_Found] = [
            _Found(start, end, sid, label, area, ti, self.name, 1.0)
            for start, end, (ti, sid, _, label, area) in hits
        ]
        if self._builtin is not None and rules is not None:
            taken: dict[str, list[int]] = {}
            for i, f in enumerate(found):
                taken.setdefault(f.sid, []).append(i)
            for f in self._duties(text, duty, rules):
                same = taken.setdefault(f.sid, [])
                over = [i for i in same if found[i].start < f.end and f.start < found[i].end]
                if not over:
                    same.append(len(found))
                    found.append(f)
                elif f.quantity is not None:
                    # the duty carries more evidence ("Managed a team of 4 to 7 reporters")
                    found[over[0]] = f
        if self.semantic is not None and rules is not None:
            found.extend(self._semantic(doc, hits, rules))
        found.sort(key=lambda f: (f.start, f.end))
        mentions = self._mentions(doc, found, rules,
                                  calibrated=self._builtin is not None and rules is not None
                                  and self.context)
        return Extraction(
            document_id=doc.id, source=doc.source, kind=doc.kind,
            taxonomy=self.taxonomy_label, taxonomy_version=self.taxonomy_version,
            extractor_version=EXTRACTOR_VERSION, mentions=tuple(mentions),
        )

    def _duties(self, text: str, duty: list[tuple], rules: ContextRules) -> list[_Found]:
        """Verb-object duties ("Led a team of 5") as mentions of builtin skills."""
        if not duty:
            return []
        ti, skills = self._builtin  # type: ignore[misc]
        out: list[_Found] = []
        for hit in find_duties(text, duty, rules.starts):
            if crosses_line(text, hit.start, hit.end):
                continue
            for sid in hit.skills:
                meta = skills.get(sid)
                if meta is None:
                    continue
                out.append(_Found(hit.start, hit.end, sid, meta[0], meta[1], ti, "pattern", 1.0,
                                  hit.quantity, hit.quantity_kind))
        return out

    def _mentions(self, doc: Document, found: list[_Found], rules: ContextRules | None,
                  calibrated: bool = False) -> list[SkillMention]:
        text = doc.text
        mentions: list[SkillMention] = []
        # each mention's context, read first: its confidence needs every credit of the
        # document (f, taxonomy, version, extractor version, sentence, section, requirement,
        # years, negated, usage, counts)
        read: list[tuple] = []
        credits: list[tuple[str, str, int, bool]] = []
        is_resume = doc.kind == "resume"
        is_posting = doc.kind == "posting"
        sections = doc.sections
        groups = rules.alternative_groups(found) if rules is not None and self.context else {}
        if is_posting and rules is not None and self.context:
            # "Python, Go, or Node.js is a plus": an example list's group wins
            for start, g in rules.or_groups(found, max(groups.values(), default=0) + 1).items():
                groups.setdefault(start, g)
        # where the text writes spans in months, a span that leads a skill is that skill's
        # ("SQL 6 months of Python"): the rule needs every mention's start
        skill_starts = frozenset(f.start for f in found) \
            if rules is not None and self.context and rules.month_figures() else frozenset()
        # a years figure after its list item's own skill is that skill's alone
        mention_ends = sorted(f.end for f in found) if rules is not None and self.context else ()
        for f in found:
            start, end = f.start, f.end
            section = None
            if sections:
                section = doc.section_at(start)
                if section is not None and section.boilerplate and self.skip_boilerplate:
                    continue
            sec_kind = section.kind if section is not None else None
            if f.ti >= 0:
                tax_name, tax_version = self._tax_meta[f.ti]
                version = EXTRACTOR_VERSION
            else:
                tax_name, tax_version = "esco", "1.1"
                version = self.semantic.version if self.semantic else EXTRACTOR_VERSION
            if rules is not None and self.context:
                sent = rules.sentence(start)
                s_start, s_end = sent.start, sent.end
                item = rules.item(sent, start, end)
                if is_resume:
                    requirement = "mentioned"
                else:
                    default = _SECTION_REQUIREMENT.get(sec_kind or "", "required" if is_posting else "mentioned")
                    requirement = rules.requirement(sent, default, start)
                years = rules.years(sent, start, end, item, skill_starts, mention_ends)
                if is_posting and years is not None and years > POSTING_MAX_YEARS:
                    years = None  # read wrong: see POSTING_MAX_YEARS
                negated = rules.negated(sent, start, end)
                usage = rules.usage(sent, start, end, is_resume, item)
                if _PERSONAL_NOTE.match(text, end):
                    usage = "consumer"  # "Snapchat (personal)"
                elif is_resume and section is not None and _PERSONAL_SECTION.search(section.heading):
                    # "Interests: Trail running, film photography, TikTok": a pastime, not
                    # professional use; a platform there is a consumer's familiarity
                    usage = "consumer" if f.area == "platforms" else (
                        "unspecified" if usage == "professional" else usage)
                elif is_resume and sec_kind == "education" and usage == "professional" \
                        and _COURSEWORK.search(text, s_start, s_end):
                    # "General Advertising course work including: ... Advertising
                    # Campaigns": coursework is study, not professional use (a dated
                    # internship listed under Education stays work)
                    usage = "unspecified"
                if usage == "consumer" and f.area != "platforms" and f.ti >= 0 \
                        and "incidental" not in sent.families():
                    # consumer use is a platform's ("avid Instagram user"); "Familiar with
                    # Hootsuite and Buffer" or "a passion for data-driven decision making"
                    # is a (weak) claim of the skill, as the gold guide reads it
                    usage = "unspecified"
                if usage != "consumer" and (
                    (rules.self_description(sent)
                     or sec_kind == "company" and rules.about_company(section, sections)
                     or sec_kind is None and rules.company_opening(sent, start, sections))
                    if is_posting
                    else is_resume and (rules.employer_description(sent)
                                        or _heading_note(doc, start))
                ):
                    requirement, usage = "mentioned", "incidental"
            else:
                s_start, s_end = start, end
                requirement, years, negated, usage = "mentioned", None, False, "unspecified"
            counted = not negated and usage not in ("consumer", "incidental")  # as .counts
            if calibrated and counted and tax_name == "builtin":
                credits.append((f.sid, f.extractor, s_start, f.quantity is not None))
            read.append((f, tax_name, tax_version, version, s_start, s_end, sec_kind,
                         requirement, years, negated, usage, counted))
        # the default path the blind gold sets measured: how likely each credit holds
        # (skillmix.extract.confidence), known once every mention's context is
        credit = credit_values(credits, doc.kind) if credits else {}
        for (f, tax_name, tax_version, version, s_start, s_end, sec_kind, requirement, years,
             negated, usage, counted) in read:
            confidence = f.confidence
            if counted and f.sid in credit and tax_name == "builtin" and f.extractor in LAYERS:
                confidence = credit[f.sid]
            mentions.append(
                SkillMention(
                    skill_id=f.sid, label=f.label, taxonomy=tax_name,
                    taxonomy_version=tax_version, start=f.start, end=f.end,
                    surface=text[f.start:f.end], sentence_start=s_start,
                    sentence_end=s_end, area=f.area, section=sec_kind,
                    requirement=requirement, years=years, negated=negated,
                    usage=usage,
                    role=doc.role_at(f.start) if doc.roles else None,
                    extractor=f.extractor, extractor_version=version, confidence=confidence,
                    quantity=f.quantity, quantity_kind=f.quantity_kind,
                    group=groups.get(f.start),
                )
            )
        return mentions

    def _semantic(
        self, doc: Document, hits: list[tuple[int, int, tuple]], rules: ContextRules
    ) -> list[_Found]:
        """Semantic spans in the sentences with no lexical hit (outside boilerplate)."""
        assert self.semantic is not None
        with_hits = {rules.sentence(h[0]).start for h in hits}
        empty: list[tuple[int, int]] = []
        for i, start in enumerate(rules.starts):
            end = rules.starts[i + 1] if i + 1 < len(rules.starts) else len(doc.text)
            if start in with_hits or not doc.text[start:end].strip():
                continue
            section = doc.section_at(start) if doc.sections else None
            if section is not None and section.boilerplate:
                continue
            empty.append((start, end))
        return [_Found(s.start, s.end, s.skill_id, s.label, None, -1, self.semantic.name, s.score)
                for s in self.semantic.spans(doc.text, empty)]

    def pipe(
        self,
        items: Iterable[Input],
        *,
        on_error: OnError = "collect",
        report: BatchReport | None = None,
    ) -> Iterator[Extraction]:
        """Extract from many documents; failures are recorded in ``report``."""
        check_on_error(on_error)
        yield from run_batch(
            items, self.extract, source=_source_of, on_error=on_error, report=report
        )


#: a coordination before one of these heads shares it, whatever its conjuncts are
#: an evidence phrase ending in a generic head may stand for an ellipsis (coordination.py)
_GENERIC_TAILS = tuple(" " + h for h in sorted(GENERIC_HEADS))


def _split_entries(entries) -> list[tuple]:
    """Per automaton key, what the scan loop needs, pre-sorted: (form length, the
    candidate when it needs no spelling guard else None, all candidates, context-cue
    families, None or the packed duty families with their sets, unpacked here once)."""
    out = []
    for form_len, cands, fams in entries:
        first = cands[0] if cands and cands[0][2] is None else None
        ctx = tuple(f for f in fams if f[0] != "D")
        packed = next((f for f in fams if f[0] == "D"), None)
        duty = (packed, unpack_cue(packed)) if packed is not None else None
        out.append((form_len, first, cands, ctx, duty))
    return out


@lru_cache(maxsize=1)
def _data_key() -> str:
    """What the cue, duty-pattern and evidence-phrase expansions are made from: the rules
    (``rules_sha``, read once at import) and the inflection dictionary's version. It names
    them in the vocabulary cache key, so a cached start reads no inflections."""
    import hashlib
    from importlib import metadata

    h = hashlib.sha256(_RULES_SHA.encode())
    try:
        h.update(metadata.version("lemminflect").encode())
    except metadata.PackageNotFoundError:
        pass
    return h.hexdigest()[:24]


def _all_cues() -> dict[str, tuple[str, ...]]:
    """Context cues and duty-pattern cues, merged (one automaton carries both). A
    phrase's duty families travel packed in one family ("Ddv3|do7"), so a hit costs
    one entry however many patterns share the word."""
    merged = {k: set(v) for k, v in cue_phrases().items()}
    for k, v in duty_cues().items():
        merged.setdefault(k, set()).add("D" + "|".join(sorted(v)))
    return {k: tuple(sorted(v)) for k, v in merged.items()}


def _source_of(item: Input) -> str:
    if isinstance(item, Document):
        return item.source
    if isinstance(item, (Posting, Resume)):
        return item.document.source
    return "<text>"
