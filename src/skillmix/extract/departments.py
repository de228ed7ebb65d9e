"""Departments named as partners are not skills.

"Collaborated with sales, account management, customer support, and other stakeholders",
"Bridge the gap between Product, Engineering, Customer Service, ... and Finance", "the team
operates at the intersection of Product, Sales, and Customer Success": these sentences name
the functions the person works *with*, so "customer support" or "account management" there
is a department, not something the writer does or the posting asks. Read by the guards.

A hit counts as a department when it stands in a list of at least three department names
side by side (a name is a whole item, "account management"; or ends the item that leads into
the list, "Collaborated with sales"; or opens the item that closes it, "product teams to
enhance ..."; "teams", "departments" or "functions" after a name are read past), and a word
of working together leads into that list, in its first item or among the last words of the
item before it ("across", "between", "intersection", "collaborate with", "partner with";
"with" only after such a verb, so "experience with SEO, paid media, content and email"
stays the hire's). A bracketed list right after "teams (" names teams whatever its items.
Without these a list of functions is a skills list ("Skills: Sales, Marketing, Customer
Service") and its items still count.

One department alone is a partner when it is written as a name (every word capitalised)
right after a verb of working together or of handing over and its "with" or "to":
"Partner with Performance Marketing on paid social", "escalate product issues to Customer
Care", "work closely with Legal". Written in lower case ("experience working with
performance marketing") it stays a skill.
"""

from __future__ import annotations

import re

__all__ = ["DEPARTMENTS", "in_department_list", "names_a_partner"]

#: function names as they are written in lists of departments (lower case)
DEPARTMENTS = frozenset((
    "sales", "marketing", "product", "engineering", "finance", "legal", "operations", "hr",
    "it", "analytics", "partnerships", "procurement", "compliance", "editorial",
    "communications", "pr", "accounting", "logistics", "merchandising", "recruiting", "qa",
    "customer service", "customer support", "customer success", "customer care",
    "customer experience", "human resources", "data science", "account management",
    "business development", "supply chain", "public relations", "talent acquisition",
    "product marketing", "product management", "product design", "client services",
    "go-to-market", "gtm", "r&d", "corporate communications", "revenue operations",
    "sales operations", "marketing operations", "executive leadership", "seo",
    "paid media", "content", "brand", "design", "creative", "performance marketing",
    "social", "growth", "research", "security", "support", "technical support", "ux",
    "devops", "it operations", "demand generation", "field marketing", "events",
    "other stakeholders", "other teams", "other departments", "other functions",
    "other partners", "internal teams", "internal stakeholders",
))

#: what follows a department's name in such lists: "Customer Success teams"
_GROUP = re.compile(r"\s+(?:teams?|departments?|functions?|orgs?|organi[sz]ations?|groups?|"
                    r"leaders?|stakeholders?|partners?|operations)\b")
#: words that go on after the last department of a list ("product teams to enhance ...")
_GOES_ON = frozenset("to in on for that who which across at as throughout".split())
#: a sentence that speaks of working across the listed functions
_ACROSS = re.compile(
    r"\b(?:across|between|among|amongst|alongside|intersection|bridge|"
    r"cross[- ]functional\w*|"
    # "with" only after a verb of working together: "collaborate closely with", not
    # "experience with SEO, paid media, content and email"
    r"(?:work\w*|partner\w*|collaborat\w*|liais\w*|coordinat\w*|interfac\w*|align\w*|"
    r"engag\w*|sync\w*|consult\w*)(?:\s+\w+){0,2}\s+with)\b",
    re.IGNORECASE,
)
#: a list in brackets right after a group word names the groups: "collaborate with global
#: marketing teams (Brand, Performance Marketing, PPC, SEO)"
_GROUPS_BEFORE_BRACKET = re.compile(r"\b(?:teams?|departments?|functions?|groups?)\s*\($",
                                    re.IGNORECASE)
#: substrings every working-together word holds, for a cheap test before the list is read
_CUE_WORDS = ("across", "between", "among", "alongside", "intersection", "bridge", "cross",
              " with")
_WORD = re.compile(r"[a-z0-9&][a-z0-9&'-]*")
#: a verb of working together or handing over, then its "with"/"to", right before a name:
#: "Partner with", "work closely with the", "escalate product issues to"
_PARTNER_BEFORE = re.compile(
    r"\b(?:(?:work\w*|partner\w*|collaborat\w*|liais\w*|coordinat\w*|interfac\w*|align\w*|"
    r"sync\w*|consult\w*)(?:\s+(?:closely|directly|cross-functionally|together))?\s+with|"
    r"(?:escalat\w*|hand\w*\s+off|refer\w*|report\w*|rout\w*)(?:\s+[\w'-]+){0,3}\s+to)"
    r"\s+(?:the\s+|our\s+|your\s+)?$",
    re.IGNORECASE,
)
#: list separators: commas, "and", "or", a spaced "&" (not "P&Ls"), slashes
_SEPARATOR = re.compile(r",(?:\s*(?:and|or|as well as)\b)?|/|\s&\s|\band\b|\bor\b|\bas well as\b",
                        re.IGNORECASE)
