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


def html_to_text(html: str | bytes) -> str:
    """The visible text of an HTML fragment or page, one block per line."""
    return _parse(html).text()


def read_html(data: str | bytes) -> tuple[str, dict[str, Any], list[Any]]:
    """Return ``(text, metadata, json_ld_objects)`` for an HTML page."""
    page = _parse(data)
    json_ld: list[Any] = []
    for raw in page.json_ld:
        try:
            json_ld.append(json.loads(raw or "null"))
        except ValueError:
            pass
    meta: dict[str, Any] = {}
    if page.title:
        meta["html_title"] = page.title.strip()
    return page.text(), meta, json_ld


class _Page:
    """An lxml parser target that writes the text as the parser reads the page.

    Why not a tree: building one (BeautifulSoup's, as before) took most of the time of
    reading a posting's HTML, and the text only needs the order of the events. The
    output is what walking BeautifulSoup's tree of the same lxml events gave (tested
    against that walk): a run of text between two events is one string; whitespace-only
    strings count as one space; ``_DROP`` elements vanish with everything inside them;
    blocks, paragraphs and cells leave markers that become line breaks and `` | ``.
    ``title`` is the text of the first ``<title>``, ``json_ld`` the text of each
    ``<script type="...ld+json">``, wherever they are.
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self._data: list[str] = []
        self._drop = 0  # depth inside a dropped element
        self._capture: list[str] | None = None  # text of the <title> or JSON-LD script
        self._capture_tag = ""
        self._capture_depth = 0
        self.title: str | None = None
        self._titled = False
        self.json_ld: list[str] = []

    def _flush(self) -> None:
        if not self._data:
            return
        raw = "".join(self._data)
        self._data = []
        if self._capture is not None and self._capture_depth == 1:
            self._capture.append(raw)
        if self._drop:
            return
        if raw.isspace():
            self.out.append(" ")
        else:
            lead = " " if raw[0].isspace() else ""
            tail = " " if raw[-1].isspace() else ""
            self.out.append(lead + " ".join(raw.split()) + tail)

    def start(self, tag: str, attrib: Any, nsmap: Any = None) -> None:
        self._flush()
        name = tag.lower() if isinstance(tag, str) else ""
        if self._capture is not None:
            self._capture_depth += 1
        elif (name == "title" and not self._titled) or (
                name == "script" and "ld+json" in (attrib.get("type") or "").lower()):
            self._capture, self._capture_tag, self._capture_depth = [], name, 1
            self._titled = self._titled or name == "title"
        if self._drop:
            self._drop += 1
            return
        if name in _DROP:
            self._drop = 1
        elif name == "br":
            self.out.append("\x01")
            self._drop = 1  # a <br> has no content; its end leaves no marker
        elif name in _BLOCK:
            self.out.append("\x02" if name in _PARA else "\x01")
            if name == "li":
                self.out.append("- ")

    def end(self, tag: str) -> None:
        self._flush()
        if self._capture is not None:
            self._capture_depth -= 1
            if self._capture_depth == 0:
                text = "".join(self._capture) if self._capture else None
                if self._capture_tag == "title":
                    self.title = text
                else:
                    self.json_ld.append(text or "")
                self._capture = None
        if self._drop:
            self._drop -= 1
            return
        name = tag.lower() if isinstance(tag, str) else ""
        if name in _PARA:
            self.out.append("\x02")
        elif name in _BLOCK:
            self.out.append("\x01")
        elif name in _CELL:
            self.out.append(" | ")

    def data(self, data: str) -> None:
        self._data.append(data)

    def comment(self, text: str) -> None:
        self._other()

    def pi(self, target: str, data: str | None = None) -> None:
        self._other()

    def doctype(self, *args: Any) -> None:
        self._other()

    def _other(self) -> None:
        # Comments, doctypes and processing instructions are not text, but they end the
        # text run before them (as they ended a string in the tree). libxml2 reads a
        # title's and a script's content as raw text: none of them happens inside one.
        self._flush()

    def close(self) -> None:
        self._flush()

    def text(self) -> str:
        return _finish("".join(self.out))


def _parse(html: str | bytes) -> _Page:
    from lxml import etree

    page = _Page()
    if isinstance(html, str) and html[:1] == "\ufeff":
        html = html[1:]
    parser = etree.HTMLParser(target=page, recover=True)
    try:
        parser.feed(html)
        parser.close()
    except etree.ParserError:  # an empty document: no text
        page.close()
    return page


def _finish(joined: str) -> str:
    """Markers to line breaks, spaces collapsed, blank lines at most one."""
    text = re.sub(
        r"[\x01\x02][\x01\x02 ]*",
        lambda m: "\n\n" if "\x02" in m.group(0) else "\n",
        joined,
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
