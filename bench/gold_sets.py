"""Where the extraction gold lives, for the bench scripts that read every set.

The shared gold (read-only, beside the repository) and the blind sets annotated later
(``bench/data/gold_fresh``, ``gold_fresh2``, ...), found on disk, so that a new set needs
no edit here: each script used to keep its own list and missed sets added after it.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_GOLD = ROOT.parent / "shared" / "data" / "gold"


def gold_sets() -> list[Path]:
    """The shared gold, then the blind sets in the order they were made (a set without a
    ``gold.jsonl`` is left to the caller to skip)."""
    def order(p: Path) -> int:
        n = re.fullmatch(r"gold_fresh(\d*)", p.name)
        return int(n.group(1) or 1) if n else 0

    fresh = sorted((p for p in (ROOT / "bench" / "data").glob("gold_fresh*") if p.is_dir()), key=order)
    return [SHARED_GOLD, *fresh]


def expert_density_sets(first: int = 14, last: int | None = None) -> list[Path]:
    """The blind sets read to the expert readers' density (``gold_fresh14`` onwards, by
    session 9's brief) that have their ``gold.jsonl``, in the order they were made; up to
    ``gold_fresh<last>`` when given (the pool as an earlier session measured it)."""
    out = []
    for p in gold_sets():
        n = re.fullmatch(r"gold_fresh(\d+)", p.name)
        if n and int(n.group(1)) >= first and (last is None or int(n.group(1)) <= last) \
                and (p / "gold.jsonl").exists():
            out.append(p)
    return out
