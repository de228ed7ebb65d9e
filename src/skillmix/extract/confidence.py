"""How likely a careful recruiter credits a skill the extractor credits: a calibrated
``confidence`` on every counting mention of the default builtin path.

Before this table every lexical and pattern mention said ``confidence=1.0``, while on documents
nobody had tuned on (the blind gold sets under ``bench/data``) a skill credited by one duty
pattern in one sentence of a résumé is a skill the readers credit less than half the time,
and a skill named in two sentences nine times in ten. A user who reads a scorecard, or
filters (``skillmix extract --min-confidence``), deserves that difference.

The estimate has two parts and one fixed knob, all written with their counts by
``scripts/fit_credit_confidence.py`` into ``data/credit_confidence.yaml``:

- a **cell** per document kind: which layers found the skill (the lexical names and
  evidence phrases, the duty patterns, or both), whether it stands in one sentence or
  in more, and whether a duty alone states a number. Its value is the smoothed share of its credits the blind readers also credited,
  ``(credited + 1) / (all + 2)``;
- a **skill's own record** beside its cell: the sum of (credited - cell value) over its
  credits in the blind sets, shrunk towards nothing by ``SKILL_PRIOR`` pseudo-credits, so
  a skill with few credits stays near its cell ("technical writing" from a duty is
  credited far less often than its cell says; "Microsoft Excel" in a list more often).

confidence = cell + residual / (credits + SKILL_PRIOR), kept within [0.01, 0.99]. The
prior (5) was set before measuring; left out one set at a time, 2 to 10 give the same
Brier score within 0.002. Richer gates (structural features, context words) were tried
and separate the false credits no better (``bench/credit_gate_cv.py``). Every mention of a
credited skill carries the skill's value, since the credit, not the mention, is what is
judged. Mentions that do not count (negated, consumer or incidental) and semantic-fallback
mentions (their own score) keep their confidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors.extraction_codes import E024
from ..records import SkillMention

#: the cells, in the order the data file and the fitting script write them
CELLS = ("both", "lexical/1", "lexical/2+", "pattern/quantity", "pattern/1", "pattern/2+")
KINDS = ("resume", "posting")
#: the layers a cell is made of; any other extractor (semantic) is left out of the cell
LAYERS = ("lexical", "pattern")
#: pseudo-credits that pull a skill's own record towards its cell (fixed, not tuned)
SKILL_PRIOR = 5.0


@dataclass(frozen=True, slots=True)
class ConfidenceTable:
    """Cell values per document kind, each skill's record against its cells (residual
    sum, credits), and what they were measured on."""

    values: dict[tuple[str, str], float]
    measured_on: str
    skills: dict[str, tuple[float, int]] = field(default_factory=dict)
    prior: float = SKILL_PRIOR

    def value(self, kind: str, cell: str, skill: str | None = None) -> float | None:
        if kind not in KINDS:
            # a document whose kind could not be told ("unknown"): the lower of the two
            # kinds' estimates, not the 1.0 of no estimate (a new-user trial's
            # --min-confidence kept every mention of such a file)
            both = [self.value(k, cell, skill) for k in KINDS]
            return min((v for v in both if v is not None), default=None)
        base = self.values.get((kind, cell))
        if base is None or skill is None or skill not in self.skills:
            return base
        residual, n = self.skills[skill]
        return round(min(0.99, max(0.01, base + residual / (n + self.prior))), 3)


def cell(layers: set[str], sentences: int, quantity: bool = False) -> str | None:
    """The cell of one credited skill: the layers among ``LAYERS`` that credited it, in how
    many sentences, and, for a duty alone, whether it states a number ("Led a team of 5",
    "grew followers by 40%"): the readers credit those four times in five, other lone
    duties about half the time."""
    layers = layers & set(LAYERS)
    if not layers:
        return None
    if len(layers) > 1:
        return "both"
    layer = next(iter(layers))
    if layer == "pattern" and quantity:
        return "pattern/quantity"
    return f"{layer}/{'1' if sentences == 1 else '2+'}"


def cell_of(mentions: Sequence[SkillMention]) -> str | None:
    """The cell of one credited skill from its counting mentions."""
    ours = [m for m in mentions if m.extractor in LAYERS]
    return cell({m.extractor for m in ours}, len({m.sentence_start for m in ours}),
                any(m.quantity is not None for m in ours))


def smoothed(true: int, false: int) -> float:
    """A cell's value from its counts (add-one on either side, so an empty cell says 0.5)."""
    return round((true + 1) / (true + false + 2), 3)


def parse_table(raw: object) -> ConfidenceTable:
    """A ``credit_confidence.yaml`` mapping, checked: every kind has every cell, each a
    probability with the counts it came from; each skill a residual and a count."""
    try:
        assert isinstance(raw, dict)
        values: dict[tuple[str, str], float] = {}
        for kind in KINDS:
            cells = raw["cells"][kind]
            for cell_name in CELLS:
                row = cells[cell_name]
                p = float(row["p"])
                if not 0.0 <= p <= 1.0 or int(row["credited"]) < 0 or int(row["not_credited"]) < 0:
                    raise ValueError(f"{kind} {cell_name}: p must be in [0, 1], counts >= 0")
                values[(kind, cell_name)] = p
        skills: dict[str, tuple[float, int]] = {}
        for sid, row in (raw.get("skills") or {}).items():
            if not isinstance(sid, str):
                raise ValueError(f"skill id {sid!r} is not a string (quote it)")
            residual, n = float(row[0]), int(row[1])
            if n < 1 or abs(residual) > n:
                raise ValueError(f"skill {sid}: the residual sum must lie within its {n} credits")
            skills[sid] = (residual, n)
        prior = float(raw.get("skill_prior", SKILL_PRIOR))
        if prior <= 0:
            raise ValueError("skill_prior must be positive")
        return ConfidenceTable(values=values, measured_on=str(raw.get("measured_on", "")),
                               skills=skills, prior=prior)
    except (AssertionError, KeyError, TypeError, ValueError, IndexError) as err:
        raise E024(f"credit_confidence.yaml is malformed ({err!s}).") from None


@lru_cache(maxsize=1)
def shipped_table() -> ConfidenceTable:
    """The table shipped in ``data/credit_confidence.yaml``."""
    from .duties import load_data

    return parse_table(load_data("credit_confidence.yaml"))


def credit_values(credits: Iterable[tuple[str, str, int, bool]], kind: str,
                  table: ConfidenceTable | None = None) -> dict[str, float]:
    """Each credited skill's confidence, from its counting mentions as (skill id,
    extractor, sentence start, states a quantity); skills the table has no cell for are
    left out."""
    table = table if table is not None else shipped_table()
    layers: dict[str, set[str]] = {}
    sentences: dict[str, set[int]] = {}
    counted: set[str] = set()
    for sid, extractor, sentence, quantity in credits:
        if extractor in LAYERS:
            layers.setdefault(sid, set()).add(extractor)
            sentences.setdefault(sid, set()).add(sentence)
            if quantity:
                counted.add(sid)
    out = {}
    for sid, used in layers.items():
        p = table.value(kind, cell(used, len(sentences[sid]), sid in counted) or "", sid)
        if p is not None:
            out[sid] = p
    return out
