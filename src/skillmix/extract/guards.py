"""Precision guards: hits that only look like skills.

Lexical matching credits any word that spells a skill's name, but "Betsy Bash" is a
company, "Mac OS X" is an operating system, "threads of email" are not Threads and
"Go/No-Go" is not the Go language. The guards here decide, after the scan, which hits
stand:

- **ambiguous short forms** (``data/guarded_forms.yaml``) need supporting words in the
  same sentence (or, in a list of same-area skills, anywhere in the document), and fail
  on words that show another meaning right before or after them;
- **names**: an ambiguous form glued to a capitalized neighbour that is no skill
  itself ("Betsy Bash", "Spark Networks") is part of a name;
- **the document's own organisation** (a posting's company, when the reader knows it):
  hits inside its name never count;
- **line breaks**: a phrase never runs from one line into a line that starts with a
  capital letter (a new heading or list item: "Minor in Marketing" / "Communication
  Club"); a line wrapped mid-sentence, which goes on in lower case, still joins, and so
  does a PDF's wrap inside the last item of a comma list ("Budgeting, Social" / "Media
  Marketing, Vendor Relations");
- **slashes**: two words joined by a slash are alternatives, not a phrase
  ("content/marketing calendars" are content and marketing calendars, not content
  marketing), unless a skill's own name is written with that slash ("reach/frequency");
  short forms with a slash ("A/B", "UI/UX") are untouched;
- **departments**: a function named in a list of the functions the writer works across
  ("with sales, account management, customer support, and other stakeholders") is a
  department, not a skill (``departments.py``);
- **addresses**: a name inside an e-mail address or a web address ("jane@x.com",
  "https://medium.com/@jane", "www.acme.com/social-media-marketing") is part of the
  address, not a claim of the skill; a name that is itself a domain ("Salesforce.com")
  still counts on its own. A name that labels an address ("LinkedIn: linkedin.com/in/jane",
  "Twitter: @jane") is a contact line;
- **registered names**: a capitalised hit that a company's legal form follows within a few
  capitalised words ("PRIVACY DATA SYSTEMS, LLC", "Spark Social Inc.") is part of the name;
- **colleagues**: a role in the plural ("Project Managers", "UX/UI designers") names the
  people the writer works with, not the writer's skill, unless the sentence is hiring them;
- **fields of study**: a skill in the list a degree asks for ("Bachelor's degree in
  communications, marketing, journalism, or a related field") is a subject (the readers
  credit no field of study); "a high degree of proficiency in Photoshop" and a
  certification in tools are not such lists;
- **industries**: a trade named as an industry or sector ("experience in the advertising
  industry") is a domain, not the skill.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

import yaml

from ..errors.extraction_codes import E023
from .departments import DEPARTMENTS, in_department_list, names_a_partner
from .normal_form import normalise_form

__all__ = ["FormGuard", "crosses_line", "form_guards", "guard_hits", "parse_form_guards"]

_NEW_LINE_ITEM = re.compile(r"\n[ \t\u2022\u25aa\u25cf\u25e6*>-]*[A-Z0-9]")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w&.'-]*)[ \t]*$")
_WORD_AFTER = re.compile(r"^[ \t]*([A-Za-z][\w&.'-]*)")
_ALTERNATION = re.compile(r"[A-Za-z]{3}/[A-Za-z]{3}")
#: what makes a token an address: an e-mail's "@", a scheme, "www." or a common top-level
#: domain with a path ("instagram.com/acme"; not "node.js/javascript", a list, nor
#: "APIs.Experience/knowledge", glued sentences)
_ADDRESS = re.compile(r"@|://|^(?:www|WWW)\.|\.(?:com|net|org|edu|gov|co|io|me|ly|uk|us|ca|de|fr|"
                      r"au|in|app|ai|tv|biz|info)/")
#: a registered name goes on after the hit: "PRIVACY DATA SYSTEMS, LLC", "Acme Social Inc."
_LEGAL_NAME_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][\w&'.-]*){0,4},?[ \t]+(?:LLC|L\.L\.C\.|Inc\b\.?|INC\b\.?|Ltd\b\.?|LTD\b\.?|"
    r"Limited|Corp\b\.?|Corporation|GmbH|PLC|plc|LLP)")
#: a contact label: "LinkedIn: www.linkedin.com/in/jane", "Twitter: @jane"
_CONTACT_LABEL = re.compile(r"[ \t]?:[ \t]*(?:@\w|https?://|www\.|[\w.-]+\.[A-Za-z]{2,}/)")
_TOKEN_STOP = frozenset(" \t\n\r()<>[]{}\"',;|")


def in_address(text: str, start: int, end: int) -> bool:
    """Whether the hit ``text[start:end]`` is part of an e-mail or web address: the run of
    non-space characters around it is longer than the hit and looks like an address."""
    a = start
    while a > 0 and text[a - 1] not in _TOKEN_STOP:
        a -= 1
    b = end
    while b < len(text) and text[b] not in _TOKEN_STOP:
        b += 1
    return (a < start or b > end) and _ADDRESS.search(text[a:b]) is not None


@dataclass(frozen=True, slots=True)
class FormGuard:
    """What an ambiguous form needs to count."""

    skill_id: str
    form: str
    support: tuple[str, ...]
    deny_before: tuple[str, ...] = ()
    deny_after: tuple[str, ...] = ()
    #: whether a capitalized hit glued to a capitalized word that is no skill reads as a
    #: name ("Betsy Bash"); off for an everyday word guarded only against one sense
    #: ("Corporate Trainer", "Digital Advertising", "Privacy Act" keep theirs)
    names: bool = True
    #: whether the form written as a name, every word capitalized, passes unguarded: the
    #: tool "Constant Contact", where "constant contact with clients" is being in touch
    name_passes: bool = False


@lru_cache(maxsize=1)
def slash_forms() -> frozenset[str]:
    """Normalised builtin names and evidence phrases that are written with a slash
    between words ("reach/frequency"): a hit on one of these is a name, not a list."""
    from ..taxonomy import load_taxonomy
    from .duties import load_data

    raw: list[str] = []
    for skill in load_taxonomy("builtin"):
        raw.extend(a for a in (skill.label, *skill.aliases) if "/" in a)
    for row in (load_data("evidence_phrases.yaml").get("skills") or {}).values():
        raw.extend(str(p) for p in (row or {}).get("phrases") or () if "/" in str(p))
    return frozenset(normalise_form(a) for a in raw)


@lru_cache(maxsize=1)
def form_guards() -> dict[tuple[str, str], FormGuard]:
    """(skill id, normalised form) -> its guard, from ``data/guarded_forms.yaml``."""
    try:
        text = (resources.files("skillmix.extract") / "data" / "guarded_forms.yaml").read_text("utf-8")
    except OSError as err:
        raise E023(f"cannot read guarded_forms.yaml ({err}).") from None
    return parse_form_guards(text)


def parse_form_guards(text: str) -> dict[tuple[str, str], FormGuard]:
    """The guards of a ``guarded_forms.yaml`` text, read strictly: a skill written twice
    is an error (plain YAML would keep the second entry and drop the first unseen)."""
    from .duties import strict_yaml

    try:
        raw = strict_yaml(text)
        out: dict[tuple[str, str], FormGuard] = {}
        for sid, rows in (raw.get("forms") or {}).items():
            # one guard, or a list of guards for forms that need different words
            for row in rows if isinstance(rows, list) else [rows]:
                forms = row["form"] if isinstance(row["form"], list) else [row["form"]]
                for form in forms:
                    g = FormGuard(
                        skill_id=str(sid), form=str(form),
                        support=tuple(normalise_form(w) for w in row.get("support") or ()),
                        deny_before=tuple(normalise_form(w) for w in row.get("deny_before") or ()),
                        deny_after=tuple(normalise_form(w) for w in row.get("deny_after") or ()),
                        names=_flag(row, "names", True),
                        name_passes=_flag(row, "name_passes", False),
                    )
                    key = (g.skill_id, normalise_form(g.form))
                    if key in out:
                        raise KeyError(f"{sid}: the form {form!r} is guarded twice")
                    out[key] = g
        return out
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as err:
        raise E023(f"cannot read guarded_forms.yaml ({err}).") from None


def _flag(row: dict, key: str, default: bool) -> bool:
    """A yes/no field of a guard, read strictly (a quoted "false" is no false)."""
    value = row.get(key, default)
    if not isinstance(value, bool):
        raise TypeError(f"{key} must be true or false, not {value!r}")
    return value


def crosses_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` runs into a new line that starts a new item (not one
    that wraps the last item of a comma list: "Budgeting, Social" / "Media Marketing")."""
    nl = text.find("\n", start, end)
    return nl >= 0 and _NEW_LINE_ITEM.search(text, start, end + 1) is not None \
        and not _wrapped_item(text, start, end, nl)


