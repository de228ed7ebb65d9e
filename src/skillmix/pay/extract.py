"""Find pay in posting text: ranges, single figures, currency, period, "k" forms.

``find_pay(text)`` returns every pay statement with its evidence span; ``posting_pay(text)``
picks the one that states the posting's pay (a figure next to "pay", "salary", "rate" or
"compensation" first, then a range, then the first figure), or an ``"undisclosed"`` mention
when the text only says "DOE" or "competitive". Figures become annual with the
:class:`PaySettings` assumption recorded on each mention.

Why rules and not a model: pay is written in a few dozen patterns ("$18.00 - $24.00 per
hour", "£25k-£30k pa", "60-80K", "up to 7.40 p.h."), each easy to read exactly; what needs
care is what is *not* pay ("$5M revenue", "$6+ Billion in loans", "401(k)", "$200 sign-on
bonus", "Up to $25,000 Fertility Benefit", "46 hours p.w.", "Paid Time Off, 9 holidays") and
which currency a figure is in ("$2,500 MXN" is pesos, not dollars). ``pay_of`` adds a job
board's own pay field, read before the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .records import PayMention, PaySettings

__all__ = ["find_pay", "pay_of", "posting_pay"]

# ISO 4217 codes, read in any case ("$113,800 - $187,800 cad"); those that are also English
# words ("php" in a developer posting, "try", "pen", "ron") only in capitals
_CODES_ANY_CASE = ("USD|CAD|AUD|NZD|GBP|EUR|CHF|SEK|NOK|DKK|PLN|CZK|HUF|BGN|UAH|MXN|BRL|ARS|COP|CLP|UYU|"
                   "INR|PKR|BDT|LKR|NPR|SGD|HKD|JPY|CNY|RMB|KRW|TWD|MYR|IDR|THB|VND|ZAR|NGN|KES|GHS|EGP|ILS|AED|SAR|QAR")
_CODES = rf"(?<![A-Za-z])(?:(?i:{_CODES_ANY_CASE})|PHP|TRY|PEN|RON)"
_CUR = rf"(?:(?i:US|CA|AU|NZ|MX|SG|HK)|C|A|S|R)\$|[$£€₹]|{_CODES}\s?[$£€₹]?"
# a currency word after the figure ("45.000 euros", "$2,500 Mexican pesos"); "pounds" alone is
# left out, it is as often a weight ("lift 50 pounds")
_CUR_WORDS = (r"(?i:(?:US|U\.S\.|American|Canadian|Australian|New Zealand|Singapore|Hong Kong)\s+dollars?|"
              r"(?:Mexican|Colombian|Argentine|Argentinian|Chilean|Philippine|Uruguayan)\s+pesos?|"
              r"dollars|pesos?|euros?|(?:pounds\s+)?sterling|rupees?|reais|z[lł]oty|z[lł]|yen|yuan|rand|lei|"
              r"francs?|kronor|kroner|shillings?|naira)")
_AMOUNT = re.compile(
    rf"(?P<cur>{_CUR})?\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d{{1,2}})?|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,.])|\d+(?:\.\d{{1,2}})?)"
    rf"(?:\s?(?P<k>[kK])(?![a-zA-Z]))?(?P<code>\s?(?:{_CODES}|{_CUR_WORDS})(?![a-zA-Z]))?"
)
# symbols and words to ISO codes (a bare three-letter code is its own); a name not here
# ("pesos", "francs": several countries) is a currency we cannot pin down, never USD
_CURRENCY = {"$": "USD", "US$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
             "MX$": "MXN", "S$": "SGD", "SG$": "SGD", "HK$": "HKD", "R$": "BRL", "£": "GBP", "€": "EUR", "₹": "INR",
             "RMB": "CNY", "DOLLARS": "USD", "US DOLLARS": "USD", "U.S. DOLLARS": "USD", "AMERICAN DOLLARS": "USD",
             "CANADIAN DOLLARS": "CAD", "AUSTRALIAN DOLLARS": "AUD", "NEW ZEALAND DOLLARS": "NZD",
             "SINGAPORE DOLLARS": "SGD", "HONG KONG DOLLARS": "HKD", "MEXICAN PESOS": "MXN", "COLOMBIAN PESOS": "COP",
             "ARGENTINE PESOS": "ARS", "ARGENTINIAN PESOS": "ARS", "CHILEAN PESOS": "CLP", "PHILIPPINE PESOS": "PHP",
             "URUGUAYAN PESOS": "UYU", "EURO": "EUR", "EUROS": "EUR", "STERLING": "GBP", "POUNDS STERLING": "GBP",
             "RUPEE": "INR", "RUPEES": "INR", "REAIS": "BRL", "ZLOTY": "PLN", "ZŁOTY": "PLN", "ZL": "PLN", "ZŁ": "PLN",
             "YEN": "JPY", "YUAN": "CNY", "RAND": "ZAR", "LEI": "RON", "KRONOR": "SEK", "NAIRA": "NGN"}
_GENERIC = {"$", "DOLLARS"}  # USD only when the text names no other currency ("$2,500 MXN" is pesos)
_UNKNOWN = "?"
_GAP_UNIT = r"(?:(?:p\.?\s?/?\s?|/\s*|per\s+|an?\s+)(?:hour|hr|h|day|week|wk|month|annum|year|yr)s?\.?|ph|pa|p\.a\.)"
_RANGE_GAP = re.compile(rf"^\s*{_GAP_UNIT}?\s*(?:-+|–|—|to|and|&)\s*(?:up\s+to\s+)?$", re.I)
_TO_COMPETITIVE = re.compile(r"^\s*(?:-|to)\s*(?:competitive|negotiable|doe)\b", re.I)
_AFTER = [
    ("hour", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?/?\s?|each\s+)(?:hour|hr|h)s?\b\.?|^\s*\+?\s*(?:hourly|ph\b|p/h\b|p\.h\.?)", re.I)),
    ("day", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?)(?:(?:man|person)[- ])?(?:day|d)\b|^\s*\+?\s*(?:daily|pd\b|p/d\b)", re.I)),
    ("week", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?)(?:week|wk|w)\b|^\s*\+?\s*weekly", re.I)),
    ("month", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?)(?:month|mo|mth|m)\b|^\s*\+?\s*(?:monthly|pcm\b|p\.c\.m)", re.I)),
    ("year", re.compile(r"^\s*\+?\s*(?:/\s*|per\s+|an?\s+|p\.?\s?)(?:year|yr|annum|a|y)\b|^\s*\+?\s*(?:annually|yearly|annual|pa\b|p\.a\.?)", re.I)),
]
_GROSS = re.compile(r"\s*(?:gross|net|brutto|netto|before\s+tax(?:es)?|pre-?tax)\b", re.I)
_BEFORE = [
    ("hour", re.compile(r"\bhourly\b|\bper hour\b", re.I)),
    ("day", re.compile(r"\bdaily\b|\bday rate\b", re.I)),
    ("week", re.compile(r"\bweekly\b", re.I)),
    ("month", re.compile(r"\bmonthly\b", re.I)),
    ("year", re.compile(r"\bannual(?:ly)?\b|\byearly\b|\bper (?:year|annum)\b", re.I)),
]
# "paid" is a pay word, but not in "paid time off", "paid parental leave", "company-paid holidays"
_CUE = re.compile(r"\b(?:pay|salary|salaries|wage|wages|rate|compensation|comp|earn|earning|earnings|ote|range|"
                  r"paid(?![- ]+(?:time|parental|leave|holidays?|vacation|sick|family|maternity|paternity|pto|days?|"
                  r"weeks?|volunteer|sabbatical|bereavement))|starting|base)\b", re.I)
_NOT_MONEY_UNIT = re.compile(r"^\s*(?:%|percent\b|\+?\s*(?:hours?|hrs?|years?|yrs?|days?|weeks?|months?|minutes?|mins?|%|percent|"
                             r"people|employees|staff|members|clients|customers|locations|states|countries|miles|"
                             r"sq|square|beds?|units?|patients|students|am|pm|x)\b)", re.I)
# money that is nobody's pay: a magnitude ("$6+ Billion", "$5M", "$2bn") or a sum said to be
# of something else ("$40M in loans", "$3 million of annual revenue", "$2B in assets")
_SCALE = re.compile(
    r"^\s*\+?\s*(?:million|billion|trillion|mn|mm|bn|m|b)\b|"
    r"^\s*\+?\s*(?:in|of|worth\s+of)\s+(?:[\w-]+\s+){0,2}(?:loans?|lending|revenues?|sales|funding|financing|assets|"
    r"portfolios?|budgets?|spend|arr|mrr|gmv|transactions?|payments?|volume|capital|investments?|deposits?|"
    r"valuation|claims|premiums?|donations|grants?)\b", re.I)
_PURPOSE = [
    ("ote", re.compile(r"\bOTE\b|on[- ]target", re.I)),
    ("bonus", re.compile(r"\b(?:bonus|bonuses|sign[- ]?on|signing|referral|incentive|commission)\b", re.I)),
    ("tips", re.compile(r"\btips?\b|\bgratuit", re.I)),
    ("other", re.compile(r"\b(?:stipend|reimburs\w*|tuition|allowance|relocation|cost|costs|"
                         r"worth|value|revenue|budget|funding|raised|scholarship|discount|deductible|fee|fees|"
                         r"savings|per diem|retainer|credit|loan|for every|per (?:enrollment|sale|referral|lead|client|unit|visit))\b", re.I)),
]
# what a figure is for, read in the words right after it (up to the clause's end or a pay word):
# "Up to $25,000 Fertility and Family Building Benefit", "$1,000 annual learning stipend"
_BENEFIT_AFTER = re.compile(
    r"\b(?:benefits?|perks?|stipends?|allowances?|reimburse\w*|budgets?|credits?|vouchers?|gift|fertility|"
    r"family[- ]building|adoption|surrogacy|childcare|wellness|well-?being|gym|fitness|home[- ]office|co-?working|"
    r"equity|stock|rsus?|401|in\s+(?:\w+\s+)?(?:bonus|bonuses|commissions?|tips)|"
    r"for\s+(?:\w+\s+){0,2}(?:equipment|home office|learning|education|training|courses|books|wellness|gym|"
    r"fitness|childcare|conferences?|coworking|co-working|internet|setup))\b", re.I)
_BASE_WORD = re.compile(r"\b(?:base|salary|salaries|wages?|pay)\b", re.I)
_TRAIL_END = re.compile(r"[,;:.!?()\n]|\s[-–—|]\s")
_EXTRAS = re.compile(r"\s*(?:\+|plus\b|and\b|&|with\b|including\b|includes\b)", re.I)
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
    value = float(re.sub(r"[,\s]", "", m.group("num")))
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
    gross = _GROSS.match(text, pos)  # "14 000 PLN gross/month", "€3,000 net per month"
    if gross:
        pos = gross.end()
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


def _currency(a: re.Match[str], b: re.Match[str] | None) -> str | None:
    """The currency the figures name: a code or word ("MXN", "euros") before a "$", which many
    currencies write; ``_UNKNOWN`` for a name that fits several ("pesos"); ``None`` for none."""
    named = [re.sub(r"\s+", " ", raw.strip()).upper() for x in (a, b) if x
             for raw in (x.group("code"), x.group("cur")) if raw]
    named = [n[:3] if re.fullmatch(r"[A-Z]{3} ?[$£€₹]", n) else n for n in named]
    specific = [n for n in named if n not in _GENERIC]
    if not specific:
        return "USD" if named else None
    n = specific[0]
    return _CURRENCY.get(n) or (n if re.fullmatch(r"[A-Z]{3}", n) else _UNKNOWN)


def _purpose(text: str, before: str, end: int, span_end: int) -> str:
    """What a figure pays for, from the words just before it (within its sentence) and just
    after it (within its clause, up to a pay word). After "+ bonus", "and equity", "with
    benefits" the figure is base pay with extras, and so it is after a stated period ("per
    annum bonus, car", "/annum Excellent Benefits", "/hour Shift Allowance")."""
    lead = re.split(r"[.!?\n]", before[-30:])[-1]
    lead = _BASE_WORD.split(lead)[-1]  # "$225k OTE, base $125k": a base-pay word nearer wins
    trail = text[span_end:span_end + 15]
    explicit = span_end > end  # the text named the period right after the figure
    if re.match(r"\s*(?:\+|plus\b|and\b|&)", trail, re.I) or (explicit and not re.match(r"\s*(?:in|of)\b", trail, re.I)):
        trail = ""  # "per annum + bonus", "per annum bonus, car": base pay with extras
    found = next((name for name, rx in _PURPOSE if rx.search(lead + " " + trail)), None)
    if found or explicit:
        return found or "base"
    clause = text[span_end:span_end + 40]
    stop = _TRAIL_END.search(clause)
    if stop and stop.group() == ":":
        return "base"  # "per hour Benefits: 401(k)": a heading for what follows
    clause = clause[:stop.start()] if stop else clause
    cue = _CUE.search(clause)
    clause = clause[:cue.start()] if cue else clause
    if _EXTRAS.match(clause):
        return "base"
    return "other" if _BENEFIT_AFTER.search(clause) else "base"


