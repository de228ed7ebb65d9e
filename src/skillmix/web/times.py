"""How the UI shows a time: one format on every page, in UTC, saying so.

Why one helper: the pages printed ``created_at.strftime("%Y-%m-%d %H:%M")``, each its own
copy and none with a zone, so a reader in another zone could not tell 03:42 their time
from 03:42 the server's (the API has said ``+00:00`` since times became
:class:`~skillmix.store.models.UtcDateTime`). Every template prints a time through the
``when`` filter (:func:`time_tag`), and a test fails on a template that formats one itself.
"""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup, escape

from ..store.models import as_utc

__all__ = ["TIME_FORMAT", "shown_time", "time_tag"]

#: the one format of a time on a page: ``2026-12-06 03:42 UTC``
TIME_FORMAT = "%Y-%m-%d %H:%M UTC"


def shown_time(value: datetime | None) -> str:
    """``value`` as the pages show it, ``2026-12-06 03:42 UTC``; a naive time is taken as
    UTC (what the store writes), an aware one is converted (:func:`as_utc`); ``""`` for
    None."""
    at = as_utc(value)
    return at.strftime(TIME_FORMAT) if at is not None else ""


def time_tag(value: datetime | None) -> Markup:
    """:func:`shown_time` inside ``<time datetime="...">`` (the instant in ISO 8601 with
    its offset, for scripts and assistive tools); empty for None. The ``when`` filter."""
    at = as_utc(value)
    if at is None:
        return Markup("")
    return Markup('<time datetime="{}">{}</time>').format(
        escape(at.isoformat(timespec="seconds")), shown_time(at))