def _wrapped_item(text: str, start: int, end: int, nl: int) -> bool:
    """A PDF's line wrap inside a list item: the line holds a comma list, the phrase
    starts after its last comma, the line ends in a word, and the next line goes on with
    a word at once (no bullet), once."""
    if text.find("\n", nl + 1, end) >= 0 or not text[nl + 1:nl + 2].isalpha():
        return False
    line_start = text.rfind("\n", 0, nl) + 1
    last_comma = text.rfind(",", line_start, nl)
    return line_start <= last_comma < start and text[nl - 1:nl].isalpha()


def _has_word(norm: str, a: int, b: int, words: Sequence[str]) -> bool:
    chunk = " " + " ".join(w.strip(".") for w in norm[a:b].split()) + " "
    return any(" " + w + " " in chunk for w in words)


def _tail_words(norm: str, pos: int, n: int = 3) -> str:
    return " ".join(w.strip(".") for w in norm[max(0, pos - 40):pos].split()[-n:])


def _head_words(norm: str, pos: int, n: int = 2) -> str:
    return " ".join(w.strip(".") for w in norm[pos:pos + 30].split()[:n])


def _denied(norm: str, start: int, end: int, guard: FormGuard) -> bool:
    before = " " + _tail_words(norm, start)
    after = _head_words(norm, end) + " "
    if any(before.endswith(" " + w) for w in guard.deny_before):
        return True
    return any(after.startswith(w + " ") for w in guard.deny_after)


