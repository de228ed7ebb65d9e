"""ESCO skills as the linker sees them, and the label space it ranks.

:func:`load_esco` reads the ESCO ``skills_en.csv`` layout (``conceptUri, preferredLabel,
altLabels, description, hierarchy``; plain or ``.gz``) into :class:`EscoConcept` rows;
by default the copy shipped in ``skillmix.taxonomy``'s data folder. A
:class:`LabelSpace` is the list of things to rank: every ESCO concept by default, or the
labels of a benchmark file (``skills_en_label.txt``), each enriched with the alternative
labels and description of the ESCO concept whose preferred (else alternative) label it is.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from skillmix.errors.taxonomy_codes import T302, T303, T304, T305, T306

__all__ = ["EscoConcept", "LabelSpace", "default_esco_path", "load_esco"]


@dataclass(frozen=True, slots=True)
class EscoConcept:
    """One ESCO skill/knowledge concept (or a bare label of a label space)."""

    uri: str
    label: str
    alt_labels: tuple[str, ...] = ()
    description: str = ""
    groups: tuple[str, ...] = ()

    @property
    def texts(self) -> tuple[str, ...]:
        """The preferred label first, then the distinct alternative labels, then any label
        with its parenthetical qualifier dropped ("Java (computer programming)" -> "Java")."""
        seen = {self.label.lower()}
        out = [self.label]
        for a in (*self.alt_labels, *(_unqualified(t) for t in (self.label, *self.alt_labels))):
            if a and a.lower() not in seen:
                seen.add(a.lower())
                out.append(a)
        return tuple(out)


_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*")


def _unqualified(label: str) -> str:
    return _QUALIFIER.sub(" ", label).strip() if "(" in label else ""


def default_esco_path() -> Path:
    """The ESCO skills file shipped with skillmix."""
    return Path(str(resources.files("skillmix.taxonomy").joinpath("data/esco_skills_en.csv.gz")))


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def _groups(raw: str) -> tuple[str, ...]:
    # hierarchy is a Python-literal list of code paths: [['S', 'S4', 'S4.5', 'S4.5.0'], ...]
    codes: list[str] = []
    for part in raw.replace("[", " ").replace("]", " ").split(","):
        code = part.strip().strip("'\"")
        if code and code != "None" and code not in codes:
            codes.append(code)
    return tuple(codes)


def load_esco(path: str | Path | None = None) -> list[EscoConcept]:
    """Read ESCO concepts from ``path`` (default: the shipped copy)."""
    p = Path(path) if path is not None else default_esco_path()
    try:
        with _open_text(p) as fh:
            reader = csv.DictReader(fh)
            need = {"conceptUri", "preferredLabel"}
            if not reader.fieldnames or not need <= set(reader.fieldnames):
                raise T302(
                    f"expected ESCO columns {sorted(need)}, found {reader.fieldnames}.",
                    source=str(p),
                    hint="Pass an ESCO skills_en.csv export.",
                )
            out = []
            for row in reader:
                alts = tuple(a.strip() for a in (row.get("altLabels") or "").split("\n") if a.strip())
                out.append(
                    EscoConcept(
                        uri=row["conceptUri"].strip(),
                        label=row["preferredLabel"].strip(),
                        alt_labels=alts,
                        description=(row.get("description") or "").strip(),
                        groups=_groups(row.get("hierarchy") or ""),
                    )
                )
    except OSError as exc:
        raise T303(
            f"cannot read ESCO skills: {exc.strerror or exc}.", source=str(p),
            hint="Check the path, or reinstall skillmix for the shipped copy.",
        ) from exc
    if not out:
        raise T304("the ESCO file has no rows.", source=str(p))
    return out


class LabelSpace:
    """What a linker ranks: a sequence of :class:`EscoConcept`, addressed by position."""

    def __init__(self, concepts: Sequence[EscoConcept]) -> None:
        if not concepts:
            raise T305("the label space is empty.", hint="Give at least one label.")
        self.concepts = tuple(concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    @property
    def labels(self) -> list[str]:
        return [c.label for c in self.concepts]

    def fingerprint(self) -> str:
        h = hashlib.sha256()
        for c in self.concepts:
            h.update("\x1f".join((c.uri, *c.texts, c.description)).encode())
            h.update(b"\x1e")
        return h.hexdigest()[:16]

    @classmethod
    def from_esco(cls, concepts: Iterable[EscoConcept]) -> "LabelSpace":
        return cls(list(concepts))

    @classmethod
    def from_labels(cls, labels: Iterable[str], esco: Sequence[EscoConcept]) -> "LabelSpace":
        """Each label becomes the ESCO concept with that preferred label, else the single
        concept having it as an alternative label, else a bare concept (no URI)."""
        by_pref: dict[str, EscoConcept] = {}
        by_alt: dict[str, list[EscoConcept]] = {}
        for c in esco:
            by_pref.setdefault(c.label, c)
            for a in c.alt_labels:
                by_alt.setdefault(a.lower(), []).append(c)
        out = []
        for raw in labels:
            label = raw.strip()
            if not label:
                continue
            c = by_pref.get(label)
            if c is None:
                alt = by_alt.get(label.lower(), [])
                if len(alt) == 1:
                    a = alt[0]
                    c = EscoConcept(a.uri, label, (a.label, *a.alt_labels), a.description, a.groups)
                else:
                    c = EscoConcept("", label)
            out.append(c)
        return cls(out)

    @classmethod
    def from_label_file(cls, path: str | Path, esco: Sequence[EscoConcept]) -> "LabelSpace":
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise T306(
                f"cannot read the label file: {exc.strerror or exc}.", source=str(p),
                hint="Pass a text file with one ESCO preferred label per line.",
            ) from exc
        return cls.from_labels(text.splitlines(), esco)
