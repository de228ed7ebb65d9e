"""Duties and paraphrases: evidence of a skill that never names it.

A résumé says "Led a team of 5" and "Answered comments and inbox messages"; a recruiter
reads team leadership and social inbox management. Two data files carry that reading:

- ``data/evidence_phrases.yaml``: wordings that show a builtin skill ("strong
  communicator", "mentored"). They join the builtin taxonomy's surface forms in the
  extraction automaton (with their inflections), so they cost nothing extra per document.
- ``data/duty_patterns.yaml``: a verb and its object within one clause ("managed ...
  team", "created ... content"). Verbs, objects and context words ride in the same
  automaton as context cues (families ``dv``/``do``/``dc`` with the pattern's number);
  :func:`find_duties` pairs them per sentence, after the one scan. A number next to the
  object (team size, growth) is kept with the mention as its ``quantity``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

import yaml

from ..yamlio import SafeLoader
from ..errors.extraction_codes import E020, E021, E022
from .morphology import form_variants, hyphen_led, is_noun, is_past_verb, noun_forms, verb_forms
from .normal_form import normalise_form

__all__ = [
    "DutyHit",
    "DutyPattern",
    "duty_cues",
    "duty_patterns",
    "evidence_forms",
    "find_duties",
    "unpack_cue",
]

#: words between verb and object may not cross these (a new clause starts); a dash
#: between two numbers is a range, not a break ("mentored approximately 12 - 25 ...
#: staff")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|(?<!\d)\s[-\u2013]\s|\s[-\u2013]\s(?!\d)|\s\u2014\s")
#: a character every clause break holds: one class test, cheaper than the alternation's
#: lookbehinds at every offset, passes most verb-object gaps ("a team of") over
_BREAK_CHARS = re.compile(r"[;:()\[\]\-\u2013\u2014]")
#: a closed aside between a verb and its object is no clause of its own
_ASIDE = re.compile(r"\([^()\n]{1,60}\)")
#: participles that make the object a modifier: "Oversee staff related issues" (but
#: "trends related to" keeps the duty)
_COMPOUND_PARTICIPLES = frozenset("related oriented specific facing".split())
#: right after the verb, a word that makes it no duty: "Built for athletes", "leading to
#: numerous promotions", "managed by", "procedures established in the department" (but
#: not "Conducted in-person trainings"); "advising on customer targeting", "trained on
#: Salesforce" take a topic, not an object; "Served as key contributing member" names a
#: role
_PASSIVE = re.compile(r"\s+(?:(?:for|by|to|on|about|as)\b|in\b(?![-\u2010]))", re.IGNORECASE)
#: a form of "be" before a participle makes it passive: "I was hired into this position"
_BE = frozenset("was were been being be is are am".split())
#: "team building activities", "relationship building": a compound noun, not the verb
_BUILDING_COMPOUNDS = frozenset(
    "team relationship relationships capacity consensus community brand audience list link "
    "links muscle skill skills confidence character".split()
)
#: "technical lead staff member", "Team Lead": after these words "lead" names a role
_ROLE_BEFORE_LEAD = frozenset(
    "technical tech team project design creative program product engineering content "
    "marketing sales account senior junior shift qa ux ui".split()
)
#: between a verb and an object, a preposition that makes the object its own: "led
#: teams within communications and marketing agencies", "managing multiple projects across
#: teams" (except where working across functions is the skill itself: "Work closely with
#: partners across Product, Finance and Engineering"); after "for" stands whom the work
#: serves, not what is worked on: "managed payroll for over 500 employees", "producing food
#: for banquets", "Managed a variety of special projects for the Department"
#: a noun after one of these is the preposition's, not the verb's: "teams within ...
#: agencies", "Scheduled appointments on behalf of staff members"; after "by" stands the
#: agent of a passive: "manages Requisitions and POs requested by Procurement team" ("at"
#: and "as" were tried: "work well as a team member", "manage presence at conferences" are
#: duties)
_OBJECT_OF_PREPOSITION = re.compile(r"\b(?:within|for|behalf\s+of|by(?![\s-]+side\b))\b",
                                    re.IGNORECASE)
_ACROSS = re.compile(r"\b(?:across|among|amongst)\b", re.IGNORECASE)
_ACROSS_IS_THE_SKILL = frozenset({"cross-functional-collaboration"})
#: for the people a manager leads, "with" also marks whom the work is done with, not who
#: is led: "Manage relationships with our agencies and freelance designers"
_WITH = re.compile(r"\bwith\b", re.IGNORECASE)
#: what is directed "to" someone is routed to them, whatever it is ("directed
#: individuals/calls to staff"): the people after "to" are not led
_TO = re.compile(r"(?:^|\s)to\s", re.IGNORECASE)
_LEADS_PEOPLE = frozenset({"people-management", "team-leadership"})
#: a list of short items ("Drafting, fast, floor plans, Graphic"): a verb that is an
#: item itself, then two commas and no conjunction before the object, are separate items
#: ("Wrote, designed and produced weekly marketing material" keeps its duty)
#: a word joined by "and" (a second verb, when it is one in the past tense)
_SECOND_VERB = re.compile(r"\s(?:and|&)\s+([A-Za-z]+)\b")
_COORDINATED = re.compile(r"\b(?:and|or)\b|&", re.IGNORECASE)
#: before the verb, the employer's own intention, not a duty of the hire: a posting's
#: "is searching to hire a Social Media Coordinator", "we are looking to grow"
_INTENTION = re.compile(r"\b(?:looking|searching|seeking|hoping|wanting|aiming)\s+to\s+$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9][\w'&+.#-]*")
#: a verb right after one of these is a noun ("new hires", "the leads", "our design")
_NOUN_MARKERS = frozenset(
    "a an the new our their his her its my your all these those this each every any "
    "various several multiple numerous".split()
)
_PREV_WORD = re.compile(r"([A-Za-z]+)[ \t]+$")
#: a verb's bare form after a preposition is a noun: "test stability in head units", "a
#: focus on lead quality" (a gerund is still the verb: "experience in leading teams")
_PREPOSITIONS = frozenset("in on of for at from into onto by within".split())
#: the employer promising something: "We will provide the training", "In return, WCJ will
#: provide the tools" (not "You will provide training to new hires")
_EMPLOYER_WILL = re.compile(r"(?:\b([A-Za-z]+)[ \t]+)?(?:\b[Ww]e|\b[A-Z]{2,}|\b[Cc]ompany|\bour team)"
                            r"[ \t]+will[ \t]+(?:also[ \t]+)?$")
#: ...unless an article makes the capitals a role: "A BCBA will also oversee ..."
_ROLE_ARTICLES = frozenset({"a", "an", "the", "each", "every", "your", "this"})
#: a role's dates right before "Present": "05/2015 to Present", "2012 - Present", "Jan
#: 2019 – present"
_DATE_BEFORE = re.compile(r"\d[ \t]*(?:(?:to|until|till|through|thru)[ \t]+|[-\u2013\u2014][ \t]*)?$",
                          re.IGNORECASE)
_PREV_WORD_HYPHEN = re.compile(r"([A-Za-z]+)$")
_LIST_NEXT = re.compile(r"\s*(?:,|and\b|or\b|&)", re.IGNORECASE)
#: past participles that, right before their object, are adjectives ("written
#: documentation"); base forms in -en ("strengthen relationships") are verbs
_PARTICIPLES = frozenset(
    "written driven given chosen taken spoken proven broken hidden grown shown known drawn "
    "begun forgotten".split()
)
#: verbs that, right before their object, are the first noun of a compound: "target
#: audience", "target segments" (but "target key audiences" is the duty)
_NOUN_MODIFIERS = frozenset({"target"})
#: a verb that opens its sentence and whose object the sentence's own verb follows is a
#: participle or an adjective in the subject, not a duty: "Hired contract/temporary
#: professionals are also eligible to enroll", "Managed services teams are on call"
_SUBJECT_VERB_AFTER = re.compile(r"[ \t]+(?:are|is|were|was|will\s+be|have\s+been|has\s+been)\b")
_BULLETS = " \t-*\u2022\u00b7\u25cf\u25aa"
#: the word right after an object on the same line ("department equipment")
_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z'-]*)\b")
#: words that may follow an object without making it a modifier of a compound noun:
#: function words, a few adjectives that open a post-modifier ("a team responsible
#: for") and heads that keep the duty ("social media programs"). Any other lower-case
#: word after the object is the head of a compound
#: ("department equipment", "employee rewards programs", "audience clusters",
#: "program implementation"), and the duty is about that head, not the object.
_OBJECT_FOLLOWERS = frozenset(
    "of in on at for with across from by to into through throughout within over under "
    "between among around during via per including like toward towards against about "
    "after before while whilst beyond outside inside upon alongside despite "
    "and or but nor so yet as than that which who whom whose where when whereby "
    "a an the this these those their his her its our my your each every all both some "
    "many several more most other such any no "
    "is are was were be been being has have had will would can could should may might "
    "must do does did not also "
    "etc responsible dedicated comprised composed accountable tasked members member "
    # amounts after the object: "budgets up to $100,000", "a budget exceeding $2M"
    "up totaling totalling worth exceeding ranging averaging "
    # places: "lead virtual website team overseas"
    "overseas abroad worldwide nationwide statewide offshore onsite".split()
) | frozenset(
    # heads that keep the duty's meaning: "managed social media programs", "oversaw
    # budget plans", "designed training courses", "built partner relationships"
    "program programs programme programmes plan plans calendar calendars strategy "
    "strategies class classes course courses session sessions curriculum manuals "
    "materials scripts relationships relationship activities operations efforts "
    "initiatives campaigns campaign content accounts pages channels presence staff "
    "representatives team teams projects".split()
)
_NUMBER = re.compile(
    r"(?<![\w$.])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(%|percent)?"
    r"|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                 "hundred": 100}


@dataclass(frozen=True, slots=True)
class DutyPattern:
    """One verb-object pattern from the data file."""

    index: int
    skills: tuple[str, ...]
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    context: tuple[str, ...] = ()
    gap: int = 6
    quantity: str | None = None
    #: words that, right before the object, make it something else: "A/B tests" are
    #: experiments, "customer accounts" are not social media accounts, "batch scripts" are
    #: code, not a film's
    not_after: re.Pattern[str] | None = None


def _not_after(words: Sequence[str]) -> re.Pattern[str] | None:
    """One regular expression for any of ``words`` (as written, any case) standing as whole
    words right before an object: it matches at the end of the text it is run on."""
    if not words:
        return None
    alts = "|".join(re.escape(str(w).strip().lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})[ \t]+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DutyHit:
    """A verb-object pair found in a document: the span from the verb to the object,
    the skills it evidences and the number found beside the object, if any."""

    start: int
    end: int
    skills: tuple[str, ...]
    quantity: float | None = None
    quantity_kind: str | None = None


class _StrictLoader(SafeLoader):  # type: ignore[misc,valid-type]
    """YAML's safe loader (libyaml's where PyYAML has it, see :mod:`skillmix.yamlio`),
    except that a key written twice in one mapping is an error: plain YAML keeps the last
    one, so a second ``web-development:`` entry would silently drop every phrase of the
    first."""


def _mapping_without_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} is written twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def strict_yaml(text: str) -> Any:
    """YAML's safe loader, refusing a key written twice in one mapping."""
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


