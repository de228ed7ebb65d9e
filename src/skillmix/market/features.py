"""Features of a posting for the learned market classifier.

The rule classifier's rules (where a social media mention sits, how strongly it is asked
for, whether it names the practice or only a platform, whether the sentence is incidental or
the company talking about itself) become numbers here, and a small logistic model
(:mod:`skillmix.market.learned`) weighs them. The social media features are read from the
text itself, sentence by sentence, with the word lists of ``data/features.yaml``, so they do
not move when extraction changes; the area features combine the extraction's taxonomy areas
with per-area word counts. Every cue sentence is kept, so a verdict can show the sentences
that drove it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping, Sequence

from ..errors.config_codes import C077
from ..yamlio import safe_load

__all__ = ["AREAS", "CueSentence", "FeatureLists", "PostingFeatures", "job_terms", "posting_features"]

#: the seven label areas, in the order the area models use
AREAS = ("marketing_communications", "customer_service", "technology", "data_analytics",
         "psychology_human_interaction", "strategy_business", "leadership_evangelism")
#: title families with a feature of their own (the rest fall into "other")
FAMILIES = ("social_media", "marketing", "design", "sales", "customer_service", "hr",
            "engineering", "data", "healthcare", "social_care", "finance", "product_project")
_BOILER = frozenset({"benefits", "legal", "company"})
_DUTY = frozenset({"responsibilities"})
_REQ = frozenset({"requirements", "preferred"})


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    """One whole-word, case-insensitive pattern for ``words`` ("word*" lets the word go on),
    compiled as a trie: Python's regex engine tries every branch of a flat alternation at every
    position, so a list of a hundred words over a long posting costs milliseconds; sharing
    prefixes makes it a few branches per position. Longer matches win."""
    trie: dict[str, Any] = {}
    for raw in words:
        w = raw.strip().lower()
        if not w:
            continue
        star = w.endswith("*")
        w = w[:-1] if star else w
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = bool(node.get("")) or star
    if not trie:
        return None

    def emit(node: dict[str, Any]) -> str:
        end = node.get("")
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        end_pat = None if end is None else (r"[\w-]*" if end else r"(?![\w])")
        if not branches:
            return end_pat or ""
        alt = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return alt if end_pat is None else "(?:" + alt + "|" + end_pat + ")"

    return re.compile(r"(?<![\w])" + emit(trie), re.IGNORECASE)


def _platform_objects(platforms: Sequence[str], objects: Sequence[str]) -> re.Pattern[str] | None:
    """A named platform followed by what is made or run on it ("Instagram ads", "YouTube
    channel", "Twitter Spaces"): the practice, though no practice word is used."""
    plat, obj = _alternation(platforms), _alternation(objects)
    if plat is None or obj is None:
        return None
    return re.compile(f"(?:{plat.pattern})[\\s/&,-]+(?:{obj.pattern})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeatureLists:
    """The compiled word lists of ``data/features.yaml``."""

    version: str
    practice: re.Pattern[str] | None
    platforms: re.Pattern[str] | None
    bare_social: re.Pattern[str] | None
    channel_words: re.Pattern[str] | None
    not_social: re.Pattern[str] | None
    incidental: re.Pattern[str] | None
    company: re.Pattern[str] | None
    self_description: re.Pattern[str] | None
    hire: re.Pattern[str] | None
    duty_verbs: re.Pattern[str] | None
    required: re.Pattern[str] | None
    preferred: re.Pattern[str] | None
    core_cue: re.Pattern[str] | None
    title_social: re.Pattern[str] | None
    title_not_social: re.Pattern[str] | None
    platform_objects: re.Pattern[str] | None
    areas: Mapping[str, re.Pattern[str] | None]
    all_areas: re.Pattern[str] | None = None
    #: phrases blanked before the area words are counted (the hire being supervised, a
    #: company that is a "world leader": area words that do not ask the hire for the area)
    not_areas: re.Pattern[str] | None = None
    #: taxonomy skills whose mention means leading people (managing, supervising, mentoring)
    people_skills: frozenset[str] = frozenset()

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], where: str = "features.yaml") -> "FeatureLists":
        def words(key: str) -> list[str]:
            v = raw.get(key) or []
            if not isinstance(v, list) or not all(isinstance(x, (str, int)) for x in v):
                raise C077(f"{key!r} must be a list of words.", source=where)
            return [str(x) for x in v]

        areas = raw.get("areas") or {}
        if not isinstance(areas, dict) or set(areas) != set(AREAS):
            raise C077(f"'areas' must list exactly the areas {list(AREAS)}.", source=where)
        return cls(
            version=str(raw.get("version", "1")),
            practice=_alternation(words("practice")), platforms=_alternation(words("platforms")),
            bare_social=_alternation(words("bare_social")), channel_words=_alternation(words("channel_words")),
            not_social=_alternation(words("not_social")), incidental=_alternation(words("incidental")),
            company=_alternation(words("company")), self_description=_alternation(words("self_description")),
            hire=_alternation(words("hire")),
            duty_verbs=_alternation(words("duty_verbs")),
            required=_alternation(words("required")), preferred=_alternation(words("preferred")),
            core_cue=_alternation(words("core_cue")), title_social=_alternation(words("title_social")),
            title_not_social=_alternation(words("title_not_social")),
            platform_objects=_platform_objects(words("platforms"), words("platform_objects")),
            areas={a: _alternation([str(x) for x in areas[a] or []]) for a in AREAS},
            all_areas=_alternation([str(x) for a in AREAS for x in areas[a] or []]),
            not_areas=_alternation(words("not_areas")), people_skills=frozenset(words("people_skills")),
        )

    def areas_of(self, word: str) -> tuple[str, ...]:
        """The areas whose word list holds ``word`` (a match of :attr:`all_areas`)."""
        key = word.lower()
        hit = _AREAS_OF.get((id(self), key))
        if hit is None:
            hit = tuple(a for a in AREAS if (p := self.areas[a]) is not None and p.fullmatch(key))
            if len(_AREAS_OF) < 200_000:
                _AREAS_OF[(id(self), key)] = hit
        return hit


