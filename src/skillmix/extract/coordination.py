"""Skills named once for two conjuncts: "verbal and written communication".

Writers share a head or a modifier between coordinated words: "verbal and written
communication" is verbal communication *and* written communication; "sales and marketing
strategy" names a sales strategy too; "data analysis and visualisation" is data
visualisation as well. The lexical scan finds only the skill spelled out in full, so a
recruiter's second credit was lost.

The rule is data-driven and narrow: a second skill is credited only when the phrase the
ellipsis stands for ("written communication") is itself a name of a skill (a label or
alias, with its inflections; not one of the looser evidence phrases of
``data/evidence_phrases.yaml``, except before a generic head: "analytical and statistical
skills" are analytical skills, an evidence phrase of critical thinking), built from the
phrase found next to it:

* **shared head** -- words, a conjunction, then a found multi-word skill
  (``X and|or|& W1 W2..``): the phrase ``X W2..`` (X one to three words; earlier conjuncts
  of a comma list, "print, radio and TV advertising", are tried too; a comma before the
  conjunction, "e-commerce, marketing, and digital strategy", marks a list of items and
  is left alone, except before a generic head: "written, verbal, and presentation
  skills" share "skills"; a generic head is also looked for when no conjunct is a name);
* **shared modifier** -- a found multi-word skill, a conjunction, then words
  (``W1.. Wn and Y``): the phrase ``W1.. Y`` (Y one or two words);
* **a family before brackets** -- ``P (a, b, c)``: each item is also tried as ``P a``
  ("AWS (Lambda, SQS, EKS)" names AWS Lambda and Amazon EKS; AWS and Amazon stand for
  each other).

A slash between two words is a conjunction too ("leadership/communication skills",
"program / project management", "Adobe Photoshop/Illustrator"), as résumés write it in
skills lines; in "and/or" the word is the conjunction.

A skill name that is itself a coordination ("written and verbal communication", a name of
communication skills) also credits each conjunct's own skill (written communication,
verbal communication) on the same span.

The new mention's span covers the whole coordination ("verbal and written
communication"), so the evidence a user sees is the text that says it. Forms that need a
spelling guard (short, ambiguous ones such as "Go" or "R") are never built this way.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from .guards import crosses_line
from .normal_form import normalise_form

__all__ = ["GENERIC_HEADS", "elided_hits"]

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.&]*")
_CONJ = frozenset({"and", "or", "&"})
#: words never taken as a conjunct: they are the sentence's, not the skill's
_STOP = frozenset({
    "a", "an", "the", "of", "in", "on", "for", "to", "with", "by", "at", "as", "from", "our",
    "your", "their", "his", "her", "its", "and", "or", "&", "including", "such", "e.g.",
    "etc", "etc.", "strong", "excellent", "good", "great", "solid", "proven", "skills",
    "skill", "experience", "knowledge", "ability", "is", "are", "be", "will", "plus",
})
#: nouns that head a compound with the word before them ("social media", "digital
#: media"): after such a word the noun is no conjunct on its own ("social media and public
#: relations" names no media relations; "all media and public relations" does)
_COMPOUND_HEADS = {"media": frozenset(
    "social digital mass news print broadcast owned earned paid traditional online new rich "
    "interactive multi emerging".split())}
_RIGHT_CONJ = re.compile(r"\s+(?:and|or|&)\s")
#: a slash written as a conjunction between two words: "written/verbal communication",
#: "Project / program management" (not "and/or", whose "or" is the conjunction)
_SLASH_RIGHT = re.compile(r"[ \t]?/[ \t]?[A-Za-z]")
_SLASH_LEFT = re.compile(r"[A-Za-z][ \t]?/[ \t]?\Z")
#: generic nouns a coordination may share after a one-word name: "presentation and
#: problem-solving skills", "analytical and creative thinker"
GENERIC_HEADS = frozenset({"skills", "skill", "abilities", "ability", "thinker", "thinkers",
                            "thinking"})
#: a last conjunct that names nothing before a generic head: "analytical and statistical
#: skills" (no skill is found, so no hit starts the search)
_GENERIC_AT = re.compile(r" (skills?|abilit(?:y|ies)|thinkers?|thinking)\b")
#: what every match of ``_GENERIC_AT`` holds (keep the two in step): a third of postings
#: hold none, and three substring tests cost far less than the scan
_GENERIC_STEMS = ("skill", "abilit", "think")
_CONJ_WORD_BEFORE = re.compile(r"(?:^|\s)(?:and|or|&)\s+([a-z][a-z-]*)\Z")
#: the parts of a hyphenated first token ("go-to-market"), as the normalised words count them
_HYPHENATED_PART = re.compile(r"[A-Za-z0-9+#]+")
#: how far either side of a hit the conjuncts are looked for (characters)
_WINDOW = 80

Lookup = Callable[[str], "tuple | None"]


def _words(norm: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of the whole words inside ``norm[lo:hi]``."""
    out = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm, lo, hi)]
    if out and lo > 0 and out[0][0] == lo and norm[lo - 1].isalnum():
        out.pop(0)  # cut by the window
    if out and hi < len(norm) and out[-1][1] == hi and norm[hi].isalnum() \
            and norm[hi - 1] != ".":
        out.pop()  # (a word whose full stop glues it to the next item ends there whole)
    return out


