"""Find pay in posting text: ranges, single figures, currency, period, "k" forms.

``find_pay(text)`` returns every pay statement with its evidence span; ``posting_pay(text)``
picks the one that states the posting's pay (a figure next to "pay", "salary", "rate" or
"compensation" first, then a range, then the first figure), or an ``"undisclosed"`` mention
when the text only says "DOE" or "competitive". Figures become annual with the
:class:`PaySettings` assumption recorded on each mention.

Why rules and not a model: pay is written in a few dozen patterns ("$18.00 - $24.00 per
hour", "£25k-£30k pa", "60-80K", "up to 7.40 p.h."), each easy to read exactly; what needs
care is what is *not* pay ("$5M revenue", "401(k)", "$200 sign-on bonus", "46 hours p.w.").
"""

from __future__ import annotations

import re

from .records import PayMention, PaySettings

__all__ = ["find_pay", "posting_pay"]

_CUR = r"US\$|USD\s?\$?|CA?\$|CAD\s?\$?|AU?\$|AUD\s?\$?|\$|£|GBP\s?£?|€|EUR\s?€?"
_AMOUNT = re.compile(
    rf"(?P<cur>{_CUR})?\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d{{1,2}})?|\d+(?:\.\d{{1,2}})?)"
    r"(?:\s?(?P<k>[kK])(?![a-zA-Z]))?(?P<code>\s?(?:USD|GBP|EUR|CAD|AUD)\b)?"
)
_CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
             "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR"}
_GAP_UNIT = r"(?:(?:p\.?\s?/?\s?|/\s*|per\s+|an?\s+)(?:hour|hr|h|day|week|wk|month|annum|year|yr)s?\.?|ph|pa|p\.a\.)"
_RANGE_GAP = re.compile(rf"^\s*{_GAP_UNIT}?\s*(?:-+|–|—|to|and|&)\s*(?:up\s+to\s+)?$", re.I)
_TO_COMPETITIVE = re.compile(r"^\s*(?:-|to)\s*(?:competitive|negotiable|doe)\b", re.I)
_AFTER = [
    ("hour", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?/?\s?|each\s+)(?:hour|hr|h)s?\b\.?|^\s*\+?\s*(?:hourly|ph\b|p/h\b|p\.h\.?)", re.I)),
    ("day", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?)(?:day|d)\b|^\s*\+?\s*(?:daily|pd\b|p/d\b)", re.I)),
    ("week", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?)(?:week|wk|w)\b|^\s*\+?\s*weekly", re.I)),
    ("month", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?)(?:month|mo|mth|m)\b|^\s*\+?\s*(?:monthly|pcm\b|p\.c\.m)", re.I)),
    ("year", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?)(?:year|yr|annum|a|y)\b|^\s*\+?\s*(?:annually|yearly|annual|pa\b|p\.a\.?)", re.I)),
]
_BEFORE = [
    ("hour", re.compile(r"\bhourly\b|\bper hour\b", re.I)),
    ("day", re.compile(r"\bdaily\b|\bday rate\b", re.I)),
    ("week", re.compile(r"\bweekly\b", re.I)),
    ("month", re.compile(r"\bmonthly\b", re.I)),
    ("year", re.compile(r"\bannual(?:ly)?\b|\byearly\b|\bper (?:year|annum)\b", re.I)),
]
_CUE = re.compile(r"\b(?:pay|salary|salaries|wage|wages|rate|compensation|comp|earn|earning|earnings|ote|range|"
                  r"paid|starting|base)\b", re.I)
_NOT_MONEY_UNIT = re.compile(r"^\s*(?:%|percent\b|\+?\s*(?:hours?|hrs?|years?|yrs?|days?|weeks?|months?|minutes?|mins?|%|percent|"
                             r"people|employees|staff|members|clients|customers|locations|states|countries|miles|"
                             r"sq|square|beds?|units?|patients|students|am|pm|x)\b)", re.I)