_AREAS_OF: dict[tuple[int, str], tuple[str, ...]] = {}


@lru_cache(maxsize=1)
def load_feature_lists() -> FeatureLists:
    text = (resources.files("skillmix.market") / "data" / "features.yaml").read_text("utf-8")
    return FeatureLists.from_dict(safe_load(text))


@dataclass(frozen=True, slots=True)
class CueSentence:
    """One sentence that names social media, with how it reads.

    ``kind`` is ``practice`` (names the practice), ``platform`` (only a platform or tool) or
    ``list`` (bare "social" in a list of channels); ``incidental`` / ``company`` say the
    sentence is about following, applying, praise or scams, or the company describing itself
    without speaking to the hire; ``self_description`` that social media describes the
    company ("As a social media platform, we require our employees..."), which no hire word
    undoes; ``section`` is the posting section holding it.
    """

    start: int
    end: int
    text: str
    kind: str
    section: str | None
    incidental: bool
    company: bool
    hire: bool
    level: str
    core: bool
    channels: bool
    self_description: bool = False

    @property
    def qualifies(self) -> bool:
        """Whether the sentence may ask something of the hire."""
        return not self.incidental and not self.self_description and not (self.company and not self.hire) \
            and self.section not in ("benefits", "legal")


@dataclass(frozen=True, slots=True)
class PostingFeatures:
    """Named feature values of one posting and its cue sentences."""

    social: Mapping[str, float]
    strength: Mapping[str, float]
    areas: Mapping[str, float]
    cues: tuple[CueSentence, ...]
    title_social: bool
    #: the words and bigrams of the sentences about the job, and ``t:`` title words
    #: (:func:`job_terms`): what the area text models read
    terms: frozenset[str] = frozenset()