def elided_hits(
    text: str,
    norm: str,
    hits: Sequence[tuple[int, int, tuple]],
    lookup: Lookup,
    line_ends: Callable[[int], tuple[int, int]],
    starts_a_name: Callable[[str], bool] | None = None,
    list_lines: bool = False,
) -> list[tuple[int, int, tuple]]:
    """Extra (start, end, candidate) hits for skills named through a coordination
    (with ``list_lines``, also from a résumé's short skills-list lines, see
    :func:`item_hits`).

    ``text`` is the document's text (punctuation is read there), ``norm`` its normalised
    copy (same offsets; words are read there), ``hits`` the guard-passing lexical hits, ``lookup``
    maps a normalised surface form to its candidate (``None`` when it is no form, or needs
    a spelling guard) and ``line_ends(offset)`` gives the bounds of the sentence or list
    item holding an offset: a coordination never crosses them.
    """
    out: list[tuple[int, int, tuple]] = []
    have = {(h[0], h[1]) for h in hits}
    ends = {h[1] for h in hits}
    out.extend(family_hits(text, lookup, have, starts_a_name))
    if list_lines:
        out.extend(item_hits(text, norm, lookup, have))
    # found from the head back (a few per document), not by a scan of every word
    generic = any(stem in norm for stem in _GENERIC_STEMS)
    for h in _GENERIC_AT.finditer(norm) if generic else ():
        m = _CONJ_WORD_BEFORE.search(norm, max(0, h.start() - 48), h.start())
        if m is None or h.end() in ends or m.end(1) in ends:
            continue  # no conjunction before, or a found name ends here (the loop below)
        w_start, head_end = m.start(1), h.end()
        if crosses_line(text, m.start(), head_end):
            continue  # the normalised copy reads a new line's item as the same sentence
        lo, _hi = line_ends(w_start)
        left = _words(norm, max(lo, w_start - _WINDOW), w_start)
        out.extend(_shared_head(text, w_start, head_end, [m.group(1), h.group(1)], left, lookup,
                                (None, None), have, skip_failed=True))
    for start, end, cand in hits:
        inner = _inner(norm, start, end, lookup, cand)
        if inner is not None:
            out.extend((start, end, other) for other in inner)
        # the common case, cheaply: no conjunction on either side of the hit
        before = norm[max(0, start - 5):start].rstrip()
        after = _RIGHT_CONJ.match(norm, end) is not None
        if not (after or before.endswith((" and", " or", " &"))
                or _SLASH_RIGHT.match(text, end)
                or _SLASH_LEFT.search(text, max(0, start - 4), start)):
            continue
        words = _WORD.findall(norm, start, end)
        if not words:
            continue
        lo, hi = line_ends(start)
        left = _words(norm, max(lo, start - _WINDOW), start)
        right = _words(norm, end, min(hi, end + _WINDOW))
        if len(words) >= 2:
            out.extend(_shared_head(text, start, end, words, left, lookup, cand, have))
            out.extend(_shared_modifier(text, start, end, words, right, lookup, cand, have))
        if right and right[0][2].rstrip(".") in GENERIC_HEADS \
                and not text[end:right[0][0]].strip() \
                and not crosses_line(text, end, right[0][1]):
            # "presentation and problem-solving skills": the shared head is the generic
            # noun after the found name, so "presentation skills" is tried as well
            head = right[0][2].rstrip(".")
            out.extend(_shared_head(text, start, right[0][0] + len(head), [words[0], head],
                                    left, lookup, cand, have, skip_failed=True))
    return out