_CLAUSE = ";:()\u2022"
#: how far from the hit the list is read, in characters
_REACH = 160


def _department_at(item: str, where: str) -> tuple[int, int] | None:
    """Where a department's name stands in a list item, if it does: ``where`` is "whole"
    (the item is the name: "account management"), "end" (the item leading into the list:
    "Collaborated with sales") or "start" (the item closing it: "product teams to enhance
    ..."); a group word ("teams") may follow the name."""
    low = item.lower()
    words = [(m.start(), m.end()) for m in _WORD.finditer(low)]
    for n in (3, 2, 1):
        if n > len(words):
            continue
        span = words[-n:] if where == "end" else words[:n]
        a, b = span[0][0], span[-1][1]
        if " ".join(low[a:b].split()) not in DEPARTMENTS:
            continue
        group = _GROUP.match(low, b)
        rest = low[group.end() if group else b:].strip(" \t\n.-")
        if rest and (where != "start" or rest.split()[0] not in _GOES_ON):
            continue
        return a, b
    return None


def in_department_list(text: str, sentence_start: int, sentence_end: int, start: int,
                       end: int) -> bool:
    """Whether the hit ``text[start:end]`` is one department in a list of at least three
    departments side by side that the sentence works across (see the module docstring)."""
    # cheap first: no word of working together in the sentence and no "(", no list
    low = text[sentence_start:sentence_end].lower()
    if "(" not in low and not any(w in low for w in _CUE_WORDS):
        return False
    left = max(max(text.rfind(c, sentence_start, start) for c in _CLAUSE) + 1, sentence_start)
    right = min((i for i in (text.find(c, end, sentence_end) for c in _CLAUSE) if i >= 0),
                default=sentence_end)
    # a run of three names lies near the hit: read at most a few items either side
    left, right = max(left, start - _REACH), min(right, end + _REACH)
    bounds = [left, *(x for m in _SEPARATOR.finditer(text, left, right) for x in m.span()),
              right]
    items = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)
             if text[bounds[i]:bounds[i + 1]].strip()]
    if text[left - 1:left] == "(" and _GROUPS_BEFORE_BRACKET.search(text, max(0, left - 20), left) \
            and len(items) >= 2:
        return True
    if len(items) < 3:
        return False

    seen: dict[tuple[int, str], tuple[int, int] | None] = {}

    def at(k: int, where: str) -> tuple[int, int] | None:
        if (k, where) not in seen:
            a, b = items[k]
            found = _department_at(text[a:b], where)
            seen[(k, where)] = (a + found[0], a + found[1]) if found else None
        return seen[(k, where)]

    hit = next((k for k, (a, b) in enumerate(items) if a <= start and end <= b), None)
    if hit is None:
        return False
    roles = [w for w in ("whole", "end", "start") if (f := at(hit, w)) and f[0] <= start and end <= f[1]]
    if not roles:
        return False
    lo = hi = hit
    if "whole" in roles or "start" in roles:  # extend to the left
        while lo > 0 and at(lo - 1, "whole"):
            lo -= 1
        if lo > 0 and at(lo - 1, "end"):
            lo -= 1
    if "whole" in roles or "end" in roles:  # extend to the right
        while hi < len(items) - 1 and at(hi + 1, "whole"):
            hi += 1
        if hi < len(items) - 1 and at(hi + 1, "start"):
            hi += 1
    if hi - lo + 1 < 3:
        return False
    # the working-across word leads into the list: in its first item, or among the last
    # words of the item before it ("working across multiple P&Ls, product teams, ...")
    first = at(lo, "whole") or at(lo, "end")
    if first is None:
        return False
    if _ACROSS.search(text, items[lo][0], first[0]):
        return True
    if lo == 0:
        return False
    a, b = items[lo - 1]
    lead = text[a:b].split()[-4:]
    return _ACROSS.search(" ".join(lead)) is not None


def names_a_partner(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the department name ``text[start:end]`` (capitalised) names the team the
    writer works with or hands over to (see the module docstring)."""
    words = text[start:end].split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    lead = text[max(sentence_start, start - 60):start]
    return _PARTNER_BEFORE.search(lead) is not None
