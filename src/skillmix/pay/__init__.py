"""Pay in postings: ranges and figures with currency and period, normalised to annual.

``posting_pay(text)`` returns the posting's pay as a :class:`PayMention` with its evidence
span, or an ``"undisclosed"`` mention for "DOE"/"competitive", or ``None``. The annual figures
carry the :class:`PaySettings` assumption they were made with (2,080 hours a year unless told
otherwise). See docs/occupations.md.
"""

from __future__ import annotations

from .extract import find_pay, pay_of, posting_pay
from .records import PayMention, PaySettings

__all__ = ["PayMention", "PaySettings", "find_pay", "pay_of", "posting_pay"]
