"""The fast loader reads every shipped YAML file as PyYAML's pure-Python safe loader does,
so shipped data can be read through :mod:`skillmix.yamlio` without a change of meaning."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from skillmix.yamlio import safe_load

PKG = Path(__file__).resolve().parents[1] / "src" / "skillmix"


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.yaml")), ids=lambda p: str(p.relative_to(PKG)))
def test_yamlio_reads_each_shipped_file_as_the_python_loader(path: Path) -> None:
    text = path.read_text("utf-8")
    assert safe_load(text) == yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - a safe loader
