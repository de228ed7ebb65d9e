"""Role profiles: what a role wants, as validated, versioned data.

A profile is a YAML file (the built-in ones live in ``assess/profiles/``) that names the
skill areas a role needs with their weights, the required and preferred skills (taxonomy
ids), minimum years per area, per skill and overall, how much breadth versus depth the
role wants, the technologist/communicator balance it aims for, the skills the role is
*about* (its focus: social media work for the built-in profiles), and the red-flag rules to
apply. :func:`load_profile` reads one by name or path and checks every field against the
taxonomy it names, so a typo fails loudly ([P1xx] errors) instead of scoring silently.
:func:`profile_from_posting` derives one from a job posting's extraction. The file format
is documented in ``docs/assess.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import yaml

from ..yamlio import safe_load as load_yaml
from ..errors import ErrorCode, ProfileError
from ..errors.profile_codes import P101, P102, P103, P104, P105, P106, P107, P108, P109, P111
from ..taxonomy import load_taxonomy
from ..taxonomy.model import Taxonomy

__all__ = [
    "DEFAULT_PROFILE",
    "RULES",
    "SEVERITIES",
    "AreaSpec",
    "Credit",
    "Focus",
    "RedFlagRule",
    "RoleProfile",
    "available_profiles",
    "load_profile",
    "parse_profile",
    "profile_source",
]

DEFAULT_PROFILE = "social-media-technologist"
SCHEMA = 1
SEVERITIES = ("low", "medium", "high")
#: red-flag rules the scorer implements, each with the parameters it accepts and their
#: defaults (a profile's ``params`` override them; scorecards record the values used)
RULES: dict[str, dict[str, float]] = {
    "consumer_familiarity": {"min_professional": 1},
    "missing_required": {"max_missing": 0},
    "years_below_minimum": {"ratio": 0.5},
    "imbalance": {},
    "seniority_below": {},
    "listed_only": {"max_share": 0.7, "min_skills": 5},
}

#: sample values of the placeholders each rule's message template may use
PLACEHOLDERS: dict[str, dict[str, Any]] = {
    "consumer_familiarity": {"platforms": "Instagram", "count": 1, "professional": 0},
    "missing_required": {"count": 1, "skills": "SEO", "total": 3},
    "years_below_minimum": {"what": "Technology", "years": 0.5, "minimum": 2.0, "claimed": 0.0,
                            "measured": "in dated roles that use the profile's technology "
                                        "skills"},
    "imbalance": {"side": "technologist", "share": 0.8, "target": 0.5},
    "seniority_below": {"have": "junior", "want": "senior"},
    "listed_only": {"count": 6, "total": 8},
}

_TOP_KEYS = {
    "schema", "id", "version", "label", "description", "taxonomy", "sources", "min_years",
    "min_seniority", "breadth", "balance", "credit", "recency", "areas", "skills",
    "red_flags", "questions", "alternatives", "gaps", "focus",
}
_AREA_KEYS = {"id", "weight", "min_years", "target", "required", "preferred", "questions"}
_BALANCE_KEYS = {"target", "tolerance", "weight"}
_FOCUS_KEYS = {"label", "skills", "areas", "target", "floor"}
_CREDIT_ORDER = (
    "professional", "listed", "required", "preferred", "other", "transversal", "transferable",
    "short_years",
)
_CREDIT_KEYS = set(_CREDIT_ORDER)
_RECENCY_KEYS = {"full_months", "zero_months", "floor"}
_GAP_KEYS = {"preferred_below", "area_below"}
_FLAG_KEYS = {"rule", "severity", "message", "question", "params"}


@dataclass(frozen=True, slots=True)
class AreaSpec:
    """One skill area a role needs.

    ``weight`` is its share of the fit (weights are normalised over the profile);
    ``target`` is how much weighted evidence earns full breadth credit in the area;
    ``required``/``preferred`` name taxonomy skills (from any area: a skill listed here
    counts for this area only); ``questions`` probe a weak area in interview.
    """

    id: str
    weight: float
    label: str = ""
    side: str = "neutral"
    min_years: float = 0.0
    target: float = 3.0
    required: tuple[str, ...] = ()
    preferred: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Credit:
    """How much one skill's evidence is worth.

    Evidence level: ``professional`` (used in a dated role or with a professional cue),
    ``listed`` (only in a skills list or summary). Importance: ``required``,
    ``preferred``, ``other`` (any other skill of the area). ``transferable``: the share
    of credit a required or preferred skill gets from evidence of a taxonomy neighbour.
    ``short_years``: the least share a skill keeps when the candidate's years with it fall
    short of the profile's minimum for it (the credit scales with years / minimum, down to
    this floor).
    """

    professional: float = 1.0
    listed: float = 0.5
    required: float = 1.0
    preferred: float = 0.7
    other: float = 0.35
    transversal: float = 0.0
    transferable: float = 0.5
    short_years: float = 0.5


@dataclass(frozen=True, slots=True)
class Focus:
    """The skills a role is about, without which the rest of its mix counts for little.

    Why: an area mix alone scores a strong technologist or a strong generalist well for a
    *social media* role with no social media work at all (the default profile's technology
    area fills up with generic IT evidence). The focus evidence F sums the credit
    (professional or listed, as in the fit) of the focus skills: those listed in ``skills``
    and every taxonomy skill of the ``areas`` listed. The fit is multiplied by ``floor +
    (1 - floor) * min(1, F / target)``: 1 once the focus is evidenced ``target`` times over,
    ``floor`` with no such evidence. Consumer-only familiarity is no evidence.
    """

    label: str
    skills: frozenset[str]
    areas: tuple[str, ...] = ()
    target: float = 2.0
    floor: float = 0.25
    #: the skills as the profile listed them (``skills`` also holds the areas' skills)
    listed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RedFlagRule:
    """A red-flag rule a profile applies: which check, how severe, what to say and ask.

    ``message`` may use ``{placeholders}`` the rule fills in (see ``docs/assess.md``).
    """

    rule: str
    severity: str = "medium"
    message: str = ""
    question: str = ""
    params: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RoleProfile:
    """A role's wants, as loaded from a profile file (see the module docs)."""

    id: str
    version: str
    label: str
    areas: tuple[AreaSpec, ...]
    description: str = ""
    taxonomy: str = "builtin"
    taxonomy_version: str = ""
    sources: tuple[str, ...] = ()
    min_years: float = 0.0
    min_seniority: int | None = None
    breadth: float = 0.6
    balance_target: float = 0.5
    balance_tolerance: float = 0.2
    balance_weight: float = 0.3
    credit: Credit = field(default_factory=Credit)
    recency_full_months: int = 36
    recency_zero_months: int = 180
    recency_floor: float = 0.5
    #: gaps a scorecard lists: an area's missing preferred skills when its coverage is
    #: below ``gap_preferred_below``; "little evidence" of the area below ``gap_area_below``
    gap_preferred_below: float = 0.5
    gap_area_below: float = 0.25
    skill_years: Mapping[str, float] = field(default_factory=dict)
    red_flags: tuple[RedFlagRule, ...] = ()
    questions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    path: str = ""
    #: groups of alternatives ("Hootsuite, Buffer or similar"): the first skill of a
    #: group is the one an area lists; evidence of any member satisfies it
    alternatives: tuple[tuple[str, ...], ...] = ()
    #: the skills the role is about (see :class:`Focus`); ``None``: no focus factor
    focus: Focus | None = None

    def area(self, area_id: str) -> AreaSpec | None:
        for a in self.areas:
            if a.id == area_id:
                return a
        return None

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(s for a in self.areas for s in a.required)

    @property
    def preferred(self) -> tuple[str, ...]:
        return tuple(s for a in self.areas for s in a.preferred)

    def rule(self, name: str) -> RedFlagRule | None:
        for r in self.red_flags:
            if r.rule == name:
                return r
        return None

    def to_dict(self) -> dict[str, Any]:
        """The profile as YAML-ready data (what :func:`parse_profile` reads back)."""
        return {
            "schema": SCHEMA, "id": self.id, "version": self.version, "label": self.label,
            "description": self.description, "taxonomy": self.taxonomy,
            "sources": list(self.sources), "min_years": self.min_years,
            "min_seniority": self.min_seniority, "breadth": self.breadth,
            "balance": {"target": self.balance_target, "tolerance": self.balance_tolerance,
                        "weight": self.balance_weight},
            "credit": {k: getattr(self.credit, k) for k in _CREDIT_ORDER},
            "recency": {"full_months": self.recency_full_months,
                        "zero_months": self.recency_zero_months, "floor": self.recency_floor},
            "gaps": {"preferred_below": self.gap_preferred_below,
                     "area_below": self.gap_area_below},
            "areas": [
                {"id": a.id, "weight": a.weight, "min_years": a.min_years, "target": a.target,
                 "required": list(a.required), "preferred": list(a.preferred),
                 "questions": list(a.questions)}
                for a in self.areas
            ],
            "skills": {k: {"min_years": v} for k, v in self.skill_years.items()},
            "alternatives": [list(g) for g in self.alternatives],
            "red_flags": [
                {"rule": r.rule, "severity": r.severity, "message": r.message,
                 "question": r.question, "params": dict(r.params)}
                for r in self.red_flags
            ],
            "questions": {k: list(v) for k, v in self.questions.items()},
            **({"focus": {"label": self.focus.label, "skills": list(self.focus.listed),
                          "areas": list(self.focus.areas), "target": self.focus.target,
                          "floor": self.focus.floor}} if self.focus is not None else {}),
        }


