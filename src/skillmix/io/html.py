"""HTML to text: block structure kept as line breaks, scripts, styles and page furniture dropped.

Nothing a page references is fetched: lxml parses the bytes it is given and no more.
JSON-LD blocks (``<script type="application/ld+json">``) are returned separately so a
``JobPosting`` embedded in a careers page can be read as structured data.

Page furniture (navigation, footers, sidebars, cookie banners, share bars, "Similar jobs"
lists; see ``html_chrome``) is left out, and where the page marks its main content
(``<main>``, ``role=main``; not ``<article>``, which related-job cards use) only that is
read, so that the platforms a site's chrome names do not become skills the posting requires. Dropping never costs the posting:
when what is left is almost nothing (the whole posting sat in a page ``<header>``, say),
the text is read as before, furniture and all.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .html_chrome import CHROME_TAGS, SECTIONING_TAGS, is_chrome, is_furniture_heading, is_main

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
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Flags of each output piece: inside furniture, inside the main content, and a separator
# that stands for a dropped inline element (so its neighbours do not run together).
_CHROME, _MAIN, _GAP = 1, 2, 4
# An element with no attributes and none of these tags is neither furniture nor content
# marker: its stack entry is this constant, and no classification is run for it.
_SPECIAL = CHROME_TAGS | SECTIONING_TAGS | {"header"}
_PLAIN = (0, 0, 0)
_KEYS = frozenset({"class", "id", "role", "aria-label"})  # the attributes html_chrome reads
# Fallback: furniture is dropped only if at least this share of the page's words is left
# (and at least _MIN_WORDS, or half the page when it is shorter); the main content is
# preferred only if it holds at least _MAIN_SHARE of the words left.
_KEEP_SHARE, _MIN_WORDS, _MAIN_SHARE = 0.1, 25, 0.4


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

    Each output piece carries flags (``_CHROME``, ``_MAIN``, ``_GAP``) so that ``text``
    can choose, once the whole page is known, between the main content, the page without
    its furniture and the page as it was read before furniture was recognised.
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self.flags: list[int] = []  # one per piece of ``out``
        self._data: list[str] = []
        # Open (not dropped) elements: [chrome levels, main levels, sectioning levels] each
        # added, so the end of the element takes them back.
        self._stack: list[tuple[int, int, int]] = []
        self._chrome = self._main = self._sect = 0
        self._flag = 0  # the flags of a piece written now: _CHROME, _MAIN as the depths say
        self._heading: tuple[int, int] | None = None  # (first piece, stack depth) of an open h1-h6
        self._saw_chrome = self._saw_main = False
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
            self._put(" ")
        else:
            lead = " " if raw[0].isspace() else ""
            tail = " " if raw[-1].isspace() else ""
            self._put(lead + " ".join(raw.split()) + tail)

    def _put(self, piece: str, extra: int = 0) -> None:
        self.out.append(piece)
        self.flags.append(self._flag | extra)

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
            return
        if name == "br":
            self._put("\x01")
            self._drop = 1  # a <br> has no content; its end leaves no marker
            return
        if name in _SPECIAL or (attrib and not _KEYS.isdisjoint(attrib)):
            entry = self._classify(name, attrib)
        else:  # the common case, kept cheap: a plain element changes no depth
            entry = _PLAIN
        chrome, main = entry[0], entry[1]
        if main:  # the main element's own markers belong to the main content
            self._open(entry)
        if name in _BLOCK:
            self._put("\x02" if name in _PARA else "\x01")
            if name == "li":
                self._put("- ")
        elif chrome:
            self._put(" ", _GAP)
        if entry is _PLAIN:
            self._stack.append(entry)
        elif not main:
            self._open(entry)
        if name in _HEADINGS and self._heading is None and not self._chrome:
            self._heading = (len(self.out), len(self._stack))

    def _classify(self, name: str, attrib: Any) -> tuple[int, int, int]:
        chrome = not self._chrome and is_chrome(name, attrib, page_level=not self._sect)
        main = not chrome and is_main(name, attrib)
        return int(chrome), int(main), int(main or name in SECTIONING_TAGS)

    def _open(self, entry: tuple[int, int, int]) -> None:
        self._stack.append(entry)
        self._chrome += entry[0]
        self._main += entry[1]
        self._sect += entry[2]
        self._saw_chrome = self._saw_chrome or bool(entry[0])
        self._saw_main = self._saw_main or bool(entry[1])
        self._reflag()

    def _reflag(self) -> None:
        self._flag = (_CHROME if self._chrome else 0) | (_MAIN if self._main else 0)

    def _unwind(self, entry: tuple[int, int, int]) -> None:
        """Take back the depths an element's ``_open`` added, once it has ended."""
        self._chrome -= entry[0]
        self._main -= entry[1]
        self._sect -= entry[2]
        self._reflag()

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
        entry = self._stack.pop() if self._stack else _PLAIN
        if entry is not _PLAIN and not entry[1]:
            self._unwind(entry)
        if name in _PARA:
            self._put("\x02")
        elif name in _BLOCK:
            self._put("\x01")
        elif name in _CELL:
            self._put(" | ")
        elif entry[0]:
            self._put(" ", _GAP)
        if entry[1]:  # the main element's closing marker still belongs to the main content
            self._unwind(entry)
        if self._heading and len(self._stack) < self._heading[1]:
            self._end_heading()

    def _end_heading(self) -> None:
        """A heading such as "Similar jobs" makes the rest of its parent furniture."""
        first = self._heading[0] if self._heading else 0
        self._heading = None
        if not is_furniture_heading(_finish("".join(self.out[first:]))):
            return
        for i in range(first, len(self.flags)):
            self.flags[i] |= _CHROME
        if self._stack:  # until the parent ends; a heading at the top level: to the end
            top = self._stack[-1]
            self._stack[-1] = (top[0] + 1, top[1], top[2])
        self._chrome += 1
        self._saw_chrome = True
        self._reflag()

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
        """The main content, else the page without furniture, else the page as before.

        Why the fallbacks: a page may put its whole posting in a ``<header>`` or a
        ``sidebar``; losing the posting is worse than reading its furniture.
        """
        if not (self._saw_chrome or self._saw_main):  # no _GAP pieces either
            return _finish("".join(self.out))
        full = _finish(self._join(lambda f: not f & _GAP))
        kept = _finish(self._join(lambda f: not f & _CHROME))
        full_n, kept_n = len(full.split()), len(kept.split())
        if kept_n < _KEEP_SHARE * full_n or kept_n < min(_MIN_WORDS, full_n / 2):
            return full
        if self._saw_main:
            main = _finish(self._join(lambda f: f & _MAIN and not f & _CHROME))
            main_n = len(main.split())
            if main_n >= _MAIN_SHARE * kept_n and main_n >= min(_MIN_WORDS, kept_n / 2):
                return main
        return kept

    def _join(self, keep: Any) -> str:
        return "".join(piece for piece, flags in zip(self.out, self.flags) if keep(flags))


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
