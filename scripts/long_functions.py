"""List the functions in src/ longer than N lines (default 60), longest first.

Why: a function that long usually does several things that each have a name; this list is
where to look when splitting. tests/test_function_length.py holds the hard cap.

    python scripts/long_functions.py [N]
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def function_lengths(src: Path = SRC) -> list[tuple[int, str]]:
    """``(lines, "path:line name")`` for every function and method under ``src``, longest
    first; Alembic migrations are left out (their ``upgrade`` is the schema, generated)."""
    out = []
    for path in sorted(src.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                out.append((lines, f"{path.relative_to(src)}:{node.lineno} {node.name}"))
    return sorted(out, reverse=True)


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    for lines, where in function_lengths():
        if lines > limit:
            sys.stdout.write(f"{lines:4d}  {where}\n")
