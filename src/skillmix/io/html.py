"""HTML to text: block structure kept as line breaks, scripts and styles dropped.

Nothing a page references is fetched: lxml parses the bytes it is given and no more.
JSON-LD blocks (``<script type="application/ld+json">``) are returned separately so a
``JobPosting`` embedded in a careers page can be read as structured data.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["html_to_text", "read_html"]

_DROP = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "head", "form", "button", "select", "input"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot",
    "tr", "ul", "caption", "details", "summary",
}
_CELL = {"td", "th"}
_PARA = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "article", "pre", "blockquote", "hr"}


def _soup(html: str | bytes) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml")


def html_to_text(html: str | bytes) -> str:
    """The visible text of an HTML fragment or page, one block per line."""
    return _render(_soup(html))


def read_html(data: str | bytes) -> tuple[str, dict[str, Any], list[Any]]:
    """Return ``(text, metadata, json_ld_objects)`` for an HTML page."""
    soup = _soup(data)
    json_ld: list[Any] = []
    for tag in soup.find_all("script"):
        kind = (tag.get("type") or "").lower()
        if "ld+json" in kind:
            try:
                json_ld.append(json.loads(tag.string or tag.get_text() or "null"))
            except ValueError:
                pass
    meta: dict[str, Any] = {}
    if soup.title and soup.title.string:
        meta["html_title"] = soup.title.string.strip()
    return _render(soup), meta, json_ld


def _render(soup: Any) -> str:
    from bs4.element import Comment, NavigableString, Tag

    out: list[str] = []
    # Iterative walk (deeply nested pages must not hit the recursion limit).
    stack: list[Any] = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            name = node[1]
            if name in _PARA:
                out.append("\x02")
            elif name in _BLOCK:
                out.append("\x01")
            elif name in _CELL:
                out.append(" | ")
            continue
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            if type(node).__name__ in ("Doctype", "Declaration", "ProcessingInstruction", "CData"):
                continue
            raw = str(node)
            if raw.isspace():
                out.append(" ")
            else:
                lead = " " if raw[0].isspace() else ""
                tail = " " if raw[-1].isspace() else ""
                out.append(lead + " ".join(raw.split()) + tail)
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if name in _DROP:
            continue
        if name == "br":
            out.append("\x01")
            continue
        if name in _BLOCK:
            out.append("\x02" if name in _PARA else "\x01")
            if name == "li":
                out.append("- ")
        stack.append(("end", name))
        stack.extend(reversed(list(node.children)))
    text = re.sub(
        r"[\x01\x02][\x01\x02 ]*",
        lambda m: "\n\n" if "\x02" in m.group(0) else "\n",
        "".join(out),
    )
    lines = []
    for line in text.split("\n"):
        line = " ".join(line.split()).strip(" |")
        lines.append(line)
    joined = "\n".join(lines)
    while "\n\n\n" in joined:
        joined = joined.replace("\n\n\n", "\n\n")
    # An <li> that only held a block is left as a lone dash; fold it into the next line.
    return re.sub(r"(?m)^-\n+(?=\S)", "- ", joined).strip()