def load_data(name: str) -> dict:
    """One of the extractor's data files, read strictly (no key written twice)."""
    try:
        raw = strict_yaml((resources.files("skillmix.extract") / "data" / name).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise E020(f"cannot read the extractor's {name} ({err}).") from None
    if not isinstance(raw, dict):
        raise E021(f"{name} must be a mapping.")
    return raw


@lru_cache(maxsize=1)
def duty_patterns() -> tuple[DutyPattern, ...]:
    """The verb-object patterns of ``data/duty_patterns.yaml``."""
    out = []
    for i, row in enumerate(load_data("duty_patterns.yaml").get("patterns") or []):
        try:
            out.append(DutyPattern(
                index=i, skills=tuple(row["skills"]),
                verbs=tuple(normalise_form(v) for v in row["verbs"]),
                objects=tuple(normalise_form(o) for o in row["objects"]),
                context=tuple(normalise_form(c) for c in row.get("context") or ()),
                gap=int(row.get("gap", 6)), quantity=row.get("quantity"),
                not_after=_not_after(row.get("not_after") or ()),
            ))
        except (KeyError, TypeError, ValueError) as err:
            raise E022(
                f"duty pattern {i} is malformed ({type(err).__name__}: {err})."
            ) from None
    return tuple(out)


def _verb_phrase_forms(phrase: str) -> set[str]:
    words = phrase.split(" ")
    return {" ".join([f, *words[1:]]) for f in verb_forms(words[0])}


def _noun_phrase_forms(phrase: str) -> set[str]:
    words = phrase.split(" ")
    return {" ".join([*words[:-1], f]) for f in noun_forms(words[-1])} | {phrase}


@lru_cache(maxsize=1)
def duty_cues() -> dict[str, tuple[str, ...]]:
    """Normalised phrase -> cue families (``dv12``, ``do12``, ``dc12``) for the
    automaton: every inflection of each pattern's verbs, objects and context words."""
    cues: dict[str, set[str]] = {}
    for p in duty_patterns():
        for v in p.verbs:
            for f in _verb_phrase_forms(v):
                cues.setdefault(f, set()).add(f"dv{p.index}")
        for o in p.objects:
            for f in _noun_phrase_forms(o):
                cues.setdefault(f, set()).add(f"do{p.index}")
        for c in p.context:
            for f in _noun_phrase_forms(c):
                cues.setdefault(f, set()).add(f"dc{p.index}")
    return {k: tuple(sorted(v)) for k, v in cues.items() if k}


@lru_cache(maxsize=1)
def evidence_forms() -> dict[str, tuple[str, ...]]:
    """Builtin skill id -> the normalised evidence phrases (with inflections) that show
    it, from ``data/evidence_phrases.yaml``."""
    out: dict[str, tuple[str, ...]] = {}
    for sid, row in (load_data("evidence_phrases.yaml").get("skills") or {}).items():
        forms: list[str] = []
        for phrase in (row or {}).get("phrases") or ():
            norm = normalise_form(str(phrase))
            if norm and norm not in forms:
                forms.append(norm)
                if " " not in norm:
                    continue  # one word stands as written ("presentations" is not "presentation")
                for v in form_variants(norm, verb_led=not hyphen_led(str(phrase))):
                    if v not in forms:
                        forms.append(v)
        for verb in (row or {}).get("verbs") or ():
            for f in verb_forms(normalise_form(str(verb))):
                if f not in forms:
                    forms.append(f)
        out[str(sid)] = tuple(forms)
    return out


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b)) if b > a else 0