# --------------------------------------------------------------------------- loading


def _profiles_dir() -> Path:
    return Path(str(resources.files("skillmix.assess") / "profiles"))


def profile_source(path: str) -> str:
    """How a result names the file a profile came from, with no path in it: a built-in
    profile's name (``builtin:social-media-manager``), a user's file by its name only
    (``file:growth-lead.yaml``), a workspace's profile by its id (``profile:ID``), one
    derived from a posting by the posting's file name (``posting:job.html``). Why: scorecards and the decision log are read
    through the API, and the path of an install or a user's home says nothing a reader
    needs (the profile's id and version say which profile it was) and much about the
    server."""
    if path.startswith("posting:"):  # the posting's file name (the CLI passes a path)
        return "posting:" + Path(path[len("posting:"):]).name
    if not path or path.startswith(("profile:", "<")):
        return path
    file = Path(path)
    try:
        builtin = file.parent.resolve() == _profiles_dir().resolve()
    except OSError:
        builtin = False
    return f"builtin:{file.stem}" if builtin else f"file:{file.name}"


def available_profiles() -> dict[str, str]:
    """Built-in profile ids and their one-line labels, default first."""
    out: dict[str, str] = {}
    for path in sorted(_profiles_dir().glob("*.yaml")):
        prof = load_profile(str(path))
        out[prof.id] = prof.label
    if DEFAULT_PROFILE in out:
        out = {DEFAULT_PROFILE: out.pop(DEFAULT_PROFILE), **out}
    return out