#: the conjunction of a short line of a skills list: "Budget Development & Management",
#: "Social Media & Influencer Strategy", "Audience modeling/targeting"
_LINE_CONJ = re.compile(r"[ \t](?:and|&)[ \t]|(?<=[A-Za-z])[ \t]?/[ \t]?(?=[A-Za-z])",
                        re.IGNORECASE)


def item_hits(text: str, norm: str, lookup: Lookup,
              have: set[tuple[int, int]]) -> list[tuple[int, int, tuple]]:
    """A skills-list line that coordinates two names neither of which is found on its
    own: "Budget Development & Management" names budget management, "Social Media &
    Influencer Strategy" a social media strategy. Only a skill's own name counts, and the
    line (at most six words, one conjunction) is the evidence. Read in résumés only: their
    skills sections list such lines, where a posting writes sentences, and reading every
    line costs a posting more than it finds."""
    out: list[tuple[int, int, tuple]] = []
    pos = 0
    for raw in text.split("\n"):
        line_start, pos = pos, pos + len(raw) + 1
        body = raw.strip()
        if not 5 <= len(body) <= 60:
            continue
        line_end = line_start + len(raw)
        conj = list(_LINE_CONJ.finditer(text, line_start, line_end))
        if len(conj) != 1:
            continue
        c = conj[0]
        left = _WORD.findall(norm, line_start, c.start())
        right = _WORD.findall(norm, c.end(), line_end)
        if not left or not right or len(left) + len(right) > 6 \
                or any(w in _STOP for w in left + right):
            continue
        # one word stands on the far side of the conjunction, as a conjunct of the word
        # next to it: the shared head ("social media & influencer strategy") or the shared
        # modifier ("budget development & management"); "Web & Print Content Development"
        # shares "content development", and names no web development
        tries = []
        if len(right) >= 2:
            tries.append(left + right[1:])
        if len(left) >= 2:
            tries.append(left[:-1] + right)
        s = line_start + len(raw) - len(raw.lstrip())
        e = line_end - (len(raw) - len(raw.rstrip()))
        if (s, e) in have:
            continue  # the whole line is a name already
        seen = set()
        for phrase in tries:
            other = lookup(" ".join(phrase))
            if other is None or other[1] in seen:
                continue
            # the plain halves name it already ("SEO & SEM Strategy" -> SEO strategy)
            if lookup(" ".join(left)) == other or lookup(" ".join(right)) == other:
                continue
            seen.add(other[1])
            out.append((s, e, other))
    return out


#: "AWS (Lambda, CDK, SQS, EKS)": one or two words, then a bracketed list on one line
_FAMILY_BEFORE = re.compile(r"(?<![\w+#.-])([A-Za-z][\w+#.-]*(?:[ \t][A-Za-z][\w+#.-]*)?)[ \t]?\Z")
_ITEM = re.compile(r"[^,;/|]+")
_SAME_FAMILY = {"aws": ("amazon",), "amazon": ("aws",), "gcp": ("google cloud", "google")}