#: a run of digits and what a figure writes between them ("174,320", "10 000", "12,00,000")
_DIGITS = re.compile(r"\d[\d,.\s\u00a0\u202f]*")
#: how far before its first digit a figure can start ("USD $", "MX$ ") and after its last
#: digit it can end ("k New Zealand dollars"); generous, since a window only bounds a scan
_LEAD, _TAIL = 12, 48


def _amounts(text: str) -> list[re.Match[str]]:
    """``_AMOUNT.finditer(text)``, scanned only around the digits: every figure holds one,
    and trying the currency alternatives at every character of a long posting cost most of
    the reading of its pay (1.6 of 1.9 s over the shared postings). Windows that overlap
    are merged, so the matches are the ones the whole-text scan finds
    (``tests/pay/test_pay.py`` checks it on every shared posting)."""
    windows: list[list[int]] = []
    for m in _DIGITS.finditer(text):
        a, b = max(0, m.start() - _LEAD), min(len(text), m.end() + _TAIL)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    return [m for a, b in windows for m in _AMOUNT.finditer(text, a, b)]


def find_pay(text: str, settings: PaySettings | None = None, *, assume_pay: bool = False) -> tuple[PayMention, ...]:
    """Every pay statement in ``text``, in order. ``assume_pay`` reads bare numbers as pay
    (for a field known to hold pay, like a job board's salary column)."""
    cfg = settings or PaySettings()
    amounts = _amounts(text)
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
        before = text[max(0, s0 - 60):s0]
        cue = bool(_CUE.search(before[-45:]))
        # a pay word "next to" a bare figure: in the same clause ("Paid Time Off, 9 holidays" is not)
        near_cue = bool(_CUE.search(re.split(r"[,;]", before[-15:])[-1]))
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
        purpose = _purpose(text, before, end, span_end)
        qualifier = None
        low_words = before[-12:].lower()
        if hi is None:
            if "up to" in low_words or "upto" in low_words:
                qualifier = "up to"
            elif "from" in low_words or "starting" in before[-20:].lower():
                qualifier = "from"
        per = cfg.per_year(period)
        currency = _currency(a, b)
        out.append(PayMention(
            kind="range" if hi is not None else "single", start=s0, end=max(span_end, end),
            surface=text[s0:max(span_end, end)], low=lo, high=hi,
            currency=None if currency == _UNKNOWN else currency or cfg.default_currency, period=period, period_inferred=inferred,
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


def pay_of(text: str, field: str | None = None, settings: PaySettings | None = None) -> PayMention | None:
    """A posting's pay when its job board also gives a pay field (Remotive's ``salary``).

    The field is what the board states as the pay, so a figure in it wins over the text's;
    when it names no period or currency and the text states the same figures with them, the
    text's mention is taken (same pay, with its evidence). A field without a figure ("competitive
    salary and equity", "$xxx,xxx") leaves the text to decide, and is the ``undisclosed`` answer
    when the text has no figure either."""
    own = posting_pay(field, settings, assume_pay=True) if field and field.strip() else None
    if own is not None and own.low is not None:
        if own.period_inferred or own.currency is None:
            same = [p for p in find_pay(text, settings) if (p.low, p.high) == (own.low, own.high)
                    and not p.period_inferred and (p.currency or own.currency)]
            if same:
                return same[0]
        return replace(own, source="field")
    in_text = posting_pay(text, settings)
    if in_text is not None and in_text.low is not None:
        return in_text
    if own is not None:
        return replace(own, source="field")
    return in_text
