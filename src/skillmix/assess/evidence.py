"""What a résumé proves, skill by skill: the evidence summary scorecards and rankers share.

:func:`summarise` turns one :class:`~skillmix.records.Extraction` (and the
:class:`~skillmix.records.Document` it came from) into a :class:`CandidateEvidence`:

* for each skill, the mentions that **count** (not negated, not consumer-only familiarity),
  whether any of them is **professional** (inside a dated role of the work history, or with
  a professional-use cue such as "managed", "launched", "clients"), and the mentions that
  show only a consumer's familiarity ("avid Instagram user": the article's intern mistake);
* **years** per skill from dated roles: the months of every role whose text holds a
  counting mention, with overlapping roles counted once, or an explicit claim ("5 years of
  SEO") when that is larger (a role with a start date but neither an end date nor
  "present" counts :data:`UNKNOWN_END_MONTHS` at most);
* **recency** (months since the last role that used the skill ended; 0 while current) and
  the **seniority** of those roles, read from their titles with ``data/seniority.yaml``.

"Current" means current *when the document was written*, which for a résumé in a corpus can
be years before ``today``: a role "2010 - Current" in a file made in 2014 is four years, not
sixteen. :func:`current_until` picks the day current roles run to: the date the file says
it was written (PDF/DOCX metadata, JSON Resume ``meta.lastModified``), else the latest date
the text writes when that is after the current job began and :data:`STALE_AFTER_MONTHS` or
more before ``today`` (an old document), else ``today``. Recency is still measured from
``today``: a skill last shown in a 2014 document is not shown to be in use now.

It is a pure function of its inputs plus ``today`` (which defaults to the current date, so
pass it for reproducible output). The match stage reuses it, so it knows nothing of
profiles or scores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Mapping


from ..yamlio import safe_load as load_yaml
from ..errors.profile_codes import P120
from ..records import Document, Extraction, Role, SkillMention

__all__ = [
    "CandidateEvidence",
    "RoleEvidence",
    "SkillEvidence",
    "current_until",
    "months_between",
    "seniority_of",
    "seniority_of_years",
    "seniority_words",
    "summarise",
    "written_on",
]

_WORDS = re.compile(r"[a-z][a-z\-]*")

#: months credited to a role with a start date, no end date and no "present": the reader
#: found one date only, so the role is not run up to today
UNKNOWN_END_MONTHS = 12

#: a document with no written-on date whose latest written date is this many months or more
#: before ``today`` is old: its "Current" roles end at that latest date. A fresh résumé
#: (latest date within two years) keeps its current roles running to ``today``, since a
#: candidate applying now seldom writes a date after the start of the job they are in.
STALE_AFTER_MONTHS = 24

#: the metadata key of a masked copy that keeps what :func:`written_on` read from its
#: original (``{"day": ISO date, "basis": ...}``), the one date scoring needs
WRITTEN_ON_KEY = "written_on"
_WRITTEN_BASES = ("file's date", "latest date in the text")
#: how a masked copy's kept day is marked (its scorecard names no date)
BLIND_BASIS = "blind:"


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 when later is earlier)."""
    return max(0, (later.year - earlier.year) * 12 + later.month - earlier.month)


def written_on(document: Document) -> tuple[date, str] | None:
    """(the day ``document`` was written, how that is known: ``file's date`` or ``latest
    date in the text``), or None when neither says. It does not depend on ``today``, so it
    can be read once from the original file: blind mode drops the file's metadata and masks
    dates (graduation years) from the text, and stores this pair under
    :data:`WRITTEN_ON_KEY` instead (see :mod:`skillmix.fairness.redact`), so a masked copy
    counts "Current" roles to the same day as its original and gets the same years."""
    from ..io.dates import latest_written_date, parse_timestamp

    meta = document.metadata
    kept = meta.get(WRITTEN_ON_KEY)
    if isinstance(kept, Mapping):
        day = parse_timestamp(kept.get("day"))
        basis = kept.get("basis")
        # a masked copy's day: the same count, but its date is not to be printed (it may be
        # a graduation date blind mode masks)
        return (day, f"{BLIND_BASIS}{basis}") if day is not None and basis in _WRITTEN_BASES else None
    written = parse_timestamp(meta.get("written"))
    # the reader keeps the text's latest date (io/reader.py); other documents are scanned
    latest = (parse_timestamp(meta["latest_date"]) if "latest_date" in meta
              else latest_written_date(document.text))
    # a file dated before a date its own text writes was stamped by something else (a
    # template, a copy): the text wins
    if written is not None and (latest is None or written >= latest):
        return written, "file's date"
    starts = [r.start for r in document.roles if r.current and r.start is not None]
    # only a date after the current job began says when the text was written; the start
    # itself says nothing ("Jan 2021 - Present" may have been written yesterday)
    if latest is not None and all(latest > s for s in starts):
        return latest, "latest date in the text"
    return None