def _name_part(text: str, start: int, end: int, skill_spans: set[tuple[int, int]],
               sentence_start: int) -> bool:
    """Whether a capitalized single-word form is glued to another capitalized word that
    is not a skill: then the pair is a name ("Betsy Bash")."""
    before = _WORD_BEFORE.search(text, max(sentence_start, start - 40), start)
    if before and before.group(1)[:1].isupper():
        gap = text[before.end(1):start]
        if gap.strip(" \t") == "" and "\n" not in gap and before.start(1) > sentence_start:
            if (before.start(1), before.end(1)) not in skill_spans:
                return True
    after = _WORD_AFTER.match(text[end:end + 40])
    if after and after.group(1)[:1].isupper() and "\n" not in text[end:end + after.start(1)]:
        a0 = end + after.start(1)
        if (a0, a0 + len(after.group(1))) not in skill_spans:
            return True
    return False


#: a form ending in a plural role noun names a group of other people ("worked daily with
#: Project Managers", "Software Developers" in a list of colleagues), not the writer's own
#: skill; what was done to them is read by the duty patterns ("supervised 5 consultants").
#: Nouns that are also verbs in the third person ("coaches", "mentors", "leads") are left out.
_PEOPLE = re.compile(
    r"(?:manager|coordinator|specialist|designer|creator|producer|writer|editor|developer|"
    r"engineer|analyst|administrator|recruiter|strategist|planner|consultant|photographer|"
    r"programmer|architect|scientist|trainer|facilitator|leader|director)s$"
)
#: a short form right before a plural role noun names colleagues the same way: "Collaborate
#: with UX/UI designers", "team members including product designers, automotive engineers,
#: UI designers"
_PEOPLE_AFTER = re.compile(
    r"(?:[ \t]*/[ \t]*[A-Za-z]+)?[ \t]+(?:designer|developer|engineer|researcher|writer|"
    r"analyst|strategist|scientist|architect|programmer)s\b", re.IGNORECASE)
