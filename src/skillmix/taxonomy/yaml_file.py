"""Taxonomies written as YAML: the built-in one, and users' own files.

A user file may stand alone (``name``, ``version``, ``areas``, ``skills``) or extend a
registered taxonomy with ``extends: builtin``; then its ``skills`` add to or override
skills with the same id, and ``remove: [id, ...]`` drops skills.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import yaml

from ..yamlio import safe_load as load_yaml
from ..errors.taxonomy_codes import T001, T002, T003, T004, T005, T006, T007
from ..records import Area, Skill
from .model import Taxonomy

__all__ = ["load_yaml_taxonomy", "skill_from_mapping"]

_SKILL_KEYS = {
    "id", "label", "aliases", "area", "kind", "broader", "related", "esco", "lightcast",
    "onet", "description", "case_sensitive", "questions",
}


def _strings(value: Any, what: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise T003(
            f"{what} must be a list of strings, got {value!r}.", source=where
        )
    return tuple(value)


def skill_from_mapping(raw: Mapping[str, Any], where: str) -> Skill:
    """Build a :class:`Skill` from one YAML entry, checking its shape."""
    if not isinstance(raw, Mapping) or "id" not in raw or "label" not in raw:
        raise T002(
            f"each skill needs at least 'id' and 'label'; got {raw!r}.",
            source=where,
        )
    unknown = set(raw) - _SKILL_KEYS
    if unknown:
        raise T004(
            f"skill {raw['id']!r} has unknown keys {sorted(unknown)}.",
            source=where,
            hint=f"Known keys: {', '.join(sorted(_SKILL_KEYS))}.",
        )
    sid = str(raw["id"])
    case_sensitive = _strings(raw.get("case_sensitive"), f"{sid}.case_sensitive", where)
    aliases = _strings(raw.get("aliases"), f"{sid}.aliases", where)
    return Skill(
        id=sid,
        label=str(raw["label"]),
        aliases=tuple(dict.fromkeys(aliases + tuple(a for a in case_sensitive if a not in aliases))),
        area=raw.get("area"),
        kind=str(raw.get("kind", "skill")),
        broader=_strings(raw.get("broader"), f"{sid}.broader", where),
        related=_strings(raw.get("related"), f"{sid}.related", where),
        esco_uri=raw.get("esco"),
        lightcast_id=raw.get("lightcast"),
        onet_example=raw.get("onet"),
        description=str(raw.get("description", "") or ""),
        case_sensitive=case_sensitive,
        questions=_strings(raw.get("questions"), f"{sid}.questions", where),
    )


def _areas(raw: Any, where: str) -> list[Area]:
    out = []
    for a in raw or []:
        if not isinstance(a, Mapping) or "id" not in a:
            raise T005(f"each area needs an 'id'; got {a!r}.", source=where)
        side = a.get("side", "neutral")
        if side not in ("tech", "comm", "neutral"):
            raise T006(
                f"area {a['id']!r} has side {side!r}; expected tech, comm or neutral.",
                source=where,
            )
        out.append(
            Area(id=str(a["id"]), label=str(a.get("label", a["id"])), side=side,
                 description=str(a.get("description", "") or ""))
        )
    return out


def read_yaml(path: Path) -> Mapping[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise T001(
            f"cannot read taxonomy file ({err.strerror}).", source=str(path)
        ) from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as err:
        raise T002(
            f"not valid YAML: {err}".replace("\n", " "), source=str(path)
        ) from None
    if not isinstance(data, Mapping):
        raise T002(
            "expected a mapping with 'skills' at the top level.", source=str(path)
        )
    return data


def load_yaml_taxonomy(path: str | Path, base: Taxonomy | None = None) -> Taxonomy:
    """Load a YAML taxonomy; when ``base`` is given (or the file says ``extends``), the
    file's skills extend it. ``extends`` is resolved by the caller (the registry)."""
    path = Path(path)
    data = read_yaml(path)
    where = str(path)
    skills = [skill_from_mapping(s, where) for s in data.get("skills") or []]
    areas = _areas(data.get("areas"), where)
    version = str(data.get("version", "0"))
    if base is not None:
        return base.extend(
            skills,
            areas,
            remove=_strings(data.get("remove"), "remove", where),
            version=f"{base.version}+{data.get('name', path.stem)}.{version}",
        )
    ids: dict[str, Skill] = {}
    for s in skills:
        if s.id in ids:
            raise T007(f"duplicate skill id {s.id!r}.", source=where)
        ids[s.id] = s
    return Taxonomy(
        name=str(data.get("name", path.stem)),
        version=version,
        skills=ids,
        areas={a.id: a for a in areas},
        description=str(data.get("description", "") or ""),
        attribution=str(data.get("attribution", "") or ""),
        source=where,
    )