def _quantity(text: str, start: int, end: int, sent_end: int) -> float | None:
    """A number standing just before the object phrase ("a team of 5 ..." reads from
    the verb) or just after it ("team of ten", "followers by 40%")."""
    after = text[end:min(sent_end, end + 24)]
    m = re.match(r"\s*(?:of|by|to|from|with)?\s*(?:about|approximately|over|more than|nearly|"
                 r"up to)?\s*", after, re.IGNORECASE)
    tail = after[m.end():] if m else after
    n = _NUMBER.match(tail)
    if n is None:
        inner = text[start:end]
        n = _NUMBER.search(inner)
        if n is None:
            return None
    if n.group(1):
        try:
            return float(n.group(1).replace(",", ""))
        except ValueError:
            return None
    return float(_NUMBER_WORDS[n.group(3).lower()])


#: a duty cue's patterns: as verb, as object, as context word, and all of them; then the
#: same verb, object and all sets as bit masks (bit i: pattern i), for the document-wide
#: unions and the first test of every cue, where one integer operation beats a set's
_Packed = tuple[frozenset[int], frozenset[int], frozenset[int], frozenset[int], int, int, int]
_PACKED: dict[str, _Packed] = {}


def unpack_cue(packed: str) -> _Packed:
    """"Ddv3|do7|dc7" -> verb patterns {3}, object patterns {7}, context patterns {7}
    and their union {3, 7}, then the verb, object and union sets as bit masks (0b1000,
    0b10000000, 0b10001000). Sets, so that a cue's patterns that matter in a document are
    one intersection away (a common verb such as "develop" sits in a dozen patterns);
    masks, so that a cue with none of them is passed over with one integer test. The extractor
    unpacks each automaton entry once, when it is built, not once per hit."""
    hit = _PACKED.get(packed)
    if hit is None:
        fams = [(f[1], int(f[2:])) for f in packed[1:].split("|") if f]
        hit = (frozenset(i for k, i in fams if k == "v"),
               frozenset(i for k, i in fams if k == "o"),
               frozenset(i for k, i in fams if k == "c"),
               frozenset(i for _, i in fams),
               sum(1 << i for i in {i for k, i in fams if k == "v"}),
               sum(1 << i for i in {i for k, i in fams if k == "o"}),
               sum(1 << i for i in {i for _, i in fams}))
        _PACKED[packed] = hit
    return hit