def load_profile(name_or_path: "str | Path | RoleProfile" = DEFAULT_PROFILE) -> RoleProfile:
    """A profile by built-in name (``social-media-manager``) or YAML path, validated.

    Raises :class:`~skillmix.errors.ProfileError` ([P101] unknown name, [P102] unreadable
    file, [P103] not YAML, [P104]-[P108] invalid content).
    """
    if isinstance(name_or_path, RoleProfile):
        return name_or_path
    spec = str(name_or_path)
    path = Path(spec).expanduser()
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = _profiles_dir() / f"{spec}.yaml"
        if not path.is_file():
            names = sorted(p.stem for p in _profiles_dir().glob("*.yaml"))
            raise P101(
                f"no built-in profile named {spec!r}.", source=spec,
                hint=f"Use one of {', '.join(names)}, or pass a path to a profile .yaml file.",
            )
    try:
        st = path.stat()
    except OSError as err:
        raise P102(
            f"cannot read profile file ({err.strerror}).", source=str(path),
            hint="Check the path, or use a built-in name (`skillmix assess --list-profiles`).",
        ) from None
    return _load_cached(str(path.resolve()), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=32)
def _load_cached(path: str, _mtime: int, _size: int) -> RoleProfile:
    try:
        raw = load_yaml(Path(path).read_text("utf-8"))
    except yaml.YAMLError as err:
        raise P103(f"profile is not valid YAML ({err}).".replace("\n", " "),
                   source=path, hint="Fix the YAML syntax.") from None
    except (OSError, UnicodeDecodeError) as err:
        raise P102(f"cannot read profile file ({err}).", source=path) from None
    return parse_profile(raw, source=path)


# --------------------------------------------------------------------------- validation