_SPLIT = re.compile(r"\n+|(?<=[.!?;])\s+(?=[A-Z0-9\"'(\u2022\u25cf-])|\s(?=[-\u2022\u25cf\u25aa]\s)|\s{2,}")
#: two more split points, each added only when the text needs it, because an extra branch is
#: tried at every position: before every bullet glyph, also one glued to the text before it
#: ("RESPONSIBILITIES\u25cf Plan...\u25cf Create..."), and between bullets whose line breaks
#: were lost ("Managing social media content calendarCreating engaging posts"; four lower-case
#: letters before, so "YouTube", "TikTok" and "LinkedIn" stay whole; or a full stop glued to
#: the next item: "social media campaigns, and community events.Generate and follow up on
#: leads", where the whole duty list had been one sentence)
_GLYPH = r"\s*(?=[\u2022\u25cf\u25aa])"
_GLUE = r"(?<=[a-z]{4})(?=[A-Z][a-z]{2})|(?<=[a-z]{2}[.!?;])(?=[A-Z][a-z])"
_GLUE_TEST = re.compile(_GLUE)
_SPLITS = {(g, u): re.compile("|".join([_SPLIT.pattern] + [_GLYPH] * g + [_GLUE] * u))
           for g in (False, True) for u in (False, True)}


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (or bullet) spans of ``text``: lines, sentence ends and bullet marks."""
    out, pos = [], 0
    glyphs = "\u2022" in text or "\u25cf" in text or "\u25aa" in text
    for m in _SPLITS[(glyphs, _GLUE_TEST.search(text) is not None)].finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _has(p: re.Pattern[str] | None, s: str) -> bool:
    return p is not None and p.search(s) is not None


def _count(p: re.Pattern[str] | None, s: str) -> int:
    return 0 if p is None else sum(1 for _ in p.finditer(s))


def _blank(p: re.Pattern[str] | None, s: str) -> str:
    return s if p is None else p.sub(lambda m: " " * len(m.group(0)), s)


def title_names_social(title: str | None, lists: FeatureLists | None = None) -> bool:
    """Whether a job title names social media work ("Social Worker" does not)."""
    lists = lists or load_feature_lists()
    if not title:
        return False
    return _has(lists.title_social, _blank(lists.title_not_social, title))


_LEAD = re.compile(r"^[\s\-\u2022\u25cf\u25aa*\d.)]*")
#: "follow" as a duty ("follow up on leads", "follow procedures") is not the incidental
#: "follow us on LinkedIn"
_FOLLOW_DUTY = re.compile(r"\bfollow(?:s|ed)?[\s-]+(?:up|through|instructions|procedures|policies|guidelines|"
                          r"protocols?|directions|rules|standards)\b", re.IGNORECASE)


def speaks_to_hire(sentence: str, lists: FeatureLists) -> bool:
    """Whether a sentence speaks to or about the hire: hire words, or a bullet that starts
    with a duty verb ("Manage social media accounts")."""
    if _has(lists.hire, sentence):
        return True
    if lists.duty_verbs is None:
        return False
    if lists.duty_verbs.match(sentence, _LEAD.match(sentence).end()) is not None:  # type: ignore[union-attr]
        return True
    # "... and to provide support by phone, email and social media"
    return any(sentence[max(m.start() - 3, 0):m.start()].lower() == "to " for m in lists.duty_verbs.finditer(sentence))


def _section_at(sections: Sequence[Any], offset: int) -> str | None:
    found = None
    for sec in sections:
        if sec.start <= offset < sec.end:
            found = sec.kind
    return found


#: "social media influencers" among the people a business serves or books ("clients,
#: including athletes, social media influencers and fitness enthusiasts"; "guests will
#: include well known actors, writers and influencers"): people, not a practice
_PEOPLE = r"(?:athletes|actors|writers|celebrities|musicians|artists|enthusiasts|entrepreneurs|models|chefs|authors)"
_PEOPLE_INFLUENCERS = re.compile(
    rf"\b{_PEOPLE}(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w-]+\s+){{0,3}}influencers\b"
    rf"|\b(?:[\w-]+\s+){{0,3}}influencers(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w-]+\s+){{0,2}}{_PEOPLE}\b",
    re.IGNORECASE)
#: a homeowners' association's or an apartment community's manager is no online community
#: manager: in such a posting "community manager" names no social media work
_PROPERTY = re.compile(r"\b(?:homeowners?[’']?\s*associations?|HOA|community\s+associations?|condominium|"
                       r"property\s+management)\b", re.IGNORECASE)
_COMMUNITY_MANAGER = re.compile(r"\bcommunity\s+manag\w*", re.IGNORECASE)


def _company_spans(text: str, sections: Sequence[Any]) -> list[tuple[int, int]]:
    """The about-the-company sections whose every word is the company's (the extractor's
    rule, :func:`skillmix.extract.context.company_section_trusted`)."""
    if not any(getattr(sec, "kind", None) == "company" for sec in sections):
        return []
    from ..extract.context import company_section_trusted

    return [(sec.start, sec.end) for sec in sections
            if sec.kind == "company" and company_section_trusted(text, sec, sections)]


def cue_sentences(text: str, sections: Sequence[Any] = (), lists: FeatureLists | None = None,
                  spans: Sequence[tuple[int, int]] | None = None) -> list[CueSentence]:
    """Every sentence of ``text`` that names social media, read in context."""
    lists = lists or load_feature_lists()
    spans = sentences(text) if spans is None else spans
    # one pass per cue pattern over the whole (blanked) text finds the sentences to read
    blanked = _blank(_PEOPLE_INFLUENCERS, _blank(lists.not_social, text))
    if _PROPERTY.search(text):
        blanked = _blank(_COMMUNITY_MANAGER, blanked)  # a homeowners' association's manager
    starts = [s for s, _ in spans]
    own = _company_spans(text, sections)
    hit: set[int] = set()
    for p in (lists.practice, lists.platforms, lists.bare_social):
        if p is None:
            continue
        for m in p.finditer(blanked):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < spans[i][1]:
                hit.add(i)
    out = []
    for i in sorted(hit):
        s, e = spans[i]
        raw = text[s:e]
        clean = blanked[s:e]
        if _has(lists.practice, clean) or _has(lists.platform_objects, clean):
            kind = "practice"
        elif _has(lists.platforms, clean):
            kind = "platform"
        elif _has(lists.bare_social, clean) and _count(lists.channel_words, clean) >= 2:
            kind = "list"
        else:
            continue
        section = _section_at(sections, s)
        level = "required" if _has(lists.required, raw) else "preferred" if _has(lists.preferred, raw) else "mentioned"
        theirs = any(a <= s < b for a, b in own)
        out.append(CueSentence(
            start=s, end=e, text=" ".join(raw.split()), kind=kind, section=section,
            incidental=_has(lists.incidental, _blank(_FOLLOW_DUTY, raw)), company=theirs or _has(lists.company, raw),
            hire=not theirs and (section in _DUTY or section in _REQ or speaks_to_hire(raw, lists)), level=level,
            core=_has(lists.core_cue, clean),
            channels=_count(lists.channel_words, clean) >= 2, self_description=_has(lists.self_description, raw),
        ))
    return out


_WORD = re.compile(r"[a-z][a-z0-9+#]*")
#: words too common to say anything about an area; dropped before bigrams are formed, so
#: "lead a team" gives "lead team"
_STOP = frozenset("""a an the and or of to in on at for with by from as is are be been being was were will
would can could should may might must shall do does did this that these those it its our your their
we you they he she i me us them who which what when where how all any each other such than then
into onto about over under up out not no so if but also very more most well etc""".split())


def job_terms(title: str | None, text: str, spans: Sequence[tuple[int, int]], job: Sequence[bool]) -> frozenset[str]:
    """The terms the area text models read: lower-cased words and adjacent-word bigrams of the
    sentences ``spans`` marked ``job`` (those about the job, not boilerplate or the company
    about itself), and the title's words as ``t:word``. Presence only: how often a word recurs
    says more about a posting's length than about what it asks."""
    out: set[str] = set()
    for (s, e), keep in zip(spans, job):
        if not keep:
            continue
        words = [w for w in _WORD.findall(text[s:e].lower()) if w not in _STOP]
        out.update(words)
        out.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    out.update(f"t:{w}" for w in _WORD.findall((title or "").lower()) if w not in _STOP)
    return frozenset(out)