#: prefixes that keep a verb a verb: "re-allocating", "co-led", "cross-trained"
_VERB_PREFIXES = frozenset("re co pre de un mis out over under cross self multi non sub inter up".split())


def _compound_head(text: str, hyphen: int) -> bool:
    """Whether the word before a hyphen makes the next word part of a compound
    adjective ("data-driven", "results-oriented") rather than a prefixed verb."""
    m = _PREV_WORD_HYPHEN.search(text, max(0, hyphen - 20), hyphen)
    return m is not None and m.group(1).lower() not in _VERB_PREFIXES


#: singular nouns that name a group of people: an -ing form before them is still the
#: verb ("Hiring staff for the new store", "training personnel")
_COLLECTIVE_OBJECTS = frozenset({"staff", "personnel", "workforce"})
#: words after which an -ed form still opens the writer's own clause ("Scheduled and led
#: meetings", "also assigned tasks", "who assigned tasks")
_CLAUSE_OPENERS = frozenset("and or & also then i we who which that".split())


#: what a "demonstrated" before it is the proof of, not a demonstration
_PROVEN = frozenset({"capability", "capabilities", "ability", "abilities"})


def _adjectival(text: str, v_start: int, v_end: int, o_start: int, o_end: int) -> bool:
    """Whether a verb form right before its object modifies it instead: a past
    participle ("written documentation"; "Complete assigned tasks", "other assigned
    duties": an -ed form that does not open the clause) or an -ing form before a
    singular noun ("leading agency", "managing editor", "growing relationship")."""
    low = text[v_start:v_end].lower()
    if low in _PARTICIPLES:
        return True
    if low == "demonstrated" and text[o_start:o_end].lower() in _PROVEN:
        return True  # "Demonstrated capability in Word, Excel": proven, not shown to anyone
    if low.endswith("ed") and not text[v_start].isupper():  # "Manager Directed staff": glued lines
        prev = _PREV_WORD.search(text, max(0, v_start - 20), v_start)
        if prev is None:
            return False  # the clause's first word: "Assigned tasks to five staff"
        word = prev.group(1).lower()
        return word not in _CLAUSE_OPENERS and (not word.endswith("ly") or word == "newly")
    obj = text[o_start:o_end].lower()
    return low.endswith("ing") and not obj.endswith("s") and obj not in _COLLECTIVE_OBJECTS