def _fail(code: ErrorCode[ProfileError], source: str, what: str, hint: str) -> ProfileError:
    return code(what, source=source, hint=hint)


def _check_keys(data: Mapping[str, Any], allowed: set[str], where: str, source: str) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        raise _fail(P104, source, f"unknown key(s) {extra} in {where}.",
                    f"Allowed keys: {', '.join(sorted(allowed))}.")


def _mapping(value: Any, where: str, source: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise _fail(P104, source, f"{where} must be a mapping, not {type(value).__name__}.",
                    "See docs/assess.md for the profile format.")
    return value


def _number(value: Any, where: str, source: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(P104, source, f"{where} must be a number, not {value!r}.",
                    f"Use a number between {lo:g} and {hi:g}.")
    if not lo <= float(value) <= hi:
        raise _fail(P107, source, f"{where} is {value!r}, outside {lo:g}..{hi:g}.",
                    f"Use a number between {lo:g} and {hi:g}.")
    return float(value)


def _strings(value: Any, where: str, source: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(P104, source, f"{where} must be a list of strings.",
                    "Write it as a YAML list: [a, b].")
    return tuple(value)


def _skill_ids(value: Any, where: str, source: str, tax: Taxonomy) -> tuple[str, ...]:
    ids = _strings(value, where, source)
    for sid in ids:
        if sid not in tax:
            near = [s.id for s in tax.search(sid.replace("-", " "), limit=3)]
            tip = f" Did you mean {', '.join(near)}?" if near else ""
            raise _fail(P105, source, f"{where} names skill {sid!r}, which taxonomy "
                        f"'{tax.name}' {tax.version} does not have.",
                        f"Use a taxonomy id (`skillmix taxonomy search`).{tip}")
    return ids


def _red_flags(raw: Any, source: str) -> tuple[RedFlagRule, ...]:
    """A profile's ``red_flags`` list, each rule known, its severity, message template and
    parameters checked (parameter defaults stay in :data:`RULES`)."""
    flags: list[RedFlagRule] = []
    for i, f_raw in enumerate(raw or []):
        f = _mapping(f_raw, f"red_flags[{i}]", source)
        _check_keys(f, _FLAG_KEYS, f"red_flags[{i}]", source)
        rule = str(f.get("rule", ""))
        if rule not in RULES:
            raise _fail(P108, source, f"red_flags[{i}] names rule {rule!r}, which skillmix "
                        "does not implement.", f"Use one of {', '.join(RULES)}.")
        sev = str(f.get("severity", "medium"))
        if sev not in SEVERITIES:
            raise _fail(P107, source, f"red_flags[{rule}].severity is {sev!r}.",
                        f"Use one of {', '.join(SEVERITIES)}.")
        message = str(f.get("message", ""))
        if message:
            try:
                message.format(**PLACEHOLDERS[rule])
            except (KeyError, IndexError, ValueError) as err:
                raise _fail(P109, source, f"red_flags[{rule}].message {message!r} cannot be "
                            f"filled ({err!r}).",
                            f"Use only these placeholders: {', '.join(PLACEHOLDERS[rule])}.") from None
        params = _mapping(f.get("params"), f"red_flags[{rule}].params", source)
        _check_keys(params, set(RULES[rule]), f"red_flags[{rule}].params", source)
        flags.append(RedFlagRule(
            rule=rule, severity=sev, message=message,
            question=str(f.get("question", "")),
            params={k: _number(v, f"red_flags[{rule}].params.{k}", source, 0, 1000)
                    for k, v in params.items()},
        ))
    return tuple(flags)


def _profile_taxonomy(data: Mapping[str, Any], source: str) -> tuple[str, Taxonomy]:
    """The profile's schema and required keys checked, and the taxonomy it names loaded."""
    schema = data.get("schema", SCHEMA)
    if schema != SCHEMA:
        raise _fail(P104, source, f"profile schema {schema!r} is not supported.",
                    f"This skillmix reads schema {SCHEMA}.")
    for key in ("id", "version", "areas"):
        if key not in data:
            raise _fail(P104, source, f"the profile has no '{key}'.",
                        "Every profile needs id, version and areas.")
    tax_spec = str(data.get("taxonomy", "builtin"))
    try:
        return tax_spec, load_taxonomy(tax_spec)
    except Exception as err:  # a TaxonomyError, re-coded so the profile is named
        raise _fail(P106, source, f"cannot load taxonomy {tax_spec!r}: {err}",
                    "Name a taxonomy skillmix knows (`skillmix taxonomy list`).") from None


def _areas(areas_raw: Any, source: str, tax: Taxonomy) -> tuple[AreaSpec, ...]:
    """The profile's areas: each a taxonomy area, listed once, its skills listed once
    across all areas, and some area weighted."""
    if not isinstance(areas_raw, list) or not areas_raw:
        raise _fail(P104, source, "'areas' must be a non-empty list.",
                    "List the areas the role needs, each with an id and a weight.")
    areas: list[AreaSpec] = []
    seen_skills: dict[str, str] = {}
    for i, a_raw in enumerate(areas_raw):
        a = _mapping(a_raw, f"areas[{i}]", source)
        _check_keys(a, _AREA_KEYS, f"areas[{i}]", source)
        aid = str(a.get("id", ""))
        if aid not in tax.areas:
            raise _fail(P106, source, f"areas[{i}] names area {aid!r}, which taxonomy "
                        f"'{tax.name}' does not define.",
                        f"Use one of {', '.join(tax.areas)}.")
        if any(x.id == aid for x in areas):
            raise _fail(P104, source, f"area {aid!r} is listed twice.", "List each area once.")
        where = f"areas[{aid}]"
        req = _skill_ids(a.get("required"), f"{where}.required", source, tax)
        pref = _skill_ids(a.get("preferred"), f"{where}.preferred", source, tax)
        for sid in (*req, *pref):
            if sid in seen_skills:
                raise _fail(P104, source, f"skill {sid!r} is listed twice ({seen_skills[sid]} "
                            f"and {where}).", "List each skill once, under one area.")
            seen_skills[sid] = where
        area_def = tax.areas[aid]
        areas.append(AreaSpec(
            id=aid, weight=_number(a.get("weight", 1.0), f"{where}.weight", source, 0.0, 100.0),
            label=area_def.label, side=area_def.side,
            min_years=_number(a.get("min_years", 0), f"{where}.min_years", source, 0, 40),
            target=_number(a.get("target", 3.0), f"{where}.target", source, 0.1, 100),
            required=req, preferred=pref,
            questions=_strings(a.get("questions"), f"{where}.questions", source),
        ))
    if sum(a.weight for a in areas) <= 0:
        raise _fail(P107, source, "area weights sum to 0.", "Give some area a positive weight.")
    return tuple(areas)


def _section(data: Mapping[str, Any], key: str, allowed: set[str], source: str) -> Mapping[str, Any]:
    """An optional mapping of the profile (``balance``, ``gaps``...) with only known keys."""
    section = _mapping(data.get(key), key, source)
    _check_keys(section, allowed, key, source)
    return section


def _skill_years(raw: Any, source: str, tax: Taxonomy) -> dict[str, float]:
    """``skills: {id: {min_years: N}}``: the years the role wants of single skills."""
    skill_years: dict[str, float] = {}
    for sid, spec in _mapping(raw, "skills", source).items():
        _skill_ids([sid], "skills", source, tax)
        spec = _mapping(spec, f"skills[{sid}]", source)
        _check_keys(spec, {"min_years"}, f"skills[{sid}]", source)
        skill_years[sid] = _number(spec.get("min_years", 0), f"skills[{sid}].min_years",
                                   source, 0, 40)
    return skill_years


def _questions(raw: Any, source: str, tax: Taxonomy) -> dict[str, tuple[str, ...]]:
    """``questions: {skill id: [question, ...]}``: the profile's own interview questions."""
    questions: dict[str, tuple[str, ...]] = {}
    for sid, qs in _mapping(raw, "questions", source).items():
        _skill_ids([sid], "questions", source, tax)
        questions[sid] = _strings(qs, f"questions[{sid}]", source)
    return questions


def _alternatives(raw: Any, source: str, tax: Taxonomy,
                  areas: tuple[AreaSpec, ...]) -> tuple[tuple[str, ...], ...]:
    """Groups of skills any one of which satisfies the first, which an area must list."""
    alternatives: list[tuple[str, ...]] = []
    listed = {sid for a in areas for sid in (*a.required, *a.preferred)}
    for i, group in enumerate(raw or []):
        members = _skill_ids(group, f"alternatives[{i}]", source, tax)
        if len(members) < 2 or members[0] not in listed:
            raise _fail(P111, source, f"alternatives[{i}] must name two or more skills, the "
                        "first of them listed by an area.",
                        "Write [listed-skill, alternative, ...] (any one satisfies).")
        alternatives.append(members)
    return tuple(alternatives)


def _focus(data: Mapping[str, Any], source: str, tax: Taxonomy) -> Focus | None:
    """``focus: {label, skills, areas, target, floor}``: the skills the role is about."""
    if data.get("focus") is None:
        return None
    raw = _section(data, "focus", _FOCUS_KEYS, source)
    listed = _skill_ids(raw.get("skills"), "focus.skills", source, tax)
    areas = _strings(raw.get("areas"), "focus.areas", source)
    for aid in areas:
        if aid not in tax.areas:
            raise _fail(P106, source, f"focus.areas names area {aid!r}, which taxonomy "
                        f"'{tax.name}' does not define.", f"Use one of {', '.join(tax.areas)}.")
    skills = frozenset(listed) | frozenset(sid for sid, sk in tax.skills.items() if sk.area in areas)
    if not skills:
        raise _fail(P104, source, "focus names no skill.",
                    "List the skills the role is about under focus.skills or focus.areas.")
    return Focus(label=str(raw.get("label", "Focus")), skills=skills, areas=areas, listed=listed,
                 target=_number(raw.get("target", 2.0), "focus.target", source, 0.1, 100),
                 floor=_number(raw.get("floor", 0.25), "focus.floor", source, 0, 1))


def parse_profile(raw: Any, *, source: str = "<profile>") -> RoleProfile:
    """Validate profile data (as read from YAML) into a :class:`RoleProfile`."""
    data = _mapping(raw, "the profile", source)
    _check_keys(data, _TOP_KEYS, "the profile", source)
    tax_spec, tax = _profile_taxonomy(data, source)
    pid = str(data["id"])
    areas = _areas(data["areas"], source, tax)
    balance = _section(data, "balance", _BALANCE_KEYS, source)
    credit_raw = _section(data, "credit", _CREDIT_KEYS, source)
    credit = Credit(**{k: _number(v, f"credit.{k}", source, 0, 1) for k, v in credit_raw.items()})
    recency = _section(data, "recency", _RECENCY_KEYS, source)
    gaps = _section(data, "gaps", _GAP_KEYS, source)
    skill_years = _skill_years(data.get("skills"), source, tax)
    flags = _red_flags(data.get("red_flags"), source)
    questions = _questions(data.get("questions"), source, tax)
    alternatives = _alternatives(data.get("alternatives"), source, tax, areas)

    min_sen = data.get("min_seniority")
    return RoleProfile(
        id=pid, version=str(data["version"]), label=str(data.get("label", pid)), areas=areas,
        description=str(data.get("description", "")).strip(), taxonomy=tax_spec,
        taxonomy_version=tax.version, sources=_strings(data.get("sources"), "sources", source),
        min_years=_number(data.get("min_years", 0), "min_years", source, 0, 40),
        min_seniority=None if min_sen is None else int(_number(min_sen, "min_seniority", source, 0, 5)),
        breadth=_number(data.get("breadth", 0.6), "breadth", source, 0, 1),
        balance_target=_number(balance.get("target", 0.5), "balance.target", source, 0, 1),
        balance_tolerance=_number(balance.get("tolerance", 0.2), "balance.tolerance", source, 0, 0.5),
        balance_weight=_number(balance.get("weight", 0.3), "balance.weight", source, 0, 1),
        credit=credit,
        recency_full_months=int(_number(recency.get("full_months", 36), "recency.full_months", source, 0, 600)),
        recency_zero_months=int(_number(recency.get("zero_months", 180), "recency.zero_months", source, 1, 1200)),
        recency_floor=_number(recency.get("floor", 0.5), "recency.floor", source, 0, 1),
        gap_preferred_below=_number(gaps.get("preferred_below", 0.5), "gaps.preferred_below",
                                    source, 0, 1),
        gap_area_below=_number(gaps.get("area_below", 0.25), "gaps.area_below", source, 0, 1),
        skill_years=skill_years, red_flags=flags, questions=questions, path=source,
        alternatives=alternatives, focus=_focus(data, source, tax),
    )
