"""The worked examples of docs/extract.md (``req.txt``) and docs/assess.md (the consumer
résumé's Markdown red flags) are real output: each command is run and its output compared
with the page. When a rule change moves them, rerun the commands and paste the output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _skillmix(*args: str, cwd: Path) -> str:
    # run in ``cwd`` (the page's relative names) with this checkout's package first
    path = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p)
    out = subprocess.run([sys.executable, "-m", "skillmix", *args], cwd=cwd,
                         env={**os.environ, "PYTHONPATH": path},
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _block(text: str, after: str, fence: str = "```console") -> str:
    start = text.index(fence, text.index(after)) + len(fence) + 1
    return text[start:text.index("```", start)]


def test_docs_examples_extract_req_txt_is_real_output(tmp_path: Path) -> None:
    block = _block((ROOT / "docs" / "extract.md").read_text("utf-8"), "# Extract")
    parts = re.split(r"^\$ (.+)\n", block, flags=re.M)[1:]
    shown = dict(zip(parts[0::2], parts[1::2]))
    (tmp_path / "req.txt").write_text(shown.pop("cat req.txt").rstrip("\n") + "\n", "utf-8")
    assert shown, "no skillmix command in the example"
    for command, expected in shown.items():
        argv = command.split()
        assert argv[0] == "skillmix"
        got = _skillmix(*argv[1:], "-q", cwd=tmp_path).splitlines()
        want = expected.strip().splitlines()
        assert len(got) == len(want), (command, got)
        for g, w in zip(got, want):
            # the page shortens the document id to its first characters and "…"
            w_cells, g_cells = w.split(","), g.split(",")
            if w_cells[1].endswith("…"):
                assert g_cells[1].startswith(w_cells[1][:-1]), (command, g)
                w_cells[1] = g_cells[1]
            assert g_cells == w_cells, (command, g)


def test_docs_examples_assess_markdown_excerpt_is_real_output(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "assess.md").read_text("utf-8")
    excerpt = _block(page, "An excerpt of the Markdown scorecard", "```markdown")
    command = re.search(r"\(`(skillmix assess [^`]+)`", page[page.index("An excerpt"):])
    assert command is not None
    argv = command.group(1).split()
    argv = [str(ROOT / a) if a.startswith("src/") else a for a in argv]
    argv = [str(tmp_path / "cards") if a == "cards/" else a for a in argv]
    _skillmix(*argv[1:], "-q", cwd=tmp_path)
    (card,) = (tmp_path / "cards").glob("*.md")
    assert excerpt in card.read_text("utf-8")