#: what a receptionist directs: "direct calls to appropriate staff", "directing them to
#: appropriate Departments"
_ROUTED = re.compile(
    r"\s+(?:all\s+|incoming\s+|the\s+)?(?:calls|phone\s+calls|callers|them|him|her|customers|"
    r"clients|visitors|guests|patients|inquiries|enquiries|traffic|questions|mail|"
    r"correspondence|people)\b", re.IGNORECASE)


#: "direct" right before these is the adjective of a sales channel: "Direct Sales
#: Representative" (a job title), "direct mail campaigns", not "direct (the) sales staff"
#: ... or the frontline of a service: "Direct service employees are members of the local
#: SEIU", "direct care staff", "Direct Support Professional"
_DIRECT_CHANNEL = re.compile(r"[ \t]+(?:sales|mail|mailing|mailings|selling|response|services?|"
                             r"care|support)\b", re.IGNORECASE)


#: before "hiring", the employer announcing its opening: "We are / We're / now hiring"
_EMPLOYER_HIRING = frozenset("are is re currently now actively".split())
#: before "recruiting", a third party's present tense: "Swanstaff are currently recruiting"
_EMPLOYER_RECRUITING = re.compile(r"\b(?:are|is|re)[ \t]+(?:(?:currently|now|actively|also)[ \t]+)?$",
                                  re.IGNORECASE)
