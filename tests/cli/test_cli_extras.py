"""A missing optional extra is a one-line install hint and exit status 1, never a
traceback (issue #15). The extras are hidden from a real subprocess by an import hook."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from skillmix.demo import demo_path
from skillmix.extras import EXTRA_MODULES, extra_for_module

ROOT = Path(__file__).resolve().parents[2]

_HIDE = """
import sys, importlib.abc
HIDDEN = set(sys.argv[1].split(","))
class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in HIDDEN:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, Hide())
import importlib.util
_real = importlib.util.find_spec
importlib.util.find_spec = lambda name, *a: None if name.split(".")[0] in HIDDEN else _real(name, *a)
from skillmix.cli.main import main
main(sys.argv[2:])
"""


def run_without(modules: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _HIDE, modules, *args], capture_output=True,
                          text=True, timeout=300)


def _one_line_hint(out: subprocess.CompletedProcess[str], extra: str) -> None:
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: [X001]")
    assert f"pip install 'skillmix[{extra}]'" in lines[0]


def test_cli_extras_market_run_without_market(tmp_path: Path) -> None:
    corpus = tmp_path / "jobs.csv"
    corpus.write_text("id,title,description\n1,A,SEO\n", encoding="utf-8")
    out = run_without("pyarrow,duckdb,datasketch", "market", "run", str(corpus),
                      "--out", str(tmp_path / "run"))
    _one_line_hint(out, "market")


def test_cli_extras_market_report_without_market(tmp_path: Path) -> None:
    _one_line_hint(run_without("pyarrow,duckdb,datasketch", "market", "report", str(tmp_path)),
                   "market")


def test_cli_extras_rank_without_match() -> None:
    out = run_without("bm25s,scipy", "rank", "--job", str(demo_path("posting.html")),
                      str(demo_path("resume.txt")))
    _one_line_hint(out, "match")


def test_cli_extras_serve_without_serve() -> None:
    _one_line_hint(run_without("fastapi,uvicorn", "serve", "migrate"), "serve")


def test_cli_extras_import_error_of_an_extra_module_becomes_the_hint(tmp_path: Path) -> None:
    # An import deep inside a command, past the explicit check, still ends as the hint.
    corpus = tmp_path / "jobs.csv"
    corpus.write_text("id,title,description\n1,A,SEO\n", encoding="utf-8")
    code = ("import skillmix.extras as e\n"
            "e.require_extra = lambda extra: None\n"
            "from skillmix.cli.main import main\nmain(sys.argv[2:])")
    out = subprocess.run([sys.executable, "-c", _HIDE.replace(
        "from skillmix.cli.main import main\nmain(sys.argv[2:])", code), "pyarrow,duckdb,datasketch",
        "market", "run", str(corpus), "--out", str(tmp_path / "run"), "--silent"],
        capture_output=True, text=True, timeout=300)
    _one_line_hint(out, "market")


def test_cli_extras_table_matches_pyproject() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"]
    assert set(EXTRA_MODULES) <= set(extras)
    assert extra_for_module("duckdb") == "market"
    assert extra_for_module("numpy") is None


@pytest.mark.parametrize("extra", sorted(EXTRA_MODULES))
def test_cli_extras_every_extra_has_an_install_hint(extra: str) -> None:
    from skillmix.errors import MissingExtraError

    err = MissingExtraError.for_module(EXTRA_MODULES[extra][0], extra)
    assert f"pip install 'skillmix[{extra}]'" in err.render()