_SCALE = re.compile(r"^\s*(?:million|billion|mn|bn|m|b)\b|^\s*\+?\s*(?:in\s+(?:revenue|sales|funding|assets))", re.I)
_PURPOSE = [
    ("ote", re.compile(r"\bOTE\b|on[- ]target", re.I)),
    ("bonus", re.compile(r"\b(?:bonus|bonuses|sign[- ]?on|signing|referral|incentive|commission)\b", re.I)),
    ("tips", re.compile(r"\btips?\b|\bgratuit", re.I)),
    ("other", re.compile(r"\b(?:stipend|reimburs\w*|tuition|allowance|relocation|cost|costs|"
                         r"worth|value|revenue|budget|funding|raised|scholarship|discount|deductible|fee|fees|"
                         r"savings|per diem|retainer|credit|loan|for every|per (?:enrollment|sale|referral|lead|client|unit|visit))\b", re.I)),
]
_UNDISCLOSED = re.compile(
    r"\b(?:D\.?O\.?E\.?|depend(?:ing|ent|s)? (?:up)?on experience|commensurate with (?:skills and )?experience|"
    r"competitive (?:salary|pay|compensation|wages?|rates?|package|base)|salary (?:is )?negotiable|negotiable salary)\b",
    re.I,
)
_BOUNDS = {"hour": (5, 1000), "day": (30, 5000), "week": (100, 20000), "month": (400, 100000),
           "year": (5000, 5_000_000)}


def _start(m: re.Match[str]) -> int:
    return m.start("cur") if m.group("cur") else m.start("num")


def _number(m: re.Match[str]) -> float:
    value = float(m.group("num").replace(",", ""))
    return value * 1000 if m.group("k") else value


def _infer_period(value: float) -> str:
    if value <= 300:
        return "hour"
    if value < 1500:
        return "week"
    if value < 10000:
        return "month"
    return "year"


def _period_after(text: str, pos: int) -> tuple[str | None, int]:
    window = text[pos:pos + 30]
    for period, rx in _AFTER:
        m = rx.match(window)
        if m:
            return period, pos + m.end()
    return None, pos


def _period_before(text: str, pos: int) -> str | None:
    window = text[max(0, pos - 40):pos]
    for period, rx in _BEFORE:
        if rx.search(window):
            return period
    return None


