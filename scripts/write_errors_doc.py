"""Write docs/errors.md from the error catalog (skillmix.errors.catalog).

Run after adding or changing a code: python scripts/write_errors_doc.py
A test fails while the committed page differs from the catalog.
"""

from __future__ import annotations

import sys
from pathlib import Path

from skillmix.errors.catalog import render_markdown

target = Path(__file__).resolve().parent.parent / "docs" / "errors.md"
target.write_text(render_markdown(), encoding="utf-8")
sys.stdout.write(f"wrote {target}\n")
