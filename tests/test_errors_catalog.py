"""The error catalog: one definition per code, every code documented, no stray literals."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from skillmix.errors import ConfigError, ErrorCode, SkillmixError, catalog
from skillmix.errors.config_codes import C001

SRC = Path(__file__).resolve().parent.parent / "src" / "skillmix"
DOC = Path(__file__).resolve().parent.parent / "docs" / "errors.md"
CODE = re.compile(r"^[A-Z]\d{3}$")
# raise sites not yet moved onto the catalog (issue #19 does these after #14's move);
# their codes must still be catalogued
LITERALS_ALLOWED = ()


def _literal_codes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("errors/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and CODE.match(node.value):
                found.setdefault(node.value, []).append(f"{rel}:{node.lineno}")
    return found


def test_errors_catalog_codes_are_unique_and_named_by_code():
    codes = catalog.all_codes()
    assert len(codes) > 200
    for module_name, (prefix, _) in catalog.DOMAINS.items():
        module = importlib.import_module(f"skillmix.errors.{module_name}")
        names = [n for n, v in vars(module).items() if isinstance(v, ErrorCode)]
        assert list(module.__all__) == sorted(names), module_name
        assert all(n.startswith(prefix) for n in names)
    for entry in codes.values():
        assert entry.summary.endswith("."), entry.code
        assert issubclass(entry.kind, SkillmixError)


def test_errors_catalog_rejects_a_code_defined_twice(monkeypatch):
    from skillmix.errors import extra_codes

    monkeypatch.setattr(extra_codes, "X003", ErrorCode("X001", ConfigError, "again."),
                        raising=False)
    with pytest.raises(ValueError, match="X001"):
        catalog.all_codes()


def test_errors_catalog_call_builds_its_class():
    err = C001("no such file: a.pdf.", source="a.pdf", hint="Check the path.")
    assert isinstance(err, ConfigError) and err.code == "C001"
    assert str(err) == "[C001] a.pdf: no such file: a.pdf. Check the path."


def test_errors_catalog_every_literal_code_is_catalogued():
    codes = catalog.all_codes()
    literals = _literal_codes()
    assert not {c: w for c, w in literals.items() if c not in codes and c != "X000"}
    stray = {c: w for c, w in literals.items()
             if any(not site.startswith(LITERALS_ALLOWED) for site in w) and c != "X000"}
    assert not stray, "raise through the catalog entry instead of a literal code"


def test_errors_catalog_every_bracketed_code_is_catalogued():
    """Codes written into messages and docs (``[D102]``) exist too, so none is a typo."""
    codes = catalog.all_codes()
    for path in sorted(SRC.rglob("*.py")):
        for code in re.findall(r"\[([A-Z]\d{3})\]", path.read_text(encoding="utf-8")):
            assert code in codes or code == "X000", (path.name, code)


def test_errors_catalog_every_code_is_used():
    text = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")
                     if not p.relative_to(SRC).as_posix().startswith("errors/"))
    unused = [c for c in catalog.all_codes() if not re.search(rf"\b{c}\b", text)]
    assert not unused


def test_errors_catalog_doc_is_current():
    assert DOC.read_text(encoding="utf-8") == catalog.render_markdown(), \
        "run: python scripts/write_errors_doc.py"