def current_until(document: Document | None, today: date) -> tuple[date, str]:
    """(the day a role marked "Current" runs to, why): ``file's date`` (the date the file
    says it was written, when no date in its text is later), ``latest date in the text``
    (an old document) or ``today``. Never later than ``today``."""
    written = written_on(document) if document is not None else None
    if written is None:
        return today, "today"
    day, basis = written
    if basis == "file's date":
        return min(day, today), basis
    if months_between(day, today) >= STALE_AFTER_MONTHS:
        return day, basis
    return today, "today"


@dataclass(frozen=True, slots=True)
class _Seniority:
    default: int
    labels: Mapping[int, str]
    words: Mapping[str, int]
    lowering: frozenset[str]
    #: words that set a title's level whatever else it names ("Content Manager (INTERNSHIP)")
    overriding: frozenset[str] = frozenset()
    #: level -> the dated years that reach it (levels without ``years`` are not reached by
    #: years alone), ascending
    years: tuple[tuple[int, float], ...] = ()


@lru_cache(maxsize=1)
def _seniority_table() -> _Seniority:
    raw = load_yaml(
        (resources.files("skillmix.assess") / "data" / "seniority.yaml").read_text("utf-8")
    )
    labels: dict[int, str] = {}
    words: dict[str, int] = {}
    years: list[tuple[int, float]] = []
    for entry in raw.get("levels") or []:
        level = int(entry["level"])
        labels[level] = str(entry["label"])
        for w in entry.get("words") or []:
            words[str(w).lower()] = level
        if entry.get("years") is not None:
            years.append((level, float(entry["years"])))
    default = int(raw.get("default", 2))
    if default not in labels:
        raise P120(f"seniority default level {default} has no label.",
                   source="assess/data/seniority.yaml")
    return _Seniority(default, labels, words, frozenset(str(w).lower() for w in raw.get("lowering") or []),
                      frozenset(str(w).lower() for w in raw.get("overriding") or []),
                      tuple(sorted(years, key=lambda lv: lv[1])))


def seniority_of(title: str | None) -> tuple[int | None, str]:
    """(level, label) of a job title: 0 intern ... 5 executive; ``(None, "unknown")`` for
    an empty title. See ``data/seniority.yaml`` for the words and the lowering rule."""
    if not title or not title.strip():
        return None, "unknown"
    said = seniority_words(title)
    if said is None:
        table = _seniority_table()
        return table.default, table.labels[table.default]
    return said[0], said[1]


def seniority_words(title: str | None) -> tuple[int, str, str] | None:
    """(level, label, the words that set it) of a job title, or ``None`` when no word of
    ``data/seniority.yaml`` is in it. Scorecards read such a title as mid level; ranking
    (:mod:`skillmix.match.level`) reads it as saying nothing, since "Marketing Specialist"
    may be a first job or a tenth."""
    if not title:
        return None
    table = _seniority_table()
    words = _WORDS.findall(title.lower())
    found = [(table.words[w], w) for w in words if w in table.words]
    if not found:
        return None
    ruling = [lw for lw in found if lw[1] in table.overriding and _trainee_post(title, lw[1], table)]
    if ruling:
        level, word = min(ruling, key=lambda lw: lw[0])
        return level, table.labels.get(level, str(level)), word
    level, word = max(found, key=lambda lw: lw[0])
    lowered = [(table.words.get(w, 0), w) for w in words if w in table.lowering]
    if lowered and level > max(lowered)[0]:
        level -= 1
        word = f"{max(lowered)[1]} {word}"
    return level, table.labels.get(level, str(level)), word


