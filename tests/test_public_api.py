"""The package's public surface: sorted, importable, documented."""

from __future__ import annotations

import importlib
import pkgutil

import skillmix


def _is_sorted(names: list[str]) -> bool:
    """Plain sorted, or isort-style (CONSTANTS, then Classes, then functions), as
    ruff's RUF022 accepts."""

    def isort_key(n: str) -> tuple[int, str]:
        return (0 if n.isupper() else 1 if n[:1].isupper() else 2, n)

    return names == sorted(names) or names == sorted(names, key=isort_key)


def test_public_api_all_is_sorted_and_resolves() -> None:
    assert _is_sorted(skillmix.__all__)
    for name in skillmix.__all__:
        assert getattr(skillmix, name) is not None, name


def test_public_api_error_tree_has_one_root() -> None:
    for name in skillmix.__all__:
        obj = getattr(skillmix, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, skillmix.SkillmixError), name


def test_public_api_subpackage_all_are_sorted() -> None:
    for info in pkgutil.walk_packages(skillmix.__path__, "skillmix."):
        if not info.ispkg:
            continue
        try:
            mod = importlib.import_module(info.name)
        except ImportError:
            continue  # an optional extra is missing; its own tests cover the hint
        names = getattr(mod, "__all__", None)
        if names is not None:
            assert list(names) == sorted(names), info.name


def test_public_api_every_cli_command_is_documented_in_readme() -> None:
    from pathlib import Path

    from skillmix.cli.main import COMMANDS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for name in COMMANDS:
        assert f"skillmix {name}" in readme, name


def test_public_api_extract_names_one_thing() -> None:
    """``skillmix.extract`` is the subpackage before and after it is imported; the function
    is ``skillmix.extract_skills``."""
    import skillmix.extract as extract_pkg

    assert skillmix.extract is extract_pkg
    assert skillmix.extract_skills is extract_pkg.extract
    assert skillmix.extract is extract_pkg