#: a field of study in the list a degree asks for ("Bachelor's degree in communications,
#: marketing, journalism, public relations, or a related field", "degree or certification
#: in Graphic Design, UX/UI, HCI, Art Direction"): a subject, not a skill (the readers
#: credit no field of study). A certification alone is no cue: "Certification in Google
#: Analytics, Google Ads or HubSpot" names tools
_FIELD_ITEM = r"[A-Za-z&/()'\u2019 -]{1,40}"
_FIELD_LIST_BEFORE = re.compile(
    r"\b(?:(?:degrees?|concentration|fields?(?: of study)?|disciplines?)\b"
    # not "a high degree of proficiency in Adobe Photoshop": a measure, not a degree
    r"(?: or [a-z]+)?(?: (?!of\b)[a-z'\u2019]+){0,3}?(?: ?:| in)|(?:majors?|majored|majoring) in) (?:"
    + _FIELD_ITEM
    + r"(?:,|,? or|,? and|/))*[ ]*$", re.IGNORECASE)
#: the words a field-of-study list starts from: found once per document (``str.find``,
#: cheaper than a regex alternation over the text), then each hit looks back for one
_FIELD_CUES = ("degree", "major", "field", "discipline", "concentration")


def _cue_positions(norm: str) -> list[int]:
    """Where the field-of-study cue words stand in ``norm``, in order."""
    out = []
    for cue in _FIELD_CUES:
        i = norm.find(cue)
        while i >= 0:
            out.append(i)
            i = norm.find(cue, i + 1)
    out.sort()
    return out
#: a field named for its trade is a domain, not a skill: "Prior experience in media or
#: advertising industry", "growth in the retail sector" (the readers credit no domain
#: knowledge: 0 of 13 such hits)
_INDUSTRY_AFTER = re.compile(r"[ \t]+(?:industry|industries|sector|sectors)\b(?!-)", re.IGNORECASE)
#: unless the sentence is hiring them: "we are looking for talented backend engineers",
#: "join our team as Social Media Coordinators"
_HIRING_THEM = re.compile(r"\b(?:looking\s+for|seeking|hiring|to\s+hire|team\s+with|join)\b")
#: one role noun after "to/with/for the" names someone else: "forwarding to the Project
#: Manager for their approval", "escalation to a team leader or specialist", "assisted the
#: project manager"; "promoted to a team leader role" and "worked as a Project Manager" are
#: the writer's own role and stay
_ONE_PERSON = re.compile(r"(?:manager|leader|coordinator|director|supervisor)$")
_SOMEONE_ELSE_BEFORE = re.compile(
    r"\b(?:(?:to|with|for|from)|(?:assist\w*|support\w*|help\w*))\s+"
    r"(?:the|a|an|our|their|his|her|my|your|each|every)\s+$"
)
_OWN_ROLE_BEFORE = re.compile(r"\b(?:promot\w*|advanc\w*|rose|elevat\w*|transition\w*|"
                              r"moved|mov\w*\s+up|grew|step\w*\s+up|as)\b[^.;]{0,30}$")


