"""The layers import downwards only: HTTP (api, web) -> service -> store; the API never
imports the web UI (the composition root, skillmix.server, mounts both); the store knows
nothing of scoring or HTTP (it may read the decision log's format); the service knows no
HTTP. Read from the source (every import, top level or inside a function)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "skillmix"


def _imports(package: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in sorted((PKG / package).rglob("*.py")):
        mod = "skillmix." + ".".join(path.relative_to(PKG).with_suffix("").parts)
        base = mod.rsplit(".", 1)[0] if path.name != "__init__.py" else mod.removesuffix(".__init__")
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = base.split(".")
                    parts = parts[:len(parts) - node.level + 1]
                    target = ".".join(parts + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                found.add(target)
                found.update(f"{target}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        out[mod] = found
    return out


def _offenders(package: str, banned: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    bad = []
    for mod, targets in _imports(package).items():
        for t in sorted(targets):
            if t.startswith(banned) and not t.startswith(allowed):
                bad.append(f"{mod} imports {t}")
    return bad


@pytest.mark.parametrize("package, banned, allowed", [
    ("api", ("skillmix.web",), ()),
    ("service", ("skillmix.api", "skillmix.web", "skillmix.server", "fastapi", "starlette"), ()),
    ("store", ("skillmix.api", "skillmix.web", "skillmix.server", "skillmix.service",
               "skillmix.assess", "skillmix.match", "skillmix.extract", "skillmix.fairness",
               "skillmix.market", "fastapi", "starlette"),
     ("skillmix.fairness.log",)),
])
def test_layers_import_downwards_only(package: str, banned: tuple[str, ...],
                                      allowed: tuple[str, ...]) -> None:
    assert _offenders(package, banned, allowed) == []


def test_layers_checker_sees_a_violation() -> None:
    # the web UI does use the API's HTTP pieces: the checker must see that edge
    assert any("skillmix.api" in x for x in _offenders("web", ("skillmix.api",)))
