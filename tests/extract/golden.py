"""Golden files for whole postings: what extraction finds in three real LinkedIn
postings (April 2024 sample, copied into tests/data/extract/golden/).

Regenerate after an intended change, then read the diff before committing:

    python tests/extract/golden.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "extract" / "golden"
FIELDS = ("skill_id", "surface", "start", "end", "section", "requirement", "years",
          "negated", "usage")


def snapshot(path: Path) -> list[dict[str, object]]:
    from skillmix.extract import get_extractor

    text = path.read_text(encoding="utf-8")
    ext = get_extractor("builtin").extract(text, kind="posting")
    return [{f: getattr(m, f) for f in FIELDS} for m in ext.mentions]


def main() -> None:
    for path in sorted(GOLDEN.glob("*.txt")):
        out = path.with_suffix(".json")
        out.write_text(json.dumps(snapshot(path), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
