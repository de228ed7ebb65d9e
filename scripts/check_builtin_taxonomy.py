#!/usr/bin/env python
"""Validate the builtin social-media-tech taxonomy data file.

Checks, in order:

* structure: top-level keys, area records, skill records (required and allowed keys,
  slug ids, known areas and kinds, list types);
* integrity: unique ids, every ``broader``/``related`` id exists, no ``broader`` cycles,
  ``case_sensitive`` forms are aliases of the same skill;
* surface forms: a label or alias belongs to one skill only (case-insensitively), unless
  every other holder marks its own spelling ``case_sensitive``; common English words
  ("Reach", "Go", "Excel", "Buffer"...) never match case-insensitively;
* coverage: at least 400 skills, every area populated, at least 120 skills with
  interview questions;
* links (only when the shared data folder exists): ESCO URIs are in the ESCO skills CSV,
  Lightcast ids are in the Open Skills CSV, O*NET examples are exact ``Example`` values
  in ``Technology Skills.txt``.

Then prints counts: skills per area and kind, and the share linked to each standard.

Usage::

    python scripts/check_builtin_taxonomy.py [--file PATH] [--shared DIR] [--quiet]

Exit status 0 when no problem was found, 1 otherwise. The functions are importable
(``structural_problems``, ``link_problems``, ``summary``) so the test suite runs exactly
the same checks.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT / "src" / "skillmix" / "taxonomy" / "data" / "builtin.yaml"
DEFAULT_SHARED = ROOT.parent / "shared" / "data"

#: The area ids the labelled data uses, with the side each one counts towards.
AREAS: dict[str, str] = {
    "marketing_communications": "comm",
    "customer_service": "comm",
    "technology": "tech",
    "data_analytics": "tech",
    "psychology_human_interaction": "comm",
    "strategy_business": "neutral",
    "leadership_evangelism": "comm",
    "platforms": "neutral",
}
SIDES = {"tech", "comm", "neutral"}
KINDS = {"skill", "knowledge", "tool", "platform", "group"}
TOP_KEYS = {"name", "version", "description", "attribution", "areas", "skills"}
REQUIRED_SKILL_KEYS = {"id", "label", "area", "kind"}
LIST_KEYS = ("aliases", "broader", "related", "case_sensitive", "questions")
SKILL_KEYS = REQUIRED_SKILL_KEYS | set(LIST_KEYS) | {"esco", "lightcast", "onet", "description"}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ESCO_URI = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
LIGHTCAST_ID = re.compile(r"^[A-Z0-9]{20}$")

MIN_SKILLS = 400
MIN_PER_AREA = 20
MIN_WITH_QUESTIONS = 120

#: Forms that are ordinary words (or too short to be safe): they may only appear as
#: ``case_sensitive`` aliases, never as labels or case-insensitive aliases.
COMMON_WORDS = frozenset(
    """
    reach go r x c excel meta buffer later threads discord spark swift flutter react angular
    slack notion asana snowflake hive airflow premiere illustrator bash rest intercom braze
    iterable amplitude segment telegram mastodon messenger reels shorts java dart
    agile mongo cassandra flink redshift moz kafka pr ux ui ml ga bi sas ai it ads
    engagement impressions growth content marketing community strategy insights analytics
    data design leadership moderation inbound retention targeting programmatic communication
    presenting networking tagging cloud containers node express medium clubhouse kick line
    quid heap adjust branch mention pulsar sprout later make keynote word teams office
    """.split()
)


# --------------------------------------------------------------------------- loading


def load(path: Path = DEFAULT_FILE) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a YAML mapping at the top, got {type(data).__name__}")
    return data


def _skills(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    skills = data.get("skills")
    return [s for s in skills if isinstance(s, dict)] if isinstance(skills, list) else []


# --------------------------------------------------------------------------- structure


def _check_areas(data: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    areas = data.get("areas")
    if not isinstance(areas, list):
        return ["areas: expected a list of {id, label, side, description}"]
    seen: set[str] = set()
    for i, area in enumerate(areas):
        if not isinstance(area, dict):
            problems.append(f"areas[{i}]: expected a mapping, got {area!r}")
            continue
        aid = area.get("id")
        if aid in seen:
            problems.append(f"areas[{i}]: duplicate area id {aid!r}")
        seen.add(aid)
        if aid not in AREAS:
            problems.append(f"areas[{i}]: unknown area id {aid!r}; expected one of {sorted(AREAS)}")
        elif area.get("side") != AREAS[aid]:
            problems.append(f"areas[{i}] {aid}: side {area.get('side')!r}, expected {AREAS[aid]!r}")
        if area.get("side") not in SIDES:
            problems.append(f"areas[{i}] {aid}: side must be one of {sorted(SIDES)}")
        if not isinstance(area.get("label"), str) or not area["label"].strip():
            problems.append(f"areas[{i}] {aid}: missing label")
    missing = set(AREAS) - seen
    if missing:
        problems.append(f"areas: missing {sorted(missing)}")
    return problems


def _check_skill_record(i: int, skill: Any, area_ids: set[str]) -> list[str]:
    if not isinstance(skill, dict):
        return [f"skills[{i}]: expected a mapping, got {skill!r}"]
    where = f"skills[{i}] {skill.get('id', '?')}"
    problems: list[str] = []
    for key in sorted(REQUIRED_SKILL_KEYS - skill.keys()):
        problems.append(f"{where}: missing {key!r}")
    for key in sorted(skill.keys() - SKILL_KEYS):
        problems.append(f"{where}: unknown key {key!r}; allowed: {sorted(SKILL_KEYS)}")
    sid = skill.get("id")
    if not isinstance(sid, str) or not SLUG.match(sid):
        problems.append(f"{where}: id must be a lowercase slug like 'paid-social-advertising'")
    label = skill.get("label")
    if not isinstance(label, str) or not label.strip() or label != label.strip():
        problems.append(f"{where}: label must be a non-empty string without outer spaces")
    if "area" in skill and skill["area"] not in area_ids:
        problems.append(f"{where}: unknown area {skill['area']!r}")
    if "kind" in skill and skill["kind"] not in KINDS:
        problems.append(f"{where}: kind {skill['kind']!r} not in {sorted(KINDS)}")
    for key in LIST_KEYS:
        value = skill.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(f"{where}: {key} must be a list of non-empty strings")
            continue
        exact = set(skill.get("case_sensitive", []) or []) if key in ("aliases", "case_sensitive") else set()
        folded = Counter(v.casefold() for v in value if v not in exact)
        if len(set(value)) != len(value) or any(n > 1 for n in folded.values()):
            problems.append(f"{where}: {key} repeats an entry")
        for v in value:
            if v != v.strip() or "  " in v:
                problems.append(f"{where}: {key} entry {v!r} has stray spaces")
    aliases = skill.get("aliases", []) if isinstance(skill.get("aliases", []), list) else []
    if isinstance(label, str) and label.casefold() in {a.casefold() for a in aliases if isinstance(a, str)}:
        problems.append(f"{where}: an alias repeats the label {label!r}")
    for form in skill.get("case_sensitive", []) or []:
        if form not in aliases:
            problems.append(f"{where}: case_sensitive form {form!r} is not one of its aliases")
    for q in skill.get("questions", []) or []:
        if isinstance(q, str) and len(q) < 25:
            problems.append(f"{where}: question too short to probe evidence: {q!r}")
    if "esco" in skill and not (isinstance(skill["esco"], str) and ESCO_URI.match(skill["esco"])):
        problems.append(f"{where}: esco must be an ESCO skill URI, got {skill['esco']!r}")
    if "lightcast" in skill and not (isinstance(skill["lightcast"], str) and LIGHTCAST_ID.match(skill["lightcast"])):
        problems.append(f"{where}: lightcast must be a 20-character Lightcast id, got {skill['lightcast']!r}")
    if "onet" in skill and not (isinstance(skill["onet"], str) and skill["onet"].strip()):
        problems.append(f"{where}: onet must be an O*NET Technology Skills example")
    return problems


def _check_references(skills: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    ids = Counter(s.get("id") for s in skills)
    for sid, n in ids.items():
        if n > 1:
            problems.append(f"id {sid!r} used by {n} skills")
    for s in skills:
        overlap = set(s.get("broader", []) or []) & set(s.get("related", []) or [])
        if overlap:
            problems.append(f"{s.get('id')}: {sorted(overlap)} listed as both broader and related")
        for key in ("broader", "related"):
            for ref in s.get(key, []) or []:
                if ref == s.get("id"):
                    problems.append(f"{s.get('id')}: {key} points to itself")
                elif ref not in ids:
                    problems.append(f"{s.get('id')}: {key} id {ref!r} does not exist")
    # broader must be acyclic
    parents = {s.get("id"): list(s.get("broader", []) or []) for s in skills}
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for parent in parents.get(node, []):
            if state.get(parent) == 1:
                problems.append(f"broader cycle: {' -> '.join(path + [parent])}")
            elif state.get(parent) is None and parent in parents:
                visit(parent, path + [parent])
        state[node] = 2

    for sid in parents:
        if state.get(sid) is None:
            visit(sid, [sid])
    return problems


def _check_forms(skills: list[dict[str, Any]]) -> list[str]:
    """A surface form (label or alias) belongs to one skill, case-insensitively, unless
    every holder but one lists its own spelling in ``case_sensitive``."""
    problems: list[str] = []
    holders: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for s in skills:
        sid = s.get("id", "?")
        cs = set(s.get("case_sensitive", []) or [])
        label = s.get("label")
        if isinstance(label, str):
            holders[label.casefold()].append((sid, label, False))
            if label.casefold() in COMMON_WORDS:
                problems.append(f"{sid}: label {label!r} is a common word; qualify it and add the bare word as a case_sensitive alias")
        for alias in s.get("aliases", []) or []:
            if not isinstance(alias, str):
                continue
            holders[alias.casefold()].append((sid, alias, alias in cs))
            if alias.casefold() in COMMON_WORDS and alias not in cs:
                problems.append(f"{sid}: alias {alias!r} is a common word; list it in case_sensitive or drop it")
    for key, entries in holders.items():
        skill_ids = {sid for sid, _, _ in entries}
        if len(skill_ids) < 2:
            continue
        spellings = Counter(form for _, form, _ in entries)
        loose = {sid for sid, _, exact in entries if not exact}
        if any(n > 1 for n in spellings.values()) or len(loose) > 1:
            owners = ", ".join(f"{sid} ({form!r}{', case-sensitive' if exact else ''})" for sid, form, exact in entries)
            problems.append(f"surface form {key!r} is claimed by several skills: {owners}")
    return problems


def structural_problems(data: Mapping[str, Any]) -> list[str]:
    """Everything that can be checked without the shared reference data."""
    problems: list[str] = []
    missing = TOP_KEYS - data.keys()
    if missing:
        problems.append(f"top level: missing {sorted(missing)}")
    unknown = data.keys() - TOP_KEYS
    if unknown:
        problems.append(f"top level: unknown keys {sorted(unknown)}")
    if data.get("name") != "builtin":
        problems.append(f"name: expected 'builtin', got {data.get('name')!r}")
    if not isinstance(data.get("version"), str) or not re.match(r"^\d{4}\.\d{1,2}\.\d+$", data.get("version", "")):
        problems.append(f"version: expected a quoted 'YYYY.M.N' string, got {data.get('version')!r}")
    problems += _check_areas(data)
    raw = data.get("skills")
    if not isinstance(raw, list):
        return problems + ["skills: expected a list"]
    area_ids = set(AREAS)
    for i, skill in enumerate(raw):
        problems += _check_skill_record(i, skill, area_ids)
    skills = _skills(data)
    problems += _check_references(skills)
    problems += _check_forms(skills)
    if len(skills) < MIN_SKILLS:
        problems.append(f"coverage: {len(skills)} skills, expected at least {MIN_SKILLS}")
    per_area = Counter(s.get("area") for s in skills)
    for aid in AREAS:
        if per_area[aid] < MIN_PER_AREA:
            problems.append(f"coverage: area {aid} has {per_area[aid]} skills, expected at least {MIN_PER_AREA}")
    with_q = sum(1 for s in skills if s.get("questions"))
    if with_q < MIN_WITH_QUESTIONS:
        problems.append(f"coverage: {with_q} skills have questions, expected at least {MIN_WITH_QUESTIONS}")
    return problems


# --------------------------------------------------------------------------- links


def esco_uris(shared: Path) -> set[str]:
    path = shared / "taxonomies" / "esco" / "skills_en.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["conceptUri"] for row in csv.DictReader(fh)}


def lightcast_ids(shared: Path) -> dict[str, str]:
    """Lightcast skill id -> name (subcategory rows are not skills and are left out)."""
    path = shared / "taxonomies" / "lightcast" / "open_skills.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["id"]: row["description"] for row in csv.DictReader(fh) if row.get("type") == "skill"}


def onet_examples(shared: Path) -> set[str]:
    path = shared / "taxonomies" / "onet" / "Technology Skills.txt"
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["Example"] for row in csv.DictReader(fh, delimiter="\t")}


def link_problems(data: Mapping[str, Any], shared: Path) -> list[str]:
    """Cross-references that do not exist in the shared copies of ESCO, Lightcast, O*NET."""
    problems: list[str] = []
    skills = _skills(data)
    esco, lightcast, onet = esco_uris(shared), lightcast_ids(shared), onet_examples(shared)
    for s in skills:
        sid = s.get("id")
        if "esco" in s and s["esco"] not in esco:
            problems.append(f"{sid}: ESCO URI {s['esco']} not in the ESCO skills file")
        if "lightcast" in s and s["lightcast"] not in lightcast:
            problems.append(f"{sid}: Lightcast id {s['lightcast']} not in Lightcast Open Skills")
        if "onet" in s and s["onet"] not in onet:
            problems.append(f"{sid}: O*NET example {s['onet']!r} not in Technology Skills.txt")
    return problems


def shared_link_duplicates(data: Mapping[str, Any]) -> list[str]:
    """Links used by more than one skill (allowed, but worth a look)."""
    notes: list[str] = []
    for key in ("esco", "lightcast", "onet"):
        owners: dict[str, list[str]] = defaultdict(list)
        for s in _skills(data):
            if s.get(key):
                owners[s[key]].append(s["id"])
        for value, ids in sorted(owners.items()):
            if len(ids) > 1:
                notes.append(f"{key} {value} shared by {', '.join(ids)}")
    return notes


# --------------------------------------------------------------------------- report


def summary(data: Mapping[str, Any]) -> str:
    skills = _skills(data)
    n = len(skills) or 1
    lines = [f"taxonomy {data.get('name')} {data.get('version')}: {len(skills)} skills"]
    per_area = Counter(s.get("area") for s in skills)
    lines.append("skills per area:")
    for aid in AREAS:
        area_skills = [s for s in skills if s.get("area") == aid]
        linked = sum(1 for s in area_skills if s.get("esco") or s.get("lightcast") or s.get("onet"))
        lines.append(f"  {aid:<30} {per_area[aid]:>4}   linked {linked:>4}")
    kinds = Counter(s.get("kind") for s in skills)
    lines.append("kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))

    def share(pred: Any) -> str:
        k = sum(1 for s in skills if pred(s))
        return f"{k:>4} ({100 * k / n:5.1f}%)"

    lines.append(f"linked to ESCO:           {share(lambda s: s.get('esco'))}")
    lines.append(f"linked to Lightcast:      {share(lambda s: s.get('lightcast'))}")
    lines.append(f"linked to O*NET:          {share(lambda s: s.get('onet'))}")
    lines.append(f"linked to at least one:   {share(lambda s: s.get('esco') or s.get('lightcast') or s.get('onet'))}")
    lines.append(f"with interview questions: {share(lambda s: s.get('questions'))}")
    forms = sum(1 + len(s.get("aliases", []) or []) for s in skills)
    lines.append(f"surface forms (labels + aliases): {forms}")
    return "\n".join(lines)


def _print(lines: Iterable[str], stream: Any) -> None:
    for line in lines:
        print(line, file=stream)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="taxonomy YAML (default: the builtin one)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared data folder with ESCO/Lightcast/O*NET")
    parser.add_argument("--quiet", action="store_true", help="print problems only")
    args = parser.parse_args(argv)

    data = load(args.file)
    problems = structural_problems(data)
    if args.shared.is_dir():
        problems += link_problems(data, args.shared)
    elif not args.quiet:
        print(f"note: {args.shared} not found; ESCO/Lightcast/O*NET links not checked", file=sys.stderr)
    if not args.quiet:
        print(summary(data))
        notes = shared_link_duplicates(data)
        if notes:
            print(f"links shared by several skills ({len(notes)}):")
            _print((f"  {n}" for n in notes), sys.stdout)
    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        _print((f"  {p}" for p in problems), sys.stderr)
        return 1
    if not args.quiet:
        print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