def _log1(x: float) -> float:
    return math.log1p(max(x, 0.0))


def posting_features(
    title: str | None, text: str, sections: Sequence[Any] = (), mentions: Sequence[Any] = (),
    family: str = "other", lists: FeatureLists | None = None,
) -> PostingFeatures:
    """The features of one posting. ``sections`` are the posting's detected sections,
    ``mentions`` the extraction's skill mentions (for the taxonomy areas), ``family`` the
    title family. The rule classifier's verdict is no longer a feature: the social media
    decision reads the text alone, so it does not move when extraction changes (the rule
    score followed extraction; dropping it cost nothing in cross-validation, see
    ``bench/market_classifier.py``)."""
    lists = lists or load_feature_lists()
    spans = sentences(text)
    cues = cue_sentences(text, sections, lists, spans)
    qual = [c for c in cues if c.qualifies]
    practice = [c for c in qual if c.kind == "practice"]
    platform = [c for c in qual if c.kind == "platform"]
    listed = [c for c in qual if c.kind == "list"]
    t_social = title_names_social(title, lists)
    span_sections = [_section_at(sections, s) for s, _ in spans]
    n_sent = max(len(spans), 1)
    social = {
        "title_social": float(t_social),
        "practice_sentences": _log1(sum(c.hire for c in practice)),
        "practice_other_sentences": _log1(sum(not c.hire for c in practice)),
        "platform_sentences": _log1(sum(c.hire for c in platform)),
        "platform_other_sentences": _log1(sum(not c.hire for c in platform)),
        "list_sentences": _log1(len(listed)),
        "practice_in_duties": float(any(c.section in _DUTY for c in practice)),
        "practice_in_requirements": float(any(c.section in _REQ for c in practice)),
        "practice_required": float(any(c.level == "required" for c in practice)),
        "practice_preferred": float(any(c.level == "preferred" for c in practice)),
        "incidental_cues": _log1(sum(c.incidental for c in cues)),
        "company_cues": _log1(sum(c.company and not c.hire for c in cues)),
        "boilerplate_cues": _log1(sum(c.section in _BOILER for c in cues)),
        "family_marketing_or_social": float(family in ("marketing", "social_media")),
        "family_care_or_health": float(family in ("healthcare", "social_care")),
    }
    strength = {
        "title_social": float(t_social),
        "practice_sentences": _log1(len(practice)),
        "practice_share": len(practice) / n_sent,
        "core_cue": float(any(c.core for c in practice)),
        "channel_lists": float(bool(qual) and all(c.channels for c in qual)),
        "only_preferred": float(bool(qual) and all(c.level == "preferred" for c in qual)),
        "practice_in_duties": float(any(c.section in _DUTY for c in practice)),
        "platform_only": float(bool(qual) and not practice),
        "platform_sentences": _log1(len(platform)),
        "distinct_platforms": _log1(len({m.group(0).lower() for c in qual for m in lists.platforms.finditer(c.text)})
                                    if lists.platforms is not None else 0),
        "cue_sentences": _log1(len(qual)),
        "cue_in_summary": float(any(c.start < 0.25 * max(len(text), 1) for c in qual)),
        "duty_share": sum(c.section in _DUTY for c in qual) / max(sum(k in _DUTY for k in span_sections), 1),
        "family_marketing_or_social": float(family in ("marketing", "social_media")),
    }
    tax = dict.fromkeys(AREAS, 0)
    people = team_size = 0
    for m in mentions:
        if not getattr(m, "counts", True):
            continue
        if m.skill_id in lists.people_skills:
            people += 1
            team_size += getattr(m, "quantity_kind", None) == "team_size"
        area = {"platforms": "marketing_communications", "social_generic": "marketing_communications"}.get(
            m.area, m.area)
        if area in tax:
            tax[area] += 1
    # the words that speak about the job: not the company's self-description or boilerplate;
    # one pass of one pattern over the text, each match credited to its areas
    starts = [s for s, _ in spans]
    company_at = set()
    if lists.company is not None:
        for m in lists.company.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= spans[i][1]:
                company_at.add(i)
    job = [k not in _BOILER and not (i in company_at and not speaks_to_hire(text[s:e], lists))
           for i, ((s, e), k) in enumerate(zip(spans, span_sections))]
    total = dict.fromkeys(AREAS, 0)
    in_job = dict.fromkeys(AREAS, 0)
    if lists.all_areas is not None:
        for m in lists.all_areas.finditer(_blank(lists.not_areas, text)):
            hit = lists.areas_of(m.group(0))
            if not hit:
                continue
            i = bisect_right(starts, m.start()) - 1
            own = 0 <= i < len(spans) and m.start() < spans[i][1] and job[i]
            for a in hit:
                total[a] += 1
                in_job[a] += own
    areas: dict[str, float] = {}
    for a in AREAS:
        areas[f"tax_{a}"] = _log1(tax[a])
        areas[f"words_{a}"] = _log1(total[a] * 1000.0 / max(len(text), 500))
        areas[f"job_words_{a}"] = _log1(in_job[a])
        areas[f"title_{a}"] = float(_has(lists.areas[a], title or ""))
    for f in FAMILIES:
        areas[f"family_{f}"] = float(family == f)
    areas["tax_people"] = _log1(people)
    areas["team_size"] = float(team_size > 0)
    areas["social_practice"] = float(bool(practice))
    areas["length"] = _log1(len(text) / 1000.0)
    return PostingFeatures(social=social, strength=strength, areas=areas, cues=tuple(cues), title_social=t_social,
                           terms=job_terms(title, text, spans, job))
