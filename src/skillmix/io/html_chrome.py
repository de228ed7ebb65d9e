"""Which HTML elements are page furniture (chrome) rather than the document's own text.

Why: a job posting saved from an applicant-tracking site carries a cookie banner, a share
bar, a "Similar jobs" sidebar, a footer and the application form, and every platform they
name (Google Analytics, Twitter, Salesforce, Dropbox...) used to read as a REQUIRED skill of
the posting. ``html.py`` asks this module, element by element as the parser meets them,
whether an element is chrome, opens the main content, or is a heading that starts a
furniture block; what to do with the answers (and when to fall back) stays in ``html.py``.

The class/id rules work on tokens (``"shareBar job-2"`` -> ``share bar job 2``) so that
``share-price``, ``shared-services`` or ``related-experience`` are not furniture: a token
such as ``share`` counts only beside tokens that merely say where or how it is shown.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["CHROME_TAGS", "SECTIONING_TAGS", "is_chrome", "is_furniture_heading", "is_main"]

#: Elements that are page chrome by their tag. ``header`` is chrome only at page level
#: (not inside ``main``/``article``/``section``), decided by the caller.
CHROME_TAGS = frozenset({"nav", "footer", "aside", "search", "dialog"})
#: Elements inside which a ``header`` (or a ``*-header`` class) belongs to the content.
SECTIONING_TAGS = frozenset({"main", "article", "section"})

_CHROME_ROLES = frozenset({"navigation", "contentinfo", "banner", "complementary", "search"})
_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
# Tokens that are furniture on their own.
_ALONE = frozenset({
    "cookie", "cookies", "cookiebot", "onetrust", "consent", "gdpr", "ccpa", "breadcrumb",
    "breadcrumbs", "newsletter", "sidebar", "footer", "addthis", "sharethis", "shareaholic",
    "navbar", "topbar", "skiplink",
})
# Tokens that are furniture only beside "how/where it is shown" words (``_PLACE``).
_WITH_PLACE = frozenset({"share", "sharing", "social", "follow"})
_PLACE = frozenset({
    "bar", "buttons", "button", "btn", "links", "link", "icons", "icon", "tools", "toolbar",
    "widget", "menu", "box", "container", "wrapper", "wrap", "list", "job", "this", "page",
    "post", "posting", "options", "group", "block", "area", "panel", "section", "modal",
    "dropdown", "inner", "component", "module", "media", "networks", "network", "us", "js",
    "nav", "profiles", "accounts", "share", "sharing", "social", "follow", "channels", "a",
})
_SIMILAR = frozenset({"similar", "related", "recommended", "other", "more", "suggested"})
_JOBS = frozenset({"job", "jobs", "positions", "openings", "roles", "postings", "vacancies",
                   "opportunities", "careers"})
_APPLY = frozenset({"apply", "application"})
_APPLY_PART = frozenset({"form", "modal", "dialog", "panel"})
# A class naming the site's header (Lever's ``main-header`` holds the logo). Not a bare
# ``header`` or ``page-header``: Greenhouse's ``<div id="header">`` holds the job title.
_HEADER_PREFIX = frozenset({"site", "main", "global", "top"})
_TOKEN = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_FURNITURE_HEADING = re.compile(
    r"^(?:(?:similar|related|recommended|suggested|other|more) (?:open )?"
    r"(?:jobs?|positions|openings|roles|postings|vacancies|opportunities)"
    r"|jobs you (?:may|might) (?:also )?like|share (?:this|the) (?:job|posting|role|position)"
    r"|follow us|cookie (?:settings|preferences|policy|consent))\W*$"
)


def _tokens(attrib: Any) -> list[str]:
    words = " ".join(str(attrib.get(k) or "") for k in ("class", "id", "aria-label"))
    return [t.lower() for t in _TOKEN.findall(words)]


def _furniture_tokens(tokens: list[str], page_level: bool) -> bool:
    seen = {t for t in tokens if not t.isdigit()}
    if seen & _ALONE:
        return True
    if seen & _WITH_PLACE and seen <= _PLACE:
        return True
    for a, b in zip(tokens, tokens[1:]):
        if (a in _SIMILAR and b in _JOBS) or (a in _APPLY and b in _APPLY_PART):
            return True
        if page_level and b == "header" and a in _HEADER_PREFIX:
            return True
    return False


def is_chrome(name: str, attrib: Any, page_level: bool) -> bool:
    """Whether the element opened by ``<name attrib>`` is page furniture.

    ``page_level`` says the element is outside any ``main``/``article``/``section``: only
    there is a ``<header>`` (or a ``main-header`` class) the site's, not the posting's.
    """
    if not attrib:  # most elements of a description: decided by the tag alone
        return name in ("nav", "footer", "aside", "search") or (name == "header" and page_level)
    role = (attrib.get("role") or "").strip().lower()
    tokens = _tokens(attrib)
    if name == "dialog" or role in _DIALOG_ROLES:
        # A modal may hold the posting itself; only a consent dialog is furniture.
        return bool(set(tokens) & {"cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebot", "privacy"})
    if name in CHROME_TAGS or role in _CHROME_ROLES:
        return True
    if name == "header" and page_level:
        return True
    return bool(tokens) and _furniture_tokens(tokens, page_level)


def is_main(name: str, attrib: Any) -> bool:
    """Whether the element marks the page's main content (``<main>``, ``role=main``).

    Not ``<article>``: a careers page's "related jobs" cards are often articles while the
    posting sits in a plain ``<div>``, and reading the articles alone would swap the
    posting for the cards."""
    return name == "main" or bool(attrib) and (attrib.get("role") or "").strip().lower() == "main"


def is_furniture_heading(text: str) -> bool:
    """Whether a heading's text opens a furniture block ("Similar jobs", "Share this job")."""
    return _FURNITURE_HEADING.match(" ".join(text.lower().split())) is not None