#: -ed forms that, after "of", say what the people or things are, not what is done to
#: them: "supervision of trained staff", "completion of assigned tasks" (not "creation of
#: automated tests", which is the testing)
_STATE_PARTICIPLES = frozenset({"trained", "assigned", "qualified", "certified", "licensed"})
#: after "hiring", a role: "our recruiting team, hiring managers and a formal interview"
_HIRING_ROLE = re.compile(r"[ \t]+(?:managers?|teams?(?![ \t]+members?\b)|committees?|panels?)\b",
                          re.IGNORECASE)
#: after "lead", the noun of a sales lead: "lead nurturing", "lead capture", "lead scoring"
_SALES_LEAD = re.compile(r"[ \t]+(?:nurtur\w*|capture|generation|gen|scoring|qualification|"
                         r"lists?|sources?|management|conversion)\b", re.IGNORECASE)


def _verb_reads_as_duty(text: str, v_start: int, v_end: int) -> bool:
    """Whether a verb cue is used as a verb of the candidate's own duty (not a noun, a
    role, a compound adjective, a passive or the employer's aim)."""
    if v_start and text[v_start - 1] in "-\u2010\u2011" and _compound_head(text, v_start - 1):
        return False  # "data-driven marketing": a compound adjective, not the verb
    verb = text[v_start:v_end].lower()
    prev = _PREV_WORD.search(text, max(0, v_start - 14), v_start)
    if prev is not None:
        word = prev.group(1).lower()
        if word in _NOUN_MARKERS:
            return False  # "training to new hires": a noun, not the verb
        if word in _PREPOSITIONS and not verb.split(None, 1)[0].endswith(("ing", "ed", "s")):
            return False  # "stability in head units": a noun (see _PREPOSITIONS)
        if word == "of" and verb in _STATE_PARTICIPLES:
            return False  # "clinical supervision of trained staff": a participle, qualified staff
        if word in _ROLE_BEFORE_LEAD and verb == "lead":
            return False  # "technical lead staff member": a role
        if word in _BE and verb.endswith("ed"):
            return False  # "I was hired into this position": done to the writer
        if verb == "building" and word in _BUILDING_COMPOUNDS:
            return False  # "team building activities": a noun, not building anything
    if verb == "leads" and _LIST_NEXT.match(text, v_end):
        return False  # "Support all management, leads and sales team": people
    if _PASSIVE.match(text, v_end):
        return False  # "Built for athletes and teams": not a duty
    if verb.startswith("direct") and _ROUTED.match(text, v_end):
        return False  # "direct calls to appropriate staff": routing, not leading
    if verb == "hiring" and (
            prev is not None and prev.group(1).lower() in _EMPLOYER_HIRING
            or _HIRING_ROLE.match(text, v_end)):
        return False  # "We are hiring a ...": the employer; "hiring managers": a role
    if verb == "recruiting" and _EMPLOYER_RECRUITING.search(text, max(0, v_start - 30), v_start):
        # "Swanstaff are currently recruiting Support Workers": the employer or its agency
        # (not the writer's "Currently recruiting and onboarding new hires", "I am recruiting")
        return False
    if verb == "lead" and _SALES_LEAD.match(text, v_end):
        return False  # "lead capture and lead nurturing, onboarding": sales leads
    if verb == "direct" and _DIRECT_CHANNEL.match(text, v_end):
        return False  # "Direct Sales Representative": a channel, not the verb
    if text.endswith("to ", max(0, v_start - 3), v_start) \
            and _INTENTION.search(text, max(0, v_start - 16), v_start):
        return False  # "searching to hire a ... Coordinator": the employer's aim
    # (the pattern ends in "will" and blanks: a substring test first, as most verbs have none)
    employer = _EMPLOYER_WILL.search(text, max(0, v_start - 36), v_start) \
        if text.find("will", max(0, v_start - 36), v_start) >= 0 else None
    if employer is not None and (employer.group(1) or "").lower() not in _ROLE_ARTICLES:
        return False  # "In return, WCJ will provide the training": the employer's promise
    if verb == "present" and _DATE_BEFORE.search(text, max(0, v_start - 24), v_start):
        return False  # "2015 to Present Plans and organizes events": a date
    return True


