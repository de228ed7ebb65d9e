"""The typed, frozen records that the stages hand each other.

``io`` makes :class:`Document` (with :class:`Section` and :class:`Role`), wrapped as a
:class:`Posting` or :class:`Resume`; ``taxonomy`` holds :class:`Skill` and :class:`Area`;
``extract`` makes :class:`SkillMention` inside an :class:`Extraction`; ``assess`` makes
:class:`Scorecard`; ``match`` makes :class:`Ranking` of :class:`Match`. Every record is a
frozen, slotted dataclass so it cannot change under a consumer's feet, and every mention
keeps its character span so any score can be traced back to words in a document.

``to_dict`` gives a JSON-ready view for output and storage; ``from_dict`` (one generic
function, driven by the field types) reads any record back (store, io sandbox, server).
"""

from __future__ import annotations

import collections.abc
import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable, Container, Literal, Mapping, TypeVar

from .errors.config_codes import C150

__all__ = [
    "Area",
    "AreaScore",
    "BalanceScore",
    "FocusScore",
    "Counterfactual",
    "Document",
    "DocumentKind",
    "Evidence",
    "Extraction",
    "Gap",
    "Match",
    "Posting",
    "Ranking",
    "Record",
    "RedFlag",
    "Requirement",
    "Resume",
    "Role",
    "ScorePoint",
    "Scorecard",
    "Section",
    "Skill",
    "SkillDepth",
    "SkillMatch",
    "SkillMention",
    "Usage",
    "content_id",
    "from_dict",
    "to_jsonable",
]

R = TypeVar("R")

DocumentKind = Literal["posting", "resume", "unknown"]
Requirement = Literal["required", "preferred", "mentioned"]
#: ``incidental``: named, but neither claimed by the person nor asked of the hire (a
#: posting's description of the company itself: "we are a data science agency")
Usage = Literal["professional", "consumer", "unspecified", "incidental"]


def content_id(data: bytes | str) -> str:
    """A stable id for a document: the first 16 hex digits of its SHA-256."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


_SCALARS = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def to_jsonable(value: Any) -> Any:
    """Turn records (and containers of them) into JSON-ready builtins.

    Why the order of the checks: this runs over every mention of every result the server
    stores; builtins come first and each record class's field names are looked up once
    (``isinstance`` against the ``typing`` aliases cost more than the conversion)."""
    if isinstance(value, _SCALARS):
        return value
    cls = type(value)
    if cls is dict:
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if cls is list or cls is tuple:
        return [to_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_jsonable(getattr(value, name)) for name in _field_names(cls)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    return value


class Record:
    """Base of every frozen record: ``to_dict`` gives plain JSON-ready data. Subclass it
    (with ``@dataclass(frozen=True, slots=True)``) for records outside this module."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)

    @classmethod
    def from_dict(cls: type[R], data: Mapping[str, Any]) -> R:
        """The record from its :meth:`to_dict` form (see :func:`from_dict`)."""
        return from_dict(cls, data)


def from_dict(cls: type[R], data: Mapping[str, Any]) -> R:
    """A record of type ``cls`` from its :meth:`~Record.to_dict` form (or the same read
    back from JSON): nested records, tuples, dates and optional fields are rebuilt from the
    field types; keys the record does not have are ignored (data written by a newer
    version), missing ones take their defaults. ``[C150]`` when the data does not fit.

    Why one function: the store, the io sandbox and the server read records back from
    JSON in several places; hand-written converters drifted from the records they rebuilt
    (a new field was silently dropped). A round-trip property test covers every record."""
    if not isinstance(data, Mapping):
        raise C150(f"a {cls.__name__} must be a JSON object, not "
                   f"{type(data).__name__}.")
    try:
        return _builder(cls)(data)
    except (TypeError, ValueError, KeyError, AttributeError) as err:
        raise C150(f"the data is not a valid {cls.__name__} ({err}).") from None


_BUILDERS: dict[type, Callable[[Mapping[str, Any]], Any]] = {}