def find_pay(text: str, settings: PaySettings | None = None, *, assume_pay: bool = False) -> tuple[PayMention, ...]:
    """Every pay statement in ``text``, in order. ``assume_pay`` reads bare numbers as pay
    (for a field known to hold pay, like a job board's salary column)."""
    cfg = settings or PaySettings()
    amounts = [m for m in _AMOUNT.finditer(text)]
    out: list[PayMention] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        b = None
        if i + 1 < len(amounts) and _RANGE_GAP.match(text[a.end():amounts[i + 1].start()]):
            b = amounts[i + 1]
        end = (b or a).end()
        i += 2 if b else 1
        s0 = _start(a)
        if s0 > 0 and (text[s0 - 1].isalnum() or text[s0 - 1] in "(.-/"):
            if not a.group("cur"):
                continue  # part of a code, a date or "401(k)"
        tail = text[end:end + 40]
        has_cur = bool(a.group("cur") or a.group("code") or (b and (b.group("cur") or b.group("code"))))
        if _SCALE.match(tail) or tail.startswith(("(k)", "k)", "(K)")) or (a.group("num") == "401" and not has_cur):
            continue  # "$5M revenue", "401(k)", "401k"
        if _NOT_MONEY_UNIT.match(tail) and not has_cur:
            continue
        cur_raw = next((x.group("cur") or (x.group("code") or "").strip() for x in (a, b) if x and (x.group("cur") or x.group("code"))), None)
        before = text[max(0, s0 - 60):s0]
        cue = bool(_CUE.search(before[-45:]))
        near_cue = bool(_CUE.search(before[-15:]))
        lo = _number(a)
        hi = _number(b) if b else None
        if b and b.group("k") and not a.group("k") and lo < 1000:
            lo *= 1000  # "25-30k"
        elif hi is not None and lo < 1000 <= hi and lo * 1000 <= hi:
            lo *= 1000  # "30-45000"
        comp = _TO_COMPETITIVE.match(text[end:end + 30])
        after_pos = end + (comp.end() if comp else 0)
        period, span_end = _period_after(text, after_pos)
        if not (has_cur or period or near_cue or assume_pay):
            continue  # a bare number, even "60k", needs a currency, a period or a pay word
        inferred = False
        if period is None:
            period = _period_before(text, s0)
        if period is None:
            period, inferred = _infer_period(hi if hi is not None else lo), True
        floor, ceil = _BOUNDS[period]
        top = hi if hi is not None else lo
        if not (floor <= top <= ceil) or (lo and lo < floor and hi is None):
            continue
        if hi is not None and hi < lo:
            continue
        # what the figure is for: the words just before it (within its sentence) and just
        # after it, unless those start "+ bonus" (base plus extras)
        lead = re.split(r"[.!?\n]", before[-30:])[-1]
        trail = text[span_end:span_end + 15]
        explicit = span_end > end  # the text named the period right after the figure
        if re.match(r"\s*(?:\+|plus\b|and\b|&)", trail, re.I) or (explicit and not re.match(r"\s*(?:in|of)\b", trail, re.I)):
            trail = ""  # "per annum + bonus", "per annum bonus, car": base pay with extras
        context = lead + " " + trail
        purpose = next((name for name, rx in _PURPOSE if rx.search(context)), "base")
        qualifier = None
        low_words = before[-12:].lower()
        if hi is None:
            if "up to" in low_words or "upto" in low_words:
                qualifier = "up to"
            elif "from" in low_words or "starting" in before[-20:].lower():
                qualifier = "from"
        per = cfg.per_year(period)
        currency = _CURRENCY.get(re.sub(r"\s", "", cur_raw or "").rstrip("$£€") or "", None) if cur_raw else None
        if cur_raw and currency is None:
            currency = _CURRENCY.get(re.sub(r"\s", "", cur_raw)[-1:], None)
        out.append(PayMention(
            kind="range" if hi is not None else "single", start=s0, end=max(span_end, end),
            surface=text[s0:max(span_end, end)], low=lo, high=hi,
            currency=currency or cfg.default_currency, period=period, period_inferred=inferred,
            qualifier=qualifier, purpose=purpose, annual_low=round(lo * per, 2),
            annual_high=round(hi * per, 2) if hi is not None else None,
            assumption=cfg.assumption(period) + ("; period read from the size of the figure" if inferred else ""),
            cue=cue,
        ))
    for m in _UNDISCLOSED.finditer(text):
        out.append(PayMention(kind="undisclosed", start=m.start(), end=m.end(), surface=m.group(0)))
    out.sort(key=lambda p: p.start)
    return tuple(out)


def posting_pay(text: str, settings: PaySettings | None = None, *, assume_pay: bool = False) -> PayMention | None:
    """The posting's own pay: a cued base figure, else a range, else the first base figure;
    an ``"undisclosed"`` mention when there is no figure; ``None`` when pay is not mentioned."""
    found = find_pay(text, settings, assume_pay=assume_pay)
    base = [p for p in found if p.kind != "undisclosed" and p.purpose == "base"]
    if base:
        if assume_pay:  # a pay field leads with its pay: "17000 - 25000/annum 17k - 20k OTE 25k"
            return base[0]
        return min(base, key=lambda p: (not p.cue, p.kind != "range", p.start))
    ote = [p for p in found if p.purpose == "ote"]
    if ote:  # on-target earnings are pay when nothing else is stated: "25k - 50k OTE"
        return ote[0]
    return next((p for p in found if p.kind == "undisclosed"), None)