def guard_hits(
    text: str,
    norm: str,
    hits: list[tuple[int, int, tuple]],
    sentence_of,
    *,
    organisation: str | None = None,
) -> list[tuple[int, int, tuple]]:
    """The hits that stand. ``hits`` are (start, end, candidate) with candidate
    ``(taxonomy index, skill id, exact form or None, label, area)``; ``sentence_of``
    maps an offset to its sentence's (start, end)."""
    guards = form_guards()
    org_spans: list[tuple[int, int]] = []
    if organisation and len(organisation.strip()) >= 3:
        low = text.lower()
        needle = organisation.strip().lower()
        i = low.find(needle)
        while i >= 0:
            org_spans.append((i, i + len(needle)))
            i = low.find(needle, i + 1)
    # built on the first guarded hit that needs them: most documents have none
    spans: set[tuple[int, int]] | None = None
    areas_by_sentence: dict[int, list[tuple[int, str | None]]] | None = None
    field_cues: list[int] | None = None
    kept = []
    n = len(text)
    for start, end, cand in hits:
        if crosses_line(text, start, end):
            continue
        # cheap gate first: an address glues the hit to "@" or "/", or to a "." that a
        # word follows (a sentence's full stop is followed by a space)
        if ((start and (text[start - 1] in "@/" or text[start - 1] == "." and start > 1
                        and not text[start - 2].isspace()))
                or (end < n and (text[end] in "@/" or text[end] == "." and end + 1 < n
                                 and not text[end + 1].isspace()))) \
                and in_address(text, start, end):
            continue
        if end < n and (text[end] == ":" or text.startswith(" :", end)) \
                and _CONTACT_LABEL.match(text, end):
            continue
        if text[start].isupper() and _LEGAL_NAME_AFTER.match(text, end):
            continue  # part of a registered company name
        if "/" in text[start:end] and _ALTERNATION.search(text, start, end) \
                and "/" not in cand[3] and norm[start:end].strip() not in slash_forms():
            continue
        if org_spans and any(a <= start and end <= b for a, b in org_spans):
            continue
        if norm[end - 1] == "s" and _PEOPLE.search(norm, start, end) \
                and not _HIRING_THEM.search(norm, sentence_of(start)[0], start):
            continue
        if field_cues is None:
            field_cues = _cue_positions(norm)
        if field_cues:
            k = bisect_left(field_cues, start - 160)
            if k < len(field_cues) and field_cues[k] < start \
                    and _FIELD_LIST_BEFORE.search(text, max(sentence_of(start)[0], start - 160), start):
                continue
        if ("ndustr" in norm[end:end + 12] or "ector" in norm[end:end + 10]) \
                and _INDUSTRY_AFTER.match(text, end):
            continue
        if end - start <= 6 and " " not in text[start:end] and _PEOPLE_AFTER.match(text, end) \
                and not _HIRING_THEM.search(norm, sentence_of(start)[0], start):
            continue
        if norm[end - 1] == "r" and _ONE_PERSON.search(norm, start, end):
            lead = norm[max(sentence_of(start)[0], start - 40):start]
            if _SOMEONE_ELSE_BEFORE.search(lead) and not _OWN_ROLE_BEFORE.search(lead):
                continue
        if norm[start:end] in DEPARTMENTS:
            s_start, s_end = sentence_of(start)
            if in_department_list(text, s_start, s_end, start, end) \
                    or names_a_partner(text, s_start, start, end):
                continue
        guard = guards.get((cand[1], norm[start:end]))
        if guard is not None and guard.name_passes \
                and all(w[:1].isupper() for w in text[start:end].split()):
            guard = None  # written as the name it also is ("Constant Contact")
        if guard is not None:
            s_start, s_end = sentence_of(start)
            surface = text[start:end]
            if guard.names and surface[:1].isupper() and " " not in surface:
                if spans is None:
                    spans = {(h[0], h[1]) for h in hits}
                if _name_part(text, start, end, spans, s_start):
                    continue
            if _denied(norm, start, end, guard):
                continue
            # a guard with no support words only denies ("for head of communications")
            if guard.support and not _has_word(norm, s_start, s_end, guard.support):
                if areas_by_sentence is None:
                    areas_by_sentence = {}
                    for h in hits:
                        areas_by_sentence.setdefault(sentence_of(h[0])[0], []).append((h[0], h[2][4]))
                same_area = sum(1 for a0, area in areas_by_sentence.get(s_start, ())
                                if a0 != start and area == cand[4])
                if not (same_area >= 2
                        or same_area == 1 and _has_word(norm, 0, len(norm), guard.support)):
                    continue
        kept.append((start, end, cand))
    return kept