def _object_of(text: str, v_start: int, v_end: int, o_start: int, o_end: int, gap: int,
               across: bool = False, people: bool = False) -> bool:
    """Whether an object cue after a verb is that verb's object: same clause, within
    ``gap`` words, not an item of a keyword list and not a modifier of a compound."""
    between = text[v_end:o_start]
    if "(" in between:  # "leading the SkillRamp (formerly ExecuTrain) sales team"
        between = _ASIDE.sub(" ", between)
    if _BREAK_CHARS.search(between) and _CLAUSE_BREAK.search(between) or "\n\n" in between:
        return False
    if _OBJECT_OF_PREPOSITION.search(between) or (not across and _ACROSS.search(between)) \
            or (people and _WITH.search(between)):
        return False  # "teams within ... agencies": the object is the teams
    if _TO.search(between) and text[v_start:v_end].lower().startswith("direct"):
        return False  # "Direct general inquiries to appropriate ... departments": routing
    if between[:1] == "," and between.count(",") >= 2 \
            and not _COORDINATED.search(between):
        return False  # items of a keyword list
    words = _words_between(text, v_end, o_start)
    if words > gap:
        return False
    if people:
        for second in _SECOND_VERB.finditer(between):
            before = _WORD.findall(between, 0, second.start())
            if is_past_verb(second.group(1)) and between[second.end():].strip() and before \
                    and is_noun(before[-1]):
                # "Managed building access and supplied key cards to employees": the
                # people are the second verb's. Not after a verb or an adjective: "Managed,
                # trained and supervised staff" is one chain, "Managed a talented and
                # committed group of employees" one object
                return False
    if words == 0 and between.strip() == ",":
        return False  # "Monitor, review and report": a series of verbs, no object
    if text[o_start:o_end].lower() == "lead" and text[o_start - 4:o_start].lower() in ("and ", " or ", " to "):
        return False  # "develop complex solutions and lead initiatives": a second verb
    if words == 0 and _adjectival(text, v_start, v_end, o_start, o_end):
        return False  # "leading agency", "written documentation": an adjective
    if words == 0 and text[v_start:v_end].lower() in _NOUN_MODIFIERS:
        return False  # "expand visibility among target audiences": a compound noun
    if text[o_end:o_end + 1] == "-" and text[o_end + 1:o_end + 2].isalpha():
        return False  # "demonstrating professionalism and solution-oriented": an adjective
    if text[o_end:o_end + 1] in ("'", "\u2019") and (
            text[o_end - 1:o_end] == "s" or text[o_end + 1:o_end + 2] == "s"):
        return False  # "Manage and maintain executives' schedules": a possessive modifier
    nxt = _NEXT_WORD.match(text, o_end)
    if nxt is not None:
        w = nxt.group(1)
        if (w in _COMPOUND_PARTICIPLES
                and not text.startswith(" to", nxt.end())) or (
                w not in _OBJECT_FOLLOWERS and not w.endswith(("ly", "ing", "ed"))):
            return False  # "manage ... department equipment": a compound's modifier
    return True