def _builder(cls: type) -> Callable[[Mapping[str, Any]], Any]:
    built = _BUILDERS.get(cls)
    if built is None:
        hints = typing.get_type_hints(cls)
        plan = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls)]

        def built(data: Mapping[str, Any], _plan=plan, _cls=cls) -> Any:
            kw = {}
            for name, conv in _plan:
                if name in data:
                    value = data[name]
                    kw[name] = conv(value) if conv is not None and value is not None else value
            return _cls(**kw)

        _BUILDERS[cls] = built
    return built


def _converter(tp: Any) -> Callable[[Any], Any] | None:
    """How to rebuild a value of type ``tp`` from JSON (None: as it is)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        build = _builder(tp)
        return lambda v: v if isinstance(v, tp) else build(v)
    if tp is date:
        return lambda v: (date.fromisoformat(v) if v else None) if isinstance(v, str) else v
    if tp is datetime:
        return lambda v: (datetime.fromisoformat(v) if v else None) if isinstance(v, str) else v
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            each = _converter(args[0])
            if each is None:
                return tuple
            return lambda v: tuple(None if x is None else each(x) for x in v)
        convs = [_converter(a) for a in args]
        return lambda v: tuple(x if c is None or x is None else c(x) for c, x in zip(convs, v))
    if origin in (dict, Mapping, collections.abc.Mapping):
        return dict
    return None


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Section(Record):
    """A titled region of a document, as character offsets into ``Document.text``.

    ``kind`` is one of: résumés ``summary, experience, skills, education, certifications,
    projects, contact, other``; postings ``company, responsibilities, requirements,
    preferred, benefits, legal, other``. ``boilerplate`` marks text extraction should skip
    (equal-opportunity and legal notices, benefits lists).
    """

    kind: str
    heading: str
    start: int
    end: int
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class Role(Record):
    """One job in a résumé's work history.

    ``start``/``end`` are first-of-month dates (``end`` is ``None`` with ``current`` true for
    "Present"); ``span_start``/``span_end`` delimit the role's text in the document so skills
    mentioned inside it can be credited with its duration and recency.
    """

    title: str
    employer: str | None
    start: date | None
    end: date | None
    current: bool
    span_start: int
    span_end: int

    def months(self, today: date | None = None) -> int:
        """Whole months the role lasted (0 when its start is unknown)."""
        if self.start is None:
            return 0
        stop = self.end or today or date.today()
        return max(0, (stop.year - self.start.year) * 12 + stop.month - self.start.month + 1)


@dataclass(frozen=True, slots=True)
class Document(Record):
    """The text of one file or record, with what the reader learnt about its structure.

    ``id`` is a content hash (see :func:`content_id`) unless the source gave one (a corpus
    row's id). ``metadata`` holds reader-specific facts (author, page count, JSON fields);
    treat it as read-only.
    """

    id: str
    text: str
    source: str
    media_type: str
    kind: DocumentKind = "unknown"
    title: str | None = None
    pages: int | None = None
    sections: tuple[Section, ...] = ()
    roles: tuple[Role, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def section_at(self, offset: int) -> Section | None:
        """The section holding character ``offset`` (innermost/last match wins)."""
        found = None
        for sec in self.sections:
            if sec.start <= offset < sec.end:
                found = sec
        return found

    def role_at(self, offset: int) -> int | None:
        """Index into ``roles`` of the role whose text holds ``offset``."""
        for i, role in enumerate(self.roles):
            if role.span_start <= offset < role.span_end:
                return i
        return None

    def replace(self, **changes: Any) -> "Document":
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Posting(Record):
    """A job posting: its document plus the fields a job board gives."""

    document: Document
    id: str
    title: str | None = None
    company: str | None = None
    location: str | None = None
    posted: date | None = None
    url: str | None = None

    @property
    def text(self) -> str:
        return self.document.text


@dataclass(frozen=True, slots=True)
class Resume(Record):
    """A candidate's résumé: its document; work history lives in ``document.roles``."""

    document: Document
    id: str
    name: str | None = None

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def roles(self) -> tuple[Role, ...]:
        return self.document.roles


# --------------------------------------------------------------------------- taxonomy


@dataclass(frozen=True, slots=True)
class Area(Record):
    """A skill area of a taxonomy (e.g. ``technology``) and which side of the
    technologist/communicator balance it counts towards (``tech``, ``comm`` or ``neutral``)."""

    id: str
    label: str
    side: Literal["tech", "comm", "neutral"] = "neutral"
    description: str = ""


@dataclass(frozen=True, slots=True)
class Skill(Record):
    """One skill of a taxonomy, with every surface form it may appear as.

    ``aliases`` are matched like the label; ``case_sensitive`` lists aliases that only
    count when written exactly so ("Go", "R", "Excel"). ``broader``/``related`` hold ids
    in the same taxonomy. Cross-references point to standard taxonomies.
    ``kind`` is ``skill``, ``knowledge``, ``tool``, ``platform`` or ``group``.
    ``questions`` are interview questions that probe the skill (used for gaps).
    """

    id: str
    label: str
    aliases: tuple[str, ...] = ()
    area: str | None = None
    kind: str = "skill"
    broader: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    esco_uri: str | None = None
    lightcast_id: str | None = None
    onet_example: str | None = None
    description: str = ""
    case_sensitive: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class SkillMention(Record):
    """One occurrence of a skill in a document, with its evidence and context.

    ``start``/``end`` slice ``Document.text`` to exactly ``surface``. ``sentence_start`` /
    ``sentence_end`` delimit the sentence (or bullet) it sits in. Context:
    ``requirement`` (required/preferred/mentioned), ``years`` asked for or claimed,
    ``negated`` (not required / no experience), ``usage`` (professional vs consumer
    familiarity). ``role`` indexes ``Document.roles`` when the mention sits inside a role.
    """

    skill_id: str
    label: str
    taxonomy: str
    taxonomy_version: str
    start: int
    end: int
    surface: str
    sentence_start: int
    sentence_end: int
    area: str | None = None
    section: str | None = None
    requirement: Requirement = "mentioned"
    years: float | None = None
    negated: bool = False
    usage: Usage = "unspecified"
    role: int | None = None
    extractor: str = "lexical"
    extractor_version: str = "1"
    confidence: float = 1.0
    #: a number the evidence states about the skill: team size ("Led a team of 5"),
    #: growth ("grew followers by 40%"); what it counts is ``quantity_kind``
    quantity: float | None = None
    quantity_kind: str | None = None
    #: mentions sharing a ``group`` are alternatives ("Hootsuite, Buffer or similar"):
    #: any one of them satisfies the requirement
    group: int | None = None

    @property
    def counts(self) -> bool:
        """Whether this mention is evidence of the skill at all (not negated, not
        consumer-only familiarity, not incidental)."""
        return not self.negated and self.usage != "consumer" and self.usage != "incidental"


@dataclass(frozen=True, slots=True)
class Extraction(Record):
    """All mentions found in one document, with what produced them."""

    document_id: str
    source: str
    kind: DocumentKind
    taxonomy: str
    taxonomy_version: str
    extractor_version: str
    mentions: tuple[SkillMention, ...]

    def skills(self) -> dict[str, list[SkillMention]]:
        """Mentions grouped by skill id, in document order."""
        out: dict[str, list[SkillMention]] = {}
        for m in self.mentions:
            out.setdefault(m.skill_id, []).append(m)
        return out

    def kept(self, min_confidence: float = 0.0, *,
             include_negated: bool = True) -> tuple[SkillMention, ...]:
        """The mentions a reader asked for. ``min_confidence`` above 0 keeps only credits:
        mentions that count (``SkillMention.counts``) with a confidence at or above it. A
        negated, consumer or incidental mention is no credit, so no threshold keeps it
        (its confidence of 1.0 says nothing was measured, not that it is sure). At 0 every
        mention is kept, negated ones only when ``include_negated``."""
        return tuple(m for m in self.mentions
                     if (include_negated or not m.negated)
                     and (min_confidence <= 0.0
                          or (m.counts and m.confidence >= min_confidence)))

    def alternative_groups(self, among: Container[str]) -> list[tuple[str, ...]]:
        """The example lists ("tools such as Hootsuite, Buffer, etc.") as groups of
        alternative skills: counting mentions that share a ``group``, restricted to the
        skills in ``among``, in text order, each skill in one group only; groups of two or
        more. Assessment and matching both read a posting's requirements through this."""
        groups: dict[int, list[str]] = {}
        used: set[str] = set()
        for m in self.mentions:
            if m.group is None or not m.counts or m.skill_id not in among or m.skill_id in used:
                continue
            groups.setdefault(m.group, []).append(m.skill_id)
            used.add(m.skill_id)
        return [tuple(g) for g in groups.values() if len(g) >= 2]


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """A pointer from a number in a scorecard or ranking back to words in a document."""

    document_id: str
    skill_id: str
    start: int
    end: int
    surface: str
    sentence: str = ""
    weight: float = 0.0
    note: str = ""


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class SkillMatch(Record):
    """How one skill a job asks for was met by a candidate, with the evidence on both sides.

    ``kind`` is ``exact`` (the candidate shows the skill itself), ``alternative`` (a
    skill the job names as an equal alternative, "Hootsuite, Buffer or similar", named in
    ``via``: full credit), ``neighbour`` (only a skill next to it in the taxonomy, named in
    ``via``: partial credit) or ``missing``.
    ``demand`` is the job's weight for the skill (level x rarity); ``credit`` the
    candidate's evidence credit in [0, 1] after neighbour credit.
    """

    skill_id: str
    label: str
    kind: Literal["exact", "alternative", "neighbour", "missing"]
    level: str
    demand: float
    credit: float
    area: str | None = None
    via: str | None = None
    job_evidence: Evidence | None = None
    candidate_evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Counterfactual(Record):
    """What one more piece of evidence would change, computed by re-scoring: with
    professional evidence of ``skill_id`` the result would move from ``rank_from`` to
    ``rank_to`` (every other document scored as before)."""

    skill_id: str
    label: str
    rank_from: int
    rank_to: int
    score_from: float
    score_to: float
    text: str = ""


@dataclass(frozen=True, slots=True)
class Match(Record):
    """One ranked result: who or what, its score, and why."""

    rank: int
    id: str
    score: float
    components: Mapping[str, float] = field(default_factory=dict)
    matched: tuple[Evidence, ...] = ()
    missing_required: tuple[str, ...] = ()
    transferable: tuple[tuple[str, str], ...] = ()
    counterfactuals: tuple[str, ...] = ()
    title: str | None = None
    #: per demanded skill: how it was matched, with the evidence on both sides (additive)
    skills: tuple["SkillMatch", ...] = ()
    #: the computed counterfactuals behind ``counterfactuals`` (additive)
    what_if: tuple["Counterfactual", ...] = ()
    #: why the occupation component is what it is, when that component is on (additive)
    occupation: str | None = None
    #: why the level component is below 1: a far seniority mismatch, in words (additive)
    level: str | None = None


@dataclass(frozen=True, slots=True)
class Ranking(Record):
    """A ranking run: the query, the ranked results and the parameters that produced
    them (recorded for reproducibility and audit)."""

    query_id: str
    direction: Literal["candidates-for-job", "jobs-for-candidate"]
    results: tuple[Match, ...]
    parameters: Mapping[str, Any] = field(default_factory=dict)
    taxonomy: str = ""
    taxonomy_version: str = ""


# --------------------------------------------------------------------------- assessment


@dataclass(frozen=True, slots=True)
class ScorePoint(Record):
    """A slice of a scorecard's fit and the evidence that earned it.

    ``kind`` is ``breadth`` (a skill's evidence in an area: ``skill_id`` set) or ``depth``
    (a dated role's years in an area: ``role`` indexes ``Document.roles``). The points of
    a scorecard add up to its ``fit``; every slice carries at least one evidence span.
    """

    points: float
    area: str
    kind: Literal["breadth", "depth"]
    skill_id: str | None = None
    role: int | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class AreaScore(Record):
    """How well a candidate covers one area of a role profile.

    ``coverage`` (0..1) mixes ``breadth`` (weighted skill evidence against the area's
    target) and ``depth`` (years in dated roles against the area's minimum, discounted
    for staleness) by the profile's breadth setting; ``points`` is its share of the fit.
    """

    area: str
    label: str
    side: str
    weight: float
    coverage: float
    breadth: float
    depth: float
    years: float
    min_years: float
    points: float
    skills: tuple[str, ...] = ()
    required_met: tuple[str, ...] = ()
    required_missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BalanceScore(Record):
    """The technologist/communicator balance of a candidate's evidence.

    ``tech`` and ``comm`` sum the evidence of skills in tech-side and comm-side areas;
    ``index`` is 1 when they are equal and 0 when one is absent; ``factor`` is what the
    fit is multiplied by for straying from the profile's ``target`` tech share by more
    than its ``tolerance``. ``leans`` is ``tech``, ``comm``, ``balanced`` or ``none``: not
    enough evidence to weigh (``tech + comm`` below ``assess.MIN_BALANCE_EVIDENCE``).
    """

    tech: float
    comm: float
    tech_share: float
    index: float
    target: float
    tolerance: float
    factor: float
    leans: str


@dataclass(frozen=True, slots=True)
class FocusScore(Record):
    """How much of what the role is *about* the résumé shows (a profile's ``focus``: social
    media work for the built-in profiles), and what that does to the fit.

    ``evidence`` sums the credit of the focus skills the résumé shows professionally or in
    a list (``skills``, with the spans behind them); ``factor`` = ``floor`` + (1 -
    ``floor``) * min(1, ``evidence`` / ``target``) multiplies the fit.
    """

    label: str
    evidence: float
    target: float
    floor: float
    factor: float
    skills: tuple[str, ...] = ()
    spans: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class SkillDepth(Record):
    """Depth of one skill: years from dated roles (or an explicit claim), recency,
    seniority of the roles that used it, and where the résumé says so."""

    skill_id: str
    label: str
    area: str | None
    level: str
    years: float
    years_from_roles: float = 0.0
    years_claimed: float | None = None
    recency_months: int | None = None
    last_used: date | None = None
    seniority: int | None = None
    roles: tuple[int, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class RedFlag(Record):
    """A warning a hiring manager should read, from a profile's red-flag rule."""

    rule: str
    severity: Literal["low", "medium", "high"]
    message: str
    skill_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    question: str | None = None


@dataclass(frozen=True, slots=True)
class Gap(Record):
    """Something the role wants that the résumé does not show, and an interview
    question (from the profile or taxonomy data) that would probe it.
    ``kind``: ``required``, ``focus``, ``preferred``, ``area``, ``years`` or ``seniority``."""

    kind: str
    message: str
    skill_id: str | None = None
    area: str | None = None
    question: str | None = None


@dataclass(frozen=True, slots=True)
class Scorecard(Record):
    """One candidate assessed against one role profile, with the evidence for every point.

    ``fit`` (0..100) is the sum of ``points``; the formula is in ``formula`` and
    docs/assess.md, its settings in ``parameters`` (recorded for reproducibility).
    """

    document_id: str
    source: str
    profile: str
    profile_version: str
    taxonomy: str
    taxonomy_version: str
    fit: float
    areas: tuple[AreaScore, ...]
    balance: BalanceScore
    depth: tuple[SkillDepth, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    gaps: tuple[Gap, ...] = ()
    points: tuple[ScorePoint, ...] = ()
    total_years: float = 0.0
    seniority: int | None = None
    seniority_label: str = "unknown"
    today: date | None = None
    formula: str = ""
    parameters: Mapping[str, Any] = field(default_factory=dict)
    #: the profile's focus and its factor (``None`` for a profile without a focus)
    focus: FocusScore | None = None