def _trainee_post(title: str, word: str, table: "_Seniority") -> bool:
    """Whether a trainee word names the post: in brackets ("Content Manager
    (INTERNSHIP)"), ending the title ("Digital Marketing Intern"), or opening it before
    anything but a lowering word ("Intern - Business Analytics", "Trainee Assistant
    Manager"); not "Intern Manager" or "Senior Manager, Internship Program", who run one."""
    outer = _WORDS.findall(re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", title.lower()))
    if word not in outer:
        return True
    i = outer.index(word)
    if i == len(outer) - 1:
        return True
    return i == 0 and (outer[1] not in table.words or outer[1] in table.lowering)


def seniority_of_years(years: float) -> tuple[int, str] | None:
    """(level, label) that ``years`` of dated experience reach by themselves (the highest
    level whose ``years`` in ``data/seniority.yaml`` they meet), or ``None`` when the table
    gives no level years."""
    table = _seniority_table()
    reached = [lv for lv, y in table.years if years >= y]
    if not reached:
        return None
    level = max(reached)
    return level, table.labels.get(level, str(level))


@dataclass(frozen=True, slots=True)
class RoleEvidence:
    """One dated role of the work history, with what it contributes as evidence."""

    index: int
    title: str
    employer: str | None
    start: date | None
    end: date | None
    current: bool
    months: int
    seniority: int | None
    seniority_label: str
    span_start: int
    span_end: int
    #: end of the role's first line (where its title or dates are)
    header_end: int
    #: ids of skills with a counting mention inside this role, in first-mention order
    skills: tuple[str, ...] = ()
    #: for a current role, the day it is counted to (see :func:`current_until`)
    until: date | None = None

    def last_day(self, today: date) -> date | None:
        """When the role last ran: while current, the day it is counted to (``today``
        unless the document is older), else its end (or start)."""
        if self.current:
            return min(self.until, today) if self.until is not None else today
        return self.end or self.start


@dataclass(frozen=True, slots=True)
class SkillEvidence:
    """Everything the résumé says about one skill.

    ``mentions`` are the counting ones (see :attr:`SkillMention.counts`);
    ``consumer_mentions`` show only a consumer's familiarity and never count.
    ``level`` is ``professional`` (a counting mention sits in a dated role or carries a
    professional-use cue), ``listed`` (counting mentions only outside the work history:
    a skills list, a summary), ``consumer`` (only consumer familiarity) or ``none``.
    """

    skill_id: str
    label: str
    area: str | None
    mentions: tuple[SkillMention, ...]
    consumer_mentions: tuple[SkillMention, ...] = ()
    level: str = "none"
    roles: tuple[int, ...] = ()
    years_from_roles: float = 0.0
    years_claimed: float | None = None
    last_used: date | None = None
    recency_months: int | None = None
    seniority: int | None = None

    @property
    def years(self) -> float:
        """Years of use: from dated roles, or the explicit claim when larger."""
        return max(self.years_from_roles, self.years_claimed or 0.0)

    @property
    def counts(self) -> bool:
        return bool(self.mentions)

    @property
    def professional(self) -> bool:
        return self.level == "professional"

    @property
    def consumer_only(self) -> bool:
        return not self.mentions and bool(self.consumer_mentions)


@dataclass(frozen=True, slots=True)
class CandidateEvidence:
    """Per-skill evidence for one candidate, plus their work history in brief.

    ``skills`` holds every skill the résumé mentions (counting or consumer-only), keyed by
    id in first-mention order; ``total_years`` is the union of all dated roles;
    ``seniority`` the highest role level (``None`` when no role has a title). ``text`` is
    the document text, kept so evidence can quote the sentence around a span.
    """

    document_id: str
    source: str
    today: date
    taxonomy: str
    taxonomy_version: str
    skills: Mapping[str, SkillEvidence]
    roles: tuple[RoleEvidence, ...] = ()
    total_years: float = 0.0
    seniority: int | None = None
    seniority_label: str = "unknown"
    text: str = field(default="", repr=False)
    #: the day current roles are counted to, and why (see :func:`current_until`)
    current_until: date | None = None
    current_basis: str = "today"

    def counting(self) -> list[SkillEvidence]:
        """Skills with at least one counting mention."""
        return [s for s in self.skills.values() if s.mentions]

    def consumer_only(self) -> list[SkillEvidence]:
        """Skills known only as a consumer."""
        return [s for s in self.skills.values() if s.consumer_only]

    def years_in(self, roles: set[int] | list[int] | tuple[int, ...]) -> float:
        """Years covered by the given roles, overlaps counted once."""
        return _union_years([self.roles[i] for i in roles], self.today)

    def sentence(self, m: SkillMention) -> str:
        if not self.text:
            return ""
        return " ".join(self.text[m.sentence_start:m.sentence_end].split())


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _union_spans(spans: list[tuple[int, int]]) -> float:
    """Years covered by half-open month-index ranges, overlaps counted once."""
    if not spans:
        return 0.0
    spans.sort()
    total = 0
    cur_lo, cur_hi = spans[0]
    for lo, hi in spans[1:]:
        if lo > cur_hi:
            total += cur_hi - cur_lo
            cur_lo, cur_hi = lo, hi
        elif hi > cur_hi:
            cur_hi = hi
    total += cur_hi - cur_lo
    return total / 12.0


def _union_years(roles: list[RoleEvidence], today: date) -> float:
    """Years covered by the union of the roles' month ranges (each role inclusive)."""
    return _union_spans([
        (_month_index(r.start), _month_index(r.start) + r.months)
        for r in roles if r.start is not None and r.months > 0
    ])


def _role_facts(role: Role, text: str, today: date) -> tuple[int, int | None, str, int]:
    """(months, seniority level, seniority label, header end) of one role; ``today`` is
    the day current roles run to (never before the role's own start)."""
    level, label = seniority_of(role.title)
    if role.current and role.start is not None and today < role.start:
        today = role.start
    stop = role.end or today
    months = role.months(today) if role.start is not None and role.start <= stop else 0
    if role.end is None and not role.current:
        months = min(months, UNKNOWN_END_MONTHS)  # "04/2013" alone: do not run it to today
    first = text.find("\n", role.span_start, role.span_end)
    return months, level, label, (first if first != -1 else role.span_end)


def summarise(
    extraction: Extraction,
    document: Document | None = None,
    today: date | None = None,
) -> CandidateEvidence:
    """Summarise a résumé's extraction into per-skill evidence (see the module docs).

    ``document`` supplies the work history (roles) and the text; without it, mentions
    keep whatever role index the extractor gave them and no years are credited.
    """
    now = today or date.today()
    text = document.text if document is not None else ""
    doc_roles = document.roles if document is not None else ()
    until, basis = current_until(document, now) if any(r.current for r in doc_roles) else (now, "today")
    facts = [_role_facts(r, text, until) for r in doc_roles]
    # roles the extractor did not index (extraction made without the roles) are looked up
    relocate = bool(doc_roles) and all(m.role is None for m in extraction.mentions)

    grouped: dict[str, list[SkillMention]] = {}
    for m in extraction.mentions:
        if not m.negated:
            grouped.setdefault(m.skill_id, []).append(m)

    role_skills: dict[int, list[str]] = {}
    skills: dict[str, SkillEvidence] = {}
    n_roles = len(doc_roles)
    for sid, mentions in grouped.items():
        counting = tuple(m for m in mentions if m.counts)
        consumer = tuple(m for m in mentions if m.usage == "consumer") if len(counting) < len(mentions) else ()
        in_roles: list[int] = []
        professional = False
        claimed: float | None = None
        for m in counting:
            idx = m.role
            if relocate:
                idx = document.role_at(m.start)  # type: ignore[union-attr]
            if idx is not None and idx < n_roles:
                if idx not in in_roles:
                    in_roles.append(idx)
                if doc_roles[idx].start is not None:
                    professional = True
            if m.usage == "professional":
                professional = True
            if m.years is not None and (claimed is None or m.years > claimed):
                claimed = m.years
        if counting:
            level = "professional" if professional else "listed"
        elif consumer:
            level = "consumer"
        else:
            level = "none"
        last = None
        seniority = None
        spans: list[tuple[int, int]] = []
        for idx in in_roles:
            role_skills.setdefault(idx, []).append(sid)
            role = doc_roles[idx]
            day = max(until, role.start or until) if role.current else (role.end or role.start)
            if day is not None and (last is None or day > last):
                last = day
            lvl = facts[idx][1]
            if lvl is not None and (seniority is None or lvl > seniority):
                seniority = lvl
            if role.start is not None and facts[idx][0] > 0:
                lo = _month_index(role.start)
                spans.append((lo, lo + facts[idx][0]))
        first = mentions[0]
        skills[sid] = SkillEvidence(
            skill_id=sid, label=first.label, area=first.area, mentions=counting,
            consumer_mentions=consumer, level=level, roles=tuple(in_roles),
            years_from_roles=_union_spans(spans), years_claimed=claimed,
            last_used=last, recency_months=months_between(last, now) if last else None,
            seniority=seniority,
        )

    roles = tuple(
        RoleEvidence(
            index=i, title=r.title, employer=r.employer, start=r.start, end=r.end,
            current=r.current, months=f[0], seniority=f[1], seniority_label=f[2],
            span_start=r.span_start, span_end=r.span_end, header_end=f[3],
            skills=tuple(role_skills.get(i, ())),
            until=max(until, r.start or until) if r.current else None,
        )
        for i, (r, f) in enumerate(zip(doc_roles, facts))
    )
    top = max((r for r in roles if r.seniority is not None), key=lambda r: r.seniority or 0,
              default=None)
    return CandidateEvidence(
        document_id=extraction.document_id, source=extraction.source, today=now,
        taxonomy=extraction.taxonomy, taxonomy_version=extraction.taxonomy_version,
        skills=skills, roles=roles, total_years=_union_years(list(roles), now),
        seniority=top.seniority if top else None,
        seniority_label=top.seniority_label if top else "unknown", text=text,
        current_until=until if basis != "today" else None, current_basis=basis,
    )