def find_duties(
    text: str,
    cues: Sequence[tuple[int, int, tuple[str, _Packed]]],
    sentence_starts: Sequence[int],
) -> list[DutyHit]:
    """Verb-object pairs in ``text``. ``cues`` are the automaton's duty cues in text
    order, as (start, end, (packed families, :func:`unpack_cue` of them));
    ``sentence_starts`` are the sentences' start offsets in text order (the first is 0)."""
    patterns = duty_patterns()
    verbs_in = objects_in = 0
    for cue in cues:
        sets = cue[2][1]
        verbs_in |= sets[4]
        objects_in |= sets[5]
    active_mask = verbs_in & objects_in
    if not active_mask:
        return []
    active = set()
    rest = active_mask
    while rest:  # the set bits, lowest first (a few patterns a document)
        low = rest & -rest
        active.add(low.bit_length() - 1)
        rest ^= low
    # (sentence index, pattern) -> verbs, objects; and which sentences hold context words
    verbs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    objects: dict[tuple[int, int], list[tuple[int, int]]] = {}
    context: set[tuple[int, int]] = set()
    # cues come in text order and an object always follows its verb, so an object
    # counts only for patterns whose verb this sentence has already shown
    si = -1
    seen: set[int] = set()
    n_sent = len(sentence_starts)
    next_start = -1  # where the sentence after ``si`` starts: a cue before it is in ``si``
    for c_start, c_end, (_, (vset, oset, cset, _, _, _, any_mask)) in cues:
        if not any_mask & active_mask:
            continue  # most cues: none of their patterns has both a verb and an object here
        if c_start >= next_start:
            now = bisect_right(sentence_starts, c_start) - 1
            next_start = sentence_starts[now + 1] if now + 1 < n_sent else len(text) + 1
            if now != si:
                si, seen = now, set()
        span = (c_start, c_end)
        # (``seen`` holds active patterns only, so ``oset & seen`` is in play already)
        if oset and seen:
            for idx in oset & seen:
                objects.setdefault((si, idx), []).append(span)
        if vset:
            v_idx = vset & active
            for idx in v_idx:
                verbs.setdefault((si, idx), []).append(span)
            seen |= v_idx
        if cset:
            for idx in cset & active:
                context.add((si, idx))
    hits: list[DutyHit] = []
    for key, vs in verbs.items():
        os_ = objects.get(key)
        if not os_:
            continue
        si, idx = key
        p = patterns[idx]
        if p.context and key not in context:
            continue
        best: tuple[int, int] | None = None
        across = not _ACROSS_IS_THE_SKILL.isdisjoint(p.skills)
        people = not _LEADS_PEOPLE.isdisjoint(p.skills)
        # a cheap bound before the word checks: 24 characters a word between verb and
        # object (an object further away is not read, however long its words)
        reach = 24 * (p.gap + 1)
        for v_start, v_end in vs:
            near = [o for o in os_ if v_end <= o[0] <= v_end + reach]
            if not near:
                continue  # no object after this verb: skip the checks below
            if not _verb_reads_as_duty(text, v_start, v_end):
                continue
            for o_start, o_end in near:
                if not _object_of(text, v_start, v_end, o_start, o_end, p.gap, across=across,
                                  people=people):
                    continue
                if p.not_after is not None \
                        and p.not_after.search(text, max(0, o_start - 24), o_start):
                    continue
                if _SUBJECT_VERB_AFTER.match(text, o_end) \
                        and not text[sentence_starts[si]:v_start].strip(_BULLETS):
                    continue  # "Hired contract professionals are also eligible": a subject

                if best is None or (o_end - v_start) < (best[1] - best[0]):
                    best = (v_start, o_end)
        if best is None:
            continue
        s_end = sentence_starts[si + 1] if si + 1 < n_sent else len(text)
        qty = _quantity(text, best[0], best[1], s_end) if p.quantity else None
        hits.append(DutyHit(best[0], best[1], p.skills, qty, p.quantity if qty is not None else None))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits
