"""Inflections of taxonomy surface forms, generated once when a vocabulary is built.

Résumés are written in past-tense duties ("Created content", "Managed a team") while
taxonomies list base or gerund forms ("creating content", "manage social media"). Rather
than lemmatise every word of every document at run time (a per-token dictionary look-up
that would cost more than the whole Aho-Corasick scan), we go the other way: each
surface form is expanded into its inflections when the vocabulary is compiled, and the
expansions go into the same automaton. Matching stays one pass over the original text,
and spans stay exact.

The inflections come from LemmInflect (MIT licence; a dictionary of English lemmas and
inflections with rules for unknown words). It is needed only while a vocabulary is built
(the compiled vocabulary is cached on disk), so it costs nothing per document.

What we expand, and why only that:

- the **first word** of a multi-word form, as a verb, when it is one ("creating content"
  -> created / creates / create content). Words that are nouns in their own right
  ending in -ing ("marketing strategy", "advertising budget") are left alone, or
  "marketing strategy" would also match "market strategy";
- the **last word**, in singular and plural ("social media account(s)");
- nothing in the middle: middle words carry the phrase's identity and their variants
  mostly produce noise.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

__all__ = ["form_variants", "hyphen_led", "is_noun", "is_past_verb", "verb_forms", "noun_forms"]

#: at most this many variants per surface form (products of first x last)
MAX_VARIANTS = 16


@lru_cache(maxsize=None)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    import lemminflect

    return dict(lemminflect.getAllLemmas(word))


@lru_cache(maxsize=None)
def _inflections(lemma: str, upos: str, tags: tuple[str, ...] | None = None) -> tuple[str, ...]:
    import lemminflect

    forms = lemminflect.getAllInflections(lemma, upos=upos)
    if not forms:
        forms = lemminflect.getAllInflectionsOOV(lemma, upos=upos)
    out: list[str] = [lemma]
    for tag, values in forms.items():
        if tags is not None and tag not in tags:
            continue
        for f in values:
            if f not in out:
                out.append(f)
    return tuple(out)


def _plain(word: str) -> bool:
    return word.isalpha() and word.isascii() and len(word) >= 3


#: the verb forms duties are written in: "managing", "managed" (past and participle)
DUTY_TAGS = ("VBG", "VBD", "VBN")


#: past forms that do not end in -ed, as duties are written ("oversaw", "led")
_IRREGULAR_PAST = frozenset(
    "led ran oversaw built taught made wrote drove grew held kept met sold spoke took gave "
    "brought bought sought set put won began chose fought found got had heard knew left lost "
    "meant paid said saw sent spent stood told thought understood went did drew overtook "
    "undertook rebuilt rewrote withdrew upheld".split())
#: endings of adjectives and adverbs ("talented" ends in -ed and is caught as a past form)
_MODIFIER_ENDINGS = ("ly", "ful", "ive", "ous", "ible", "able", "less", "ish", "ic", "al")


def is_past_verb(word: str) -> bool:
    """Whether a word reads as a verb's past form ("managed", "oversaw", "led"), as
    résumé duties are written. A spelling test, not the lemmatiser: it runs while
    extracting, where loading lemminflect's tables would cost a one-file command 0.6 s."""
    w = word.lower()
    return (len(w) > 3 and w.endswith("ed") and not w.endswith("eed")) or w in _IRREGULAR_PAST


def is_noun(word: str) -> bool:
    """Whether a word may be a noun ("access", "cards", "building"), not a past form, an
    adverb or a common adjective ("trained", "highly", "creative"); a spelling test, as
    :func:`is_past_verb`."""
    w = word.lower()
    return w.isalpha() and not is_past_verb(w) and not w.endswith(_MODIFIER_ENDINGS)


@lru_cache(maxsize=None)
def verb_forms(word: str, tags: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """All inflections of ``word`` read as a verb (base, -s, -ed, -ing, participle), or
    those of the given Penn ``tags`` (plus the lemma), or ``(word,)`` when it is not a
    verb or is a noun in its own right ending in -ing."""
    if not _plain(word):
        return (word,)
    lemmas = _lemmas(word)
    verbs = lemmas.get("VERB", ())
    if not verbs:
        return (word,)
    if word.endswith("ing") and word in lemmas.get("NOUN", ()):
        return (word,)  # "marketing", "advertising", "training": nouns here
    out = [word]
    for lemma in verbs:
        for f in _inflections(lemma, "VERB", tags):
            if f not in out and f.isalpha():
                out.append(f)
    return tuple(out)


#: plurals used as mass nouns, whose dictionary singular is another word: "the media"
#: (the press) never reads as "the medium" ("The Medium sized Home provides care"), nor
#: "big data" as "big datum"
_INVARIANT_NOUNS = frozenset({"media", "data", "multimedia", "metadata"})


@lru_cache(maxsize=None)
def noun_forms(word: str) -> tuple[str, ...]:
    """Singular and plural of ``word`` read as a noun, or ``(word,)``."""
    if not _plain(word) or len(word) < 4 or word in _INVARIANT_NOUNS:
        return (word,)
    lemmas = _lemmas(word)
    nouns = lemmas.get("NOUN", ())
    if not nouns:
        if lemmas:
            return (word,)
        # a word the dictionary does not know (a brand: "TikTok") is read as a noun
        import lemminflect

        if word.endswith("s") or len(word) < 6:
            return (word,)  # short brands ("Canva") would meet real words ("canvas")
        plural = lemminflect.getAllInflectionsOOV(word, "NOUN").get("NNS", ())
        return (word, *(f for f in plural if f != word and f.isalpha()))
    out = [word]
    for lemma in nouns:
        if lemma != word and not word.startswith(lemma[: max(3, len(lemma) - 2)]):
            continue  # irregular lemmas ("media" -> "medium") read as other words
        for f in _inflections(lemma, "NOUN"):
            if f not in out and f.isalpha() and f[:3] == word[:3]:
                out.append(f)
    return tuple(out)


_HYPHEN_LED = re.compile(r"\s*[A-Za-z]+[-\u2010\u2011][A-Za-z]")


def hyphen_led(form: str) -> bool:
    """Whether a form as written joins its first word to the next by a hyphen: that
    word is half of a compound, no verb ("post-production" never becomes "posting
    production"). Read on the written form: normalising turns the hyphen into a space."""
    return _HYPHEN_LED.match(form) is not None


def form_variants(norm: str, *, verb_led: bool = True, lean: bool = False) -> list[str]:
    """Inflected variants of a normalised surface form (the form itself excluded).

    ``verb_led=False`` keeps the first word as written (for taxonomies whose labels are
    noun phrases only). ``lean=True`` (for the big reference taxonomies, ESCO and
    Lightcast, whose hundreds of thousands of forms make every variant cost scan time)
    inflects one word at a time and the verb only into the forms duties are written in
    (-ing, past): "manage social media" gains "managing social media" and "managed social
    media", not "manages social medias"."""
    words = norm.split(" ")
    if not words or not words[-1]:
        return []
    if len(words) == 1:
        firsts: tuple[str, ...] = ()
        lasts = noun_forms(words[0])
        return [w for w in lasts if w != norm][:MAX_VARIANTS]
    firsts = (verb_forms(words[0], DUTY_TAGS if lean else None) if verb_led else (words[0],))
    lasts = noun_forms(words[-1])
    if lean:
        lean_out = [" ".join([f, *words[1:]]) for f in firsts[1:]]
        lean_out += [" ".join([*words[:-1], last]) for last in lasts[1:]]
        return [v for v in dict.fromkeys(lean_out) if v != norm][:MAX_VARIANTS]
    out: list[str] = []
    for first, last in product(firsts, lasts):
        cand = " ".join([first, *words[1:-1], last])
        if cand != norm and cand not in out:
            out.append(cand)
        if len(out) >= MAX_VARIANTS:
            break
    return out