def family_hits(text: str, lookup: Lookup, have: set[tuple[int, int]],
                starts_a_name: Callable[[str], bool] | None = None) -> list[tuple[int, int, tuple]]:
    """``P (a, b)``: the items named through the family before the brackets.
    ``starts_a_name(form)`` says whether some name begins with ``form`` and a word: a
    family that begins none ("Bachelor's Degree (...)") is passed over before its items
    are read."""
    out: list[tuple[int, int, tuple]] = []
    i = text.find("(")
    while i >= 0:
        j, nxt = text.find(")", i + 1), text.find("(", i + 1)
        if j < 0:
            break
        inner_start, inner = i + 1, text[i + 1:j]
        i = nxt
        if (0 <= nxt < j) or not 2 <= len(inner) <= 160 or "\n" in inner:
            continue
        b = _FAMILY_BEFORE.search(text, max(0, inner_start - 61), inner_start - 1)
        if b is None:
            continue
        family = normalise_form(b.group(1))
        first = family.split()[0]
        # "Microsoft Office (Word, Excel)": Microsoft Word too
        prefixes = (family, *_SAME_FAMILY.get(family, ()), *((first,) if first != family else ()))
        if starts_a_name is not None:
            prefixes = tuple(p for p in prefixes if starts_a_name(p))
            if not prefixes:
                continue
        for it in _ITEM.finditer(inner):
            words = [w for w in normalise_form(it.group()).split() if w not in _CONJ]
            if not words or len(words) > 3:
                continue
            for p in prefixes:
                other = lookup(p + " " + " ".join(words))
                if other is None:
                    continue
                raw = it.group()
                s = inner_start + it.start() + len(raw) - len(raw.lstrip())
                e = inner_start + it.end() - (len(raw) - len(raw.rstrip()))
                if (s, e) not in have:
                    out.append((s, e, other))
                break
    return out


def _inner(norm, start, end, lookup, cand):
    """A name that is itself a coordination ("written and verbal communication" names
    communication skills) also names each conjunct's own skill: written communication,
    verbal communication."""
    span = norm[start:end]
    if " and " not in span and " or " not in span and " & " not in span:
        return None  # the common case: no conjunction inside the name
    words = _WORD.findall(norm, start, end)
    at = next((j for j, w in enumerate(words) if w in _CONJ), None)
    if at is None or at == 0 or at >= len(words) - 2:
        return None
    first, rest = words[:at], words[at + 1:]
    found = {}
    for form in (" ".join(first + rest[1:]), " ".join(rest)):
        other = lookup(form)
        if other is not None and other[1] != cand[1]:
            found[other[1]] = other
    return list(found.values())


