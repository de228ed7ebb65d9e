"""Read a run's results (what the audit audits) into :class:`~skillmix.fairness.audit.Outcome`.

A results file is what ``skillmix rank --json`` writes (a ranking: ``results`` with ``id``,
``rank`` and ``score``), a list of scorecards or rows (JSON, JSONL or CSV) with an id and a
score (``fit``, ``score``...), and/or a selection decision (``selected``, ``decision``). For
a ranking, ``top=K`` turns the first K ranks into "selected" for a selection audit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from ..errors.fairness_codes import F133, F134, F135, F136
from .audit import Outcome
from .demographics import read_table

__all__ = ["load_outcomes", "outcomes_from_rows"]

_IDS = ("candidate_id", "id", "resume_id", "document_id", "candidate")
_SCORES = ("score", "fit", "total", "overall")
_SELECTED = ("selected", "decision", "advanced", "outcome")
_YES = {"1", "true", "yes", "y", "selected", "advance", "advanced", "pass", "passed", "hire", "hired"}
_NO = {"0", "false", "no", "n", "not selected", "rejected", "reject", "hold", "fail", "failed",
       "declined", ""}


def _get(row: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    for n in names:
        if n in lowered and lowered[n] not in (None, ""):
            return lowered[n]
    return None


def _selected(value: Any, i: int) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    low = str(value).strip().lower()
    if low in _YES:
        return True
    if low in _NO:
        return False
    raise F134(f"row {i}: cannot read {value!r} as a selection decision.",
               hint="Use true/false, yes/no, 1/0 or selected/rejected.")


def outcomes_from_rows(rows: list[Mapping[str, Any]], *, top: int | None = None,
                       id_field: str | None = None, score_field: str | None = None,
                       selected_field: str | None = None) -> list[Outcome]:
    """Outcomes from result rows (see the module docstring)."""
    ids = ((id_field.lower(),) if id_field else ()) + _IDS
    scores = ((score_field.lower(),) if score_field else ()) + _SCORES
    selected = ((selected_field.lower(),) if selected_field else ()) + _SELECTED
    out = []
    for i, row in enumerate(rows, start=1):
        cid = _get(row, ids)
        if cid is None:
            raise F133(f"result row {i} has no candidate id.",
                       hint=f"Name the id column with --id-field (tried {', '.join(ids)}).")
        raw_score = _get(row, scores)
        try:
            score = None if raw_score is None else float(raw_score)
        except (TypeError, ValueError) as err:
            raise F135(f"row {i}: score {raw_score!r} is not a number.") from err
        sel = _selected(_get(row, selected), i)
        if top is not None:
            rank = _get(row, ("rank",))
            position = int(rank) if rank is not None else i
            sel = position <= top
        out.append(Outcome(str(cid).strip(), score=score, selected=sel))
    return out


def load_outcomes(path: str | Path, *, top: int | None = None, id_field: str | None = None,
                  score_field: str | None = None,
                  selected_field: str | None = None) -> list[Outcome]:
    """Read a results file (ranking JSON, scorecards, CSV/JSONL rows) into outcomes."""
    rows = list(read_table(path))
    if not rows:
        raise F136("the results file holds no results.", source=str(path),
                   hint="Pass the output of a scoring or ranking run.")
    return outcomes_from_rows(rows, top=top, id_field=id_field, score_field=score_field,
                              selected_field=selected_field)
