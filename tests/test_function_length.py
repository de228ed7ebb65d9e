"""No function in src/ grows past a hard cap; scripts/long_functions.py lists the ones over
the soft target of 60 lines, which is where to look for a split that has a name."""

from __future__ import annotations

import importlib.util
from pathlib import Path

CAP = 110

_spec = importlib.util.spec_from_file_location(
    "long_functions", Path(__file__).resolve().parents[1] / "scripts" / "long_functions.py")
assert _spec is not None and _spec.loader is not None
long_functions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(long_functions)


def test_function_length_under_the_cap():
    over = [f"{n} {where}" for n, where in long_functions.function_lengths() if n > CAP]
    assert over == []


def test_function_length_sees_a_long_function(tmp_path: Path):
    body = "\n".join(f"    x{i} = {i}" for i in range(CAP + 5))
    (tmp_path / "m.py").write_text(f"def long_one():\n{body}\n", encoding="utf-8")
    assert long_functions.function_lengths(tmp_path)[0][0] == CAP + 6