def _shared_head(text, start, end, words, left, lookup, cand, have, skip_failed=False):
    """``X and W1 W2..``: credit ``X W2..`` (and earlier comma conjuncts). With
    ``skip_failed`` a conjunct of a comma list that names nothing with the head is passed
    over ("presentation, organizational and problem-solving skills"; see
    :func:`_comma_item`)."""
    # the modifier is the hit's first token, hyphens and all: "product and go-to-market
    # strategy" shares "strategy", not "to market strategy"
    first = text[start:end].split(None, 1)[0] if text[start:end].strip() else ""
    n_first = 1
    if "-" in first and len(words) == len(_HYPHENATED_PART.findall(text[start:end])):
        n_first = len(_HYPHENATED_PART.findall(first))  # the hit's own words, split there
    tail = " ".join(words[n_first:])
    found = []
    if not tail:
        return found
    i = len(left)
    # the conjunction right before the hit; a comma before it ("e-commerce, marketing,
    # and digital strategy") makes the words before it list items, not shared modifiers
    if i == 0:
        return found
    gap = text[left[-1][1]:start]
    if left[-1][2] in _CONJ and not gap.strip():
        i -= 1
        boundary = left[i][0]
    elif gap.strip() == "/" and left[-1][2] not in _CONJ:
        boundary = left[-1][1] + gap.index("/")  # the slash is the conjunction
    else:
        return found
    generic = tail in GENERIC_HEADS
    skip_failed = skip_failed or generic
    if i > 0 and "," in text[left[i - 1][1]:boundary] and not generic:
        return found  # ("written, verbal, and presentation skills" share "skills")
    for _ in range(4):  # at most four conjuncts to the left
        best = None
        for k in (3, 2, 1):
            if i - k < 0:
                continue
            conj = left[i - k:i]
            if any(w[2] in _STOP for w in conj):
                continue
            # nothing but spaces (or one comma) between the conjunct and what follows it
            gap = text[conj[-1][1]:boundary]
            if gap.strip(" ,") or gap.count(",") > 1:
                continue
            other = lookup(" ".join(w[2] for w in conj) + " " + tail)
            if other is not None and other[1] != cand[1]:
                if k == 1 and i > 1 and left[i - 2][2] in _COMPOUND_HEADS.get(conj[0][2], ()):
                    # the conjunct is the head of a compound with the word before it:
                    # "social media and public relations" names no media relations
                    continue
                best = (conj[0][0], other, i - k)
                break
        if best is None:
            # pass over this conjunct (up to three words: "analytical, problem-solving, and
            # troubleshooting skills") to the one before its comma
            k = _comma_item(text, left, i, have) if skip_failed else 0
            if not k:
                break
            boundary, i = left[i - k][0], i - k
            continue
        s, other, i = best
        if (s, end) not in have:
            found.append((s, end, other))
        # go on only across a comma or slash list: "print, radio and TV advertising"
        if i == 0:
            break
        gap = text[left[i - 1][1]:s]
        if gap.strip() == "/":
            boundary = left[i - 1][1] + gap.index("/")
            continue
        if "," not in gap:
            break
        boundary = s
    return found


def _comma_item(text, left, i, have):
    """How many words the comma-list item ending at ``left[i - 1]`` has, with a comma
    before it and another item before that; 0 when there is no such item. An item of two
    or three words is passed over only when it is a name found on its own ("analytical,
    problem-solving, and troubleshooting skills") or when a one-word item opens the list
    before it: other word runs may be a clause ("Reporting to leadership, event planning
    and presentation skills")."""
    for k in (1, 2, 3):
        if i - k < 1:
            return 0
        if any(w[2] in _STOP for w in left[i - k:i]):
            return 0
        if "," in text[left[i - k][0]:left[i - 1][1]]:
            return 0
        if "," in text[left[i - k - 1][1]:left[i - k][0]]:
            if k == 1 or (left[i - k][0], left[i - 1][1]) in have \
                    or _opens_list(text, left[i - k - 1][0]):
                return k
            return 0
    return 0


def _opens_list(text, at):
    """Whether the word at ``at`` opens a list: first on its line or sentence, or after a
    colon, a comma or a bullet ("Leadership, strategic focus, and team development skills"; not
    "Reporting to leadership, event planning and presentation skills")."""
    before = text[max(0, at - 4):at].rstrip(" \t")
    return not before or before[-1] in "\n.:,;\u2022\u00b7-*(\u25cf"


def _shared_modifier(text, start, end, words, right, lookup, cand, have):
    """``W1.. Wn and Y``: credit ``W1.. Y``."""
    if not right:
        return []
    if right[0][2] in _CONJ and not text[end:right[0][0]].strip():
        first = 1  # "social media marketing and strategy"
    elif text[end:right[0][0]].strip() == "/":
        first = 0  # "Adobe Photoshop/Illustrator": the slash is the conjunction
    else:
        return []
    head = " ".join(words[:-1])
    for k in (2, 1):
        conj = right[first:first + k]
        if len(conj) < k or any(w[2] in _STOP for w in conj):
            continue
        if first and text[right[0][1]:conj[0][0]].strip():
            continue
        other = lookup(head + " " + " ".join(w[2] for w in conj))
        if other is not None and other[1] != cand[1]:
            e = conj[-1][1]
            return [] if (start, e) in have else [(start, e, other)]
    return []
